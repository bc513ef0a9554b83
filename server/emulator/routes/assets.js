// The workspace's asset library (25 per page, newest first; logos and avatars never listed) and
// the signed one-shot upload that adds to it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpError, notFound } from '../errors.js';
import { isUuid, uuid } from '../ids.js';
import { storeMedia } from '../media.js';
import { paginate, readPage } from '../pagination.js';
import * as present from '../presenters.js';
import { requireRole } from '../roles.js';
import { Validator } from '../validation.js';
import { readUploadedFile } from './post-media.js';

export const UPLOAD_TTL_MS = 15 * 60 * 1000;

const library = (ws) => ws.assets.filter((a) => a.kind === 'library');

function list(ctx) {
  requireRole(ctx.role, 'assets');
  const search = ctx.query.get('search');
  const type = ctx.query.get('type');
  const v = new Validator({ now: ctx.now });
  if (search !== null) v.check('search', search, ['string', 'max:255']);
  if (type !== null) v.check('type', type, ['keep_empty', 'in:image,video,document']);
  v.throwIfFailed();
  let items = library(ctx.ws);
  if (search) items = items.filter((a) => a.original_filename.toLowerCase().includes(search.toLowerCase()));
  if (type) items = items.filter((a) => a.type === type);
  items = [...items].sort((a, b) => b.created_at - a.created_at || (b.seq ?? 0) - (a.seq ?? 0)).map((a) => present.asset(ctx.origin, a));
  return { status: 200, body: paginate(items, readPage(ctx.query), 25, `${ctx.origin}/api/assets`) };
}

function show(ctx) {
  requireRole(ctx.role, 'assets');
  const a = library(ctx.ws).find((x) => x.id === ctx.params.media);
  if (!a) throw notFound('Asset not found.');
  return { status: 200, body: present.asset(ctx.origin, a) };
}

const sign = (appKey, text) => createHmac('sha256', appKey).update(text).digest('hex');

// A signed upload URL (what the MCP request-media-upload tool hands out).
export function signUploadUrl({ appKey, origin, workspaceId, now, ttlMs = UPLOAD_TTL_MS, token = uuid() }) {
  const expires = Math.floor((now + ttlMs) / 1000);
  const unsigned = `/api/uploads/${token}?expires=${expires}&workspace_id=${encodeURIComponent(workspaceId)}`;
  return {
    upload_token: token,
    upload_url: `${origin}${unsigned}&signature=${sign(appKey, unsigned)}`,
    expires_at: new Date(expires * 1000).toISOString().replace('.000Z', '+00:00'),
  };
}

// Signature over the path and every query parameter but "signature", in the order received.
export function checkUploadSignature(req, appKey, now) {
  const url = new URL(req.url, 'http://x');
  const given = url.searchParams.get('signature') ?? '';
  const rest = [...url.searchParams].filter(([k]) => k !== 'signature');
  const qs = rest.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const unsigned = `${url.pathname}${qs ? `?${qs}` : ''}`;
  const expected = Buffer.from(sign(appKey, unsigned));
  const actual = Buffer.from(given);
  const valid = actual.length === expected.length && timingSafeEqual(actual, expected);
  const expires = Number(url.searchParams.get('expires'));
  if (!valid || !Number.isInteger(expires) || expires * 1000 < now) throw new HttpError(403, 'Invalid signature.');
  return url.searchParams.get('workspace_id');
}

// POST /api/uploads/{token}: called by the dispatcher after the signature and throttle checks.
export async function signedUpload(ctx, ws, token) {
  if (ws.assets.some((a) => a.upload_token === token)) throw new HttpError(409, 'This upload token has already been used.');
  const file = readUploadedFile(ctx);
  const stored = await storeMedia(ctx.persistence, file.bytes, file.mime, file.filename);
  const again = ws.assets.some((a) => a.upload_token === token);
  if (again) throw new HttpError(409, 'This upload token has already been used.');
  const asset = { id: uuid(), kind: 'library', upload_token: token, meta: null, created_at: ctx.clock.now(), ...stored };
  ws.assets.push(asset);
  return {
    status: 201,
    body: { upload_token: token, media_id: asset.id, type: asset.type, mime_type: asset.mime_type, original_filename: asset.original_filename },
  };
}

export { isUuid };
export const routes = [
  ['GET', '/assets', list],
  ['GET', '/assets/:media', show],
];
