// The dashboard shell: sign-in, sidebar with the workspace switcher, the calendar and settings
// screens, the composer, and the page-wide states (402 banner, 429 notice, offline queue).
// Only what the first paint needs is imported here (the shell, <tp-calendar>, the device cache);
// the SDK with the WASM core, settings and the composer come after it (loadRest).
import { h, clear, field, openDialog, showErrors, errorText } from './dom.js';
import './workspace-switcher.js';
import './calendar-view.js';
import { openPostCache, forgetFirstPaint } from './post-cache.js';
import { loadCore } from '../sdk/core.js';
import { queuedView } from './queued-edits.js';

// This version of the app (its URL names the version, server/static.js): a saved page drawn by
// another version's first-paint.js would not match this one's DOM.
const APP_BASE = new URL('.', import.meta.url).href;

// Once the next frame is painted (a task after the frame's rAF); `orAfter` bounds a wait for one,
// since a hidden tab paints no frames.
const afterFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const orAfter = (promise, ms) => Promise.race([promise, new Promise((r) => setTimeout(r, ms))]);

performance.mark('tp:boot'); // the first paint's modules are loaded
// The saved page drawn by first-paint.js is put on screen before this module builds the live one:
// the parser runs the modules right after it, which would otherwise fold both into one frame.
// A tab opened in the background makes no frames: there the page goes on after a moment anyway.
if (document.getElementById('app')?.dataset.saved === 'drawn') await orAfter(afterFrame(), 250);

// The remembered session (WebCrypto, IndexedDB) is needed only after the first paint: loaded then.
const session = () => import('./session.js');

// The rest of the module graph, announced all at once so it arrives in one round instead of one
// import level at a time; index.html preloads only the first paint's modules, so a returning
// visit's paint does not queue behind these (a browser opens 6 connections per server).
const REST = ['../sdk/index.js', '../sdk/core.js', '../sdk/client.js', '../sdk/calendar.js', '../sdk/transport.js',
  '../sdk/outbox.js', '../sdk/posts.js', '../sdk/counting.js', '../sdk/signing.js', '../sdk/resources.js', '../sdk/brand.js',
  '../sdk/wasm/trypost-core.mjs', './settings.js', './composer.js', './labels-signatures.js', './accounts-settings.js',
  '../sdk/post-window.js', './month-first.js', './meta-lists.js', './session.js', '../sdk/storage.js', '../sdk/idb.js',
  '../sdk/session-credential.js', './session-ui.js', '../sdk/workspace-error.js', '../sdk/payment-blocks.js',
  '../sdk/network-events.js', '../sdk/waiting-keys.js', '../sdk/post-pages.js', '../sdk/workspace-lifecycle.js'];
// A namespace object: a piece of the SDK missing from this build fails only where it is used.
let sdk = null;
let openComposer = null;
let defaultSignatureId = null;
let rest = null;
let monthFirst = null; // month-first.js, loaded with the rest
function loadRest() {
  rest ??= (async () => {
    // Resolved here: a link's href is relative to the page, an import's to this module.
    const here = (path) => new URL(path, import.meta.url).href;
    for (const href of REST) document.head.append(h('link', { rel: 'modulepreload', href: here(href) }));
    document.head.append(h('link', { rel: 'preload', href: here('../sdk/wasm/trypost-core.wasm'), as: 'fetch', type: 'application/wasm', crossorigin: 'anonymous' }));
    // The core compiles while the rest of the modules arrive, not after: the client needs it first.
    loadCore().catch(() => { /* reported by coreVersion below */ });
    const [index, composer, labels, , firstMonth] = await Promise.all([import('../sdk/index.js'), import('./composer.js'), import('./labels-signatures.js'), import('./settings.js'), import('./month-first.js')]);
    ({ openComposer } = composer);
    ({ defaultSignatureId } = labels);
    monthFirst = firstMonth;
    sdk = index;
    sdk.displayNames?.().then((n) => { names = n; }, () => {});
    performance.mark('tp:rest-loaded');
    sdk.coreVersion().then((v) => { document.getElementById('core-version').textContent = v; }, (err) => {
      document.getElementById('core-version').textContent = 'unavailable';
      notify(`The core failed to load (${errorText(err)}). Reload the page; if it persists, rebuild with npm run build.`);
    });
    return sdk;
  })();
  return rest;
}
const root = document.getElementById('app');
let lastList = [];
let ui = null; // session-ui.js: sign in again, held edits, key deletion (loaded with the client)
const app = {
  client: null, accountToken: '', keys: new Map(), data: new Map(), screen: 'calendar',
  calendarEl: null, status: { payment: null, rate: 0, offline: !navigator.onLine, queued: 0 },
  // Remember on this device: keys encrypted in IndexedDB, posts cached there (post-cache.js).
  // `copyOnDevice`: this visit resumed a remembered session, so the device may hold posts to read
  // (a sign-in from the form starts with none: no database is opened to find that out).
  remember: false, cache: null, copyOnDevice: false,
  // A returning visit paints from the cache before the client is up: {active, workspaces}.
  restored: null,
};

