// Static files for the dashboard, the SDK and the widget, always under a strict CSP.
import { createReadStream, readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join, normalize, relative, sep } from 'node:path';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.d.ts': 'text/plain; charset=utf-8',
};

// The tree's version: a digest of every file's path, size and modification time. Cheap enough to
// take on each page request (a few dozen stats), so an edit is seen on the next reload.
export function treeVersion(root) {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const st = statSync(path);
        hash.update(`${relative(root, path)}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  };
  walk(root);
  return hash.digest('hex').slice(0, 16);
}

// A page's own scripts and stylesheets, rewritten to the versioned path of the same file.
const PAGE_REFS = /(<(?:script|link)\b[^>]*?\b(?:src|href)=")(\.{1,2}\/[^"]*)"/g;

// The file a GET or HEAD below `prefix` asks for: { rel: its path below the tree, asked: the
// version its URL names (`${prefix}_v/<version>/<path>`, when versioned) or null }; null when the
// request is not ours.
function askedFile(req, prefix, versioned) {
  const url = new URL(req.url, 'http://x');
  if (!url.pathname.startsWith(prefix) || (req.method !== 'GET' && req.method !== 'HEAD')) return null;
  let rel = decodeURIComponent(url.pathname.slice(prefix.length));
  let asked = null;
  const versionedPrefix = `${prefix}_v/`;
  if (versioned && url.pathname.startsWith(versionedPrefix)) {
    const rest = url.pathname.slice(versionedPrefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0) return null;
    asked = rest.slice(0, slash);
    rel = decodeURIComponent(rest.slice(slash + 1));
  }
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  return { rel, asked };
}

// Serves files below `root` for URLs below `prefix`; answers false when the URL is not ours.
//
// With `versioned`, every file is also served at `${prefix}_v/<version>/<path>`, and the HTML pages
// point their scripts and stylesheets there. A versioned URL names one state of the whole tree, so
// it is cached as immutable: a returning visit takes the module graph and the core from the
// browser's cache without asking (relative imports stay under the same version), instead of one
// revalidation per module. The pages themselves are still asked for each time, so the next version
// is picked up on the next load.
export function staticFiles(root, prefix = '/', { versioned = false } = {}) {
  let version = versioned ? treeVersion(root) : null;
  const versionedPrefix = `${prefix}_v/`;
  return (req, res) => {
    const target = askedFile(req, prefix, versioned);
    if (!target) return false;
    const { rel, asked } = target;
    const file = normalize(join(root, rel));
    if (!file.startsWith(normalize(root + sep))) return false;
    let st;
    try {
      st = statSync(file);
    } catch {
      return false;
    }
    if (!st.isFile()) return false;
    const page = versioned && asked === null && extname(file) === '.html';
    if (page) version = treeVersion(root);
    // "no-cache" keeps every load current (an edited file is seen on the next reload), and the
    // validator lets a returning visit hear 304 instead of downloading the file again; Chromium
    // then also reuses its compiled code for it (scripts and WASM). A URL of the current version
    // never changes its content: cached for good. One of an older version gets today's file,
    // revalidated like an unversioned one.
    const etag = `"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}${page ? `-${version}` : ''}"`;
    const body = page ? pageWithVersion(readFileSync(file, 'utf8'), `${versionedPrefix}${version}/${rel}`) : null;
    return answerFile(req, res, { type: typeOf(file), etag, immutable: asked !== null && asked === version, body, file, size: body?.length ?? st.size });
  };
}

// A page's scripts and stylesheets pointed at `path`'s folder (a versioned one).
function pageWithVersion(html, path) {
  const base = `http://x${path}`;
  return Buffer.from(html.replace(PAGE_REFS, (_, head, ref) => `${head}${new URL(ref, base).pathname}"`));
}

const typeOf = (file) => TYPES[extname(file)] ?? 'application/octet-stream';

// One file's answer, with the headers every file of ours carries: from `body` (a Buffer) or
// streamed from `file`.
function answerFile(req, res, { type, etag, immutable, body = null, file = null, size = body?.length }) {
  const headers = {
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
  };
  if (req.headers['if-none-match']?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  res.writeHead(200, { ...headers, 'content-type': type, 'content-length': size });
  if (req.method === 'HEAD') res.end();
  else if (body) res.end(body);
  else createReadStream(file).pipe(res);
  return true;
}

// Serves an in-memory tree (server/dashboard-bundle.js) for URLs below `prefix`, versioned as
// staticFiles does: `current()` answers the tree to serve now, { files: Map<path, Buffer>,
// version }, and may rebuild it first (asked on each page load, as staticFiles re-reads its
// version). Answers a promise of false when the URL is not ours.
export function bundleFiles(prefix, current) {
  const versionedPrefix = `${prefix}_v/`;
  let tree = null;
  return async (req, res) => {
    const target = askedFile(req, prefix, true);
    if (!target) return false;
    const { rel, asked } = target;
    const page = asked === null && extname(rel) === '.html';
    if (page || !tree) tree = await current();
    const bytes = tree.files.get(rel);
    if (!bytes) return false;
    const etag = `"${tree.version}-${rel.length.toString(36)}-${bytes.length.toString(36)}"`;
    const body = page ? pageWithVersion(bytes.toString('utf8'), `${versionedPrefix}${tree.version}/${rel}`) : bytes;
    return answerFile(req, res, { type: typeOf(rel), etag, immutable: asked !== null && asked === tree.version, body });
  };
}

