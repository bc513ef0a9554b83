// Encrypted key storage in Chromium's real IndexedDB: keys survive a reload, only ciphertext is
// stored, the AES key is a non-extractable CryptoKey, and nothing lands in localStorage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, watchPage } from './browser.js';

const env = useBrowserAndServer();

test('encrypted key storage survives a reload and stores only ciphertext', async () => {
  const page = await env.browser.context.newPage();
  const problems = watchPage(page);
  await page.goto(`${env.server.url}/app/`);
  const secret = 'tp_browser_secret_0123456789abcdefghijklmnopqrstuvwxyz';
  await page.evaluate(async (key) => {
    const { createEncryptedKeyStorage } = await import('/sdk/index.js');
    const storage = createEncryptedKeyStorage({ dbName: 'trypost-e2e-keys' });
    await storage.save('ws-1', key);
    await storage.save('ws-2', 'tp_second');
  }, secret);
  await page.reload();
  const seen = await page.evaluate(async () => {
    const { createEncryptedKeyStorage } = await import('/sdk/index.js');
    const loaded = await createEncryptedKeyStorage({ dbName: 'trypost-e2e-keys' }).load();
    // Read the raw records, as anything else on the origin could.
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('trypost-e2e-keys');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const read = (store, fn) =>
      new Promise((resolve, reject) => {
        const req = fn(db.transaction(store, 'readonly').objectStore(store));
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const records = await read('keys', (s) => s.getAll());
    const aes = await read('wrapping', (s) => s.get('aes-gcm-v1'));
    let exported = 'refused';
    try {
      await crypto.subtle.exportKey('raw', aes);
      exported = 'exported';
    } catch {}
    const raw = records.map((r) => Array.from(r.ciphertext, (b) => String.fromCharCode(b)).join('')).join('|');
    return {
      loaded,
      recordFields: records.map((r) => Object.keys(r).sort().join(',')),
      rawHasPrefix: raw.includes('tp_'),
      aesType: Object.prototype.toString.call(aes),
      extractable: aes.extractable,
      exported,
      localStorageLength: localStorage.length,
    };
  });
  assert.deepEqual(seen.loaded, [
    { workspaceId: 'ws-1', key: secret },
    { workspaceId: 'ws-2', key: 'tp_second' },
  ]);
  assert.deepEqual(seen.recordFields, ['ciphertext,iv', 'ciphertext,iv']);
  assert.equal(seen.rawHasPrefix, false);
  assert.equal(seen.aesType, '[object CryptoKey]');
  assert.equal(seen.extractable, false);
  assert.equal(seen.exported, 'refused');
  assert.equal(seen.localStorageLength, 0);
  assert.deepEqual(problems, []);
  await page.close();
});