// Keys come to the dashboard through the storage interface the SDK offers; they stay in memory,
// and, when the user chose to be remembered, also encrypted in IndexedDB (never in plain text).
async function keyStorage() {
  const saved = app.remember ? (await session()).keyStorageFor() : null;
  return {
    kind: saved ? 'encrypted-indexeddb' : 'memory',
    load: async () => {
      if (saved) for (const { workspaceId, key } of await saved.load()) app.keys.set(workspaceId, key);
      return [...app.keys].map(([workspaceId, key]) => ({ workspaceId, key }));
    },
    save: async (id, key) => { app.keys.set(id, key); await saved?.save(id, key); },
    remove: async (id) => { app.keys.delete(id); await saved?.remove(id); },
    clear: async () => { app.keys.clear(); await saved?.clear(); },
  };
}

// ---------- status banners ----------
const banners = h('div', { class: 'banners' });
function renderBanners() {
  const s = app.status;
  const out = [];
  // The open workspace's block (the SDK shares one over an account's workspaces), else a 402 the
  // account API answered.
  const payment = app.client?.paymentBlock() ?? s.payment;
  if (payment) {
    // What the SDK's 402 error knows (sdk ApiError): credits or plan, and a date only if one was given.
    const d = payment;
    const until = d.until ? d.until.toISOString().slice(0, 19).replace('T', ' ') : null;
    let text;
    if (d.payment === 'credits' && d.creditsLimit != null) text = `${d.message ?? 'Credits exhausted'}: ${d.creditsUsed} of ${d.creditsLimit} used. ${until ? `Editing is paused until ${until} UTC, or upgrade the plan in billing.` : 'Editing is paused until the credits reset, or upgrade the plan in billing.'}`;
    else text = `${d.message ?? 'An active subscription is required.'}${d.planStatus ? ` Plan status: ${d.planStatus.replace(/_/g, ' ')}.` : ''} The account owner can renew the plan in billing; until then the workspace cannot be read or changed.`;
    out.push(h('div', { class: 'banner payment', role: 'alert' }, h('strong', { text: 'Payment needed. ' }), text));
  }
  if (s.rate > 0) out.push(h('div', { class: 'banner rate', role: 'status', text: `Too many requests: waiting ${s.rate} s before trying again. Nothing is lost.` }));
  // Edits held for a workspace that needs signing in again are the sidebar's to tell, not "offline".
  const held = app.client?.needsSignIn().length ? app.client.outbox.pending().filter((e) => app.client.needsSignIn().includes(e.workspace_id)).length : 0;
  const queued = Math.max(0, s.queued - held);
  if (s.offline || queued) {
    out.push(h('div', { class: 'banner offline', role: 'status', text: `${s.offline ? 'Offline. ' : ''}${queued ? `${queued} edit${queued === 1 ? ' queued on this device; it' : 's queued on this device; they'} will be sent when the connection is back.` : 'Edits you make are kept on this device and sent when the connection is back.'}` }));
  }
  clear(banners, out);
}
function onStatus(ev) {
  const s = app.status;
  // A workspace's block is the SDK's to keep (paymentBlock); only the account's own 402 is kept here.
  if (ev.kind === 'payment') {
    if (!ev.workspaceId) s.payment = ev.error ?? {};
  } else if (ev.kind === 'payment-clear') s.payment = null;
  else if (ev.kind === 'rate') s.rate = ev.seconds;
  else if (ev.kind === 'rate-clear') s.rate = 0;
  else if (ev.kind === 'offline') s.offline = true;
  else if (ev.kind === 'online' || ev.kind === 'ok') s.offline = false;
  else if (ev.kind === 'queue') s.queued = ev.count;
  else if (ev.kind === 'credential' || ev.kind === 'credential-clear') return renderChrome();
  renderBanners();
}

window.addEventListener('offline', () => onStatus({ kind: 'offline' }));

// A short message for what just happened (moves, saves), announced politely.
const toast = h('p', { class: 'toast', role: 'status', 'aria-live': 'polite' });
let toastTimer;
function notify(text, { ms = 6000 } = {}) {
  toast.textContent = text;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { toast.textContent = ''; }, ms);
}

