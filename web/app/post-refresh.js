// The calendar kept in step after an edit and while posts publish: the core's index takes just the
// posts an edit touched, the device's copy is written while the page is idle, and posts on their
// way to publishing are read again until they settle.
import { app, activeWs } from './app-state.js';
import { notify } from './page-notices.js';
import { loadWorkspace, keepPaint, markPainted, dataFor } from './workspace-loading.js';

export async function reloadPosts() {
  const ws = activeWs();
  if (ws) await loadWorkspace(ws, { force: true });
}

// After an edit the server has answered, the Store already holds its answer (the moved, edited,
// created or deleted post): the calendar is rebuilt from the Store's list, not by reading every
// page again (334 requests for 5,000 posts, seconds before "Saved" could be said). Only while the
// list is not whole yet in this visit (a device copy being checked, the month painted first), or
// after files were attached (their answers are not the post's), are the pages read again.
// `changed` / `removed`: the ids of the posts the edit touched or deleted. The core's index then
// takes just those (upsert / remove, well under a millisecond) instead of loading every post again
// (60-75 ms at 5,000 posts, seconds at 100,000), and the device's copy is written once the page is
// idle.
export async function refreshAfterEdit({ attached = false, wsId = activeWs()?.id, changed = null, removed = null } = {}) {
  const ws = activeWs();
  if (wsId !== ws?.id) {
    // Answered while another workspace is open (an edit queued offline): that one is read again
    // when it is opened next.
    const other = app.data.get(wsId);
    if (other) other.stale = true;
    return;
  }
  const data = ws && app.data.get(ws.id);
  if (attached || !app.client || !data?.calendar || data.stale || data.partial || data.refreshing) return reloadPosts();
  const posts = app.client.posts.list();
  const held = byId(posts);
  const touched = changed?.map((id) => held.get(String(id)));
  const gone = removed?.map(String);
  // Only when the Store's list agrees with the edit (the post is there, or gone): else it is read whole.
  const applied = gone ? !gone.some((id) => held.has(id)) && data.calendar.remove(gone)
    : touched?.length && touched.every(Boolean) && data.calendar.upsert(touched);
  if (applied) {
    performance.mark('tp:calendar-loaded');
    const next = { ...data, posts: held, postsText: null };
    app.data.set(ws.id, next);
    showIfOpen(ws, next, 'tp:edit-painted');
    postsTextWhenIdle(posts).then((text) => {
      if (app.data.get(ws.id) !== next) return; // replaced meanwhile, with its own copy
      next.postsText = text;
      keepCopy(ws, next);
    });
    return;
  }
  showIfOpen(ws, holdPosts(ws, data.calendar, posts, JSON.stringify(posts), data), 'tp:edit-painted');
}

const afterIdle = (fn) => (globalThis.requestIdleCallback ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 200));

// The posts as JSON text, written a slice at a time while the page is idle: in one piece, 5,000
// posts take 40-50 ms here, and a key pressed meanwhile (the next move) waited for all of it. An
// idle period may be 50 ms long, so each turn also stops after a few ms of its own. A hidden tab
// has no one to keep waiting, and its idle callbacks may come a second or more apart: it writes
// the rest at once.
export function postsTextWhenIdle(posts, slice = 100) {
  return new Promise((resolve) => {
    const parts = [];
    let i = 0;
    const step = (deadline) => {
      const until = performance.now() + 4;
      const hidden = document.visibilityState === 'hidden';
      do {
        const end = Math.min(i + slice, posts.length);
        if (end > i) parts.push(JSON.stringify(posts.slice(i, end)).slice(1, -1));
        i = end;
      // Without requestIdleCallback (afterIdle's timer) there is no deadline: the few ms alone.
      } while (i < posts.length && (hidden || (performance.now() < until && (!deadline || deadline.timeRemaining() > 1))));
      if (i < posts.length) afterIdle(step);
      else resolve(`[${parts.join(',')}]`);
    };
    afterIdle(step);
  });
}

// A workspace's posts by id (ids as strings: the API may send numbers).
export const byId = (posts) => new Map(posts.map((p) => [String(p.id), p]));

// What a workspace shows from a whole list of posts: the core's index and the device's copy, both
// from one text.
export function holdPosts(ws, calendar, posts, postsText, { accounts, labels, signatures }) {
  calendar.load(postsText);
  performance.mark('tp:calendar-loaded');
  const data = { calendar, posts: byId(posts), postsText, accounts, labels, signatures };
  app.data.set(ws.id, data);
  keepCopy(ws, data);
  return data;
}

// The device's copy of a workspace (remembered sessions only), from the text the core took.
function keepCopy(ws, { postsText, accounts, labels, signatures }) {
  app.cache?.put(ws.id, { posts_text: postsText, accounts, labels, signatures }).then(() => performance.mark('tp:cached'), () => {});
}

// Draws a workspace's data if it is the one on screen, and keeps that month for the next visit's
// first paint. Says whether it drew.
export function showIfOpen(ws, data, mark) {
  watchLive(ws);
  if (activeWs()?.id !== ws.id || app.screen !== 'calendar') return false;
  app.calendarEl.setData(dataFor(ws, data));
  keepPaint(ws, data, markPainted(mark));
  return true;
}

// Posts on their way to publishing are read again until they settle (live-status.js).
function watchLive(ws) {
  if (!app.client) return;
  import('./live-status.js').then(({ watchPublishing }) => watchPublishing({
    wsId: ws.id, notify, rateWait: () => app.status.rate,
    posts: () => [...(app.data.get(ws.id)?.posts.values() ?? [])],
    read: (id) => app.client.posts.reread(id, ws.id),
    apply: (post) => refreshAfterEdit({ wsId: ws.id, changed: [post.id] }),
  }), () => {});
}
