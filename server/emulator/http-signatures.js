// RFC 9421 HTTP Message Signatures, verifier side, for hmac-sha256 with content-digest (RFC 9530).
// Covered components must include @method @authority @path @query, and content-digest whenever
// there is a body; created/expires bound the window and a nonce may be used once.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { HttpError } from './errors.js';

const REQUIRED = ['@method', '@authority', '@path', '@query'];

// --- a small RFC 8941 structured-field reader: just the dictionary/inner-list/params subset ---
function parseBareItem(s, i) {
  if (s[i] === '"') {
    let out = '';
    for (i++; i < s.length; i++) {
      if (s[i] === '\\') { out += s[++i]; continue; }
      if (s[i] === '"') return [out, i + 1];
      out += s[i];
    }
    throw new Error('unterminated string');
  }
  if (s[i] === ':') {
    const end = s.indexOf(':', i + 1);
    if (end === -1) throw new Error('unterminated byte sequence');
    return [{ bytes: Buffer.from(s.slice(i + 1, end), 'base64') }, end + 1];
  }
  const m = /^(-?\d+(?:\.\d+)?|\?[01]|[A-Za-z*][A-Za-z0-9_\-.:%*/]*)/.exec(s.slice(i));
  if (!m) throw new Error(`bad item at ${i}`);
  const t = m[1];
  const v = t[0] === '?' ? t === '?1' : /^-?\d/.test(t) ? Number(t) : t;
  return [v, i + t.length];
}

function parseParams(s, i) {
  const params = {};
  while (s[i] === ';') {
    i++;
    while (s[i] === ' ') i++;
    const m = /^[a-z*][a-z0-9_\-.*]*/.exec(s.slice(i));
    if (!m) throw new Error('bad parameter');
    i += m[0].length;
    let v = true;
    if (s[i] === '=') [v, i] = parseBareItem(s, i + 1);
    params[m[0]] = v;
  }
  return [params, i];
}

// Returns Map name -> {value, params, raw} where raw is the member's text after "name=".
export function parseDictionary(text) {
  const out = new Map();
  const s = text.trim();
  let i = 0;
  while (i < s.length) {
    const m = /^[a-z*][a-z0-9_\-.*]*/.exec(s.slice(i));
    if (!m) throw new Error('bad dictionary key');
    const name = m[0];
    i += name.length;
    if (s[i] !== '=') throw new Error('dictionary member without value');
    i++;
    const start = i;
    let value;
    if (s[i] === '(') {
      value = [];
      i++;
      while (s[i] !== ')') {
        while (s[i] === ' ') i++;
        if (s[i] === ')') break;
        let item;
        [item, i] = parseBareItem(s, i);
        let p;
        [p, i] = parseParams(s, i);
        value.push({ item, params: p });
        if (i >= s.length) throw new Error('unterminated inner list');
      }
      i++;
    } else {
      [value, i] = parseBareItem(s, i);
    }
    let params;
    [params, i] = parseParams(s, i);
    out.set(name, { value, params, raw: s.slice(start, i) });
    while (s[i] === ' ') i++;
    if (i < s.length) {
      if (s[i] !== ',') throw new Error('expected comma');
      i++;
      while (s[i] === ' ') i++;
    }
  }
  return out;
}

const fail = (message) => new HttpError(401, message);

export function contentDigestMatches(header, body) {
  let dict;
  try {
    dict = parseDictionary(header);
  } catch {
    return false;
  }
  let checked = false;
  for (const [alg, algo] of [['sha-256', 'sha256'], ['sha-512', 'sha512']]) {
    const d = dict.get(alg);
    if (!d) continue;
    if (!d.value?.bytes) return false;
    const actual = createHash(algo).update(body).digest();
    if (actual.length !== d.value.bytes.length || !timingSafeEqual(actual, d.value.bytes)) return false;
    checked = true;
  }
  return checked;
}

function componentValue(name, req, url) {
  switch (name) {
    case '@method': return req.method.toUpperCase();
    case '@authority': return String(req.headers.host ?? '').toLowerCase();
    case '@path': return url.pathname;
    case '@query': return url.search === '' ? '?' : url.search;
    case '@target-uri': return `http://${req.headers.host}${req.url}`;
    case '@request-target': return req.url;
    default: {
      if (name.startsWith('@')) return undefined;
      const v = req.headers[name];
      if (v === undefined) return undefined;
      return (Array.isArray(v) ? v.join(', ') : v).trim();
    }
  }
}

