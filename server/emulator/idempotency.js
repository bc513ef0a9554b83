// Idempotency-Key on creates: the first answer is stored with the workspace (and committed with
// the write it describes); the same key with the same request replays it, the same key with a
// different request is refused, and a retry while the first is still running gets 409.
import { createHash } from 'node:crypto';
import { HttpError } from './errors.js';

const TTL_MS = 24 * 3600 * 1000;

// The header is an RFC 8941 string (draft-ietf-httpapi-idempotency-key-header): `"abc"` names the
// key abc, the form the core builds. A bare value is still taken as written, for lenient clients.
export function idempotencyKeyFrom(header) {
  if (typeof header !== 'string' || header === '') return undefined;
  const m = /^"((?:[^"\\]|\\["\\])*)"$/.exec(header.trim());
  return m ? m[1].replace(/\\(["\\])/g, '$1') : header;
}

export const fingerprint = (method, path, bytes) =>
  createHash('sha256').update(`${method} ${path}\n`).update(bytes).digest('hex');

export class Idempotency {
  constructor(clock) {
    this.clock = clock;
    this.inFlight = new Set();
  }
  // Returns a stored answer to replay, or null to go ahead (then call begin/finish).
  lookup(scope, key, fp) {
    if (key.length > 255) throw new HttpError(422, 'The Idempotency-Key header must not be longer than 255 characters.');
    const now = this.clock.now();
    for (const [k, v] of Object.entries(scope.idempotency)) if (v.expires_at <= now) delete scope.idempotency[k];
    const hit = scope.idempotency[key];
    if (hit) {
      if (hit.fingerprint !== fp) {
        throw new HttpError(422, 'This Idempotency-Key was already used with a different request.');
      }
      return hit;
    }
    const flight = `${scope.id}:${key}`;
    if (this.inFlight.has(flight)) throw new HttpError(409, 'A request with this Idempotency-Key is still being processed.');
    return null;
  }
  begin(scope, key) { this.inFlight.add(`${scope.id}:${key}`); }
  end(scope, key) { this.inFlight.delete(`${scope.id}:${key}`); }
  // Records a successful answer in memory; the caller's commit makes it durable with the write.
  record(scope, key, fp, status, body) {
    scope.idempotency[key] = { fingerprint: fp, status, body, expires_at: this.clock.now() + TTL_MS };
  }
}
