// Identifier and secret generation. UUIDs for resources, ULID-looking ids for post media items
// (the API shows both forms and clients must treat them as opaque), opaque tokens for secrets.
import { randomBytes, randomUUID, createHash } from 'node:crypto';

export const uuid = () => randomUUID();

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function ulid(nowMs = Date.now()) {
  let time = '';
  let t = nowMs;
  for (let i = 0; i < 10; i++) { time = CROCKFORD[t % 32] + time; t = Math.floor(t / 32); }
  const rnd = randomBytes(16);
  let tail = '';
  for (let i = 0; i < 16; i++) tail += CROCKFORD[rnd[i] % 32];
  return time + tail;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export function opaqueToken(prefix = 'tp_', length = 48) {
  const bytes = randomBytes(length);
  let s = prefix;
  for (const b of bytes) s += BASE62[b % 62];
  return s;
}

// Secrets are kept only as hashes; a plain token is shown once, when it is created.
export const hashToken = (plain) => createHash('sha256').update(String(plain)).digest('hex');

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s) => typeof s === 'string' && UUID_RE.test(s);
