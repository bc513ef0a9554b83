// Media files: type detection from magic bytes, the per-type caps, storage under medias/{uuid}.{ext},
// and fetching by URL from our own fixture folder, our own storage, or an allow-listed origin only.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, join, normalize, sep } from 'node:path';
import { contentTypeAccepts } from './catalog.js';
import { uuid } from './ids.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/media/', import.meta.url));
const MB = 1048576;

export function mediaCaps(env = process.env) {
  const mb = (name, def) => Math.round(Number(env[name] ?? def) * MB);
  return {
    image: mb('MEDIA_IMAGE_MAX_SIZE_MB', 10),
    video: mb('MEDIA_VIDEO_MAX_SIZE_MB', 1024),
    document: mb('MEDIA_DOCUMENT_MAX_SIZE_MB', 100),
  };
}

export const ALLOWED_MIMES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4', 'video/quicktime', 'application/pdf'];

// The MIME type from the first bytes; null for anything outside the allow-list (WebM included).
export function sniffMime(b) {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.slice(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 6 && /^GIF8[79]a$/.test(b.slice(0, 6).toString('latin1'))) return 'image/gif';
  if (b.length >= 12 && b.slice(0, 4).toString('latin1') === 'RIFF' && b.slice(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (b.length >= 12 && b.slice(4, 8).toString('latin1') === 'ftyp') {
    return b.slice(8, 12).toString('latin1') === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  }
  if (b.length >= 5 && b.slice(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

export const mediaTypeOf = (mime) => (mime?.startsWith('image/') ? 'image' : mime?.startsWith('video/') ? 'video' : mime === 'application/pdf' ? 'document' : null);

// PNG and WebP are stored as JPEG (the server re-encodes at quality 100; the emulator keeps the
// bytes and reports the normalised type), GIF keeps its animation, the rest are stored unchanged.
const STORED = {
  'image/jpeg': ['image/jpeg', 'jpg'], 'image/png': ['image/jpeg', 'jpg'], 'image/webp': ['image/jpeg', 'jpg'],
  'image/gif': ['image/gif', 'gif'], 'video/mp4': ['video/mp4', 'mp4'], 'video/quicktime': ['video/quicktime', 'mov'],
  'application/pdf': ['application/pdf', 'pdf'],
};

// Checks bytes against the allow-list and caps: {ok, mime, type} or {ok:false, reason}.
export function inspect(bytes, caps) {
  const mime = sniffMime(bytes);
  if (!mime) return { ok: false, reason: 'mime' };
  const type = mediaTypeOf(mime);
  if (bytes.length > caps[type]) return { ok: false, reason: 'size', type, cap: caps[type] };
  return { ok: true, mime, type };
}

// Enabled platform entries of a post; `every` = the type must suit all of them (from-asset), else
// any of them (uploads, from-url). With none enabled, any type is accepted.
export function platformsAccept(post, type, mime, { every = false } = {}) {
  const enabled = post.platforms.filter((e) => e.enabled);
  if (!enabled.length) return true;
  const ok = (e) => contentTypeAccepts(e.content_type, type, mime);
  return every ? enabled.every(ok) : enabled.some(ok);
}

// Stores the bytes and returns the media record (without an id: callers pick the id form).
export async function storeMedia(persistence, bytes, mime, originalFilename) {
  const [storedMime, ext] = STORED[mime];
  const path = `medias/${uuid()}.${ext}`;
  await persistence.writeBlob(path, bytes);
  return { path, type: mediaTypeOf(mime), mime_type: storedMime, original_filename: originalFilename, size: bytes.length };
}

export function readFixture(name) {
  const p = normalize(join(FIXTURE_DIR, name));
  if (!p.startsWith(normalize(FIXTURE_DIR).replace(/\/?$/, sep))) return null;
  try {
    return readFileSync(p);
  } catch {
    return null;
  }
}

// Downloads a URL without touching the internet: our own /fixtures/media/ and /storage/ paths are
// read locally; other origins must be on the allow-list. Returns {bytes, filename} or null.
export async function fetchMedia(url, { ownOrigins, allowOrigins = [], persistence, maxBytes }) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const filename = decodeURIComponent(basename(u.pathname)) || 'file';
  if (ownOrigins.includes(u.origin)) {
    if (u.pathname.startsWith('/fixtures/media/')) {
      const bytes = readFixture(decodeURIComponent(u.pathname.slice('/fixtures/media/'.length)));
      return bytes ? { bytes, filename } : null;
    }
    if (u.pathname.startsWith('/storage/medias/')) {
      const bytes = persistence.readBlob(decodeURIComponent(u.pathname.slice('/storage/'.length)));
      return bytes ? { bytes, filename } : null;
    }
    return null;
  }
  if (!allowOrigins.includes(u.origin)) return null;
  try {
    const r = await fetch(u, { signal: AbortSignal.timeout(5000), redirect: 'error' });
    if (!r.ok) return null;
    const bytes = Buffer.from(await r.arrayBuffer());
    return bytes.length <= maxBytes ? { bytes, filename } : { bytes: bytes.subarray(0, maxBytes + 1), filename };
  } catch {
    return null;
  }
}
