// trypost SDK: the thin JavaScript shell around the WASM core. I/O only (fetch, WebCrypto,
// IndexedDB, timers); every rule is asked of the core.
import { loadCore, CoreError } from './core.js';

export { loadCore, CoreError };

export async function coreVersion() {
  const core = await loadCore();
  return core.version();
}
export { signRequest, verifyRequest, contentDigest, makeNonce, bytesToBase64, base64ToBytes, SigningError } from './signing.js';
