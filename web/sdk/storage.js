// Where a client keeps workspace keys between sessions. The default keeps them in memory only.
// Opting in to createEncryptedKeyStorage() keeps them in IndexedDB, encrypted with AES-GCM under a
// WebCrypto key that is generated non-extractable and itself stored in IndexedDB: the page can
// use it, nothing can read its bytes, and only ciphertext of the workspace keys is written.
// Keys never go to localStorage, a log line or an error message.

import { openDatabase, inStore } from './idb.js';

// The interface every storage offers: load() -> [{workspaceId, key}], save(id, key), remove(id), clear().
export function createMemoryKeyStorage() {
  const keys = new Map();
  return {
    kind: 'memory',
    async load() {
      return [...keys].map(([workspaceId, key]) => ({ workspaceId, key }));
    },
    async save(workspaceId, key) {
      keys.set(workspaceId, key);
    },
    async remove(workspaceId) {
      keys.delete(workspaceId);
    },
    async clear() {
      keys.clear();
    },
  };
}

const WRAP_STORE = 'wrapping';
const KEY_STORE = 'keys';
const WRAP_ID = 'aes-gcm-v1';

export function createEncryptedKeyStorage(options = {}) {
  const indexedDB = options.indexedDB ?? globalThis.indexedDB;
  const crypto = options.crypto ?? globalThis.crypto;
  const dbName = options.dbName ?? 'trypost-keys';
  if (!indexedDB) throw new Error('Encrypted key storage needs IndexedDB');
  if (!crypto?.subtle) throw new Error('Encrypted key storage needs WebCrypto');
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let ready = null;

  // The AES key is made once per database and never leaves WebCrypto (extractable: false).
  function init() {
    ready ??= (async () => {
      const db = await openDatabase(indexedDB, dbName, [WRAP_STORE, KEY_STORE]);
      let aes = await inStore(db, WRAP_STORE, 'readonly', (s) => s.get(WRAP_ID));
      if (!aes) {
        aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
        await inStore(db, WRAP_STORE, 'readwrite', (s) => s.put(aes, WRAP_ID));
      }
      return { db, aes };
    })();
    return ready;
  }

  // The workspace id is the additional data: a record copied under another id does not decrypt.
  const aad = (workspaceId) => encoder.encode(`trypost workspace key:${workspaceId}`);

  return {
    kind: 'encrypted-indexeddb',
    async save(workspaceId, key) {
      const { db, aes } = await init();
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ciphertext = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: aad(workspaceId) },
        aes,
        encoder.encode(key),
      );
      await inStore(db, KEY_STORE, 'readwrite', (s) => s.put({ iv, ciphertext: new Uint8Array(ciphertext) }, workspaceId));
    },
    async load() {
      const { db, aes } = await init();
      const ids = await inStore(db, KEY_STORE, 'readonly', (s) => s.getAllKeys());
      const out = [];
      for (const workspaceId of ids) {
        const record = await inStore(db, KEY_STORE, 'readonly', (s) => s.get(workspaceId));
        try {
          const plain = await crypto.subtle.decrypt(
            { name: 'AES-GCM', iv: record.iv, additionalData: aad(workspaceId) },
            aes,
            record.ciphertext,
          );
          out.push({ workspaceId: String(workspaceId), key: decoder.decode(plain) });
        } catch {
          // A record that does not authenticate is dropped, not trusted.
          await inStore(db, KEY_STORE, 'readwrite', (s) => s.delete(workspaceId));
        }
      }
      return out;
    },
    async remove(workspaceId) {
      const { db } = await init();
      await inStore(db, KEY_STORE, 'readwrite', (s) => s.delete(workspaceId));
    },
    async clear() {
      const { db } = await init();
      await inStore(db, KEY_STORE, 'readwrite', (s) => s.clear());
    },
  };
}
