// When analyses run. Not a debounce: an edit schedules a run for the next turn of the event loop, so
// diagnostics follow a keystroke as fast as the engine allows. While edits keep arriving turn after
// turn (a burst the JSON-RPC layer hands over one message per turn), the run waits for the burst to
// end, so the edits fold into one run that reads the document's latest text. Scheduling again also
// invalidates any older run still waiting on an await (settings), so a stale run never publishes.
export type RunFn = (uri: string, isCurrent: () => boolean) => Promise<void>;

/** A flood of edits must not starve diagnostics forever. */
const MAX_DEFERRALS = 64;

interface Queued {
  immediate: NodeJS.Immediate;
  seenGeneration: number;
  deferrals: number;
}

export class AnalysisScheduler {
  private readonly queued = new Map<string, Queued>();
  private readonly generation = new Map<string, number>();

  constructor(private readonly run: RunFn) {}

  schedule(uri: string): void {
    const generation = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, generation);
    if (this.queued.has(uri)) return;
    const entry: Queued = { immediate: setImmediate(() => this.fire(uri, entry)), seenGeneration: generation, deferrals: 0 };
    this.queued.set(uri, entry);
  }

  private fire(uri: string, entry: Queued): void {
    const current = this.generation.get(uri) ?? 0;
    // The first turn always yields once: the JSON-RPC layer queues its next message after our immediate,
    // so only one turn later can we tell whether another edit was waiting. After that, keep yielding
    // while edits keep coming in.
    if ((entry.deferrals === 0 || current !== entry.seenGeneration) && entry.deferrals < MAX_DEFERRALS) {
      entry.seenGeneration = current;
      entry.deferrals++;
      entry.immediate = setImmediate(() => this.fire(uri, entry));
      return;
    }
    this.queued.delete(uri);
    this.run(uri, () => this.generation.get(uri) === current).catch(() => undefined);
  }

  cancel(uri: string): void {
    const queued = this.queued.get(uri);
    if (queued) clearImmediate(queued.immediate);
    this.queued.delete(uri);
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
  }
}
