// Widget tokens: compact JWTs signed with HS256 (node:crypto HMAC), carrying sub (workspace id),
// iat, exp and scope "read". Only HS256 is accepted; "none" and every other alg are refused.
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64url = (buf) => Buffer.from(buf).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function signWidgetToken({ workspaceId, secret, ttlSec, nowSec = Math.floor(Date.now() / 1000) }) {
  const payload = b64url(JSON.stringify({ sub: workspaceId, iat: nowSec, exp: nowSec + ttlSec, scope: 'read' }));
  const sig = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest();
  return `${HEADER}.${payload}.${b64url(sig)}`;
}

export class TokenError extends Error {}

// Returns the claims or throws TokenError with the reason.
export function verifyWidgetToken(token, { secret, nowSec, maxTtlSec = 3600, skewSec = 60 }) {
  const parts = String(token).split('.');
  if (parts.length !== 3) throw new TokenError('The token is malformed.');
  let header, claims;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    throw new TokenError('The token is malformed.');
  }
  if (header?.alg !== 'HS256') throw new TokenError('The token must be signed with HS256.');
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new TokenError('The token signature is invalid.');
  if (typeof claims?.sub !== 'string' || !claims.sub) throw new TokenError('The token names no workspace.');
  if (claims.scope !== 'read') throw new TokenError('The token is not a read-only token.');
  if (!Number.isInteger(claims.exp) || !Number.isInteger(claims.iat)) throw new TokenError('The token has no lifetime.');
  if (claims.exp <= nowSec) throw new TokenError('The token has expired.');
  if (claims.iat > nowSec + skewSec) throw new TokenError('The token was issued in the future.');
  if (claims.exp - claims.iat > maxTtlSec) throw new TokenError('The token lives longer than this proxy allows.');
  return claims;
}