// ---------- sign-in ----------
function signIn(notice = '') {
  const params = new URLSearchParams(location.search);
  const token = h('input', { type: 'password', autocomplete: 'off', value: params.get('token') ?? '', required: true });
  const key = h('input', { type: 'password', autocomplete: 'off', value: params.get('key') ?? '' });
  const fields = { account_token: field('Account token', token, { hint: 'Your own token opens every workspace you belong to, with your role. `npm start` prints one for each demo member.' }), api_key: field('Workspace API key (optional)', key, { hint: 'Adds a workspace your token does not open (another account\'s, or a server without the account API).' }) };
  const remember = h('input', { type: 'checkbox', id: 'remember-device', checked: params.get('remember') === '1' });
  const rememberBox = h('div', { class: 'field' }, h('div', { class: 'check' }, remember, h('label', { for: 'remember-device', text: 'Remember on this device' })),
    h('p', { class: 'hint', id: 'remember-hint', text: 'Stays signed in after a reload. The token and keys are stored encrypted in this browser, and posts are kept for a fast start. Sign out to forget them.' }));
  remember.setAttribute('aria-describedby', 'remember-hint');
  const status = h('p', { class: 'form-error', role: 'alert', text: notice });
  const button = h('button', { type: 'submit', class: 'primary', text: 'Sign in' });
  clear(root, h('main', { class: 'signin' },
    h('h1', { text: 'TryPost' }),
    h('form', { novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      showErrors(fields, {});
      status.textContent = '';
      button.disabled = true;
      button.textContent = 'Signing in…';
      try {
        await start(token.value.trim(), key.value.trim(), { remember: remember.checked });
      } catch (err) {
        button.disabled = false;
        button.textContent = 'Sign in';
        const msg = err.status === 401 ? 'This token was not accepted. Check it and try again.' : errorText(err);
        if (err.field === 'api_key') fields.api_key.setError(msg);
        else fields.account_token.setError(msg);
      }
    } }, h('h2', { text: 'Sign in' }), fields.account_token, fields.api_key, rememberBox, status, button)));
  root.setAttribute('aria-busy', 'false');
  if (params.get('token') && params.get('autostart') === '1') button.click();
  else token.focus();
}

async function start(accountToken, apiKey, { remember = false } = {}) {
  app.remember = remember;
  if (remember) app.cache ??= openPostCache();
  app.accountToken = accountToken;
  await loadRest();
  ui = await import('./session-ui.js');
  // The account token's device sessions open every workspace with this person's role; the edits
  // waiting from an earlier visit come back from IndexedDB and go out once their session opens.
  const outboxStorage = await ui.outboxStorageFor(sdk, accountToken).catch(() => undefined);
  const client = await sdk.createClient({ baseUrl: location.origin, accountToken, storage: await keyStorage(), outboxStorage });
  // Network states (402, 429, offline) come from the SDK; the outbox's waiting edits are counted.
  client.onNetwork(onStatus);
  client.outbox.subscribe(() => {
    if (!app.status.queued) return; // edits on their way while online are not "queued"
    onStatus({ kind: 'queue', count: client.outbox.pending().length });
    redrawQueued();
  });
  const asked = client.supports('workspace_lifecycle') ? client.account.me().catch(() => null) : Promise.resolve(null);
  // Edits kept on this device from an earlier visit still wait.
  app.status.queued = client.outbox.pending().length;
  if (client.supports('workspace_lifecycle') === false && !apiKey) {
    const err = new Error('This token was not accepted, or the server has no account API: add a workspace key.');
    err.status = 401;
    throw err;
  }
  // The token is written (encrypted) while the rest of the sign-in runs, and the page waits for it
  // before it shows, so a reload right after the page appears finds the session. A returning
  // visit read it from there: nothing to write.
  const remembering = remember && !app.restored ? session().then((m) => m.rememberToken(accountToken)) : null;
  remembering?.catch(() => { /* said below */ });
  // A key whose workspace answers 402 is valid, but the workspace (even its name) cannot be read
  // until its account pays. With other workspaces to open, signing in goes on without it and says
  // so; with none, the reason is shown at the key's field.
  let keyNotice = '';
  if (apiKey) {
    try {
      await client.addWorkspace({ apiKey });
    } catch (err) {
      if (err.status !== 402 || !client.workspaces.known().length) {
        // Nothing to sign in to: neither the key the SDK kept to try again nor the token is kept
        // past this answer.
        if (err.keyKept) await client.forgetWaitingKeys().catch(() => {});
        if (remembering) await remembering.then(async () => (await session()).forgetToken()).catch(() => {});
        err.field = 'api_key';
        throw err;
      }
      keyNotice = `The workspace of the API key is not open yet: its account needs payment (${errorText(err).replace(/\.$/, '')}). The key is kept ${remember ? 'on this device (encrypted)' : 'until you sign out'} and tried again at each sign-in, or with "Try the waiting key again" in the sidebar.`;
    }
  }
  // Who may create a workspace is the account API's answer (the account owner here); asked while
  // the rest of the sign-in runs.
  app.me = await asked;
  // A returning visit reopens the workspace that was open (and may have been switched meanwhile).
  const wanted = app.restored?.active?.id;
  const listed = client.workspaces.known();
  if (wanted && listed.some((w) => w.id === wanted && w.has_key)) client.switchWorkspace(wanted);
  else if (!client.activeWorkspace?.has_key) {
    const withKey = listed.find((w) => w.has_key);
    if (withKey) client.switchWorkspace(withKey.id);
  }
  app.client = client;
  lastList = client.workspaces.known();
  client.subscribe((state) => {
    lastList = state.workspaces;
    renderChrome();
    saveMeta();
  });
  if (remembering) {
    // Bounded: storage that hangs (another tab holding the database) does not hold the page back.
    await orAfter(remembering.catch(() => {}), 1000);
    remembering.then(saveMeta, (err) => notify(`This device could not remember the sign-in (${errorText(err)}); you will be asked again next time.`));
  } else if (remember) saveMeta();
  if (app.restored) {
    // The shell is already on screen from the cache: swap in the live client, refresh quietly.
    app.restored = null;
    renderChrome();
    renderScreen();
  } else renderShell();
  if (keyNotice) notify(keyNotice, { ms: 20000 });
}

