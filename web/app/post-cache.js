// What a returning visit paints from before the network answers: per workspace, its posts (the
// exact JSON text the core was loaded with), accounts, labels and signatures. Never a key or a
// token, and nothing here is read by anything but this page.
// Kept only when the user chose "Remember on this device"; "Sign out" deletes the whole database.
//
// The first-paint record lives apart, in localStorage: the list of workspace summaries (they say
// only whether a key is held, `has_key`), which one was open, and the core's answer for the month
// a fresh visit opens, as painted last from live data (calendar-view.js paintRecord). It is small,
// holds no key or token either, and is read synchronously, so a returning visit paints as soon as
// the first modules run: an IndexedDB open and read cost 20-35 ms there, a third of the whole
// budget. It goes with the rest at sign-out.

// IndexedDB's helpers are loaded on first use: the first paint reads only Web Storage.
const idb = () => import('../sdk/idb.js');

const DB = 'trypost-cache';
const WORKSPACES = 'workspaces';
// Two records, so that the frequent one (the list, on every change of it) is written without the
// month: `meta` {active, workspaces} and `paint` (the month).
// first-paint.js (a classic script, which cannot import this) reads them by the same names.
const FIRST_PAINT = { meta: 'trypost-first-paint', paint: 'trypost-first-paint-month' };
// A bigger month is not kept (that visit paints through the core from the IndexedDB copy): it
// would slow every visit's synchronous read and eat into the origin's small Web Storage quota.
const FIRST_PAINT_MAX = 1 << 20;

function read(storage, part) {
  try {
    const text = storage?.getItem(FIRST_PAINT[part]);
    return text ? JSON.parse(text) : null;
  } catch {
    return null; // storage blocked or the record damaged: an ordinary visit
  }
}

function write(storage, part, value) {
  if (!storage) return;
  try {
    const text = JSON.stringify(value);
    if (text.length > FIRST_PAINT_MAX) throw new RangeError('too big to read at every visit');
    storage.setItem(FIRST_PAINT[part], text);
  } catch {
    // Too big, over the origin's quota, or storage blocked: none rather than an old one.
    try {
      storage.removeItem(FIRST_PAINT[part]);
    } catch { /* storage blocked: nothing was kept */ }
  }
}

// Sign-out: the first-paint records go with the databases.
export function forgetFirstPaint(storage = globalThis.localStorage) {
  try {
    for (const key of Object.values(FIRST_PAINT)) storage?.removeItem(key);
  } catch { /* storage blocked: nothing was kept */ }
}

export function openPostCache({ indexedDB = globalThis.indexedDB, name = DB, storage = globalThis.localStorage } = {}) {
  let ready = null;
  // One request on the workspaces store, answered once committed.
  const request = async (mode, fn) => {
    const { openDatabase, inStore } = await idb();
    return inStore(await (ready ??= openDatabase(indexedDB, name, [WORKSPACES])), WORKSPACES, mode, fn);
  };

  return {
    // The first paint's record, read at once: {meta: {active, workspaces}, paint} or null when this
    // device keeps nothing. `paint` only when it is the open workspace's.
    firstPaint() {
      const meta = read(storage, 'meta');
      if (!meta) return null;
      const paint = meta.active ? read(storage, 'paint') : null;
      return { meta, paint: paint?.workspace === meta.active ? paint : null };
    },
    get: (id) => request('readonly', (store) => store.get(id)).then((r) => r ?? null),
    put: (id, record) => request('readwrite', (store) => store.put({ ...record, id, saved_at: new Date().toISOString() }, id)),
    remove: (id) => request('readwrite', (store) => store.delete(id)),
    // {active: id, workspaces: [summaries]}: summaries hold no key (the core's snapshot never does).
    putMeta: (meta) => write(storage, 'meta', meta),
    // {workspace, paint_key, date, view_text, total, nav, accounts, labels}: see calendar-view.js
    // paintRecord; with `page` {html, base, day, can_edit} (main.js keepPaint, first-paint.js).
    putPaint: (workspace, record) => write(storage, 'paint', { saved_at: new Date().toISOString(), ...record, workspace }),
  };
}
