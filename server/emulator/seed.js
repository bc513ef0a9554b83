// Seed files: workspaces with members, keys (plain tokens), social accounts, labels, signatures,
// assets and posts in the API's own shapes. Times may be written relative to the start day:
// "{{day+3}} 10:00:00" is three days from today (UTC), "{{day-5}}" five days ago.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hashToken, uuid, ulid } from './ids.js';
import { readFixture, sniffMime, mediaTypeOf } from './media.js';
import { emptyState, newWorkspace } from './store.js';
import { parseTime, startOfUtcDay } from './time.js';
import { settle } from './scheduler.js';

export const DEMO_SEED = fileURLToPath(new URL('../../seeds/demo.json', import.meta.url));

export function loadSeedFile(spec) {
  const path = spec === 'demo' ? DEMO_SEED : spec;
  return JSON.parse(readFileSync(path, 'utf8'));
}

function expand(text, now) {
  return text.replace(/\{\{day([+-]\d+)?\}\}/g, (_, off) => {
    const d = new Date(startOfUtcDay(now) + Number(off ?? 0) * 86400000);
    return d.toISOString().slice(0, 10);
  });
}
function time(v, now, fallback = null) {
  if (v === undefined || v === null) return fallback;
  const t = parseTime(expand(String(v), now));
  if (!t) throw new Error(`seed: cannot read time "${v}"`);
  return t.ms;
}

// Fixture references ("/fixtures/media/x.jpg") become stored files; other URLs stay external.
async function importMedia(persistence, item) {
  const url = String(item.url ?? '');
  if (url.startsWith('/fixtures/media/')) {
    const name = url.slice('/fixtures/media/'.length);
    const bytes = readFixture(name);
    if (!bytes) throw new Error(`seed: no fixture ${name}`);
    const mime = sniffMime(bytes);
    const ext = { 'image/jpeg': 'jpg', 'image/png': 'jpg', 'image/webp': 'jpg', 'image/gif': 'gif', 'video/mp4': 'mp4', 'video/quicktime': 'mov', 'application/pdf': 'pdf' }[mime];
    const path = `medias/${uuid()}.${ext}`;
    await persistence.writeBlob(path, bytes);
    return { path, type: mediaTypeOf(mime), mime_type: ['image/png', 'image/webp'].includes(mime) ? 'image/jpeg' : mime, original_filename: item.original_filename ?? name, size: bytes.length };
  }
  return { path: item.path ?? `medias/${uuid()}.jpg`, url, type: item.type ?? 'image', mime_type: item.mime_type ?? 'image/jpeg', original_filename: item.original_filename ?? 'file', size: item.size ?? 0 };
}

