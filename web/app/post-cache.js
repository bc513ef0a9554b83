// What a returning visit paints from before the network answers: per workspace, its posts (the
// exact JSON text the core was loaded with), accounts, labels and signatures, plus the list of
// workspace summaries and which one was open. Never a key or a token: summaries say only whether
// a key is held (has_key), and nothing here is read by anything but this page.
// Kept only when the user chose "Remember on this device"; "Sign out" deletes the whole database.

const DB = 'trypost-cache';
const WORKSPACES = 'workspaces';
const META = 'meta';

function promisify(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export function openPostCache({ indexedDB = globalThis.indexedDB, name = DB } = {}) {
  let ready = null;
  const open = () => {
    ready ??= (async () => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(WORKSPACES)) db.createObjectStore(WORKSPACES);
        if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
      };
      const db = await promisify(request);
      // A "forget this device" elsewhere deletes the database: let it.
      db.onversionchange = () => db.close();
      return db;
    })();
    return ready;
  };
  const tx = async (stores, mode, fn) => {
    const db = await open();
    const t = db.transaction(stores, mode);
    const done = new Promise((resolve, reject) => {
      t.oncomplete = resolve;
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
    });
    const out = await fn(t);
    await done;
    return out;
  };

  return {
    // One transaction for what the first paint needs: the list and the open workspace's data.
    async boot() {
      return tx([META, WORKSPACES], 'readonly', async (t) => {
        const meta = await promisify(t.objectStore(META).get('last'));
        const active = meta?.active ? await promisify(t.objectStore(WORKSPACES).get(meta.active)) : undefined;
        return { meta: meta ?? null, active: active ?? null };
      });
    },
    get: (id) => tx([WORKSPACES], 'readonly', (t) => promisify(t.objectStore(WORKSPACES).get(id))).then((r) => r ?? null),
    put: (id, record) => tx([WORKSPACES], 'readwrite', (t) => promisify(t.objectStore(WORKSPACES).put({ ...record, id, saved_at: new Date().toISOString() }, id))),
    remove: (id) => tx([WORKSPACES], 'readwrite', (t) => promisify(t.objectStore(WORKSPACES).delete(id))),
    // {active: id, workspaces: [summaries]}: summaries hold no key (the core's snapshot never does).
    putMeta: (meta) => tx([META], 'readwrite', (t) => promisify(t.objectStore(META).put(meta, 'last'))),
  };
}
