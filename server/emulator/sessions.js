// Device sessions (docs/account-api.md): a credential the account API issues to one person on one
// device for one workspace. It acts on the workspace API with that person's current role, expires
// after SESSION_TTL_MS without use (each use slides the expiry), is listed apart from API keys
// and is revoked when the device signs out. Opening again on the same device reuses that
// device's live credential (the same token, so two tabs of one browser do not take it from each
// other), so signing in repeatedly never adds any; a new one is made only once it has ended.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { notFound } from './errors.js';
import { hashToken, opaqueToken, uuid } from './ids.js';
import { formatApi } from './time.js';
import { Validator } from './validation.js';

export const SESSION_TTL_MS = 12 * 3600 * 1000;

const sessionsOf = (ws) => (ws.sessions ??= []);

// The token is looked up by its hash; to hand the same token to the same device again it is also
// kept sealed (AES-256-GCM under a key derived from the emulator's app key), never in the clear.
const sealKey = (appKey) => createHash('sha256').update(`sessions:${appKey}`).digest();
function seal(appKey, plain) {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', sealKey(appKey), iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
}
function unseal(appKey, sealed) {
  try {
    const raw = Buffer.from(sealed, 'base64');
    const d = createDecipheriv('aes-256-gcm', sealKey(appKey), raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}

const present = (s, ws) => ({
  id: s.id, workspace_id: ws.id, workspace_name: ws.name, device_id: s.device_id, device_name: s.device_name,
  created_at: formatApi(s.created_at), last_used_at: s.last_used_at === null ? null : formatApi(s.last_used_at),
  expires_at: formatApi(s.expires_at),
});

function validDevice(body, { nameToo = true } = {}) {
  const v = new Validator({});
  v.check('device_id', body.device_id, ['required', 'string', 'min:8', 'max:100']);
  if (nameToo) v.check('device_name', body.device_name, ['nullable', 'string', 'max:255']);
  v.throwIfFailed();
  return body.device_id;
}

// The device's credential for `ws`: its live one again (expiry renewed), else a new one that
// replaces whatever the device had there. -> {..., role, token}
export function openSession(ws, user, role, { deviceId, deviceName = null }, now, appKey) {
  const mine = (s) => s.user_id === user.id && s.device_id === deviceId;
  const live = sessionsOf(ws).find((s) => mine(s) && s.expires_at > now);
  const again = live && unseal(appKey, live.token_sealed);
  if (live && again) {
    live.expires_at = now + SESSION_TTL_MS;
    if (deviceName) live.device_name = deviceName;
    return { ...present(live, ws), role, token: again };
  }
  ws.sessions = sessionsOf(ws).filter((s) => !mine(s));
  const plain = opaqueToken('tps_');
  const s = {
    id: uuid(), user_id: user.id, device_id: deviceId, device_name: deviceName, token_hash: hashToken(plain),
    token_sealed: seal(appKey, plain), created_at: now, last_used_at: null, expires_at: now + SESSION_TTL_MS,
  };
  ws.sessions.push(s);
  return { ...present(s, ws), role, token: plain };
}

// For the workspace API: {workspace, session} for a live credential, else null. A use renews it.
export function sessionByToken(store, plain, now) {
  const h = hashToken(plain);
  for (const ws of store.state.workspaces) {
    const s = ws.sessions?.find((x) => x.token_hash === h);
    if (!s) continue;
    if (s.expires_at <= now) return null;
    s.last_used_at = now;
    s.expires_at = now + SESSION_TTL_MS; // made durable with the next commit
    return { workspace: ws, session: s };
  }
  return null;
}

function open(ctx) {
  const deviceId = validDevice(ctx.body);
  const only = ctx.body.workspace_id;
  const out = [];
  for (const ws of ctx.store.state.workspaces) {
    if (only !== undefined && only !== null && ws.id !== only) continue;
    const role = ctx.store.roleOf(ws, ctx.user.id);
    if (!role) continue;
    out.push(openSession(ws, ctx.user, role, { deviceId, deviceName: ctx.body.device_name ?? null }, ctx.clock.now(), ctx.store.state.app_key));
  }
  if (only && !out.length) throw notFound('Workspace not found.');
  return { status: 201, body: { device_id: deviceId, sessions: out } };
}

function list(ctx) {
  const out = [];
  const now = ctx.clock.now();
  for (const ws of ctx.store.state.workspaces) {
    for (const s of ws.sessions ?? []) if (s.user_id === ctx.user.id && s.expires_at > now) out.push(present(s, ws));
  }
  out.sort((a, b) => a.device_id.localeCompare(b.device_id) || a.workspace_name.localeCompare(b.workspace_name));
  return { status: 200, body: out };
}

// Sign-out: every credential of this device (all workspaces), or 404 when it holds none.
function revoke(ctx) {
  const deviceId = ctx.params.device;
  let n = 0;
  for (const ws of ctx.store.state.workspaces) {
    const before = sessionsOf(ws).length;
    ws.sessions = ws.sessions.filter((s) => !(s.user_id === ctx.user.id && s.device_id === deviceId));
    n += before - ws.sessions.length;
  }
  if (!n) throw notFound('No session of this device.');
  return { status: 204 };
}

// A member who loses access loses the device credentials with it.
export function dropSessions(ws, userId) {
  ws.sessions = sessionsOf(ws).filter((s) => s.user_id !== userId);
}

export const routes = [
  ['POST', '/account/sessions', open],
  ['GET', '/account/sessions', list],
  ['DELETE', '/account/sessions/:device', revoke],
];

