// Runs units across worker threads (one per core) or, for small scans and when no bundled worker is
// available (running from source), in this thread: starting workers costs more than a few files take.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { initEngine } from '../engine/engine';
import { analyzeUnit } from './analyze-unit';
import type { ScanUnit, UnitOptions, UnitResult } from './types';
import type { UnitRequest, UnitResponse } from './worker';

/** Below this many files the scan runs in-process. */
export const IN_PROCESS_MAX_FILES = 64;

/**
 * Bytes of input a worker must have to pay for itself. A worker costs about 0.1 s to start (load the
 * bundle, compile the parsers' WebAssembly) and 0.2 s more when it meets TypeScript (the compiler is
 * loaded per thread); one thread scans about 2 MB/s of mixed sources. Splitting T seconds of work
 * over two workers saves T/2 and costs that start-up on each, so below a few MB one thread wins
 * (the 735-file, 3.5 MB shared corpus took 2.6 s on two workers and 1.9 s on one).
 */
export const BYTES_PER_WORKER = 4 * 1024 * 1024;

/**
 * How many workers the default (no --jobs) uses: one per 4 MB of input, at most one per core that is
 * not already busy (on a shared CI runner or a laptop compiling, a worker on a loaded core only adds
 * its start-up); 0 (in-process) when that comes to one or fewer.
 */
export function defaultWorkerCount(fileCount: number, bytes: number, cores = os.availableParallelism(), load = os.loadavg()[0]): number {
  if (fileCount < IN_PROCESS_MAX_FILES) return 0;
  const idleCores = Math.max(1, cores - Math.floor(load));
  const count = Math.min(idleCores, Math.floor(bytes / BYTES_PER_WORKER));
  return count <= 1 ? 0 : count;
}

export interface RunOptions extends UnitOptions {
  /** Worker count; 0 forces in-process. Default: from the amount of work (defaultWorkerCount). */
  jobs?: number;

  onProgress?: (doneFiles: number) => void;
}

export interface RunOutcome {
  results: UnitResult[];
  workers: number;
}

export function workerScript(): string | undefined {
  const candidate = path.join(__dirname, 'worker.js');
  return fs.existsSync(candidate) ? candidate : undefined;
}

export async function runUnits(units: ScanUnit[], options: RunOptions): Promise<RunOutcome> {
  const fileCount = units.reduce((n, unit) => n + unit.files.length, 0);
  const script = workerScript();
  const bytes = units.reduce((n, unit) => n + (unit.bytes ?? 0), 0);
  const wanted = options.jobs ?? defaultWorkerCount(fileCount, bytes);
  const workers = Math.min(wanted, units.length);
  if (!script || workers <= 1) return { results: await runInProcess(units, options), workers: 0 };
  return { results: await runInWorkers(units, options, script, workers), workers };
}

async function runInProcess(units: ScanUnit[], options: RunOptions): Promise<UnitResult[]> {
  await initEngine();
  const results: UnitResult[] = [];
  let done = 0;
  for (const unit of units) {
    results.push(analyzeUnit(unit, options));
    done += unit.files.length;
    options.onProgress?.(done);
    // Let a progress write reach the terminal between units.
    if (options.onProgress) await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}

function runInWorkers(units: ScanUnit[], options: RunOptions, script: string, count: number): Promise<UnitResult[]> {
  // Biggest directories first, so one large module does not start last and finish alone.
  const order = units.map((_, index) => index).sort((a, b) => units[b].files.length - units[a].files.length || a - b);
  const results: UnitResult[] = new Array(units.length);
  let next = 0;
  let finished = 0;
  let doneFiles = 0;
  const unitOptions: UnitOptions = { fix: options.fix, timing: options.timing };

  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    let settled = false;
    const stopAll = () => {
      settled = true;
      return Promise.all(pool.map((worker) => worker.terminate()));
    };
    const feed = (worker: Worker) => {
      if (next >= order.length) return;
      const id = order[next++];
      worker.postMessage({ id, unit: units[id], options: unitOptions } satisfies UnitRequest);
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script);
      pool.push(worker);
      worker.on('message', (response: UnitResponse) => {
        if ('error' in response) {
          void stopAll();
          reject(new Error(`worker failed on ${units[response.id].dir}: ${response.error}`));
          return;
        }
        results[response.id] = response.result;
        doneFiles += units[response.id].files.length;
        options.onProgress?.(doneFiles);
        if (++finished === units.length) {
          void stopAll().then(() => resolve(results));
        } else feed(worker);
      });
      worker.on('error', (error) => {
        void stopAll();
        reject(error);
      });
      // A worker that dies without an 'error' (killed, or process.exit in a dependency) must not hang the scan.
      worker.on('exit', (code) => {
        if (settled) return;
        void stopAll();
        reject(new Error(`a scan worker exited unexpectedly (code ${code})`));
      });
      feed(worker);
    }
  });
}