// The list and which workspace is open, for the next visit's first paint (no key in a summary).
function saveMeta() {
  if (!app.cache || !app.client) return;
  const active = activeWs();
  app.cache.putMeta({ active: active?.id ?? null, workspaces: lastList });
}

// A remembered session that cannot be resumed: the page goes on as a visitor's.
function endResume() {
  app.restored = null;
  app.remember = false;
  app.cache = null;
  app.copyOnDevice = false;
}

// A returning visit on a remembered device: paint the last open workspace from the cache at
// once, then sign in with the stored token in the background and refresh what is shown.
async function resume(cache, boot) {
  app.remember = true;
  app.cache = cache;
  app.copyOnDevice = true;
  const active = boot?.meta?.active ? boot.meta.workspaces?.find((w) => w.id === boot.meta.active) : null;
  if (active) {
    // first-paint.js may have drawn the saved page already: the live one replaces it in this task.
    const drawn = root.dataset.saved === 'drawn';
    delete root.dataset.saved;
    app.restored = { active, workspaces: boot.meta.workspaces, paint: boot.paint, drawn };
    lastList = boot.meta.workspaces;
    renderShell();
    // Everything else (modules, the core, decrypting the token, signing in, the refresh) waits
    // for the first paint instead of competing with it.
    await Promise.race([firstPaint, new Promise((r) => setTimeout(r, 1000))]);
  }
  loadRest().catch(() => {});
  // Without the token there is no session to resume.
  const token = await (await session()).rememberedToken();
  if (!token) {
    // The saved sign-in is gone (site data cleared in part): so is what the page painted from.
    forgetFirstPaint();
    endResume();
    signIn();
    return;
  }
  try {
    await start(token, '', { remember: true });
  } catch (err) {
    if (err.status === 401) {
      // The stored token was revoked: forget it and ask again.
      await (await session()).forgetDevice();
      endResume();
      signIn('Your saved sign-in is no longer accepted. Sign in again.');
      return;
    }
    if (!app.restored) throw err;
    setSync(`Showing saved posts: the server could not be reached (${errorText(err)}). Reload to try again.`);
  }
}