// RFC 9421 §2.5: one line per covered component, then the signature parameters exactly as sent.
// `si` is one member of the parsed Signature-Input dictionary.
export function signatureBase(req, si) {
  const url = new URL(req.url, 'http://x');
  const lines = [];
  for (const { item: c } of si.value) {
    const v = componentValue(c, req, url);
    if (v === undefined) throw fail(`The signed component ${c} is missing from the request.`);
    lines.push(`"${c}": ${v}`);
  }
  lines.push(`"@signature-params": ${si.raw}`);
  return lines.join('\n');
}

export class SignatureVerifier {
  // keys: Map keyid -> {secret: Buffer, workspace_id?: string}
  constructor({ keys, clock, maxAgeSec = 300, skewSec = 30 }) {
    this.keys = keys;
    this.clock = clock;
    this.maxAgeSec = maxAgeSec;
    this.skewSec = skewSec;
    this.nonces = new Map(); // nonce -> forget-after ms
  }

  // Throws 401 unless some signature on the request verifies; returns the keyid used.
  verify(req, body, workspaceId) {
    const input = req.headers['signature-input'];
    const sigHeader = req.headers.signature;
    if (!input || !sigHeader) throw fail('This request must carry an HTTP message signature.');
    let inputs, sigs;
    try {
      inputs = parseDictionary(input);
      sigs = parseDictionary(sigHeader);
    } catch {
      throw fail('The HTTP message signature headers are malformed.');
    }
    const url = new URL(req.url, 'http://x');
    const now = Math.floor(this.clock.now() / 1000);
    let lastError = fail('No HTTP message signature matched.');
    for (const [label, si] of inputs) {
      const sig = sigs.get(label);
      if (!sig || !sig.value?.bytes || !Array.isArray(si.value)) continue;
      try {
        this.#check(req, url, body, si, sig.value.bytes, now, workspaceId);
        return si.params.keyid;
      } catch (e) {
        lastError = e;
      }
    }
    throw lastError;
  }

  #check(req, url, body, si, signature, now, workspaceId) {
    const p = si.params;
    const covered = si.value.map((c) => c.item);
    if (covered.some((c) => typeof c !== 'string')) throw fail('The HTTP message signature covers an invalid component.');
    for (const r of REQUIRED) if (!covered.includes(r)) throw fail(`The HTTP message signature must cover ${r}.`);
    if (body.length && !covered.includes('content-digest')) throw fail('The HTTP message signature must cover content-digest.');
    if (p.alg !== undefined && p.alg !== 'hmac-sha256') throw fail('Unsupported signature algorithm.');
    if (typeof p.keyid !== 'string') throw fail('The HTTP message signature has no keyid.');
    const key = this.keys.get(p.keyid);
    if (!key || (key.workspace_id && workspaceId && key.workspace_id !== workspaceId)) throw fail('Unknown signature key.');
    if (!Number.isInteger(p.created)) throw fail('The HTTP message signature has no created time.');
    if (p.created > now + this.skewSec) throw fail('The HTTP message signature was created in the future.');
    if (p.created < now - this.maxAgeSec) throw fail('The HTTP message signature has expired.');
    if (p.expires !== undefined && (!Number.isInteger(p.expires) || p.expires <= now)) throw fail('The HTTP message signature has expired.');
    if (typeof p.nonce !== 'string' || p.nonce === '') throw fail('The HTTP message signature has no nonce.');

    const expected = createHmac('sha256', key.secret).update(signatureBase(req, si)).digest();
    if (expected.length !== signature.length || !timingSafeEqual(expected, signature)) throw fail('The HTTP message signature does not verify.');
    if (covered.includes('content-digest') && !contentDigestMatches(String(req.headers['content-digest']), body)) {
      throw fail('The content digest does not match the body.');
    }
    const nowMs = this.clock.now();
    for (const [n, t] of this.nonces) if (t <= nowMs) this.nonces.delete(n);
    const nonceKey = `${p.keyid}\n${p.nonce}`;
    if (this.nonces.has(nonceKey)) throw fail('The HTTP message signature nonce was already used.');
    this.nonces.set(nonceKey, nowMs + (this.maxAgeSec + this.skewSec) * 1000);
  }
}
