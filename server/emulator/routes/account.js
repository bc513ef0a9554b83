// This project's account endpoints (docs/account-api.md): workspaces, brand, members, invites,
// workspace keys and credit usage, for a user's account token.
import { HttpError, forbidden, notFound, validationError } from '../errors.js';
import { addKey, deleteKey, listKeys, validateKeyInput } from '../api-keys.js';
import { uuid } from '../ids.js';
import * as present from '../presenters.js';
import { openSession, dropSessions } from '../sessions.js';
import { newWorkspace } from '../store.js';
import { formatApi } from '../time.js';
import { Validator, isHttpUrl } from '../validation.js';

const TONES = 'professional,casual,friendly,bold,inspirational,humorous,educational';
const STYLES = 'cinematic,illustration,isometric_3d,cartoon,typographic,infographic,minimalist,mockup';
const FONTS = 'Inter,Roboto,Open Sans,Lato,Montserrat,Poppins,Playfair Display,Merriweather';
const LANGUAGES = 'en,pt-BR,es';
const ADMINS = ['owner', 'admin'];
const ROLES = 'admin,member,viewer';

const isOwner = (ctx) => ctx.user.id === ctx.store.account.owner_id;

// The workspace if the caller can see it (404 otherwise), with the caller's role.
function visible(ctx, id = ctx.params.id) {
  const ws = ctx.store.workspace(id);
  const role = ws ? ctx.store.roleOf(ws, ctx.user.id) : null;
  if (!ws || !role) throw notFound('Workspace not found.');
  return { ws, role };
}
function managed(ctx, roles = ADMINS) {
  const r = visible(ctx);
  if (!roles.includes(r.role)) throw forbidden();
  return r;
}

function validName(v, name, required) {
  if (typeof name === 'string') name = name.trim();
  v.check('name', name, [required ? 'required' : 'nullable', 'string', 'min:1', 'max:255']);
  return name;
}

// Names are unique within an account (trimmed, in any case), so the switcher never shows two
// workspaces alike; a workspace may keep its own name.
function uniqueName(ctx, v, name, self = null) {
  if (typeof name !== 'string' || !name) return;
  const account = self ? ctx.store.accountOf(self) : ctx.store.account;
  const clash = ctx.store.state.workspaces.find((w) => w !== self && ctx.store.accountOf(w) === account && w.name.trim().toLowerCase() === name.toLowerCase());
  if (clash) v.add('name', `This account already has a workspace named "${clash.name}". Choose another name.`);
}

function me(ctx) {
  const u = ctx.user;
  return { status: 200, body: { id: u.id, name: u.name, email: u.email, account_id: ctx.store.account.id, is_owner: isOwner(ctx), can_create_workspaces: isOwner(ctx) } };
}

function workspaces(ctx) {
  const out = [];
  for (const ws of ctx.store.state.workspaces) {
    const role = ctx.store.roleOf(ws, ctx.user.id);
    if (role) out.push(present.accountWorkspace(ws, role));
  }
  return { status: 200, body: out };
}

function createWorkspace(ctx) {
  if (!isOwner(ctx)) throw forbidden();
  const v = new Validator({ now: ctx.now });
  const name = validName(v, ctx.body.name, true);
  uniqueName(ctx, v, name);
  const device = ctx.body.device_id;
  if (device !== undefined) v.check('device_id', device, ['string', 'min:8', 'max:100']);
  v.throwIfFailed();
  const now = ctx.clock.now();
  const ws = newWorkspace({ id: uuid(), name, now });
  ctx.store.state.workspaces.push(ws);
  // No key is made for the creator: a device that names itself gets its session for the new
  // workspace in the same answer; API keys are made on purpose in the API keys tab.
  const body = { workspace: present.accountWorkspace(ws, 'owner') };
  if (device !== undefined) body.session = openSession(ws, ctx.user, 'owner', { deviceId: device, deviceName: ctx.body.device_name ?? null }, now, ctx.store.state.app_key);
  return { status: 201, body };
}

function updateWorkspace(ctx) {
  const { ws, role } = managed(ctx);
  const v = new Validator({ now: ctx.now });
  const b = ctx.body;
  const name = b.name !== undefined ? validName(v, b.name, true) : undefined;
  if (name !== undefined) uniqueName(ctx, v, name, ws);
  if (b.logo_url !== undefined && b.logo_url !== null && !isHttpUrl(b.logo_url)) v.add('logo_url', 'The logo url field must be a valid URL.');
  v.throwIfFailed();
  if (name !== undefined) ws.name = name;
  if (b.logo_url !== undefined) ws.logo_url = b.logo_url || null;
  ws.updated_at = ctx.clock.now();
  return { status: 200, body: present.accountWorkspace(ws, role) };
}

