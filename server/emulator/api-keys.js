// Workspace API keys, shared by /api/api-keys and the account endpoints: a key belongs to one
// workspace and one user; only its hash is kept; the plain token is shown once.
import { notFound } from './errors.js';
import { hashToken, opaqueToken, uuid } from './ids.js';
import * as present from './presenters.js';
import { parseTime } from './time.js';
import { Validator } from './validation.js';

let seq = 0;

export function validateKeyInput(body, now) {
  const v = new Validator({ now });
  v.check('name', body.name, ['required', 'string', 'max:255']);
  v.check('expires_at', body.expires_at, ['nullable', 'string', 'date', 'after_or_equal_today']);
  v.throwIfFailed();
}

// A date-only expiry means the end of that day (UTC).
export function expiryFrom(text) {
  if (!text) return null;
  const t = parseTime(text);
  return t.dateOnly ? t.ms + 86399000 : t.ms;
}

export function addKey(ws, userId, { name, expires_at: expires }, now, plain = opaqueToken()) {
  const key = {
    id: uuid(), name, user_id: userId, token_hash: hashToken(plain), last_used_at: null,
    expires_at: expiryFrom(expires), created_at: now, seq: ++seq,
  };
  ws.api_keys.push(key);
  return { token: present.apiKey(key), plain_token: plain };
}

export function listKeys(ws, userId) {
  return ws.api_keys
    .filter((k) => k.user_id === userId)
    .sort((a, b) => b.created_at - a.created_at || (b.seq ?? 0) - (a.seq ?? 0))
    .map(present.apiKey);
}

export function deleteKey(ws, userId, id) {
  const key = ws.api_keys.find((k) => k.id === id && k.user_id === userId);
  if (!key) throw notFound('API key not found.');
  ws.api_keys = ws.api_keys.filter((k) => k !== key);
}
