// What a returning visit paints from before the network answers: per workspace, its posts (the
// exact JSON text the core was loaded with), accounts, labels and signatures, plus the list of
// workspace summaries and which one was open. Never a key or a token: summaries say only whether
// a key is held (has_key), and nothing here is read by anything but this page.
// Kept only when the user chose "Remember on this device"; "Sign out" deletes the whole database.
//
// The `meta` store also keeps the first-paint record (`paint`): the core's answer for the month a
// fresh visit opens, as painted last from live data, with what <tp-calendar> needs to draw it
// (calendar-view.js paintRecord). It is small, so a returning visit reads it and paints before
// the core, the modules behind it or the workspace's big posts text are loaded.

import { promisify, openDatabase, openExisting, inTransaction } from '../sdk/idb.js';

const DB = 'trypost-cache';
const WORKSPACES = 'workspaces';
const META = 'meta';

export function openPostCache({ indexedDB = globalThis.indexedDB, name = DB } = {}) {
  let ready = null;
  const tx = async (stores, mode, fn) => inTransaction(await (ready ??= openDatabase(indexedDB, name, [WORKSPACES, META])), stores, mode, fn);

  return {
    // One small read for the first paint: the list, which workspace was open, and its month.
    // Nothing (and no database made) when this device keeps no copy.
    async boot() {
      const db = await openExisting(indexedDB, name);
      if (!db) return { meta: null, paint: null };
      if (ready) db.close();
      else ready = Promise.resolve(db);
      return inTransaction(await ready, [META], 'readonly', async (t) => {
        const store = t.objectStore(META);
        const [meta, paint] = await Promise.all([promisify(store.get('last')), promisify(store.get('paint'))]);
        return { meta: meta ?? null, paint: meta?.active && paint?.workspace === meta.active ? paint : null };
      });
    },
    get: (id) => tx([WORKSPACES], 'readonly', (t) => promisify(t.objectStore(WORKSPACES).get(id))).then((r) => r ?? null),
    put: (id, record) => tx([WORKSPACES], 'readwrite', (t) => promisify(t.objectStore(WORKSPACES).put({ ...record, id, saved_at: new Date().toISOString() }, id))),
    remove: (id) => tx([WORKSPACES], 'readwrite', (t) => promisify(t.objectStore(WORKSPACES).delete(id))),
    // {active: id, workspaces: [summaries]}: summaries hold no key (the core's snapshot never does).
    putMeta: (meta) => tx([META], 'readwrite', (t) => promisify(t.objectStore(META).put(meta, 'last'))),
    // {workspace, paint_key, view_text, total, accounts, labels}: see calendar-view.js paintRecord.
    putPaint: (workspace, record) => tx([META], 'readwrite', (t) => promisify(t.objectStore(META).put({ ...record, workspace, saved_at: new Date().toISOString() }, 'paint'))),
  };
}
