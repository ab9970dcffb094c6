// Progress for long scans, on stderr and only when stderr is a terminal: CI logs and piped output
// stay clean, and stdout (which may carry JSON or SARIF) is never touched.
import type { OutputStream } from './main';

/** Quiet for the first second: short scans should not flicker a progress line. */
const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;

export function createProgress(stream: OutputStream, now: () => number = Date.now): { start: (total: number) => void; update: (done: number) => void; done: () => void } {
  let total = 0;
  let startedAt = 0;
  let lastDraw = 0;
  let drawn = false;
  const enabled = !!stream.isTTY;
  return {
    start: (count) => {
      total = count;
      startedAt = now();
    },
    update: (done) => {
      if (!enabled || !total) return;
      const time = now();
      if (time - startedAt < SHOW_AFTER_MS || time - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = time;
      drawn = true;
      const percent = Math.floor((done / total) * 100);
      stream.write(`\r\u001b[Kenclint: scanned ${done}/${total} files (${percent}%)`);
    },
    done: () => {
      if (drawn) stream.write('\r\u001b[K');
      drawn = false;
    },
  };
}