function updateBrand(ctx) {
  const { ws, role } = managed(ctx);
  const b = ctx.body;
  const v = new Validator({ now: ctx.now });
  const next = { ...ws.brand };
  const field = (key, rules, required = false) => {
    if (!(key in b)) return;
    if (b[key] === null || b[key] === '') {
      if (required) v.add(key, `The ${key.replace(/_/g, ' ')} field is required.`);
      else next[key] = null;
      return;
    }
    if (v.check(key, b[key], rules)) next[key] = b[key];
  };
  field('website', ['string', 'url', 'max:255']);
  field('description', ['string', 'max:2000']);
  field('tone', ['string', `in:${TONES}`]);
  field('voice_notes', ['string', 'max:2000']);
  field('image_style', ['string', `in:${STYLES}`], true);
  for (const c of ['primary_color', 'background_color', 'text_color']) field(c, ['string', 'hex']);
  field('font', ['string', `in:${FONTS}`], true);
  field('content_language', ['string', `in:${LANGUAGES}`], true);
  v.throwIfFailed();
  ws.brand = next;
  ws.updated_at = ctx.clock.now();
  return { status: 200, body: present.accountWorkspace(ws, role) };
}

function deleteWorkspace(ctx) {
  const { ws } = managed(ctx, ['owner']);
  if (ctx.body.confirm_name !== ws.name) {
    throw validationError({ confirm_name: ['The confirm name field must match the workspace name exactly.'] });
  }
  ctx.store.state.workspaces = ctx.store.state.workspaces.filter((w) => w !== ws);
  return { status: 204 };
}

function memberList(ctx, ws) {
  const owner = ctx.store.user(ctx.store.accountOf(ws).owner_id);
  const members = owner ? [present.member(owner, 'owner')] : [];
  for (const m of ws.members) {
    if (m.user_id === owner?.id) continue;
    const u = ctx.store.user(m.user_id);
    if (u) members.push(present.member(u, m.role));
  }
  return members;
}

function members(ctx) {
  const { ws } = visible(ctx);
  const invites = ws.invites.filter((i) => i.status === 'pending').sort((a, b) => b.created_at - a.created_at).map(present.invite);
  return { status: 200, body: { members: memberList(ctx, ws), invites } };
}

function invite(ctx) {
  const { ws } = managed(ctx);
  const v = new Validator({ now: ctx.now });
  const email = typeof ctx.body.email === 'string' ? ctx.body.email.trim() : ctx.body.email;
  if (v.check('email', email, ['required', 'string', 'email', 'max:255'])) {
    const u = ctx.store.userByEmail(email);
    if (u && ctx.store.roleOf(ws, u.id)) v.add('email', 'This user is already a member of the workspace.');
    else if (ws.invites.some((i) => i.status === 'pending' && i.email.toLowerCase() === email.toLowerCase())) {
      v.add('email', 'This email address already has a pending invite.');
    }
  }
  v.check('role', ctx.body.role, ['required', 'string', `in:${ROLES}`]);
  v.throwIfFailed();
  const inv = { id: uuid(), email, role: ctx.body.role, status: 'pending', created_at: ctx.clock.now(), invited_by: ctx.user.id };
  ws.invites.push(inv);
  ctx.emulator.outbox.push({ type: 'invite_received', to: email, invite_id: inv.id, workspace_id: ws.id, at: formatApi(inv.created_at) });
  return { status: 201, body: present.invite(inv) };
}

function cancelInvite(ctx) {
  const { ws } = managed(ctx);
  const inv = ws.invites.find((i) => i.id === ctx.params.invite && i.status === 'pending');
  if (!inv) throw notFound('Invite not found.');
  inv.status = 'cancelled';
  return { status: 204 };
}

// An invite addressed to the caller, wherever it lives.
function myInvite(ctx) {
  for (const ws of ctx.store.state.workspaces) {
    const inv = ws.invites.find((i) => i.id === ctx.params.invite);
    if (inv && inv.email.toLowerCase() === ctx.user.email.toLowerCase()) {
      if (inv.status !== 'pending') throw new HttpError(422, `This invite is no longer pending (${inv.status}).`);
      return { ws, inv };
    }
  }
  throw notFound('Invite not found.');
}

