// Loads the WASM core once per realm. In the browser the module fetches trypost-core.wasm next
// to itself (streaming compile); in Node the bytes are read from disk and handed over, because
// Emscripten 3.1.6's loader would otherwise try Node's global fetch on a file path.
let corePromise = null;

// Where the glue fetches the core from: beside core.js, or beside the chunk that holds it once
// bundled (server/dashboard-bundle.js keeps the glue and the core in wasm/ beside the chunks).
export const CORE_WASM_URL = new URL('./wasm/trypost-core.wasm', import.meta.url).href;

const isNode = typeof process === 'object' && process.versions?.node !== undefined && typeof window === 'undefined';

export function loadCore(options = {}) {
  if (!corePromise || options.fresh) {
    const p = (async () => {
      const { default: createTrypostCore } = await import('./wasm/trypost-core.mjs');
      const init = {};
      if (options.wasmBinary) init.wasmBinary = options.wasmBinary;
      else if (isNode) {
        const { readFile } = await import('node:fs/promises');
        init.wasmBinary = await readFile(new URL(CORE_WASM_URL));
      }
      return createTrypostCore(init);
    })();
    if (options.fresh) return p;
    corePromise = p;
  }
  return corePromise;
}

// Every core function answers JSON text; an {"error": ...} answer becomes a thrown CoreError.
export class CoreError extends Error {
  constructor(message, details) {
    super(message);
    this.name = 'CoreError';
    this.details = details;
  }
}

export function parseCoreAnswer(text) {
  const value = JSON.parse(text);
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.error === 'string') {
    throw new CoreError(value.error, value);
  }
  return value;
}

// One question to the core with a JSON argument: its answer, or a thrown CoreError.
// The shell's rules are asked this way (each is a binding of wasm/bindings.cpp):
//   classifyFailure        what a failure no Store answer classified means: the outbox's
//                          wait/done/problem (outbox.js), and the shell's own refusal (client.js)
//   decidePaymentBlock     which workspaces a 402 blocks, whether to ask for the reset date
//   checkPaymentBlock      whether a block refuses a method, or has lifted (payment-blocks.js)
//   buildIdempotencyHeader the Idempotency-Key header for a key, or its refusal (transport.js)
export function askCore(core, binding, input) {
  return parseCoreAnswer(core[binding](JSON.stringify(input ?? {})));
}
