// When analyses run. Not a debounce: an edit schedules a run for the next turn of the event loop, so
// diagnostics follow a keystroke as fast as the engine allows. Edits that arrive before that turn
// fold into the same run (it reads the document's latest text), and scheduling again invalidates any
// older run still waiting on an await (settings), so a stale run never publishes after a newer one.
export type RunFn = (uri: string, isCurrent: () => boolean) => Promise<void>;

export class AnalysisScheduler {
  private readonly queued = new Map<string, NodeJS.Immediate>();
  private readonly generation = new Map<string, number>();

  constructor(private readonly run: RunFn) {}

  schedule(uri: string): void {
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
    if (this.queued.has(uri)) return;
    this.queued.set(
      uri,
      setImmediate(() => {
        this.queued.delete(uri);
        const mine = this.generation.get(uri);
        this.run(uri, () => this.generation.get(uri) === mine).catch(() => undefined);
      }),
    );
  }

  cancel(uri: string): void {
    const queued = this.queued.get(uri);
    if (queued) clearImmediate(queued);
    this.queued.delete(uri);
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
  }

  isQueued(uri: string): boolean {
    return this.queued.has(uri);
  }
}
