// Progress goes to stderr only on a terminal, only for scans that take a while, and is erased at the end.
import * as assert from 'node:assert/strict';
import { createProgress } from '../../server/src/cli/progress';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
}

describe('scan progress', () => {
  it('stays silent for the first second, then redraws one line and clears it', () => {
    let clock = 0;
    const { writes, stream } = fakeStream(true);
    const progress = createProgress(stream, () => clock);
    progress.start(200);
    clock = 500;
    progress.update(50);
    assert.deepEqual(writes, []);
    clock = 1500;
    progress.update(100);
    clock = 1550;
    progress.update(120); // within the redraw interval: skipped
    clock = 1700;
    progress.update(150);
    progress.done();
    assert.deepEqual(writes, ['\r\u001b[Kenclint: scanned 100/200 files (50%)', '\r\u001b[Kenclint: scanned 150/200 files (75%)', '\r\u001b[K']);
  });

  it('never writes when stderr is not a terminal (CI logs, pipes)', () => {
    let clock = 0;
    const { writes, stream } = fakeStream(false);
    const progress = createProgress(stream, () => clock);
    progress.start(10);
    clock = 5000;
    progress.update(5);
    progress.done();
    assert.deepEqual(writes, []);
  });
});
