// A workspace's posts on the calendar: from the device's copy at once (remembered sessions), the
// month first on a first visit with many pages, then every page from the server; the month just
// painted is kept for the next visit's first paint.
import { h, clear, errorText } from './dom.js';
import { queuedView } from './queued-edits.js';
import { app, root, APP_BASE, activeWs, can, afterFrame } from './app-state.js';
import { loadRest } from './deferred-modules.js';
import { setSync } from './page-notices.js';
import { byId, holdPosts, postsTextWhenIdle, showIfOpen } from './post-refresh.js';
import { prepareClock } from './calendar-entry.js';

// The posts of a workspace read from the device's copy: the calendar paints from the core's index
// alone, so the full posts are parsed on first use (opening a post, composing) or just after the paint.
class LazyPosts {
  #text;
  #size;
  #map = null;
  constructor(text, size) {
    this.#text = text;
    this.#size = size;
  }
  #all() {
    this.#map ??= byId(JSON.parse(this.#text));
    return this.#map;
  }
  get size() { return this.#map ? this.#map.size : this.#size; }
  get(id) { return this.#all().get(id); }
  has(id) { return this.#all().has(id); }
  set(id, post) { this.#all().set(id, post); return this; }
  values() { return this.#all().values(); }
  [Symbol.iterator]() { return this.#all()[Symbol.iterator](); }
}

// The device's copy of a workspace (remembered sessions only), as calendar data marked stale:
// shown at once, then compared with the server.
async function fromCache(ws) {
  const [record] = await Promise.all([app.cache?.get(ws.id).catch(() => null), loadRest()]);
  if (!record?.posts_text) return null;
  performance.mark('tp:cache-read');
  const calendar = await app.sdk.createCalendar();
  performance.mark('tp:core-ready');
  const summary = calendar.load(record.posts_text);
  performance.mark('tp:calendar-loaded');
  const posts = new LazyPosts(record.posts_text, summary?.posts ?? calendar.size);
  setTimeout(() => posts.has(''), 50);
  return { calendar, posts, postsText: record.posts_text, accounts: record.accounts ?? [], labels: record.labels ?? [], signatures: record.signatures ?? [], stale: true, savedAt: record.saved_at };
}

// Equal JSON-like values, compared in place: a kept page record holds ~65 KB of HTML, which
// JSON.stringify copied twice on each comparison (~1 ms after every painted frame).
const sameJson = (a, b) => a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null
  && Array.isArray(a) === Array.isArray(b) && Object.keys(a).length === Object.keys(b).length
  && Object.keys(a).every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k])));

const savedText = (at) => `Showing the posts saved on this device${at ? ` (${at.slice(0, 16).replace('T', ' ')} UTC)` : ''}; checking for changes…`;

export async function loadWorkspace(ws, { force = false } = {}) {
  const cal = app.calendarEl;
  let data = app.data.get(ws.id);
  if (!data && app.cache && app.copyOnDevice) {
    // A returning visit: the month saved at the last live paint is drawn before the core and the
    // posts text are loaded; the core's answer then takes over the same nodes.
    const saved = app.restored?.paint?.workspace === ws.id ? app.restored.paint : null;
    let early = false;
    if (saved) {
      app.restored.paint = null;
      early = cal.showSaved(saved, dataFor(ws, { accounts: [], labels: [] }));
      if (early) {
        performance.mark('tp:saved-shown');
        markPainted(app.restored.drawn ? 'tp:page-took-over' : 'tp:month-painted');
        setSync(savedText(saved.saved_at));
      }
    }
    // The modules, the core and the posts copy load after that frame, not while it is drawn.
    if (early) await app.firstPaint;
    data = await fromCache(ws);
    if (data && !app.data.has(ws.id)) app.data.set(ws.id, data);
    data = app.data.get(ws.id);
    if (data && activeWs()?.id === ws.id && app.screen === 'calendar') {
      cal.setData(dataFor(ws, data));
      if (early) markPainted('tp:core-took-over');
      else markPainted(performance.getEntriesByName('tp:month-painted').length ? 'tp:switch-painted' : 'tp:month-painted');
      if (data.stale && !data.refreshing) setSync(savedText(data.savedAt));
    }
  }
  if (data && !force && !data.stale) {
    cal.setData(dataFor(ws, data));
    keepPaint(ws, data, markPainted('tp:switch-painted'));
    return;
  }
  if (data && !force && activeWs()?.id === ws.id && app.screen === 'calendar') cal.setData(dataFor(ws, data));
  // The client is not signed in yet (remembered session): the refresh runs once it is.
  if (!app.client) return;
  if (data?.refreshing) return;
  if (!data) cal.renderLoading();
  if (data?.stale) {
    data.refreshing = true;
    if (activeWs()?.id === ws.id) setSync('Checking for changes…');
  }
  const stale = data?.stale;
  let partial = null; // the month painted first on a first visit, replaced below
  try {
    // Accounts, labels and signatures change elsewhere rarely: read once per workspace per visit.
    // They and the posts are asked for at once.
    const lists = data && !stale
      ? Promise.resolve([data.accounts, data.labels, data.signatures])
      : Promise.all([app.client.in(ws.id).socialAccounts.list(), app.client.in(ws.id).labels.list(), app.client.in(ws.id).signatures.list()]);
    // A first visit paints the month from the pages holding it before every page is walked (the
    // two would share the browser's 6 connections, and the month would wait for the walk).
    if (!data && ws.id === activeWs()?.id) await paintMonthFirst(ws, lists).catch(() => { /* the walk below still loads it all */ });
    const walk = ws.id === activeWs()?.id ? app.client.posts.refresh() : Promise.resolve([]);
    walk.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
    const [accounts, labels, signatures] = await lists;
    const posts = await walk;
    if (typeof app.sdk.createCalendar !== 'function') throw new Error('This build has no calendar module (web/sdk/calendar.js). Update and rebuild, then reload.');
    // One text for the core's index and the device's copy; unchanged text means nothing to repaint.
    performance.mark('tp:posts-fetched');
    // A background check leaves the page to the user: the text is written while idle.
    const postsText = stale ? await postsTextWhenIdle(posts) : JSON.stringify(posts);
    if (stale && postsText === data.postsText && sameJson(accounts, data.accounts) && sameJson(labels, data.labels) && sameJson(signatures, data.signatures)) {
      data.stale = false;
      data.refreshing = false;
      performance.mark('tp:refreshed');
      if (activeWs()?.id === ws.id) setSync('Up to date.', { fade: true });
      return;
    }
    const calendar = data?.calendar ?? (await app.sdk.createCalendar());
    partial = app.data.get(ws.id)?.partial ? app.data.get(ws.id) : null;
    data = holdPosts(ws, calendar, posts, postsText, { accounts, labels, signatures });
  } catch (err) {
    if (data) data.refreshing = false;
    const shown = app.data.get(ws.id);
    if (shown?.partial) shown.refreshing = false; // the next visit to it walks again
    if (activeWs()?.id !== ws.id) return;
    if (shown?.partial) {
      setSync(`Showing this month's posts only: the others could not be loaded (${errorText(err)}). Reload to try again.`);
      return;
    }
    if (stale) {
      setSync(`Showing the posts saved on this device: they could not be refreshed (${errorText(err)}).`);
      return;
    }
    clear(cal, h('div', { class: 'empty error-state', role: 'alert' }, h('h2', { text: 'This workspace could not be loaded' }), h('p', { text: errorText(err) }),
      h('button', { type: 'button', onclick: () => loadWorkspace(ws, { force: true }), text: 'Try again' })));
    return;
  }
  if (showIfOpen(ws, data, stale ? 'tp:refreshed' : partial ? 'tp:all-posts-painted' : 'tp:month-painted')) {
    if (stale) setSync('Updated with the latest changes from the server.', { fade: true });
    else if (partial) setSync(`All ${data.posts.size} posts loaded.`, { fade: true });
  }
  partial?.calendar.dispose?.();
}

// A first visit to a workspace with many pages of posts: the month on screen is painted from the
// pages that hold it (month-first.js) while the walk over every page goes on; the walk's result
// replaces it (loadWorkspace). Marked stale and refreshing, so a switch back meanwhile shows it
// and waits for that walk instead of starting another.
async function paintMonthFirst(ws, lists) {
  const cal = app.calendarEl;
  const { readMonthFirst } = app.monthFirst ?? (await import('./month-first.js'));
  performance.mark('tp:month-first-start');
  const win = await readMonthFirst(app.client, ws.id, cal.state.date);
  performance.mark('tp:month-first-read');
  if (!win || app.data.has(ws.id)) return;
  let parts;
  try {
    parts = await lists;
  } catch {
    return; // the walk's own error is shown
  }
  if (app.data.has(ws.id) || typeof app.sdk.createCalendar !== 'function') return;
  const calendar = await app.sdk.createCalendar();
  if (app.data.has(ws.id)) return calendar.dispose?.();
  calendar.load(JSON.stringify(win.posts));
  const [accounts, labels, signatures] = parts;
  const data = { calendar, posts: byId(win.posts), postsText: null, accounts, labels, signatures, stale: true, refreshing: true, partial: true };
  app.data.set(ws.id, data);
  if (activeWs()?.id !== ws.id || app.screen !== 'calendar') return;
  cal.setData(dataFor(ws, data));
  markPainted('tp:month-painted');
  setSync(`Showing this month's posts; loading the rest (${win.lastPage} pages)…`);
}

// After a paint from live data, the device keeps that month for the next visit's first paint
// (only the month a fresh visit opens; see calendar-view.js paintRecord). Written once `painted`
// (the frame) is done, and only when it changed.
// With it, the page as painted (page-snapshot.js), which first-paint.js draws before the modules
// run; it is taken after the frame, while the screen still shows that month, and off the paint's path.
export function keepPaint(ws, data, painted) {
  if (!app.cache || data.stale) return;
  const record = app.calendarEl.paintRecord;
  if (!record) return;
  painted.then(async () => {
    const savedAt = new Date().toISOString();
    const same = app.screen === 'calendar' && activeWs()?.id === ws.id && app.calendarEl.paintKey === record.paint_key;
    const html = same ? (await import('./page-snapshot.js')).pageSnapshot(root, { syncText: savedText(savedAt) }) : null;
    const page = html && { html, base: APP_BASE, day: record.date, can_edit: can('manage_posts') };
    const full = { ...record, page };
    // The same month and page as last kept: only its time would change.
    if (app.kept?.ws === ws.id && sameJson(app.kept.record, full)) return;
    app.kept = { ws: ws.id, record: full };
    app.cache?.putPaint(ws.id, { ...full, saved_at: savedAt });
    performance.mark('tp:paint-kept');
  }).catch(() => {});
}

// Performance marks for bench/dashboard.bench.js: the frame after the DOM change is painted.
export function markPainted(name) {
  return afterFrame().then(() => {
    performance.mark(name);
    app.paintedOnce();
    prepareClock();
  });
}

export function dataFor(ws, data) {
  return { ...data, queued: queuedOverlay(ws, data), wsId: ws.id, canEdit: can('manage_posts'), role: ws.role };
}

// Queued edits are drawn where they will be; that changes as they are queued and sent.
export function redrawQueued() {
  const ws = activeWs();
  const data = ws && app.data.get(ws.id);
  if (data?.calendar && app.screen === 'calendar' && app.calendarEl) app.calendarEl.setData(dataFor(ws, data));
}

// Edits waiting in the outbox, put into the calendar's index as they will be (queued-edits.js);
// stand-ins for new posts that have since been sent are taken out again. -> Map id -> kind, or null.
function queuedOverlay(ws, data) {
  // Only edits held back (offline, or kept from an earlier visit): one on its way is shown by the move itself.
  const pending = app.status.queued ? (app.client?.outbox?.pending(ws.id) ?? []) : [];
  if (!data?.calendar || (!pending.length && !data.standIns?.size)) return null;
  const { upserts, marks } = queuedView(pending, data.posts, data.accounts ?? []);
  const gone = [...(data.standIns ?? [])].filter((id) => marks.get(id) !== 'new');
  try {
    if (gone.length) data.calendar.remove(gone);
    if (upserts.length) data.calendar.upsert(upserts);
  } catch { /* shown as the server has it */ }
  data.standIns = new Set([...marks].filter(([, kind]) => kind === 'new').map(([id]) => id));
  return marks.size ? marks : null;
}
