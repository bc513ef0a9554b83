// Posts: list (15 per page, scheduled_at descending), get, create (always a draft), update
// (schedule / publish / edit while draft or scheduled), delete.
import { HttpError, notFound, validationError } from '../errors.js';
import { uuid, ulid } from '../ids.js';
import { fetchMedia, inspect, platformsAccept, storeMedia } from '../media.js';
import { paginate, readPage } from '../pagination.js';
import {
  FINALIZED, FINAL_STATUSES, checkContentType, checkPublishable, mergeMeta, validateLabelIds,
  validateMediaItems, validateMeta,
} from '../post-rules.js';
import * as present from '../presenters.js';
import { requireRole } from '../roles.js';
import { startPublishing } from '../scheduler.js';
import { parseTime } from '../time.js';
import { Validator, display } from '../validation.js';

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

export function findPost(ctx, id) {
  const p = ctx.ws.posts.find((x) => x.id === id);
  if (!p) throw notFound('Post not found.');
  return p;
}

// Newest schedule first; unscheduled drafts last (as MySQL orders NULLs in a descending sort).
function byScheduleDesc(a, b) {
  if (a.scheduled_at === b.scheduled_at) return b.created_at - a.created_at || (a.id < b.id ? 1 : -1);
  if (a.scheduled_at === null) return 1;
  if (b.scheduled_at === null) return -1;
  return b.scheduled_at - a.scheduled_at;
}

// Only the page's 15 posts are presented: presenting all of them per request made a walk over a
// 5,000-post workspace quadratic (about 160 ms per page), which no real server does.
function list(ctx) {
  const sorted = [...ctx.ws.posts].sort(byScheduleDesc);
  const body = paginate(sorted, readPage(ctx.query), 15, `${ctx.origin}/api/posts`);
  body.data = body.data.map((p) => present.post(ctx.origin, ctx.ws, p));
  return { status: 200, body };
}

function show(ctx) {
  return { status: 200, body: present.post(ctx.origin, ctx.ws, findPost(ctx, ctx.params.post)) };
}

// Downloads media[] items of a create/update body; a failure is a 422 on media.{i}.url.
async function ingestMedia(ctx, items, enabledPlatforms) {
  const out = [];
  const errors = {};
  for (const [i, item] of items.entries()) {
    const got = await fetchMedia(item.url, { ...ctx.mediaSources, maxBytes: ctx.caps.video });
    const path = `media.${i}.url`;
    if (!got) { errors[path] = [`The ${path} could not be downloaded.`]; continue; }
    const r = inspect(got.bytes, ctx.caps);
    if (!r.ok) {
      errors[path] = [r.reason === 'mime'
        ? `The ${path} must be a file of type: jpg, png, gif, webp, mp4, mov, pdf.`
        : `The ${path} must not be greater than ${Math.floor(r.cap / 1024)} kilobytes.`];
      continue;
    }
    if (!platformsAccept({ platforms: enabledPlatforms }, r.type, r.mime)) {
      errors[path] = ['This file type is not supported by the platforms enabled on the post.'];
      continue;
    }
    const stored = await storeMedia(ctx.persistence, got.bytes, r.mime, item.original_filename ?? got.filename);
    const m = { id: ulid(ctx.now), path: stored.path, type: stored.type, mime_type: stored.mime_type, original_filename: stored.original_filename };
    if (isObject(item.meta) && item.meta.alt_text) m.meta = { alt_text: item.meta.alt_text };
    out.push(m);
  }
  if (Object.keys(errors).length) throw validationError(errors);
  return out;
}

async function create(ctx) {
  requireRole(ctx.role, 'writePosts');
  const b = ctx.body;
  const ws = ctx.ws;
  const v = new Validator({ now: ctx.now });
  const rows = [];
  if (v.check('platforms', b.platforms, ['required', 'array', 'min:1'])) {
    const seen = new Set();
    b.platforms.forEach((row, i) => {
      const p = `platforms.${i}`;
      if (!isObject(row)) { v.add(p, `The ${p} field must be an array.`); return; }
      let account = null;
      const idPath = `${p}.social_account_id`;
      if (v.check(idPath, row.social_account_id, ['required', 'uuid'])) {
        account = ws.social_accounts.find((a) => a.id === row.social_account_id && a.is_active) ?? null;
        if (!account) v.add(idPath, `The selected ${display(idPath)} is invalid.`);
        else if (seen.has(account.id)) { v.add(idPath, `The ${display(idPath)} field has a duplicate value.`); account = null; }
        else seen.add(account.id);
      }
      const ctPath = `${p}.content_type`;
      if (v.check(ctPath, row.content_type, ['required'])) checkContentType(v, ctPath, row.content_type, account?.platform);
      const meta = account ? validateMeta(v, `${p}.meta`, row.meta, account.platform) : {};
      if (account) rows.push({ account, content_type: row.content_type, meta });
    });
  }
  v.check('content', b.content, ['nullable', 'string', 'max:10000']);
  validateMediaItems(v, b.media);
  v.check('scheduled_at', b.scheduled_at, ['nullable', 'string', 'date', 'after_now']);
  validateLabelIds(v, ws, b.label_ids);
  v.throwIfFailed();

  const entries = rows.map((r) => ({
    id: uuid(), social_account_id: r.account.id, platform: r.account.platform, content_type: r.content_type,
    meta: r.meta, status: 'pending', enabled: true, platform_url: null, published_at: null,
    error_message: null, platform_post_id: null,
    display_name: r.account.display_name, display_username: r.account.username, display_avatar: r.account.avatar_url ?? null,
  }));
  const media = Array.isArray(b.media) ? await ingestMedia(ctx, b.media, entries) : [];
  const now = ctx.clock.now();
  const post = {
    id: uuid(), content: typeof b.content === 'string' ? b.content : '', media, status: 'draft',
    scheduled_at: b.scheduled_at ? parseTime(b.scheduled_at).ms : null, published_at: null,
    platforms: entries, label_ids: Array.isArray(b.label_ids) ? [...new Set(b.label_ids)] : [],
    created_at: now, updated_at: now,
  };
  ws.posts.push(post);
  // On create the labels relation is not loaded yet (a GET shows them).
  return { status: 201, body: present.post(ctx.origin, ws, post, { withLabels: false }) };
}

