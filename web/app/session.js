// "Remember on this device": the account token and the workspace keys are kept across reloads
// only when the user asks, and only as AES-GCM ciphertext in IndexedDB under a non-extractable
// WebCrypto key (web/sdk/storage.js). Never localStorage, sessionStorage, a cookie, the DOM or a
// log line. "Sign out and forget this device" deletes every database this page made, the wrapping
// keys and the waiting edits included.
import { createEncryptedKeyStorage } from '../sdk/storage.js';
import { forgetFirstPaint } from './post-cache.js';

const SESSION_DB = 'trypost-session';
const KEYS_DB = 'trypost-keys';
const CACHE_DB = 'trypost-cache';
const ACCOUNT = 'account';

async function exists(name) {
  // Asking first keeps a visitor who never opted in free of databases.
  if (typeof indexedDB.databases !== 'function') return true;
  return (await indexedDB.databases()).some((d) => d.name === name);
}

export const sessionStorageFor = () => createEncryptedKeyStorage({ dbName: SESSION_DB });
export const keyStorageFor = () => createEncryptedKeyStorage({ dbName: KEYS_DB });

// Whether this device was remembered (no database is opened or made to find out).
export async function hasRememberedSession() {
  return Boolean(globalThis.indexedDB && globalThis.crypto?.subtle) && exists(SESSION_DB);
}

// The remembered account token, or null when this device was never remembered (or the record no
// longer decrypts, which the storage then drops).
export async function rememberedToken() {
  if (!globalThis.indexedDB || !globalThis.crypto?.subtle || !(await exists(SESSION_DB))) return null;
  try {
    const entries = await sessionStorageFor().load();
    return entries.find((e) => e.workspaceId === ACCOUNT)?.key ?? null;
  } catch {
    return null;
  }
}

export async function rememberToken(token) {
  await sessionStorageFor().save(ACCOUNT, token);
}

// A sign-in that failed after its token was written: the token goes, nothing else was kept.
export async function forgetToken() {
  await sessionStorageFor().remove(ACCOUNT);
}

function deleteDb(name) {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve(true);
    request.onerror = () => resolve(false);
  });
}

// Edits waiting to be sent are kept in one database per account token (session-ui.js names it
// from this prefix), while any waits.
export const OUTBOX_PREFIX = 'trypost-outbox-';

async function outboxDbs() {
  try {
    return (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith(OUTBOX_PREFIX));
  } catch {
    return []; // databases() unsupported: nothing listed, nothing deleted
  }
}

// Wipes the ciphertexts first (so nothing is left even if a deletion waits on another tab), then
// the databases with their wrapping keys, then the cached posts and the saved first paint.
// `edits`: the waiting edits go too ("Sign out and forget this device" leaves nothing); a plain
// sign-out keeps them for the same person's next sign-in.
export async function forgetDevice({ edits = false } = {}) {
  forgetFirstPaint();
  for (const make of [sessionStorageFor, keyStorageFor]) {
    try {
      await make().clear();
    } catch { /* the database may never have existed */ }
  }
  await Promise.all([SESSION_DB, KEYS_DB, CACHE_DB, ...(edits ? await outboxDbs() : [])].map(deleteDb));
}
