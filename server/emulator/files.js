// Static bytes the emulator serves itself: the media fixtures (/fixtures/media/...) and stored
// uploads (/storage/medias/...).
import { createReadStream, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { sendJson } from './http.js';
import { FIXTURE_DIR } from './media.js';

const MIME = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif', '.webp': 'image/webp', '.mp4': 'video/mp4', '.mov': 'video/quicktime', '.pdf': 'application/pdf', '.webm': 'video/webm' };

function serveFile(req, res, file) {
  let st;
  try { st = statSync(file); } catch { return false; }
  if (!st.isFile()) return false;
  res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-length': st.size });
  if (req.method === 'HEAD') res.end(); else createReadStream(file).pipe(res);
  return true;
}

// Answers true when the request was for one of these files (found or not).
export function serveMediaFiles(req, res, persistence) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const p = new URL(req.url, 'http://x').pathname;
  if (p.startsWith('/fixtures/media/')) {
    const name = decodeURIComponent(p.slice('/fixtures/media/'.length));
    if (name.includes('/') || name.includes('..') || !serveFile(req, res, join(FIXTURE_DIR, name))) sendJson(res, 404, { message: 'Not Found.' });
    return true;
  }
  if (p.startsWith('/storage/medias/')) {
    const bytes = persistence.readBlob(decodeURIComponent(p.slice('/storage/'.length)));
    if (!bytes) { sendJson(res, 404, { message: 'Not Found.' }); return true; }
    res.writeHead(200, { 'content-type': MIME[extname(p)] ?? 'application/octet-stream', 'content-length': bytes.length });
    res.end(req.method === 'HEAD' ? undefined : bytes);
    return true;
  }
  return false;
}
