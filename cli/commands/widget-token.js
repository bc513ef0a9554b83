// trypost widget-token: mint a short-lived, read-only, workspace-scoped token for the widget proxy.
import { parseCommandArgs, UsageError } from '../args.js';
import { signWidgetToken } from '../../server/proxy/jwt.js';

export const summary = 'mint a read-only widget token (JWT HS256) for one workspace';
export const help = `usage: trypost widget-token --workspace ID --secret-base64 S [--ttl SECONDS] [--json]
  --workspace ID       the workspace the token may read
  --secret-base64 S    the proxy's shared secret, base64 (at least 16 bytes)
  --ttl SECONDS        lifetime, 1..3600 (default 300)
  --json               print {"token", "workspace_id", "expires_at"} instead of the bare token`;

export async function run(args) {
  const v = parseCommandArgs(args, {
    workspace: { type: 'string' }, 'secret-base64': { type: 'string' }, ttl: { type: 'string', default: '300' }, json: { type: 'boolean' },
  });
  if (!v.workspace) throw new UsageError('--workspace is required');
  if (!v['secret-base64']) throw new UsageError('--secret-base64 is required');
  const secret = Buffer.from(v['secret-base64'], 'base64');
  if (secret.length < 16) throw new UsageError('--secret-base64 must decode to at least 16 bytes');
  const ttl = Number(v.ttl);
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > 3600) throw new UsageError('--ttl must be a whole number of seconds from 1 to 3600');
  const nowSec = Math.floor(Date.now() / 1000);
  const token = signWidgetToken({ workspaceId: v.workspace, secret, ttlSec: ttl, nowSec });
  if (v.json) console.log(JSON.stringify({ token, workspace_id: v.workspace, expires_at: new Date((nowSec + ttl) * 1000).toISOString() }));
  else console.log(token);
  return 0;
}
