// The page around the screens: the sidebar (workspace switcher, sign-in-again and waiting-key
// notices, navigation, sign out) and the header of the open workspace with its actions.
import { h, clear, errorText } from './dom.js';
import { app, root, activeWs, can, canCreateWorkspace } from './app-state.js';
import { banners, renderBanners, notify, sync, toast } from './page-notices.js';
import { signOut } from './sign-in.js';
import { switchTo, renderScreen, createWorkspaceDialog } from './screen-routing.js';
import { reloadPosts } from './post-refresh.js';
import { compose } from './post-editing.js';

// ---------- shell ----------
export function renderShell() {
  const switcher = document.createElement('tp-workspace-switcher');
  switcher.addEventListener('switch-workspace', (e) => switchTo(e.detail.id));
  switcher.addEventListener('create-workspace', () => createWorkspaceDialog());
  const nav = h('nav', { 'aria-label': 'Main', class: 'nav' });
  const header = h('div', { class: 'page-head' });
  const content = h('div', { class: 'content' });
  const waiting = h('div', { class: 'waiting-keys', hidden: true });
  const signAgain = h('div', { class: 'waiting-keys sign-in-again', hidden: true });
  app.els = { switcher, nav, header, content, waiting, signAgain };
  clear(root,
    h('a', { href: '#content', class: 'skip', text: 'Skip to content' }),
    h('div', { class: 'shell' },
      h('aside', { class: 'sidebar' }, h('p', { class: 'brand', text: 'TryPost' }), switcher, signAgain, waiting, nav,
        h('button', { type: 'button', class: 'signout', onclick: signOut, text: app.remember ? 'Sign out and forget this device' : 'Sign out' })),
      h('main', { class: 'main', id: 'content', tabindex: '-1' }, banners, header, sync, content, toast)));
  root.setAttribute('aria-busy', 'false');
  renderBanners();
  renderChrome();
  renderScreen();
}

export function renderChrome() {
  if (!app.els.switcher) return;
  app.els.switcher.update({ active: activeWs(), workspaces: app.list, canCreate: canCreateWorkspace() });
  const screens = [['calendar', 'Calendar'], ['settings', 'Settings']];
  clear(app.els.nav, screens.map(([id, label]) => h('button', { type: 'button', 'aria-current': app.screen === id ? 'page' : null, onclick: () => { app.screen = id; renderChrome(); renderScreen(); }, text: label })));
  const ws = activeWs();
  const canPost = can('manage_posts');
  renderBanners(); // a 402 holds some workspaces and not others
  renderWaitingKeys();
  if (app.ui && app.client) {
    app.ui.renderSignInAgain(app.els.signAgain, {
      client: app.client, notify, signInForm: () => signOut(),
      onRenewed: () => { renderChrome(); renderBanners(); reloadPosts(); },
    });
  }
  clear(app.els.header,
    h('h1', { text: ws ? ws.name : 'No workspace' }),
    ws && app.screen === 'calendar' ? (canPost
      ? h('button', { type: 'button', class: 'primary', onclick: () => compose(), text: 'New post' })
      : h('p', { class: 'notice', text: `View only: your role here is ${ws.role}.` })) : null,
    ws && app.screen === 'calendar' ? calendarDownloads(ws) : null);
}

// "Export calendar" and "Offline preview" (calendar-export.js, loaded on the first click).
function calendarDownloads(ws) {
  const run = (what, done) => async (e) => {
    const button = e.currentTarget;
    button.disabled = true;
    try {
      const exporter = await import('./calendar-export.js');
      done(await what(exporter, app.data.get(ws.id)));
    } catch (err) {
      notify(`The file could not be made: ${errorText(err)}.`);
    } finally {
      button.disabled = false;
    }
  };
  return h('div', { class: 'downloads', role: 'group', 'aria-label': 'Downloads' },
    h('button', { type: 'button', onclick: run((x, d) => x.downloadSnapshot(ws, d), (r) => notify(`Downloaded ${r.filename} (${r.posts} posts).`)), text: 'Export calendar' }),
    h('button', { type: 'button', onclick: run((x, d) => x.downloadPreview(ws, d, app.calendarEl.state), (r) => notify(`Downloaded ${r.filename}.`)), text: 'Offline preview' }));
}


// Keys whose workspace cannot be opened until its account pays (the SDK keeps and retries them).
function renderWaitingKeys() {
  const n = app.client?.waitingKeys() ?? 0;
  app.els.waiting.hidden = !n; // no empty gap in the sidebar
  if (!n) return clear(app.els.waiting);
  const keys = n === 1 ? 'the waiting key' : 'the waiting keys';
  const Keys = n === 1 ? 'The waiting key' : 'The waiting keys';
  const act = (fn) => async (e) => {
    e.currentTarget.disabled = true;
    try {
      await fn();
    } catch (err) {
      notify(`${Keys} could not be tried: ${errorText(err)}. Try again later.`);
    }
    renderChrome();
  };
  clear(app.els.waiting,
    h('p', { text: n === 1 ? "A workspace key waits for its account's payment." : `${n} workspace keys wait for their accounts' payment.` }),
    h('button', { type: 'button', onclick: act(async () => {
      const { added, waiting } = await app.client.retryWaitingKeys();
      if (added.length) notify(`Opened: ${added.map((w) => w.name).join(', ')}.`);
      else if (waiting) notify(`Still waiting: ${n === 1 ? 'its account needs' : 'their accounts need'} payment.`);
      else notify(`${Keys} ${n === 1 ? 'was' : 'were'} refused by the server and forgotten.`);
    }), text: `Try ${keys} again` }),
    h('button', { type: 'button', onclick: act(async () => {
      await app.client.forgetWaitingKeys();
      notify(`${Keys} ${n === 1 ? 'is' : 'are'} forgotten.`);
    }), text: `Forget ${keys}` }));
}
