// Signing in and out: the sign-in form, opening the client with the account token (and an optional
// workspace key), resuming a session remembered on this device, and where the keys are kept.
import { h, clear, field, showErrors, errorText } from './dom.js';
import { openPostCache, forgetFirstPaint } from './post-cache.js';
import { app, root, activeWs, orAfter } from './app-state.js';
import { session, loadRest } from './deferred-modules.js';
import { onStatus, notify, setSync } from './page-notices.js';
import { renderShell, renderChrome } from './page-shell.js';
import { renderScreen } from './screen-routing.js';
import { redrawQueued } from './workspace-loading.js';

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

// ---------- sign-in ----------
export function signIn(notice = '') {
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
        const msg = signInRefusal(err);
        if (err.field === 'api_key') fields.api_key.setError(msg);
        else fields.account_token.setError(msg);
      }
    } }, h('h2', { text: 'Sign in' }), fields.account_token, fields.api_key, rememberBox, status, button)));
  root.setAttribute('aria-busy', 'false');
  if (params.get('token') && params.get('autostart') === '1') button.click();
  else token.focus();
}

// The words at the sign-in form for a failed sign-in, chosen by what the core read the failure
// as (failureClass), never by its status.
function signInRefusal(err) {
  const means = err.failureClass ?? {};
  if (means.account_token_refused === true) return 'This token was not accepted. Check it and try again.';
  if (means.unsupported === true) return 'This server does not open workspaces with an account token: add a workspace API key.';
  return errorText(err);
}

export async function start(accountToken, apiKey, { remember = false } = {}) {
  app.remember = remember;
  if (remember) app.cache ??= openPostCache();
  app.accountToken = accountToken;
  await loadRest();
  app.ui = await import('./session-ui.js');
  // The account token's device sessions open every workspace with this person's role; the edits
  // waiting from an earlier visit come back from IndexedDB and go out once their session opens.
  const outboxStorage = await app.ui.outboxStorageFor(app.sdk, accountToken).catch(() => undefined);
  const client = await app.sdk.createClient({ baseUrl: location.origin, accountToken, storage: await keyStorage(), outboxStorage });
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
  // Without the account API's list there is nothing to open but a key: the client kept why the
  // list was not read (the core's reading of it: the token refused, no account API, no answer).
  if (client.supports('workspace_lifecycle') === false && !apiKey) {
    throw client.accountFailure() ?? new Error('Enter your account token, or add a workspace API key.');
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
      // keyKept: the SDK kept the key because its account must pay first (a 402).
      if (err.keyKept !== true || !client.workspaces.known().length) {
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
  app.list = client.workspaces.known();
  client.subscribe((state) => {
    app.list = state.workspaces;
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
  app.cache.putMeta({ active: active?.id ?? null, workspaces: app.list });
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
export async function resume(cache, boot) {
  app.remember = true;
  app.cache = cache;
  app.copyOnDevice = true;
  const active = boot?.meta?.active ? boot.meta.workspaces?.find((w) => w.id === boot.meta.active) : null;
  if (active) {
    // first-paint.js may have drawn the saved page already: the live one replaces it in this task.
    const drawn = root.dataset.saved === 'drawn';
    delete root.dataset.saved;
    app.restored = { active, workspaces: boot.meta.workspaces, paint: boot.paint, drawn };
    app.list = boot.meta.workspaces;
    renderShell();
    // Everything else (modules, the core, decrypting the token, signing in, the refresh) waits
    // for the first paint instead of competing with it.
    await Promise.race([app.firstPaint, new Promise((r) => setTimeout(r, 1000))]);
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
    const means = err.failureClass ?? {};
    if (means.account_token_refused === true || means.unsupported === true) {
      // The stored token was revoked (or this server no longer opens workspaces with one): forget
      // it and ask again.
      await (await session()).forgetDevice();
      endResume();
      signIn('Your saved sign-in is no longer accepted. Sign in again.');
      return;
    }
    if (!app.restored) {
      if (!err.failureClass) throw err;
      // Nothing saved to show and no answer to sign in with: the saved sign-in stays for a reload.
      endResume();
      signIn(`${errorText(err)} Reload to try again, or sign in below.`);
      return;
    }
    setSync(`Showing saved posts: the server could not be reached (${errorText(err)}). Reload to try again.`);
  }
}

export async function signOut() {
  // This device's sessions end on the server too: the credentials the page used stop working.
  await app.client?.sessions.signOut().catch(() => { /* offline: they expire on their own */ });
  await (await session()).forgetDevice({ edits: app.remember });
  location.assign(location.pathname);
}
