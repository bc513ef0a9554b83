// RFC 9421 request signing in the shell: the core builds the signature base (byte for byte, the
// same in every realm); WebCrypto computes the SHA-256 content digest (RFC 9530) and the
// HMAC-SHA256. The secret lives only in a non-extractable CryptoKey and never reaches the core,
// a log line or an error message.
import { loadCore, parseCoreAnswer } from './core.js';

const encoder = new TextEncoder();

export class SigningError extends Error {
  constructor(message, code) {
    super(message);
    this.name = 'SigningError';
    this.code = code;
  }
}

function subtle() {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new SigningError('WebCrypto (crypto.subtle) is not available here', 'no_webcrypto');
  return s;
}

export function bytesToBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

// Strict: a secret with a typo must fail loudly, not sign with different bytes. `what` names the
// input in the error; the value itself is never quoted.
export function base64ToBytes(text, what = 'value') {
  const t = typeof text === 'string' ? text.trim() : '';
  if (!t || t.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(t)) {
    throw new SigningError(`${what} is not valid base64`, 'bad_base64');
  }
  const bin = atob(t);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// The exact bytes that go on the wire. A non-string JSON value is serialized once, here, and the
// caller must send that text (signRequest hands it back as `body`).
function bodyBytes(body) {
  if (body === undefined || body === null) return { bytes: null, text: null };
  if (typeof body === 'string') return { bytes: encoder.encode(body), text: body };
  if (body instanceof Uint8Array) return { bytes: body, text: null };
  if (body instanceof ArrayBuffer) return { bytes: new Uint8Array(body), text: null };
  if (ArrayBuffer.isView(body)) return { bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), text: null };
  const text = JSON.stringify(body);
  return { bytes: encoder.encode(text), text };
}

function plainHeaders(headers) {
  const out = {};
  if (!headers) return out;
  // A Headers or Map instance, or a plain object of name: value.
  const entries = typeof headers.get === 'function' && typeof headers.entries === 'function' ? headers.entries() : Object.entries(headers);
  for (const [k, v] of entries) out[k] = v;
  return out;
}

function findHeader(headers, name) {
  const lname = name.toLowerCase();
  for (const k of Object.keys(headers)) if (k.toLowerCase() === lname) return k;
  return undefined;
}

export async function contentDigest(body, algorithm = 'sha-256') {
  const { bytes } = bodyBytes(body);
  const hash = { 'sha-256': 'SHA-256', 'sha-512': 'SHA-512' }[algorithm];
  if (!hash) throw new SigningError(`unsupported digest algorithm ${algorithm}`, 'bad_digest_alg');
  const digest = new Uint8Array(await subtle().digest(hash, bytes ?? new Uint8Array(0)));
  return `${algorithm}=:${bytesToBase64(digest)}:`;
}

// Checks every sha-256/sha-512 member of a Content-Digest field against the body; at least one
// member we can compute must be present.
async function digestMatches(field, bytes) {
  const members = [...String(field).matchAll(/(sha-256|sha-512)\s*=\s*:([A-Za-z0-9+/=]*):/g)];
  if (members.length === 0) return false;
  for (const [, alg, value] of members) {
    const expected = await contentDigest(bytes ?? new Uint8Array(0), alg);
    if (expected !== `${alg}=:${value}:`) return false;
  }
  return true;
}

