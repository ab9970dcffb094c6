// Worker-thread entry (bundled to dist/worker.js): loads the parsers once, then analyses the
// directory units the main thread sends, one message per unit.
import { parentPort } from 'node:worker_threads';
import { initEngine } from '../engine/engine';
import { analyzeUnit } from './analyze-unit';
import type { ScanUnit, UnitOptions, UnitResult } from './types';

export interface UnitRequest {
  id: number;
  unit: ScanUnit;
  options: UnitOptions;
}

export type UnitResponse = { id: number; result: UnitResult } | { id: number; error: string };

const port = parentPort;
if (port) {
  const ready = initEngine();
  port.on('message', (request: UnitRequest) => {
    ready
      .then(() => port.postMessage({ id: request.id, result: analyzeUnit(request.unit, request.options) } satisfies UnitResponse))
      .catch((error: Error) => port.postMessage({ id: request.id, error: error.stack ?? error.message } satisfies UnitResponse));
  });
}
