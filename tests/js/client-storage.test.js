// Encrypted key storage in Node, over a minimal in-memory IndexedDB (only what storage.js uses).
// It stores values by reference, as structured clone would keep a CryptoKey usable; the browser
// run against the real IndexedDB is not covered here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { createEncryptedKeyStorage } from '../../web/sdk/index.js';

function fakeIndexedDB() {
  const databases = new Map();
  const request = (run) => {
    const req = { result: undefined, error: null, onsuccess: null, onerror: null };
    queueMicrotask(() => {
      try {
        req.result = run();
        req.onsuccess?.();
      } catch (e) {
        req.error = e;
        req.onerror?.();
      }
    });
    return req;
  };
  return {
    databases,
    open(name) {
      const req = { result: undefined, onsuccess: null, onerror: null, onupgradeneeded: null };
      queueMicrotask(() => {
        let stores = databases.get(name);
        const fresh = !stores;
        if (fresh) databases.set(name, (stores = new Map()));
        const db = {
          objectStoreNames: { contains: (n) => stores.has(n) },
          createObjectStore: (n) => stores.set(n, new Map()),
          transaction(storeName) {
            const tx = { oncomplete: null, onerror: null, onabort: null, error: null };
            const map = stores.get(storeName);
            const done = () => setTimeout(() => tx.oncomplete?.(), 0);
            tx.objectStore = () => ({
              get: (k) => request(() => (done(), map.get(k))),
              put: (v, k) => request(() => (done(), map.set(k, v), k)),
              delete: (k) => request(() => (done(), map.delete(k), undefined)),
              clear: () => request(() => (done(), map.clear(), undefined)),
              getAllKeys: () => request(() => (done(), [...map.keys()])),
            });
            return tx;
          },
        };
        req.result = db;
        if (fresh) req.onupgradeneeded?.();
        req.onsuccess?.();
      });
      return req;
    },
  };
}

test('encrypted storage: round-trips keys, writes only ciphertext, and its AES key is not extractable', async () => {
  const indexedDB = fakeIndexedDB();
  const storage = createEncryptedKeyStorage({ indexedDB, crypto: webcrypto });
  const secret = 'tp_live_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL';
  await storage.save('ws-1', secret);
  await storage.save('ws-2', 'tp_other_key');
  assert.deepEqual(await storage.load(), [
    { workspaceId: 'ws-1', key: secret },
    { workspaceId: 'ws-2', key: 'tp_other_key' },
  ]);
  const stores = indexedDB.databases.get('trypost-keys');
  const aes = stores.get('wrapping').get('aes-gcm-v1');
  assert.equal(aes.extractable, false);
  assert.equal(aes.algorithm.name, 'AES-GCM');
  await assert.rejects(webcrypto.subtle.exportKey('raw', aes));
  for (const record of stores.get('keys').values()) {
    const bytes = Buffer.from(record.ciphertext).toString('latin1');
    assert.equal(bytes.includes('tp_'), false, 'plaintext key bytes in storage');
    assert.equal(record.iv.length, 12);
  }
  // A second storage over the same database reuses the same key and reads the same values.
  const again = createEncryptedKeyStorage({ indexedDB, crypto: webcrypto });
  assert.equal((await again.load()).length, 2);
  await again.remove('ws-2');
  assert.deepEqual((await storage.load()).map((e) => e.workspaceId), ['ws-1']);
});

test('encrypted storage: a record moved under another workspace id does not decrypt and is dropped', async () => {
  const indexedDB = fakeIndexedDB();
  const storage = createEncryptedKeyStorage({ indexedDB, crypto: webcrypto });
  await storage.save('ws-a', 'tp_key_of_a');
  const keys = indexedDB.databases.get('trypost-keys').get('keys');
  keys.set('ws-b', keys.get('ws-a'));
  const loaded = await storage.load();
  assert.deepEqual(loaded, [{ workspaceId: 'ws-a', key: 'tp_key_of_a' }]);
  assert.equal(keys.has('ws-b'), false);
  await storage.clear();
  assert.deepEqual(await storage.load(), []);
});

test('encrypted storage refuses to run without IndexedDB or WebCrypto rather than fall back to plain text', () => {
  assert.throws(() => createEncryptedKeyStorage({ indexedDB: null, crypto: webcrypto }), /IndexedDB/);
  assert.throws(() => createEncryptedKeyStorage({ indexedDB: fakeIndexedDB(), crypto: {} }), /WebCrypto/);
});
