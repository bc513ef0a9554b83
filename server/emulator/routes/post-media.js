// Attaching media to a post: multipart upload, by URL (partial success), from the asset library.
import { HttpError, validationError } from '../errors.js';
import { ulid, isUuid } from '../ids.js';
import { fetchMedia, inspect, platformsAccept, storeMedia } from '../media.js';
import { parseMultipart } from '../http.js';
import { FINALIZED, FINAL_STATUSES } from '../post-rules.js';
import * as present from '../presenters.js';
import { requireRole } from '../roles.js';
import { Validator } from '../validation.js';
import { findPost } from './posts.js';

const NOT_SUPPORTED = 'This file type is not supported by the platforms enabled on the post.';
const TYPES_MSG = 'The media field must be a file of type: jpg, jpeg, png, gif, webp, mp4, mov, pdf.';
const tooLarge = (cap) => `The media field must not be greater than ${Math.floor(cap / 1024)} kilobytes.`;
const mediaError = (m) => validationError({ media: [m] });

// The single "media" file of a multipart body, checked against the allow-list and caps.
export function readUploadedFile(ctx) {
  if (ctx.bodyTruncated) throw mediaError(tooLarge(ctx.caps.video));
  const parts = parseMultipart(ctx.bytes, ctx.req.headers['content-type']);
  const file = parts.find((p) => p.name === 'media' && p.filename !== undefined);
  if (!file || !file.body.length) throw mediaError('The media field is required.');
  const r = inspect(file.body, ctx.caps);
  if (!r.ok) throw mediaError(r.reason === 'mime' ? TYPES_MSG : tooLarge(r.cap));
  return { bytes: file.body, filename: file.filename || 'upload', ...r };
}

async function upload(ctx) {
  const post = findPost(ctx, ctx.params.post);
  requireRole(ctx.role, 'writePosts');
  const file = readUploadedFile(ctx);
  if (FINAL_STATUSES.includes(post.status)) throw new HttpError(422, FINALIZED);
  if (!platformsAccept(post, file.type, file.mime)) throw mediaError(NOT_SUPPORTED);
  const stored = await storeMedia(ctx.persistence, file.bytes, file.mime, file.filename);
  const { size, ...item } = stored;
  post.media.push({ id: ulid(ctx.now), ...item });
  post.updated_at = ctx.clock.now();
  return { status: 200, body: present.post(ctx.origin, ctx.ws, post) };
}

async function fromUrl(ctx) {
  const post = findPost(ctx, ctx.params.post);
  requireRole(ctx.role, 'writePosts');
  const v = new Validator({ now: ctx.now });
  const urls = ctx.body.urls;
  if (v.check('urls', urls, ['required', 'array', 'max:10'])) {
    urls.forEach((u, i) => {
      if (u === null || typeof u !== 'object' || Array.isArray(u)) { v.add(`urls.${i}`, `The urls.${i} field must be an array.`); return; }
      v.check(`urls.${i}.url`, u.url, ['required', 'string', 'url', 'max:2048']);
      v.check(`urls.${i}.alt`, u.alt, ['nullable', 'string', 'max:2000']);
    });
  }
  v.throwIfFailed();
  if (FINAL_STATUSES.includes(post.status)) throw new HttpError(422, FINALIZED);
  const attached = [];
  const failed = [];
  for (const { url, alt } of urls) {
    const got = await fetchMedia(url, { ...ctx.mediaSources, maxBytes: ctx.caps.video });
    const r = got ? inspect(got.bytes, ctx.caps) : { ok: false };
    if (!r.ok || !platformsAccept(post, r.type, r.mime)) { failed.push(url); continue; }
    const stored = await storeMedia(ctx.persistence, got.bytes, r.mime, got.filename);
    const { size, ...item } = stored;
    const m = { id: ulid(ctx.now), ...item };
    if (alt && r.type === 'image') m.meta = { alt_text: alt };
    attached.push(m);
  }
  const current = ctx.ws.posts.find((p) => p.id === post.id);
  if (!current) throw new HttpError(404, 'Post not found.');
  if (FINAL_STATUSES.includes(current.status)) throw new HttpError(422, FINALIZED);
  current.media.push(...attached);
  if (attached.length) current.updated_at = ctx.clock.now();
  return { status: 200, body: { post: present.post(ctx.origin, ctx.ws, current), attached_count: attached.length, failed_urls: failed } };
}

function fromAsset(ctx) {
  const post = findPost(ctx, ctx.params.post);
  requireRole(ctx.role, 'assets');
  const v = new Validator({ now: ctx.now });
  const { asset_id: assetId, alt } = ctx.body;
  v.check('asset_id', assetId, ['required', 'string', 'uuid']);
  v.check('alt', alt, ['nullable', 'string', 'max:2000']);
  v.throwIfFailed();
  if (FINAL_STATUSES.includes(post.status)) throw new HttpError(422, FINALIZED);
  const asset = isUuid(assetId) ? ctx.ws.assets.find((a) => a.id === assetId && a.kind === 'library') : null;
  if (!asset) throw validationError({ asset_id: ['Asset not found.'] });
  if (post.media.some((m) => m.id === asset.id)) return { status: 200, body: present.post(ctx.origin, ctx.ws, post) };
  if (!platformsAccept(post, asset.type, asset.mime_type, { every: true })) throw validationError({ asset_id: [NOT_SUPPORTED] });
  const item = {
    id: asset.id, path: asset.path, type: asset.type, mime_type: asset.mime_type,
    original_filename: asset.original_filename, size: asset.size,
  };
  if (asset.url) item.url = asset.url;
  const meta = { ...(asset.meta ?? {}) };
  if (alt && asset.type === 'image') meta.alt_text = alt;
  if (Object.keys(meta).length) item.meta = meta;
  post.media.push(item);
  post.updated_at = ctx.clock.now();
  return { status: 200, body: present.post(ctx.origin, ctx.ws, post) };
}

export const routes = [
  ['POST', '/posts/:post/media', upload, { multipart: true }],
  ['POST', '/posts/:post/media/from-url', fromUrl],
  ['POST', '/posts/:post/media/from-asset', fromAsset],
];