// ---------- shell ----------
let els = {};
function renderShell() {
  const switcher = document.createElement('tp-workspace-switcher');
  switcher.addEventListener('switch-workspace', (e) => switchTo(e.detail.id));
  switcher.addEventListener('create-workspace', () => createWorkspaceDialog());
  const nav = h('nav', { 'aria-label': 'Main', class: 'nav' });
  const header = h('div', { class: 'page-head' });
  const content = h('div', { class: 'content' });
  const waiting = h('div', { class: 'waiting-keys', hidden: true });
  const signAgain = h('div', { class: 'waiting-keys sign-in-again', hidden: true });
  els = { switcher, nav, header, content, waiting, signAgain };
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

function activeWs() {
  return app.client?.activeWorkspace ?? app.restored?.active ?? null;
}

// Only those the account API lets create one (its `me` answer); unknown: not offered.
function canCreateWorkspace() {
  return Boolean(app.me && (app.me.can_create_workspaces ?? app.me.is_owner));
}

// Permissions come with the workspace's summary (from the core, or cached from it).
function can(action) {
  return app.client ? app.client.can(action) : activeWs()?.permissions?.[action] === true;
}

async function signOut() {
  // This device's sessions end on the server too: the credentials the page used stop working.
  await app.client?.sessions.signOut().catch(() => { /* offline: they expire on their own */ });
  await (await session()).forgetDevice({ edits: app.remember });
  location.assign(location.pathname);
}

// Says when the calendar shows the device's copy and while it is compared with the server.
const sync = h('p', { class: 'sync', role: 'status', 'aria-live': 'polite' });
let syncTimer;
function setSync(text, { fade = false } = {}) {
  clearTimeout(syncTimer);
  sync.textContent = text;
  if (fade) syncTimer = setTimeout(() => { sync.textContent = ''; }, 4000);
}

function renderChrome() {
  if (!els.switcher) return;
  els.switcher.update({ active: activeWs(), workspaces: lastList, canCreate: canCreateWorkspace() });
  const screens = [['calendar', 'Calendar'], ['settings', 'Settings']];
  clear(els.nav, screens.map(([id, label]) => h('button', { type: 'button', 'aria-current': app.screen === id ? 'page' : null, onclick: () => { app.screen = id; renderChrome(); renderScreen(); }, text: label })));
  const ws = activeWs();
  const canPost = can('manage_posts');
  renderBanners(); // a 402 holds some workspaces and not others
  renderWaitingKeys();
  if (ui && app.client) {
    ui.renderSignInAgain(els.signAgain, {
      client: app.client, notify, signInForm: () => signOut(),
      onRenewed: () => { renderChrome(); renderBanners(); reloadPosts(); },
    });
  }
  clear(els.header,
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
  els.waiting.hidden = !n; // no empty gap in the sidebar
  if (!n) return clear(els.waiting);
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
  clear(els.waiting,
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

async function refreshList() {
  lastList = await app.client.workspaces.list();
}

async function switchTo(id) {
  performance.mark('tp:switch-start');
  if (!app.client) {
    // Still signing in from a remembered session: show the cached copy of that workspace.
    const target = app.restored?.workspaces.find((w) => w.id === id);
    if (!target) return;
    app.restored.active = target;
    renderChrome();
  } else app.client.switchWorkspace(id); // the SDK notifies: renderChrome runs from the subscription
  renderScreen();
}

function renderScreen() {
  const ws = activeWs();
  if (!ws) {
    clear(els.content, h('div', { class: 'empty' }, h('h2', { text: 'No workspace yet' }),
      canCreateWorkspace() ? [h('p', { text: 'Create one from the workspace menu to start planning posts.' }),
        h('button', { type: 'button', class: 'primary', onclick: () => createWorkspaceDialog(), text: 'Create workspace' })]
        : h('p', { text: 'You are not a member of any workspace yet. Ask the account owner for an invite.' })));
    return;
  }
  if (app.screen === 'settings' && !app.client) {
    clear(els.content, h('p', { role: 'status', text: 'Signing in… settings open in a moment.' }));
    return;
  }
  if (app.screen === 'settings') {
    const s = document.createElement('tp-settings');
    if (app.settingsTab) s.tab = app.settingsTab;
    app.settingsTab = null;
    clear(els.content, s);
    s.setContext({
      client: app.client, ws, notify, resources: app.client.in(ws.id), onChanged: (kind, list) => cacheChanged(ws.id, kind, list),
      onDeleted: async (gone) => {
        app.data.delete(gone.id);
        await refreshList();
        notify(`Workspace "${gone.name}" was deleted.`);
        app.screen = 'calendar';
        renderChrome();
        renderScreen();
      },
    });
    return;
  }
  if (!app.calendarEl) {
    app.calendarEl = document.createElement('tp-calendar');
    app.calendarEl.addEventListener('move-post', (e) => {
      const { id, newTime, focusKey } = e.detail;
      movePost(id, newTime, focusKey).finally(() => app.calendarEl.moveSettled(id, newTime));
    });
    app.calendarEl.addEventListener('open-post', (e) => openPost(e.detail.id));
    app.calendarEl.addEventListener('calendar-notice', (e) => notify(e.detail.text));
  }
  // Already in place (signing in under a month painted from the device): moving it would lose focus.
  if (els.content.firstChild !== app.calendarEl || els.content.childNodes.length !== 1) clear(els.content, app.calendarEl);
  loadWorkspace(ws);
}

// A settings screen changed a list the calendar and composer hold: keep the cache in step.
function cacheChanged(wsId, kind, list) {
  const data = app.data.get(wsId);
  if (data && kind in data) data[kind] = list;
}

// An outbox edit (stored first, sent in order): its answer, or {queued} when it waits for the network.
async function deliver(queued, wsId) {
  await app.client.posts.flush(wsId);
  if (app.client.outbox.pending(wsId).some((e) => e.id === queued.entry.id)) {
    onStatus({ kind: 'queue', count: app.client.outbox.pending().length });
    redrawQueued();
    return { queued: true, later: queued.sent };
  }
  const out = await queued.sent;
  // A refused edit stays with the user in the form; the outbox need not keep a second copy.
  if (!out.ok) await app.client.outbox.dismissProblem(queued.entry.id);
  return out;
}
const refusal = (out) => Object.assign(new Error(out.message ?? `Refused (${out.status}).`), { status: out.status, errors: out.errors ?? {} });

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
  const calendar = await sdk.createCalendar();
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

async function loadWorkspace(ws, { force = false } = {}) {
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
    if (early) await firstPaint;
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
    if (typeof sdk.createCalendar !== 'function') throw new Error('This build has no calendar module (web/sdk/calendar.js). Update and rebuild, then reload.');
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
    const calendar = data?.calendar ?? (await sdk.createCalendar());
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
  const { readMonthFirst } = monthFirst ?? (await import('./month-first.js'));
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
  if (app.data.has(ws.id) || typeof sdk.createCalendar !== 'function') return;
  const calendar = await sdk.createCalendar();
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
let kept = null;
// With it, the page as painted (page-snapshot.js), which first-paint.js draws before the modules
// run; it is taken after the frame, while the screen still shows that month, and off the paint's path.
function keepPaint(ws, data, painted) {
  if (!app.cache || data.stale) return;
  const record = app.calendarEl.paintRecord;
  if (!record) return;
  painted.then(async () => {
    const savedAt = new Date().toISOString();
    const same = app.screen === 'calendar' && activeWs()?.id === ws.id && app.calendarEl.paintRecord?.paint_key === record.paint_key;
    const html = same ? (await import('./page-snapshot.js')).pageSnapshot(root, { syncText: savedText(savedAt) }) : null;
    const page = html && { html, base: APP_BASE, day: record.date, can_edit: can('manage_posts') };
    const full = { ...record, page };
    // The same month and page as last kept: only its time would change.
    if (kept?.ws === ws.id && sameJson(kept.record, full)) return;
    kept = { ws: ws.id, record: full };
    app.cache?.putPaint(ws.id, { ...full, saved_at: savedAt });
    performance.mark('tp:paint-kept');
  }).catch(() => {});
}

// Performance marks for bench/dashboard.bench.js: the frame after the DOM change is painted.
let paintedOnce;
const firstPaint = new Promise((r) => (paintedOnce = r));
function markPainted(name) {
  return afterFrame().then(() => {
    performance.mark(name);
    paintedOnce();
  });
}

function dataFor(ws, data) {
  return { ...data, queued: queuedOverlay(ws, data), wsId: ws.id, canEdit: can('manage_posts'), role: ws.role };
}

// Queued edits are drawn where they will be; that changes as they are queued and sent.
function redrawQueued() {
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

async function reloadPosts() {
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
async function refreshAfterEdit({ attached = false, wsId = activeWs()?.id, changed = null, removed = null } = {}) {
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
function postsTextWhenIdle(posts, slice = 100) {
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
const byId = (posts) => new Map(posts.map((p) => [String(p.id), p]));

// What a workspace shows from a whole list of posts: the core's index and the device's copy, both
// from one text.
function holdPosts(ws, calendar, posts, postsText, { accounts, labels, signatures }) {
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
function showIfOpen(ws, data, mark) {
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

// A server's refusal in the words people use (the core's mapping of the API's field problems).
async function plainWords(out) {
  if (!Object.keys(out.errors ?? {}).length) return out.message ?? `Refused (${out.status}).`;
  try {
    return (await sdk.describeProblems(out.errors, { message: out.message })).message;
  } catch {
    return out.message;
  }
}

// A UTC instant as the person reads it: in the calendar's display zone, with UTC beside it.
async function zoneWords(utc) {
  const zone = app.calendarEl?.state.zone ?? 'UTC';
  const { whenWords } = await import('./display-zone.js');
  try {
    return whenWords(await sdk.utcToWallTime(zone, utc), utc, zone);
  } catch {
    return `${utc.replace('T', ' ').replace(/:00Z$|Z$/, '')} UTC`;
  }
}

// ---------- moving ----------
async function movePost(id, newTime, focusKey) {
  const ws = activeWs();
  const data = app.data.get(ws.id);
  // The month may be the saved first paint, drawn before the core and the session are back.
  if (!data || !app.client) {
    notify('Still loading: try the move again in a moment.');
    return { error: 'loading' };
  }
  let plan;
  try {
    plan = data.calendar.planMove({ post_id: id, new_time: newTime, role: ws.role, time_zone: app.calendarEl.state.zone });
  } catch (err) {
    notify(`Not moved: ${errorText(err)}`);
    return { error: errorText(err) };
  }
  if (!plan.ok) {
    const why = plan.reasons.map((r) => r.message ?? r.code).join(' ');
    notify(`Not moved: ${why}`);
    return { error: why };
  }
  app.calendarEl.showMoving(id, newTime);
  // The frame first: the SDK checks the request before it is sent (6-12 ms here), which would
  // hold the post's new place off the screen. A hidden tab draws no frame: the move is not held
  // for it.
  await orAfter(markPainted('tp:move-shown'), 100);
  // The calendar as the core has it (a move refused, or waiting in the queue).
  const putBack = () => {
    if (activeWs()?.id === ws.id && app.screen === 'calendar') app.calendarEl.setData(dataFor(ws, app.data.get(ws.id) ?? data));
  };
  let out;
  try {
    out = await deliver(await app.client.posts.update(id, plan.request.body), ws.id);
  } catch (err) {
    out = { ok: false, message: errorText(err) };
  }
  if (out.queued) {
    putBack();
    out.later.then(async (r) => (r.ok ? refreshAfterEdit({ wsId: ws.id }) : (notify(`Not moved: ${await plainWords(r)}`), reloadPosts())));
    notify(ui ? ui.heldText(app.client, ws.id, 'The move') : 'Offline: the move is queued and will be sent when the connection is back.');
    return { queued: true };
  }
  if (!out.ok) {
    putBack();
    const why = await plainWords(out);
    notify(`Not moved: ${why}`);
    return { error: why };
  }
  await refreshAfterEdit({ changed: [id] });
  const warn = plan.warnings?.map((w) => w.message).join(' ');
  notify(`Moved to ${await zoneWords(newTime)}.${warn ? ` ${warn}` : ''}`);
  if (focusKey) app.calendarEl.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  return { ok: true };
}

// Draft and scheduled posts open in the composer, filled; the others (and every post for a role
// that cannot edit) open read-only, saying why.
function openPost(id) {
  const ws = activeWs();
  const data = app.data.get(ws.id);
  if (!data || !app.client) return notify('Still signing in: open the post again in a moment.');
  const post = data.posts.get(id);
  if (!post) return;
  const canEdit = app.client.can('manage_posts');
  if (canEdit && (post.status === 'draft' || post.status === 'scheduled')) return editPost(post, data, ws);
  const why = !canEdit
    ? `View only: your role here is ${ws.role}, and only an Owner, Admin or Member can change posts.`
    : post.status === 'publishing'
      ? 'This post is being published right now, so it can no longer be edited, moved or deleted.'
      : `This post is ${post.status.replace('_', ' ')}: the API refuses changes to a post once it has been sent. To post it again, duplicate it as a new post.`;
  openDialog('Post', (body, close) => {
    const status = h('p', { role: 'alert', class: 'form-error' });
    body.append(
      h('p', { class: 'notice', text: why }),
      h('p', { class: 'post-content', text: post.content || '(no text)' }),
      h('dl', { class: 'facts' },
        h('dt', { text: 'Status' }), h('dd', { text: post.status.replace('_', ' ') }),
        h('dt', { text: 'Time' }), timeDd(post.scheduled_at, 'Not scheduled'),
        post.published_at ? [h('dt', { text: 'Published' }), timeDd(post.published_at)] : null,
        h('dt', { text: 'Accounts' }), h('dd', { text: (post.platforms ?? []).map((p) => `${p.display_name ?? p.social_account?.display_name ?? ''} (${networkName(p.platform)})${p.status ? `: ${p.status.replace('_', ' ')}` : ''}${p.error_message ? ` (${p.error_message})` : ''}`).join(', ') || '—' }),
        h('dt', { text: 'Media' }), h('dd', { text: (post.media ?? []).map((m) => m.original_filename ?? m.url).join(', ') || '—' }),
        h('dt', { text: 'Labels' }), h('dd', { text: (post.labels ?? []).map((l) => l.name).join(', ') || '—' })),
      canEdit ? h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => { close(); compose(post); }, text: 'Duplicate as new post' }),
        post.status !== 'publishing' ? h('button', { type: 'button', class: 'danger', onclick: async () => {
          const out = await deletePost(post, ws);
          if (out.message) status.textContent = out.message;
          else close();
        }, text: 'Delete post' }) : null) : null,
      status);
  });
}

// A time in the post dialog, in the display zone with UTC beside it (filled once the core answers).
function timeDd(utc, none = '') {
  const dd = h('dd', { text: utc ? `${utc} UTC` : none });
  if (utc) zoneWords(utc).then((t) => { dd.textContent = t; });
  return dd;
}
let names = null;
const networkName = (p) => names?.platforms?.[p] ?? p;

// {} when deleted (or queued while offline), {message} when refused.
async function deletePost(post, ws) {
  try {
    const out = await deliver(await app.client.posts.delete(post.id), ws.id);
    if (!out.ok && !out.queued) throw refusal(out);
  } catch (err) {
    return { message: errorText(err) };
  }
  notify('Post deleted.');
  await refreshAfterEdit({ removed: [post.id] });
  return {};
}

// The composer, filled with the post; Save sends one PUT through the outbox (checked by the core
// in the composer first). A refusal keeps the dialog open with the user's text.
function editPost(post, data, ws, notice = null) {
  // A file uploaded to an open post is attached at once: the post as the server answers it
  // replaces the page's copy, even if the dialog is then closed without saving.
  const media = app.client.in(ws.id).media;
  const upload = async (postId, file, options) => {
    const answer = await media.upload(postId, file, options);
    if (answer?.id != null) app.data.get(ws.id)?.posts.set(String(answer.id), answer);
    return answer;
  };
  openComposer({
    zone: app.calendarEl?.state.zone ?? 'UTC',
    post, notice, accounts: data.accounts, labels: data.labels, signatures: data.signatures, posts: [...data.posts.values()],
    lookups: app.client.in(ws.id).socialAccounts, canLookup: app.client.can('lookup_boards_channels'), media: { ...media, upload },
    remove: () => deletePost(post, ws),
    submit: async (action, { body }) => {
      try {
        const out = await deliver(await app.client.posts.update(post.id, body), ws.id);
        if (out.queued) {
          notify(ui ? ui.heldText(app.client, ws.id, 'The change') : 'Offline: the change is queued and is sent when the connection is back.');
          out.later.then((r) => r.ok && refreshAfterEdit({ wsId: ws.id }));
          return {};
        }
        if (!out.ok) throw refusal(out);
      } catch (err) {
        return { errors: err.errors, message: errorText(err) };
      }
      await refreshAfterEdit({ changed: [post.id] });
      notify(body.status === 'scheduled' ? `Post saved, scheduled for ${await zoneWords(body.scheduled_at ?? post.scheduled_at)}.` : body.status === 'publishing' ? 'Publishing now: the calendar shows when it is out.' : 'Post saved as a draft.');
      return {};
    },
  }).catch((err) => notify(`The composer could not open: ${errorText(err)}`));
}

// ---------- composing ----------
// What a new post is after a later step failed: "Saved as a draft, not scheduled".
const draftOnly = (action) => `Saved as a draft${action === 'draft' ? '' : `, not ${action === 'schedule' ? 'scheduled' : 'published'}`}`;

// `template`: a post whose text, accounts, options and labels the new post starts from.
function compose(template = null) {
  const ws = activeWs();
  const data = app.data.get(ws.id);
  if (!data || !app.client) return notify('The workspace is still loading; try again in a moment.');
  if (!data.accounts.length) {
    // Not a dead end: the tab where an account is connected opens (or says where to connect).
    notify('This workspace has no connected social accounts yet: connect one here, then write the post.');
    app.screen = 'settings';
    app.settingsTab = 'accounts';
    renderChrome();
    renderScreen();
    return;
  }
  openComposer({
    zone: app.calendarEl?.state.zone ?? 'UTC',
    accounts: data.accounts, labels: data.labels, signatures: data.signatures, posts: [...data.posts.values()],
    defaultSignature: data.signatures.find((s) => String(s.id) === defaultSignatureId(ws.id)), template,
    lookups: app.client.in(ws.id).socialAccounts, canLookup: app.client.can('lookup_boards_channels'), media: app.client.in(ws.id).media,
    // A step after the draft's creation failed: the draft (reloaded, with what was uploaded) opens
    // in its own dialog with the message, so trying again edits it.
    reopen: async (draftId, notice) => {
      const fresh = app.data.get(ws.id);
      const draft = fresh?.posts.get(String(draftId));
      if (draft && activeWs()?.id === ws.id) editPost(draft, fresh, ws, notice);
      else notify(notice.message);
    },
    submit: async (action, { body, attach }) => {
      let created;
      try {
        const out = await deliver(await app.client.posts.create(body), ws.id);
        if (out.queued) {
          const held = app.client.needsSignIn().includes(ws.id);
          notify(held ? `${ui.heldText(app.client, ws.id, 'The new post (as a draft)')}${attach ? ' The files are not uploaded: add them to the draft then.' : ''}`
            : `Offline: the post is saved as a draft in the outbox and is sent when the connection is back.${attach ? ' The files are not uploaded: add them to the draft once online.' : ''}`);
          out.later.then((r) => r.ok && refreshAfterEdit({ wsId: ws.id }));
          return {};
        }
        if (!out.ok) throw refusal(out);
        created = await app.client.in(ws.id).posts.get(out.post_id);
      } catch (err) {
        return { errors: err.errors, message: errorText(err) };
      }
      const attached = attach ? await attach(created.id) : {};
      if (attached.message) {
        await reloadPosts();
        return { draft: created.id, errors: attached.errors, message: `${draftOnly(action)}: a file could not be uploaded: ${attached.message}` };
      }
      // The draft as it is now, with the uploaded files, for the check of the PUT below.
      if (attach && action !== 'draft') {
        try {
          created = await app.client.in(ws.id).posts.get(created.id);
        } catch { /* checked with what is known; the server has the last word */ }
      }
      if (action !== 'draft') {
        const put = { status: action === 'schedule' ? 'scheduled' : 'publishing', platforms: (created.platforms ?? []).map((p) => ({ id: p.id })) };
        (created.platforms ?? []).forEach((p, i) => { if (body.platforms[i]?.meta) put.platforms[i].meta = body.platforms[i].meta; });
        if (action === 'schedule') put.scheduled_at = body.scheduled_at;
        const check = await sdk.validatePostRequest({ workspace: { social_accounts: data.accounts, labels: data.labels, posts: [...data.posts.values(), created] }, method: 'PUT', post_id: created.id, body: put });
        if (!check.valid) {
          await reloadPosts();
          return { draft: created.id, errors: check.errors, message: `${draftOnly(action)}: ${check.message}` };
        }
        try {
          const out = await deliver(await app.client.posts.update(created.id, check.body ?? put), ws.id);
          if (!out.ok && !out.queued) throw refusal(out);
        } catch (err) {
          await reloadPosts();
          return { draft: created.id, errors: err.errors, message: `${draftOnly(action)}: ${errorText(err)}` };
        }
      }
      await refreshAfterEdit({ attached: Boolean(attach), changed: [created.id] });
      notify(action === 'draft' ? 'Draft saved.' : action === 'schedule' ? `Scheduled for ${await zoneWords(body.scheduled_at)}.` : 'Publishing now: the calendar shows when it is out.');
      return {};
    },
  }).catch((err) => notify(`The composer could not open: ${errorText(err)}`));
}

// ---------- creating a workspace ----------
function createWorkspaceDialog() {
  if (!app.client) return notify('Still signing in; try again in a moment.');
  openDialog('Create workspace', (body, close) => {
    const name = h('input', { type: 'text', autocomplete: 'off', autofocus: true });
    const f = field('Name', name);
    const status = h('p', { role: 'alert', class: 'form-error' });
    const button = h('button', { type: 'submit', class: 'primary', text: 'Create' });
    body.append(h('form', { novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      f.setError('');
      button.disabled = true;
      try {
        const ws = await app.client.workspaces.create({ name: name.value });
        close();
        if (ws?.id && activeWs()?.id !== ws.id) app.client.switchWorkspace(ws.id);
        await refreshList();
        app.screen = 'calendar';
        renderChrome();
        renderScreen();
        notify(`Workspace "${ws?.name ?? name.value}" created.`);
      } catch (err) {
        button.disabled = false;
        const rest2 = showErrors({ name: f }, err.errors ?? {});
        status.textContent = rest2.join(' ') || (Object.keys(err.errors ?? {}).length ? '' : errorText(err));
      }
    } }, f, status, h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close, text: 'Cancel' }), button)));
  });
}

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
    for (const id of [...app.data.keys()]) if (!lastList.some((w) => w.id === id)) app.data.delete(id);
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
export { refreshList };