function accept(ctx) {
  const { ws, inv } = myInvite(ctx);
  inv.status = 'accepted';
  if (!ctx.store.roleOf(ws, ctx.user.id)) ws.members.push({ user_id: ctx.user.id, role: inv.role });
  ctx.emulator.outbox.push({ type: 'member_joined', workspace_id: ws.id, user_id: ctx.user.id });
  return { status: 200, body: present.accountWorkspace(ws, ctx.store.roleOf(ws, ctx.user.id)) };
}

function decline(ctx) {
  const { inv } = myInvite(ctx);
  inv.status = 'declined';
  return { status: 204 };
}

function findMember(ctx, ws) {
  const userId = ctx.params.user;
  const owner = userId === ctx.store.accountOf(ws).owner_id;
  const m = ws.members.find((x) => x.user_id === userId);
  if (!owner && !m) throw notFound('Member not found.');
  return { owner, m };
}

function changeRole(ctx) {
  const { ws } = managed(ctx);
  const { owner, m } = findMember(ctx, ws);
  const v = new Validator({ now: ctx.now });
  v.check('role', ctx.body.role, ['required', 'string', `in:${ROLES}`]);
  v.throwIfFailed();
  if (owner) throw validationError({ role: ["The owner's role cannot be changed."] });
  m.role = ctx.body.role;
  return { status: 200, body: present.member(ctx.store.user(m.user_id), m.role) };
}

function removeMember(ctx) {
  const { ws } = managed(ctx);
  const { owner, m } = findMember(ctx, ws);
  if (owner) throw validationError({ user_id: ['The owner cannot be removed.'] });
  ws.members = ws.members.filter((x) => x !== m);
  // Their keys for this workspace stop working with their access.
  ws.api_keys = ws.api_keys.filter((k) => k.user_id !== m.user_id);
  dropSessions(ws, m.user_id);
  ctx.emulator.outbox.push({ type: 'member_removed', workspace_id: ws.id, user_id: m.user_id });
  return { status: 204 };
}

function usage(ctx) {
  const a = ctx.store.account;
  const cloud = ctx.emulator.mode === 'cloud';
  return {
    status: 200,
    body: {
      mode: ctx.emulator.mode,
      credits_used: a.credits_used,
      credits_limit: cloud ? a.credits_limit : null,
      resets_at: cloud ? formatApi(a.resets_at) : null,
      plan_status: cloud ? a.plan_status : 'self_hosted',
    },
  };
}

export const routes = [
  ['GET', '/account/me', me],
  ['GET', '/account/usage', usage],
  ['GET', '/account/workspaces', workspaces],
  ['POST', '/account/workspaces', createWorkspace],
  ['GET', '/account/workspaces/:id', (ctx) => { const { ws, role } = visible(ctx); return { status: 200, body: present.accountWorkspace(ws, role) }; }],
  ['PATCH', '/account/workspaces/:id', updateWorkspace],
  ['PUT', '/account/workspaces/:id/brand', updateBrand],
  ['DELETE', '/account/workspaces/:id', deleteWorkspace],
  ['GET', '/account/workspaces/:id/members', members],
  ['POST', '/account/workspaces/:id/invites', invite],
  ['DELETE', '/account/workspaces/:id/invites/:invite', cancelInvite],
  ['POST', '/account/invites/:invite/accept', accept],
  ['POST', '/account/invites/:invite/decline', decline],
  ['PUT', '/account/workspaces/:id/members/:user', changeRole],
  ['DELETE', '/account/workspaces/:id/members/:user', removeMember],
  ['GET', '/account/workspaces/:id/api-keys', (ctx) => { const { ws } = managed(ctx); return { status: 200, body: listKeys(ws, ctx.user.id) }; }],
  ['POST', '/account/workspaces/:id/api-keys', (ctx) => {
    const { ws } = managed(ctx);
    validateKeyInput(ctx.body, ctx.now);
    return { status: 201, body: addKey(ws, ctx.user.id, ctx.body, ctx.clock.now()) };
  }],
  ['DELETE', '/account/workspaces/:id/api-keys/:key', (ctx) => { const { ws } = managed(ctx); deleteKey(ws, ctx.user.id, ctx.params.key); return { status: 204 }; }],
];