async function hmacKey(secretBase64, usage) {
  const raw = base64ToBytes(secretBase64, 'the secret');
  if (raw.length === 0) throw new SigningError('the secret is empty', 'bad_secret');
  return subtle().importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

async function core() {
  return loadCore();
}

export function makeNonce(bytes = 16) {
  const b = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(b);
  return bytesToBase64(b).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

const HMAC_ALG = 'hmac-sha256';

function signatureParams(options) {
  const { keyId, created, expires, nonce, alg, tag } = options ?? {};
  if (typeof keyId !== 'string' || keyId === '') throw new SigningError('keyId is required', 'bad_key_id');
  // The MAC is computed here with HMAC-SHA256; naming another algorithm would sign a lie.
  if (alg !== undefined && alg !== null && alg !== HMAC_ALG) {
    throw new SigningError(`alg must be ${HMAC_ALG} (the only algorithm this signs with)`, 'bad_alg');
  }
  return {
    created: created ?? Math.floor(Date.now() / 1000),
    expires: expires ?? null,
    nonce: nonce ?? null,
    alg: alg ?? null,
    keyid: keyId,
    tag: tag ?? null,
  };
}

// Adds a Content-Digest for a non-empty body, or checks the one given.
async function withDigest(headers, bytes) {
  if (bytes === null || bytes.length === 0) return;
  const existing = findHeader(headers, 'content-digest');
  if (existing === undefined) headers['Content-Digest'] = await contentDigest(bytes);
  else if (!(await digestMatches(headers[existing], bytes))) {
    throw new SigningError('the Content-Digest header does not match the body', 'digest_mismatch');
  }
}

async function signMessage(message, options) {
  const params = signatureParams(options);
  const key = await hmacKey(options.secretBase64, 'sign');
  const { label = 'sig1', components, paramOrder } = options;
  const c = await core();
  const built = parseCoreAnswer(
    c.buildSignatureBase(JSON.stringify({ ...message, label, components: components ?? null, params, param_order: paramOrder ?? null })),
  );
  const mac = new Uint8Array(await subtle().sign('HMAC', key, encoder.encode(built.signature_base)));
  const signature = `${built.label}=:${bytesToBase64(mac)}:`;
  return {
    signature_base: built.signature_base,
    signature_input: built.signature_input,
    signature,
    headers: { ...message.headers, 'Signature-Input': built.signature_input, Signature: signature },
  };
}

/**
 * Signs a request. Returns the signature base, the Signature-Input and Signature field values,
 * and the headers to send (the originals plus Content-Digest when there is a body,
 * Signature-Input and Signature). `paramOrder` lists the signature parameters in the order to
 * write them (e.g. ['keyid', 'nonce', 'created']); the rest follow in the default order.
 */
export async function signRequest(request, options) {
  const { method, url } = request ?? {};
  signatureParams(options);
  const headers = plainHeaders(request?.headers);
  const { bytes, text } = bodyBytes(request?.body);
  await withDigest(headers, bytes);
  const result = await signMessage({ method, url, headers }, options);
  if (text !== null && typeof request.body !== 'string') result.body = text;
  return result;
}

/**
 * Signs a response {status, headers, body} to `request` (the request as received, with its own
 * signature fields when the response covers them with ;req). The components are required:
 * for instance ['@status', 'content-digest', '"@method";req', '"signature";req;key="sig1"'].
 */
export async function signResponse(response, request, options) {
  signatureParams(options);
  if (!Number.isInteger(response?.status)) throw new SigningError('the response needs a numeric status', 'bad_status');
  const headers = plainHeaders(response?.headers);
  const { bytes, text } = bodyBytes(response?.body);
  await withDigest(headers, bytes);
  const related = request ? { method: request.method, url: request.url, headers: plainHeaders(request.headers) } : null;
  const result = await signMessage({ status: response.status, headers, request: related }, options);
  if (text !== null && typeof response.body !== 'string') result.body = text;
  return result;
}

// Shared by verifyRequest and verifyResponse: `message` is the JSON the core reads.
async function verifyMessage(message, body, options, required) {
  const { keys, label, now = Math.floor(Date.now() / 1000), maxAgeSeconds = 300, clockSkewSeconds = 60 } = options;
  const headers = message.headers;
  const inputName = findHeader(headers, 'signature-input');
  const sigName = findHeader(headers, 'signature');
  if (inputName === undefined || sigName === undefined) return { ok: false, reason: 'unsigned' };
  const c = await core();
  let parsed;
  try {
    parsed = parseCoreAnswer(c.parseSignatureInput(JSON.stringify({ signature_input: headers[inputName], signature: headers[sigName] })));
  } catch {
    return { ok: false, reason: 'malformed_signature_fields' };
  }
  const candidates = parsed.signatures.filter((s) => (label ? s.label === label : true));
  if (candidates.length !== 1) return { ok: false, reason: candidates.length ? 'ambiguous_label' : 'no_such_label' };
  const sig = candidates[0];
  if (typeof sig.signature !== 'string') return { ok: false, reason: 'no_signature_value' };
  const { created, expires, keyid, alg } = sig.params;
  if (alg !== undefined && alg !== HMAC_ALG) return { ok: false, reason: 'unsupported_alg' };
  if (typeof keyid !== 'string') return { ok: false, reason: 'no_keyid' };
  const secret = typeof keys === 'function' ? await keys(keyid) : keys?.[keyid];
  if (typeof secret !== 'string') return { ok: false, reason: 'unknown_key' };
  if (typeof created !== 'number') return { ok: false, reason: 'no_created' };
  if (created > now + clockSkewSeconds) return { ok: false, reason: 'created_in_future' };
  if (typeof expires === 'number' && expires < now) return { ok: false, reason: 'expired' };
  if (now - created > maxAgeSeconds) return { ok: false, reason: 'too_old' };
  // Components read from the message itself (not from its request with ;req).
  const covered = new Set(sig.components.filter((x) => !/;req(;|=|$)/.test(x)).map((x) => JSON.parse(x.split(';')[0])));
  const { bytes } = bodyBytes(body);
  const hasBody = bytes !== null && bytes.length > 0;
  for (const r of hasBody ? [...required, 'content-digest'] : required) {
    if (!covered.has(r)) return { ok: false, reason: 'components_not_covered' };
  }
  if (hasBody || covered.has('content-digest')) {
    const digestName = findHeader(headers, 'content-digest');
    if (digestName === undefined || !(await digestMatches(headers[digestName], bytes))) return { ok: false, reason: 'digest_mismatch' };
  }
  let built;
  try {
    built = parseCoreAnswer(c.buildSignatureBase(JSON.stringify({ ...message, signature_input: headers[inputName], label: sig.label })));
  } catch {
    return { ok: false, reason: 'base_unavailable' };
  }
  let key;
  try {
    key = await hmacKey(secret, 'verify');
  } catch {
    return { ok: false, reason: 'bad_key' };
  }
  let mac;
  try {
    mac = base64ToBytes(sig.signature, 'the signature');
  } catch {
    return { ok: false, reason: 'malformed_signature_fields' };
  }
  // subtle.verify compares in constant time.
  const good = await subtle().verify('HMAC', key, mac, encoder.encode(built.signature_base));
  return good ? { ok: true, label: sig.label, keyid, params: sig.params } : { ok: false, reason: 'bad_signature' };
}

/**
 * Verifies a signed request (for the emulator and the widget proxy). `keys` maps keyid to a
 * base64 secret (or is a function keyid -> secret). The base is rebuilt from the parameters in
 * the order received. Answers {ok: true, label, keyid, params} or {ok: false, reason}; never
 * throws for a bad request, only for bad options.
 */
export async function verifyRequest(request, options = {}) {
  const required = options.requiredComponents ?? ['@method', '@authority', '@path', '@query'];
  const message = { method: request?.method, url: request?.url, headers: plainHeaders(request?.headers) };
  return verifyMessage(message, request?.body, options, required);
}

/** Verifies a signed response to `request` (needed for components signed with ;req). */
export async function verifyResponse(response, request, options = {}) {
  const required = options.requiredComponents ?? ['@status'];
  const related = request ? { method: request.method, url: request.url, headers: plainHeaders(request.headers) } : null;
  const message = { status: response?.status, headers: plainHeaders(response?.headers), request: related };
  return verifyMessage(message, response?.body, options, required);
}
