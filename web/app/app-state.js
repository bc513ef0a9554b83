// The dashboard's state, in one object every part of the page reads and writes, and the few
// questions about it that every part asks (which workspace is open, what this person may do).
// No imports: it is the bottom of the page's module graph.

// This version of the app (its URL names the version, server/static.js): a saved page drawn by
// another version's first-paint.js would not match this one's DOM.
export const APP_BASE = new URL('.', import.meta.url).href;

// Once the next frame is painted (a task after the frame's rAF); `orAfter` bounds a wait for one,
// since a hidden tab paints no frames.
export const afterFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
export const orAfter = (promise, ms) => Promise.race([promise, new Promise((r) => setTimeout(r, ms))]);

export const root = document.getElementById('app');

export const app = {
  client: null, accountToken: '', keys: new Map(), data: new Map(), screen: 'calendar',
  calendarEl: null, status: { payment: null, rate: 0, offline: !navigator.onLine, queued: 0 },
  // Remember on this device: keys encrypted in IndexedDB, posts cached there (post-cache.js).
  // `copyOnDevice`: this visit resumed a remembered session, so the device may hold posts to read
  // (a sign-in from the form starts with none: no database is opened to find that out).
  remember: false, cache: null, copyOnDevice: false,
  // A returning visit paints from the cache before the client is up: {active, workspaces}.
  restored: null,
  // The account API's `me` answer (who may create a workspace); the settings tab to open next.
  me: null, settingsTab: null,
  // The workspaces as last listed, and the shell's containers (page-shell.js renderShell).
  list: [], els: {},
  // Loaded after the first paint (deferred-modules.js): the SDK namespace (a piece missing from
  // this build fails only where it is used), the composer, the default signature, month-first.js,
  // and session-ui.js with the client (sign in again, held edits, key deletion).
  sdk: null, openComposer: null, defaultSignatureId: null, monthFirst: null, ui: null, rest: null,
  // Network and content type names people read (the core's), once loaded.
  names: null,
  // The month and page last kept for the next visit's first paint (workspace-loading.js keepPaint).
  kept: null,
  toastTimer: null, syncTimer: null,
  // Resolved by the first painted frame (workspace-loading.js markPainted).
  firstPaint: null, paintedOnce: null,
};
app.firstPaint = new Promise((r) => { app.paintedOnce = r; });

export function activeWs() {
  return app.client?.activeWorkspace ?? app.restored?.active ?? null;
}

// Only those the account API lets create one (its `me` answer); unknown: not offered.
export function canCreateWorkspace() {
  return Boolean(app.me && (app.me.can_create_workspaces ?? app.me.is_owner));
}

// Permissions come with the workspace's summary (from the core, or cached from it).
export function can(action) {
  return app.client ? app.client.can(action) : activeWs()?.permissions?.[action] === true;
}