export async function buildState(seed, { now, persistence }) {
  const state = emptyState(now);
  const acc = seed.account ?? {};
  const users = seed.users ?? [];
  state.users = users.map((u) => ({ id: u.id ?? uuid(), name: u.name, email: u.email, token_hash: u.account_token ? hashToken(u.account_token) : null }));
  const byEmail = (e) => state.users.find((u) => u.email.toLowerCase() === String(e).toLowerCase());
  const owner = byEmail(acc.owner) ?? state.users[0];
  Object.assign(state.account, {
    id: acc.id ?? uuid(), name: acc.name ?? 'Account', owner_id: owner?.id ?? null,
    plan_status: acc.plan_status ?? 'active', credits_used: acc.credits_used ?? 0,
    credits_limit: acc.credits_limit ?? 2500, resets_at: time(acc.resets_at, now, state.account.resets_at),
  });
  // Other accounts: a workspace of theirs is reached by its key alone, and answers 402 by their
  // plan and credits, not the emulated account's.
  state.other_accounts = (seed.other_accounts ?? []).map((o) => ({
    id: o.id ?? uuid(), name: o.name ?? 'Other account', owner_id: byEmail(o.owner)?.id ?? null,
    plan_status: o.plan_status ?? 'active', credits_used: o.credits_used ?? 0,
    credits_limit: o.credits_limit ?? 2500, resets_at: time(o.resets_at, now, state.account.resets_at),
  }));
  let seq = 0;
  const signingKeys = [];
  for (const w of seed.workspaces ?? []) {
    const ws = newWorkspace({ id: w.id ?? uuid(), name: w.name, now: time(w.created_at, now, now) });
    let wsOwner = owner;
    if (w.account) {
      const other = state.other_accounts.find((o) => o.id === w.account);
      if (!other) throw new Error(`seed: workspace ${w.name} names account ${w.account}, which is not in other_accounts`);
      ws.account_id = other.id;
      wsOwner = state.users.find((u) => u.id === other.owner_id);
    }
    ws.logo_url = w.logo_url ?? null;
    Object.assign(ws.brand, w.brand ?? {});
    for (const m of w.members ?? []) {
      const u = byEmail(m.email ?? m.user);
      if (!u) throw new Error(`seed: member ${m.email} is not in users`);
      if (u.id !== wsOwner?.id) ws.members.push({ user_id: u.id, role: m.role });
    }
    for (const k of w.api_keys ?? []) {
      const u = k.user ? byEmail(k.user) : keyUser(state, ws, k.role, wsOwner);
      if (!u) throw new Error(`seed: key user ${k.user} is not in users`);
      ws.api_keys.push({
        id: k.id ?? uuid(), name: k.name ?? 'Seed key', user_id: u.id, token_hash: hashToken(k.plain_token),
        last_used_at: null, expires_at: time(k.expires_at, now), created_at: time(k.created_at, now, now), seq: ++seq,
      });
    }
    for (const s of w.signing_keys ?? []) signingKeys.push({ keyid: s.keyid, secret: Buffer.from(s.secret_base64, 'base64'), workspace_id: ws.id });
    ws.social_accounts = (w.social_accounts ?? []).map((a) => ({
      id: a.id ?? uuid(), platform: a.platform, display_name: a.display_name ?? a.username, username: a.username ?? '',
      is_active: a.is_active ?? true, status: a.status ?? 'connected', avatar_url: a.avatar_url ?? null,
      publish_outcome: a.publish_outcome ?? 'success', boards: a.boards, channels: a.channels,
      default_board_id: a.default_board_id, upstream: a.upstream,
    }));
    const stamp = (x) => ({ created_at: time(x.created_at, now, now), updated_at: time(x.updated_at ?? x.created_at, now, now), seq: ++seq });
    ws.labels = (w.labels ?? []).map((l) => ({ id: l.id ?? uuid(), name: l.name, color: l.color, ...stamp(l) }));
    ws.signatures = (w.signatures ?? []).map((s) => ({ id: s.id ?? uuid(), name: s.name, content: s.content, ...stamp(s) }));
    for (const a of w.assets ?? []) {
      const stored = await importMedia(persistence, a);
      ws.assets.push({ id: a.id ?? uuid(), kind: a.kind ?? 'library', meta: a.meta ?? null, created_at: time(a.created_at, now, now), seq: ++seq, ...stored });
    }
    for (const p of w.posts ?? []) ws.posts.push(await seedPost(ws, p, { now, persistence }));
    state.workspaces.push(ws);
  }
  return { state, signingKeys };
}

// A key given by role only gets a user of its own with that role in the workspace.
function keyUser(state, ws, role = 'owner', owner) {
  if (role === 'owner') return owner;
  if (!['admin', 'member', 'viewer'].includes(role)) throw new Error(`seed: unknown key role ${role}`);
  const email = `${role}+${ws.id}@seed.invalid`;
  let u = state.users.find((x) => x.email === email);
  if (!u) {
    u = { id: uuid(), name: `${ws.name} ${role}`, email, token_hash: null };
    state.users.push(u);
    ws.members.push({ user_id: u.id, role });
  }
  return u;
}

