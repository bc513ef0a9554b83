// RFC 9421 HTTP Message Signatures, verifier side, for hmac-sha256 with content-digest (RFC 9530).
// Covered components must include @method @authority @path @query, and content-digest whenever
// there is a body; created/expires bound the window and a nonce may be used once.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { HttpError } from './errors.js';
import * as sf from './structured-fields.js';

const REQUIRED = ['@method', '@authority', '@path', '@query'];

// Map label -> {value, params, raw, member}: `value` is an inner list's items as {item, params}
// (params as an object) or a bare item's value, `raw` the member's text as sent after "label=".
export function parseDictionary(text) {
  const out = new Map();
  for (const [name, m] of sf.parseDictionary(text)) {
    const value = m.items ? m.items.map((it) => ({ item: plain(it.value), params: Object.fromEntries(it.params.map(([k, v]) => [k, plain(v)])) })) : plain(m.value);
    out.set(name, { value, params: Object.fromEntries(m.params.map(([k, v]) => [k, plain(v)])), raw: m.raw, member: m });
  }
  return out;
}

// Strings and tokens as JS strings; byte sequences as {bytes}.
function plain(v) {
  if (v && typeof v === 'object') {
    if (v.string !== undefined) return v.string;
    if (v.token !== undefined) return v.token;
    if (v.decimal !== undefined) return Number(v.decimal);
  }
  return v;
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

const REQUEST_DERIVED = new Set(['@method', '@authority', '@scheme', '@path', '@query', '@query-param', '@target-uri', '@request-target']);
// Structured fields known to be Lists; ;sf reads any other field as a Dictionary when it parses
// as one, else as a List.
const LIST_FIELDS = new Set(['accept-ch', 'cache-status', 'proxy-status', 'client-cert-chain', 'example-list']);

// The URL Standard's application/x-www-form-urlencoded percent-encode set, space as %20.
const formEncode = (s) => Array.from(Buffer.from(s, 'utf8'), (b) => (/[A-Za-z0-9*\-._]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

// The field's lines as received (Node keeps each line in headersDistinct), trimmed.
function fieldLines(req, name) {
  const lines = req.headersDistinct?.[name] ?? (req.headers[name] === undefined ? undefined : [].concat(req.headers[name]));
  return lines?.map((v) => String(v).trim());
}

function derivedValue(name, params, req, url) {
  for (const k of Object.keys(params)) {
    if (k === 'req') throw fail(`The signed component ${name} has ;req, which only a response signature can carry.`);
    if (!(k === 'name' && name === '@query-param')) throw fail(`The signed component ${name} has an unknown parameter ${k}.`);
  }
  switch (name) {
    case '@method': return req.method;
    case '@authority': return String(req.headers.host ?? '').toLowerCase();
    case '@scheme': return 'http';
    case '@path': return url.pathname;
    case '@query': return url.search === '' ? '?' : url.search;
    case '@target-uri': return `http://${String(req.headers.host ?? '').toLowerCase()}${req.url}`;
    case '@request-target': return req.url;
    case '@query-param': {
      if (typeof params.name !== 'string') throw fail('@query-param needs a name parameter.');
      const found = [...url.searchParams].filter(([k]) => formEncode(k) === params.name);
      if (found.length !== 1) throw fail(`The query parameter ${params.name} is ${found.length ? 'repeated' : 'missing'}.`);
      return formEncode(found[0][1]);
    }
    case '@status': throw fail('A request signature cannot cover @status.');
    default: throw fail(`The signed component ${name} is not a known derived component.`);
  }
}

function fieldValue(name, params, req) {
  for (const k of Object.keys(params)) {
    if (k === 'req') throw fail(`The signed component ${name} has ;req, which only a response signature can carry.`);
    if (k === 'tr') throw fail(`The signed component ${name} is a trailer, which this API does not read.`);
    if (!['bs', 'sf', 'key'].includes(k)) throw fail(`The signed component ${name} has an unknown parameter ${k}.`);
  }
  if (params.bs && (params.sf || params.key !== undefined)) throw fail(`The signed component ${name} combines bs with sf or key.`);
  const lines = fieldLines(req, name);
  if (!lines) return undefined;
  // Node reads header bytes as latin1: one character per byte, as they were signed.
  if (params.bs) return lines.map((v) => `:${Buffer.from(v, 'latin1').toString('base64')}:`).join(', ');
  const joined = lines.join(', ');
  if (/[^\x00-\x7f]/.test(joined)) throw fail(`The signed header ${name} holds non-ASCII bytes; sign it with ;bs.`);
  try {
    if (typeof params.key === 'string') {
      const m = sf.parseDictionary(joined).find(([k]) => k === params.key);
      if (!m) throw fail(`The signed header ${name} has no member ${params.key}.`);
      return sf.serializeMember(m[1]);
    }
    if (params.sf) {
      if (!LIST_FIELDS.has(name)) {
        try {
          return sf.serializeDictionary(sf.parseDictionary(joined));
        } catch {
          // not a dictionary: read it as a list below
        }
      }
      return sf.serializeList(sf.parseList(joined));
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw fail(`The signed header ${name} is not a structured field.`);
  }
  return joined;
}

// RFC 9421 §2.5: one line per covered component, then the signature parameters exactly as sent
// (so their order is the signer's). `si` is one member of parseDictionary's map.
export function signatureBase(req, si) {
  const url = new URL(req.url, 'http://x');
  const lines = [];
  si.value.forEach(({ item: c, params }, i) => {
    if (typeof c !== 'string') throw fail('The HTTP message signature covers an invalid component.');
    const v = c.startsWith('@') ? derivedValue(c, params, req, url) : fieldValue(c, params, req);
    if (v === undefined) throw fail(`The signed component ${c} is missing from the request.`);
    // The identifier as sent: its parameters keep their order and types.
    lines.push(`"${c}"${sf.serializeParams(si.member.items[i].params)}: ${v}`);
  });
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
