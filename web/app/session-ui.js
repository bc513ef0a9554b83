// What the page shows and asks about device sessions (web/sdk/session-credential.js): which
// workspaces need signing in again (their edits are kept and sent once a credential works), the
// words for an edit held there, the confirmation before an API key is deleted, the signed-in
// devices (another one signed out from here), and where the outbox is kept so a reload loses no edit.
import { h, clear, openDialog, errorText } from './dom.js';
import { OUTBOX_PREFIX } from './session.js';
import { zoneWordsOf } from './display-zone.js';

// Edits are the user's words, not credentials: while any waits (or was refused and is not yet
// dismissed) it is kept in IndexedDB, for every sign-in, so a reload (or a revoked session) never
// loses one. The database exists only while it holds something: without "Remember on this
// device" nothing else is left behind. One database per account token, so another person signing
// in on this browser never sends them.
export async function outboxStorageFor(sdk, accountToken) {
  const idb = globalThis.indexedDB;
  if (!idb || typeof sdk.createIndexedDbOutboxStorage !== 'function') return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`trypost-outbox:${accountToken}`)));
  const name = `${OUTBOX_PREFIX}${[...digest.slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  const exists = async () => {
    if (typeof idb.databases !== 'function') return true; // cannot tell: open it
    return (await idb.databases()).some((d) => d.name === name);
  };
  let inner = null;
  const open = () => (inner ??= sdk.createIndexedDbOutboxStorage({ name }));
  return {
    kind: 'indexeddb',
    async load() {
      return (await exists()) ? open().load() : null;
    },
    async save(doc) {
      if (doc.entries.length || doc.problems.length) return open().save(doc);
      if (!inner && !(await exists())) return undefined;
      // Empty: the database goes (its connection closes on the version change; a later edit
      // opens a new one, queued after the deletion).
      inner = null;
      await new Promise((resolve) => {
        const req = idb.deleteDatabase(name);
        req.onsuccess = req.onerror = req.onblocked = () => resolve();
      });
      return undefined;
    },
  };
}

const nameOf = (client, id) => client.workspaces.known().find((w) => w.id === id)?.name ?? 'A workspace';

// The words for an edit that waits: for a credential (named workspace) or for the network.
export function heldText(client, wsId, what) {
  if (client?.needsSignIn().includes(wsId)) {
    return `${what} is kept: "${nameOf(client, wsId)}" needs signing in again. It is sent once you do (nothing is lost, also after a reload).`;
  }
  return `Offline: ${what.toLowerCase()} is queued and will be sent when the connection is back.`;
}

// The sidebar notice for workspaces whose credential was refused, with "Sign in again" (a new
// session for this device from the account token the page holds).
export function renderSignInAgain(box, { client, notify, onRenewed, signInForm }) {
  const ids = client?.needsSignIn() ?? [];
  box.hidden = !ids.length;
  if (!ids.length) return clear(box);
  const names = ids.map((id) => `"${nameOf(client, id)}"`).join(', ');
  const kept = client.outbox.pending().filter((e) => ids.includes(e.workspace_id)).length;
  const button = h('button', { type: 'button', text: 'Sign in again', onclick: async () => {
    button.disabled = true;
    try {
      await client.sessions.open();
      const still = client.needsSignIn();
      if (still.length) notify(`Still refused: ${still.map((id) => `"${nameOf(client, id)}"`).join(', ')}. Add a key for it, or sign out and in.`);
      else notify('Signed in again; waiting edits are being sent.');
      onRenewed();
    } catch (err) {
      // The account token itself is no longer accepted, or this server has no sessions (the
      // core's reading of the failure): only the sign-in form can help.
      const means = err.failureClass ?? {};
      if (means.account_token_refused === true || means.unsupported === true) signInForm();
      else notify(`Not signed in again: ${errorText(err)}`);
      button.disabled = false;
    }
  } });
  clear(box,
    h('p', { role: 'alert', text: `${names} ${ids.length === 1 ? 'needs' : 'need'} signing in again: this page's access there was revoked or expired.${kept ? ` ${kept} edit${kept === 1 ? ' is' : 's are'} kept and sent once you do.` : ''}` }),
    client.sessions.deviceId ? button : h('p', { class: 'hint', text: 'Add a working API key for it, or sign out and sign in again.' }));
}

// "Delete key" asks first, naming the key; when the page itself reaches this workspace with a key
// (added by key, no session), it says the page may stop working there.
export function confirmKeyDelete({ key, wsName, pageUsesKey, onConfirm }) {
  openDialog(`Delete the key "${key.name}"?`, (body, close) => {
    const status = h('p', { role: 'alert', class: 'form-error' });
    const go = h('button', { type: 'button', class: 'danger', text: `Delete "${key.name}"`, onclick: async () => {
      go.disabled = true;
      try {
        await onConfirm();
        close();
      } catch (err) {
        go.disabled = false;
        status.textContent = errorText(err);
      }
    } });
    body.append(
      h('p', { text: `Scripts and apps that use "${key.name}" stop working in "${wsName}" at once. This cannot be undone.` }),
      pageUsesKey
        ? h('p', { class: 'notice', text: `This page reaches "${wsName}" with an API key, not a sign-in session. If it is this key, "${wsName}" stops working here until you sign in again or add another key (your waiting edits are kept).` })
        : h('p', { class: 'hint', text: `This page uses your sign-in session in "${wsName}", not this key: it keeps working.` }),
      status,
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close, text: 'Cancel' }), go));
  });
}