async function seedPost(ws, p, { now, persistence }) {
  const status = p.status ?? 'draft';
  const post = {
    id: p.id ?? uuid(), content: p.content ?? '', media: [], status,
    scheduled_at: time(p.scheduled_at, now), published_at: time(p.published_at, now),
    platforms: [], label_ids: [], created_at: time(p.created_at, now, now), updated_at: time(p.updated_at ?? p.created_at, now, now),
  };
  for (const m of p.media ?? []) {
    const stored = await importMedia(persistence, m);
    delete stored.size;
    const item = { id: m.id ?? ulid(now), ...stored };
    if (m.meta) item.meta = m.meta;
    post.media.push(item);
  }
  post.label_ids = (p.labels ?? p.label_ids ?? []).map((ref) => {
    const l = ws.labels.find((x) => x.id === ref || x.name === ref);
    if (!l) throw new Error(`seed: post label ${ref} not found`);
    return l.id;
  });
  for (const e of p.platforms ?? []) {
    const a = ws.social_accounts.find((x) => x.id === (e.social_account_id ?? e.account) || x.username === e.account || x.platform === e.account);
    if (!a) throw new Error(`seed: post account ${e.social_account_id ?? e.account} not found in ${ws.name}`);
    post.platforms.push({
      id: e.id ?? uuid(), social_account_id: a.id, platform: a.platform,
      content_type: e.content_type ?? defaultType(a.platform), meta: e.meta ?? {},
      status: e.status ?? (status === 'publishing' ? 'publishing' : 'pending'), enabled: e.enabled ?? true,
      platform_url: e.platform_url ?? null, published_at: time(e.published_at, now), error_message: e.error_message ?? null,
      platform_post_id: null, display_name: a.display_name, display_username: a.username, display_avatar: a.avatar_url,
      outcome: e.outcome,
    });
  }
  // Finished posts get their per-entry results the way the scheduler would produce them.
  if (['published', 'partially_published', 'failed'].includes(status) && post.platforms.every((e) => e.status === 'pending')) {
    const at = post.scheduled_at ?? post.created_at;
    const saved = ws.social_accounts.map((a) => a.publish_outcome);
    post.platforms.forEach((e, i) => {
      const a = ws.social_accounts.find((x) => x.id === e.social_account_id);
      const want = e.outcome ?? (status === 'published' ? 'success' : status === 'failed' ? 'fail:Token expired' : i === 0 ? 'success' : 'fail:Rate limit exceeded');
      a.publish_outcome = want;
    });
    settle(ws, post, at);
    ws.social_accounts.forEach((a, i) => { a.publish_outcome = saved[i]; });
    post.status = status;
  }
  for (const e of post.platforms) delete e.outcome;
  return post;
}

const DEFAULTS = {
  linkedin: 'linkedin_post', 'linkedin-page': 'linkedin_page_post', x: 'x_post', facebook: 'facebook_post',
  instagram: 'instagram_feed', 'instagram-facebook': 'instagram_feed', tiktok: 'tiktok_video', youtube: 'youtube_short',
  threads: 'threads_post', pinterest: 'pinterest_pin', bluesky: 'bluesky_post', mastodon: 'mastodon_post',
  telegram: 'telegram_post', discord: 'discord_message',
};
const defaultType = (p) => DEFAULTS[p];

// What the CLI prints: the seed's plain keys and account tokens.
export function seedSecrets(seed) {
  return {
    users: (seed.users ?? []).filter((u) => u.account_token).map((u) => ({ email: u.email, account_token: u.account_token })),
    keys: (seed.workspaces ?? []).flatMap((w) => (w.api_keys ?? []).map((k) => ({ workspace: w.name, workspace_id: w.id, user: k.user, plain_token: k.plain_token }))),
  };
}

// Signing keys of a seed whose workspaces carry fixed ids (used when resuming a data folder).
export function seedSigningKeys(seed) {
  return (seed.workspaces ?? []).flatMap((w) => (w.signing_keys ?? []).map((s) => ({
    keyid: s.keyid, secret: Buffer.from(s.secret_base64, 'base64'), workspace_id: w.id,
  })));
}