async function update(ctx) {
  const ws = ctx.ws;
  const found = findPost(ctx, ctx.params.post);
  requireRole(ctx.role, 'writePosts');
  const b = ctx.body;
  const v = new Validator({ now: ctx.now });
  v.check('status', b.status, ['required', 'string', 'in:draft,scheduled,publishing']);
  v.check('content', b.content, ['nullable', 'string', 'max:10000']);
  validateMediaItems(v, b.media);
  const patches = [];
  const submitted = new Map();
  if (v.check('platforms', b.platforms, ['nullable', 'array'])) {
    b.platforms.forEach((row, i) => {
      const p = `platforms.${i}`;
      if (!isObject(row)) { v.add(p, `The ${p} field must be an array.`); return; }
      let entry = null;
      if (v.check(`${p}.id`, row.id, ['required', 'uuid'])) {
        entry = found.platforms.find((e) => e.id === row.id) ?? null;
        if (!entry) v.add(`${p}.id`, `The selected ${p}.id is invalid.`);
      }
      if (row.content_type !== undefined && row.content_type !== null) checkContentType(v, `${p}.content_type`, row.content_type, entry?.platform);
      const meta = entry ? validateMeta(v, `${p}.meta`, row.meta, entry.platform, { keepNulls: true }) : {};
      if (entry) { patches.push({ entry, content_type: row.content_type ?? null, meta }); submitted.set(entry.id, i); }
    });
  }
  if (b.status === 'scheduled') {
    const storedFuture = found.scheduled_at !== null && found.scheduled_at > ctx.now;
    if (b.scheduled_at === undefined || b.scheduled_at === null || b.scheduled_at === '') {
      if (!storedFuture) v.add('scheduled_at', 'The scheduled at field is required when status is scheduled.');
    } else {
      v.check('scheduled_at', b.scheduled_at, ['string', 'date', 'after_now']);
    }
  } else {
    v.check('scheduled_at', b.scheduled_at, ['nullable', 'string', 'date']);
  }
  validateLabelIds(v, ws, b.label_ids);
  v.throwIfFailed();
  if (FINAL_STATUSES.includes(found.status)) throw new HttpError(422, FINALIZED);

  // The effective post after this request, checked before anything is changed.
  const listed = Array.isArray(b.platforms) ? new Set(patches.map((x) => x.entry.id)) : null;
  const effective = found.platforms.map((e) => {
    const patch = patches.find((x) => x.entry === e);
    return {
      ...e,
      enabled: listed ? listed.has(e.id) : e.enabled,
      content_type: patch?.content_type ?? e.content_type,
      meta: patch ? mergeMeta(e.meta, patch.meta) : e.meta,
    };
  });
  const content = b.content !== undefined ? b.content : found.content;
  const media = Array.isArray(b.media) ? await ingestMedia(ctx, b.media, effective) : null;
  if (b.status === 'scheduled' || b.status === 'publishing') {
    const pv = new Validator({ now: ctx.now });
    checkPublishable(pv, { content, media: media ?? found.media, entries: effective.filter((e) => e.enabled), submitted });
    pv.throwIfFailed();
  }

  const post = ws.posts.find((x) => x.id === found.id);
  if (!post) throw notFound('Post not found.');
  if (FINAL_STATUSES.includes(post.status)) throw new HttpError(422, FINALIZED);
  const now = ctx.clock.now();
  post.platforms = effective.map((e) => ({ ...e, meta: e.meta }));
  if (b.content !== undefined) post.content = b.content;
  if (media) post.media = media;
  if (Array.isArray(b.label_ids)) post.label_ids = [...new Set(b.label_ids)];
  if (b.scheduled_at) post.scheduled_at = parseTime(b.scheduled_at).ms;
  post.updated_at = now;
  if (b.status === 'publishing') startPublishing(post, now);
  else post.status = b.status;
  return { status: 200, body: present.post(ctx.origin, ws, post) };
}

function destroy(ctx) {
  const post = findPost(ctx, ctx.params.post);
  requireRole(ctx.role, 'writePosts');
  ctx.ws.posts = ctx.ws.posts.filter((p) => p !== post);
  return { status: 204 };
}

export const routes = [
  ['GET', '/posts', list],
  ['POST', '/posts', create, { idempotent: true }],
  ['GET', '/posts/:post', show],
  ['PUT', '/posts/:post', update],
  ['DELETE', '/posts/:post', destroy],
];
