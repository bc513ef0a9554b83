// Time to load and instantiate the WASM core in Node (a fresh instance each round).
import { loadCore } from '../web/sdk/core.js';
import { readFile } from 'node:fs/promises';

export async function run() {
  const wasmBinary = await readFile(new URL('../web/sdk/wasm/trypost-core.wasm', import.meta.url));
  const times = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const core = await loadCore({ wasmBinary, fresh: true });
    core.version();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return [{ suite: 'core', case: 'instantiate WASM core (median of 20)', value: times[10], unit: 'ms' }];
}
