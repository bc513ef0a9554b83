// The account API's demo connection (docs/account-api.md): a social account in a workspace without
// the network's OAuth round trip, active at once. On Cloud a workspace holds one account per
// network (facts §7.3; LinkedIn and LinkedIn page, Instagram and Instagram via Facebook count as one
// network); Telegram, Discord and LinkedIn pages may be connected many times (facts §10.9).
// Self-hosted has no cap.
import { forbidden, notFound, validationError } from '../errors.js';
import { PLATFORM_IDS, platformById } from '../catalog.js';
import { uuid } from '../ids.js';
import * as present from '../presenters.js';
import { CAN } from '../roles.js';
import { Validator } from '../validation.js';

const NETWORK = { 'linkedin-page': 'linkedin', 'instagram-facebook': 'instagram' };
const MANY = new Set(['telegram', 'discord', 'linkedin-page']);
const network = (p) => NETWORK[p] ?? p;

function connect(ctx) {
  const ws = ctx.store.workspace(ctx.params.id);
  const role = ws ? ctx.store.roleOf(ws, ctx.user.id) : null;
  if (!ws || !role) throw notFound('Workspace not found.');
  if (!CAN.manageAccounts.includes(role)) throw forbidden();
  const b = ctx.body;
  const v = new Validator({ now: ctx.now });
  v.check('platform', b.platform, ['required', 'string', `in:${PLATFORM_IDS.join(',')}`]);
  const name = typeof b.display_name === 'string' ? b.display_name.trim() : b.display_name;
  const username = typeof b.username === 'string' ? b.username.trim() : b.username;
  v.check('display_name', name, ['required', 'string', 'max:255']);
  v.check('username', username, ['required', 'string', 'max:255']);
  v.throwIfFailed();
  // Connecting an account that is already connected updates it (facts §5.4): never a duplicate.
  const same = ws.social_accounts.find((a) => a.platform === b.platform && a.username.toLowerCase() === username.toLowerCase());
  if (same) {
    Object.assign(same, { display_name: name, is_active: true, status: 'connected' });
    return { status: 200, body: present.socialAccount(same) };
  }
  if (ctx.emulator.mode === 'cloud' && !MANY.has(b.platform)) {
    const taken = ws.social_accounts.find((a) => network(a.platform) === network(b.platform));
    if (taken) {
      const label = platformById.get(taken.platform)?.label ?? taken.platform;
      throw validationError({ platform: [`This workspace already has an account on ${label} (${taken.display_name}): one account per network.`] });
    }
  }
  const a = {
    id: uuid(), platform: b.platform, display_name: name, username, is_active: true, status: 'connected',
    avatar_url: null, publish_outcome: 'success',
  };
  ws.social_accounts.push(a);
  ws.updated_at = ctx.clock.now();
  return { status: 201, body: present.socialAccount(a) };
}

export const routes = [['POST', '/account/workspaces/:id/social-accounts', connect]];
