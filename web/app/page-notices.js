// The page-wide states and short messages: the 402 / 429 / offline banners, the toast that says
// what just happened, and the line saying when the calendar shows the device's copy.
import { h, clear } from './dom.js';
import { app } from './app-state.js';
import { renderChrome } from './page-shell.js';

// ---------- status banners ----------
export const banners = h('div', { class: 'banners' });
export function renderBanners() {
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
export function onStatus(ev) {
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
export const toast = h('p', { class: 'toast', role: 'status', 'aria-live': 'polite' });
export function notify(text, { ms = 6000 } = {}) {
  toast.textContent = text;
  clearTimeout(app.toastTimer);
  app.toastTimer = setTimeout(() => { toast.textContent = ''; }, ms);
}

// Says when the calendar shows the device's copy and while it is compared with the server.
export const sync = h('p', { class: 'sync', role: 'status', 'aria-live': 'polite' });
export function setSync(text, { fade = false } = {}) {
  clearTimeout(app.syncTimer);
  sync.textContent = text;
  if (fade) app.syncTimer = setTimeout(() => { sync.textContent = ''; }, 4000);
}
