// Request and response plumbing shared by every route: JSON bodies, multipart bodies, origins.
import { HttpError } from './errors.js';

export const JSON_LIMIT = 16 * 1048576;

export function sendJson(res, status, body, headers = {}) {
  if (res.headersSent || res.destroyed) return;
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-cache, private',
    ...headers,
  });
  res.end(text);
}

// Reads the whole body; past `limit` bytes it keeps counting but stops storing, so a caller can
// still tell "too large" apart from a truncated read.
export function readBody(req, limit = JSON_LIMIT) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => resolve({ bytes: Buffer.concat(chunks), size, truncated: size > limit }));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('request aborted')));
  });
}

// A JSON body as Laravel sees it: an unparsable or non-object body is an empty input.
export function parseJsonBody(bytes) {
  if (!bytes.length) return {};
  try {
    const v = JSON.parse(bytes.toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

export function parseMultipart(bytes, contentType) {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!m) throw new HttpError(422, 'The media field is required.', { errors: { media: ['The media field is required.'] } });
  const boundary = Buffer.from(`--${m[1] ?? m[2].trim()}`);
  const parts = [];
  let pos = bytes.indexOf(boundary);
  while (pos !== -1) {
    const start = pos + boundary.length;
    if (bytes.slice(start, start + 2).toString() === '--') break;
    const headerEnd = bytes.indexOf('\r\n\r\n', start);
    if (headerEnd === -1) break;
    const next = bytes.indexOf(boundary, headerEnd + 4);
    if (next === -1) break;
    const headerText = bytes.slice(start + 2, headerEnd).toString('utf8');
    const body = bytes.slice(headerEnd + 4, next - 2); // drop the CRLF before the boundary
    const disp = /content-disposition:([^\r\n]*)/i.exec(headerText)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disp)?.[1];
    const filename = /\bfilename="([^"]*)"/i.exec(disp)?.[1];
    const type = /content-type:\s*([^\r\n]*)/i.exec(headerText)?.[1]?.trim();
    parts.push({ name, filename, type, body });
    pos = next;
  }
  return parts;
}

// The origin clients used to reach us, for the links and media URLs we hand back.
export function requestOrigin(req, configured) {
  if (configured) return configured.replace(/\/$/, '');
  const proto = req.socket?.encrypted ? 'https' : 'http';
  return `${proto}://${req.headers.host ?? '127.0.0.1'}`;
}

export function clientIp(req) {
  return req.socket?.remoteAddress ?? 'unknown';
}
