// Social accounts: list (by platform), toggle is_active, Pinterest boards, Discord channels.
import { HttpError, notFound } from '../errors.js';
import { PLATFORM_IDS } from '../catalog.js';
import * as present from '../presenters.js';
import { requireRole } from '../roles.js';

function find(ctx) {
  const a = ctx.ws.social_accounts.find((x) => x.id === ctx.params.account);
  if (!a) throw notFound('Account not found.');
  return a;
}

function list(ctx) {
  const order = (a) => PLATFORM_IDS.indexOf(a.platform);
  const sorted = [...ctx.ws.social_accounts].sort((a, b) => order(a) - order(b) || a.display_name.localeCompare(b.display_name));
  return { status: 200, body: sorted.map(present.socialAccount) };
}

function toggle(ctx) {
  const a = find(ctx);
  requireRole(ctx.role, 'manageAccounts');
  a.is_active = !a.is_active;
  return { status: 200, body: present.socialAccount(a) };
}

// An account's simulated upstream: "down" answers 502, "rate_limited" 429, "forbidden" 403.
function upstream(a, what) {
  if (a.upstream === 'down') throw new HttpError(502, `${what} is unavailable.`);
  if (a.upstream === 'rate_limited') throw new HttpError(429, `${what} rate limit exceeded.`, { headers: { 'retry-after': '60' } });
  if (a.upstream === 'forbidden') throw new HttpError(403, `${what} refused the request.`);
}

function boards(ctx) {
  const a = find(ctx);
  requireRole(ctx.role, 'lookups');
  if (a.platform !== 'pinterest') throw new HttpError(422, 'This account is not a Pinterest account.');
  if (a.status === 'token_expired') throw new HttpError(401, 'The Pinterest token has expired. Reconnect the account.');
  upstream(a, 'Pinterest');
  const all = a.boards ?? [{ id: '1234567890123456789', name: 'Inspiration' }];
  return { status: 200, body: { boards: all.slice(0, 250), truncated: all.length > 250 } };
}

function channels(ctx) {
  const a = find(ctx);
  requireRole(ctx.role, 'lookups');
  if (a.platform !== 'discord') throw new HttpError(422, 'This account is not a Discord account.');
  upstream(a, 'Discord');
  return { status: 200, body: { channels: a.channels ?? [{ id: '1111111111111111111', name: 'general' }] } };
}

export const routes = [
  ['GET', '/social-accounts', list],
  ['PUT', '/social-accounts/:account/toggle', toggle],
  ['GET', '/social-accounts/:account/boards', boards, { extraThrottle: 'lookups' }],
  ['GET', '/social-accounts/:account/channels', channels, { extraThrottle: 'lookups' }],
];
