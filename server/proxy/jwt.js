// Widget tokens: compact JWTs signed with HS256 (node:crypto HMAC), carrying sub (workspace id),
// iat, exp and scope "read". Only HS256 is accepted; "none" and every other alg are refused.
// Minting stays here (the CLI's widget-token command); reading is the core's (widget_token.hpp).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { loadCore, parseCoreAnswer } from '../../web/sdk/core.js';

const b64url = (buf) => Buffer.from(buf).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function signWidgetToken({ workspaceId, secret, ttlSec, nowSec = Math.floor(Date.now() / 1000) }) {
  const payload = b64url(JSON.stringify({ sub: workspaceId, iat: nowSec, exp: nowSec + ttlSec, scope: 'read' }));
  const sig = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest();
  return `${HEADER}.${payload}.${b64url(sig)}`;
}

// A refused token: `status` is 401 (not a usable token) or 403 (a good token for another
// workspace); `kind` is the core's name for the reason (malformed, expired, wrong_workspace, ...).
export class TokenError extends Error {
  constructor(message, { status = 401, kind = 'malformed' } = {}) {
    super(message);
    this.name = 'TokenError';
    this.status = status;
    this.kind = kind;
  }
}

// The core reads the token (segments, header, claim types, times, workspace); node:crypto
// computes the HMAC. A forged token learns only that its signature is wrong: the claims' verdict
// is shown after the HMAC matched.
export function verifyWidgetTokenWith(core, token, { secret, nowSec, maxTtlSec = 3600, skewSec = 60, workspaceId }) {
  const arg = { token: String(token), now: nowSec, max_ttl_seconds: maxTtlSec, skew_seconds: skewSec };
  if (workspaceId) arg.workspace_id = workspaceId;
  const answer = parseCoreAnswer(core.checkWidgetToken(JSON.stringify(arg)));
  if (answer.problem?.structural) throw new TokenError(answer.problem.message, answer.problem);
  const expected = createHmac('sha256', secret).update(answer.signing_input).digest();
  const given = Buffer.from(answer.signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new TokenError('The token signature is invalid.', { status: 401, kind: 'bad_signature' });
  }
  if (answer.problem) throw new TokenError(answer.problem.message, answer.problem);
  return answer.claims;
}

// Returns the claims or throws TokenError with the reason.
export async function verifyWidgetToken(token, options) {
  return verifyWidgetTokenWith(await loadCore(), token, options);
}
