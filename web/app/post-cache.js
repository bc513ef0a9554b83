// What a returning visit paints from before the network answers: per workspace, its posts (the
// exact JSON text the core was loaded with), accounts, labels and signatures, plus the list of
// workspace summaries and which one was open. Never a key or a token: summaries say only whether
// a key is held (has_key), and nothing here is read by anything but this page.
// Kept only when the user chose "Remember on this device"; "Sign out" deletes the whole database.

import { promisify, openDatabase, inTransaction } from '../sdk/idb.js';

const DB = 'trypost-cache';
const WORKSPACES = 'workspaces';
const META = 'meta';

export function openPostCache({ indexedDB = globalThis.indexedDB, name = DB } = {}) {
  let ready = null;
  const tx = async (stores, mode, fn) => inTransaction(await (ready ??= openDatabase(indexedDB, name, [WORKSPACES, META])), stores, mode, fn);

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
