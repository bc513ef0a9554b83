// trypost SDK: the thin JavaScript shell around the WASM core. I/O only (fetch, WebCrypto,
// IndexedDB, timers); every rule is asked of the core.
import { loadCore, CoreError } from './core.js';

export { loadCore, CoreError };

export async function coreVersion() {
  const core = await loadCore();
  return core.version();
}
export { countTexts, count } from './counting.js';
export { createClient, WorkspaceError } from './client.js';
export { createMemoryKeyStorage, createEncryptedKeyStorage } from './storage.js';
export { contentTypes, metaCatalog, validatePostRequest, applySignatures, validateLabel, validateSignature, previewPost } from './posts.js';
export { Calendar, createCalendar, zoneTransitions, zoneOffsetAt, exportSnapshot, importSnapshot, planMove, clockChangeText } from './calendar.js';
export { signRequest, signResponse, verifyRequest, verifyResponse, contentDigest, makeNonce, bytesToBase64, base64ToBytes, SigningError } from './signing.js';
export { createTransport, TransportError, idempotencyHeader, newIdempotencyKey } from './transport.js';
export { createOutbox, createMemoryOutboxStorage, createIndexedDbOutboxStorage, isLocalId } from './outbox.js';
export { ApiError } from './resources.js';
export { brandCatalog } from './brand.js';
export { roleCatalog } from './roles.js';
export { postActions, planPostAction } from './post-actions.js';
export { postsInWindow } from './post-window.js';
export { wallTimeToUtc, utcToWallTime, resolveWallTimeWith } from './wall-time.js';
export { describeProblems, displayNames } from './wording.js';
export { planStatusWatch, createStatusWatch } from './publish-watch.js';
