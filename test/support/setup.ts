// Root hook: the HCL parser is WebAssembly and loads asynchronously once per process.
import { initEngine } from '../../server/src/engine/engine';

export const mochaHooks = {
  async beforeAll(): Promise<void> {
    await initEngine();
  },
};
