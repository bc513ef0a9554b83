// The dashboard's entry: starts the first paint (a returning visit's saved month, or the sign-in
// form) and the page-wide listeners. The parts live beside it, each named after what it holds:
// app-state.js (the one state object), deferred-modules.js (what loads after the first paint),
// sign-in.js, page-shell.js (sidebar and header), screen-routing.js (calendar or settings),
// workspace-loading.js and post-refresh.js (the calendar's posts), post-editing.js (moving,
// opening, deleting and writing posts) and page-notices.js (banners, toast, sync line).
// Only what the first paint needs is imported here (the shell, <tp-calendar>, the device cache);
// the SDK with the WASM core, settings and the composer come after it (loadRest).
import { errorText } from './dom.js';
// For their definitions only: page-shell.js and screen-routing.js create these elements by tag
// (tests/js/main-imports.test.js holds this list to what the first paint draws).
import './workspace-switcher.js';
import './calendar-view.js';
import { openPostCache } from './post-cache.js';
import { app, activeWs } from './app-state.js';
import { session, loadRest } from './deferred-modules.js';
import { notify } from './page-notices.js';
import { signIn, resume } from './sign-in.js';
import { renderChrome } from './page-shell.js';
import { renderScreen, refreshList } from './screen-routing.js';

performance.mark('tp:boot'); // the first paint's modules are loaded

const firstVisit = () => {
  loadRest().catch((err) => notify(`The page failed to load (${errorText(err)}). Reload the page.`));
  signIn();
};
// A remembered device keeps its first paint in Web Storage (post-cache.js): read at once, so the
// saved month is drawn in this task. Without it, IndexedDB says whether the device is remembered
// (a copy saved before the record existed, or a record too big to keep).
const cache = openPostCache();
const boot = cache.firstPaint();
if (boot) {
  performance.mark('tp:paint-read');
  resume(cache, boot);
} else {
  // Either way the SDK and the core are needed: their download starts while IndexedDB answers.
  loadRest().catch(() => { /* said where it is awaited */ });
  session().then((m) => m.hasRememberedSession()).then((yes) => (yes ? resume(cache, null) : firstVisit()), firstVisit);
}
// Back to this tab: the account's list is read again, so a workspace created, renamed or deleted
// elsewhere shows here. When the open one is gone, the page moves to the one the SDK opened
// instead, and says why.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState !== 'visible' || !app.client || app.client.supports('workspace_lifecycle') === false) return;
  const before = activeWs();
  refreshList().then(() => {
    for (const id of [...app.data.keys()]) if (!app.list.some((w) => w.id === id)) app.data.delete(id);
    if (before && activeWs()?.id !== before.id) {
      app.screen = 'calendar';
      renderChrome();
      renderScreen();
      notify(`The workspace "${before.name}" was deleted elsewhere (or you no longer have access to it).`);
    }
  }, () => { /* offline: the list is read again next time */ });
});
window.addEventListener('unhandledrejection', (e) => {
  notify(`Something failed: ${errorText(e.reason)}. Try again; reload the page if it keeps failing.`);
});