// This person's device sessions in the workspace, apart from the API keys (read from the account
// API's own list; never a token). Each other device has "Sign out" (this device keeps the
// sidebar's); whether it may be offered at all is the SDK's supports('device_sessions').
export function devicesSection(client, ws) {
  if (!client.sessions?.deviceId) return null;
  const box = h('div', { 'aria-busy': 'true' }, h('div', { class: 'skeleton line' }));
  const status = h('p', { role: 'status', class: 'save-status' });
  const title = h('h3', { id: 'devices-title', tabindex: '-1', text: 'Signed-in devices' });
  const load = () => client.sessions.list().then(async (all) => {
    const mine = all.filter((s) => s.workspace_id === ws.id);
    // Times in the workspace's display zone, as the calendar shows them.
    const words = await zoneWordsOf(mine.flatMap((s) => [s.last_used_at, s.expires_at]), ws.id);
    const when = (t) => (t ? words.get(t) : 'Never');
    box.removeAttribute('aria-busy');
    const canEnd = client.supports?.('device_sessions') === true;
    // Two devices may carry one name (two Chromium browsers on Linux): then the last use tells them apart.
    const named = (s) => s.device_name ?? 'A device';
    const others = mine.filter((s) => s.device_id !== client.sessions.deviceId);
    const label = (s) => (others.filter((o) => named(o) === named(s)).length > 1 ? `${named(s)} (last used ${when(s.last_used_at)})` : named(s));
    clear(box, mine.length ? h('table', { class: 'table' }, h('caption', { text: 'Your signed-in devices in this workspace' }),
      h('thead', {}, h('tr', {}, ['Device', 'Last used', 'Expires if unused'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, mine.map((s) => {
        const self = s.device_id === client.sessions.deviceId;
        return h('tr', {},
          h('td', { text: `${named(s)}${self ? ' (this device)' : ''}` }),
          h('td', { text: when(s.last_used_at) }), h('td', { text: when(s.expires_at) }),
          h('td', {}, !self && canEnd ? h('button', { type: 'button', class: 'danger-link', 'aria-label': `Sign out ${label(s)}`, text: 'Sign out',
            onclick: () => confirmDeviceSignOut({ client, device: s, name: label(s), wsName: ws.name, onDone: (text) => {
              status.textContent = text;
              title.focus();
              load();
            } }) }) : ''));
      })))
      : h('p', { class: 'hint', text: 'No signed-in device here.' }));
  }, (err) => clear(box, h('p', { class: 'error', text: `The signed-in devices could not be listed (${errorText(err)}).` })));
  load();
  return h('section', { 'aria-labelledby': 'devices-title' }, title,
    h('p', { class: 'hint', text: 'Sign-in sessions, not API keys: each device that signs in gets one. It ends when that device signs out, when you sign it out here, or after 12 hours unused.' }), box, status);
}

// "Sign out" of another device asks first: it ends that device's sessions in every workspace of
// the account; its waiting edits stay on it and go out once it signs in again.
function confirmDeviceSignOut({ client, device, name, wsName, onDone }) {
  openDialog(`Sign out "${name}"?`, (body, close) => {
    const problem = h('p', { role: 'alert', class: 'form-error' });
    const go = h('button', { type: 'button', class: 'danger', text: `Sign out "${name}"`, onclick: async () => {
      go.disabled = true;
      problem.textContent = '';
      try {
        const ended = await client.sessions.end(device.device_id);
        close();
        onDone(ended ? `"${name}" is signed out of every workspace. It has to sign in again to go on.` : `"${name}" was already signed out.`);
      } catch (err) {
        go.disabled = false;
        problem.textContent = err.status === 0
          ? `The server could not be reached, so "${name}" is still signed in. Check the connection and try again.`
          : `"${name}" is still signed in: ${errorText(err)}`;
      }
    } });
    body.append(
      h('p', { text: `"${name}" is signed out of every workspace of this account, not only "${wsName}". Whatever it does next asks it to sign in again.` }),
      h('p', { text: 'Edits waiting on that device (made offline or not yet sent) stay on it: they are sent once it signs in again. Nothing changes on this device.' }),
      // The account token is not ended by this: say who can come back and how.
      h('p', { class: 'hint', text: 'It can sign in again with your account token; a browser set to "Remember on this device" keeps the token and does so by itself when the page is reloaded. API keys are not affected.' }),
      problem,
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close, text: 'Cancel' }), go));
  });
}
