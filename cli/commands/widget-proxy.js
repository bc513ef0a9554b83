// trypost widget-proxy: the widget proxy (server/proxy) as its own HTTP server, for an agency's
// host. Configured from the environment only, so no key appears in a process list or a shell
// history; it keeps no state between requests, so any number can run behind a load balancer.
import { createServer } from 'node:http';
import { parseCommandArgs, UsageError } from '../args.js';
import { createWidgetProxy } from '../../server/proxy/index.js';
import { parseKeyList } from '../../server/api-forward.js';

export const summary = 'serve the widget proxy (keys and secret from the environment)';

export const help = `usage: trypost widget-proxy --port N [--host ADDRESS] [--prefix /widget-api]

Serves {prefix}/workspaces/{id}/... for <trypost-calendar endpoint=... token=...>: checks the
widget token (read-only, one workspace, short-lived) and forwards the read to the TryPost API with
that workspace's key. Reads its configuration from the environment:

  TRYPOST_API_URL         the TryPost server (https://app.trypost.it or a self-hosted one)
  TRYPOST_API_KEYS        the workspace keys: WORKSPACE_ID=KEY,WORKSPACE_ID=KEY
  TRYPOST_WIDGET_SECRET   the token secret, base64, at least 16 bytes (the one given to
                          trypost widget-token --secret-base64 where tokens are minted)
  TRYPOST_WIDGET_ORIGINS  the sites allowed to call it from a browser: https://a.example,...
                          (not needed when the proxy is served from the page's own origin)

It keeps nothing between requests: run several behind a load balancer with the same
environment. GET /healthz answers 200 for the balancer's checks. Prints one JSON line when it
listens; stops on SIGINT or SIGTERM.

  --port N        the port to listen on (0: any free port)
  --host ADDRESS  the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --prefix PATH   the path the proxy answers under (default /widget-api)`;

const options = {
  port: { type: 'string' },
  host: { type: 'string', default: '127.0.0.1' },
  prefix: { type: 'string', default: '/widget-api' },
};

// The environment checked as a whole: every missing or bad variable is named at once.
export function proxyConfig(env) {
  const problems = [];
  const upstream = (env.TRYPOST_API_URL ?? '').replace(/\/+$/, '').replace(/\/api$/, '');
  if (!upstream) problems.push('TRYPOST_API_URL is not set (the TryPost server, e.g. https://app.trypost.it)');
  else if (!/^https?:\/\/[^/]/.test(upstream)) problems.push('TRYPOST_API_URL must be an http:// or https:// URL');
  let keys = new Map();
  try {
    keys = parseKeyList(env.TRYPOST_API_KEYS);
    if (keys.size === 0) problems.push('TRYPOST_API_KEYS is not set (WORKSPACE_ID=KEY,WORKSPACE_ID=KEY)');
  } catch (err) {
    problems.push(err.message);
  }
  const secretText = env.TRYPOST_WIDGET_SECRET ?? '';
  const secret = Buffer.from(secretText, 'base64');
  if (!secretText) problems.push('TRYPOST_WIDGET_SECRET is not set (base64, at least 16 bytes; e.g. openssl rand -base64 32)');
  else if (secret.length < 16) problems.push('TRYPOST_WIDGET_SECRET must decode to at least 16 bytes');
  const origins = (env.TRYPOST_WIDGET_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const o of origins) if (!/^https?:\/\/[^/]+$/.test(o)) problems.push(`TRYPOST_WIDGET_ORIGINS: "${o}" is not an origin (scheme://host[:port], no path)`);
  if (problems.length) throw new UsageError(`the widget proxy cannot start:\n  ${problems.join('\n  ')}`);
  return { upstream, keys, secret, origins };
}

export async function run(args, env = process.env) {
  const v = parseCommandArgs(args, options);
  if (v.port === undefined || !/^\d+$/.test(v.port) || Number(v.port) > 65535) throw new UsageError('--port N (0 to 65535) is required');
  if (!v.prefix.startsWith('/') || v.prefix.endsWith('/')) throw new UsageError('--prefix must start with / and not end with one');
  const config = proxyConfig(env);
  const handle = createWidgetProxy({ prefix: v.prefix, ...config });
  const server = createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
      return;
    }
    if (!handle(req, res)) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"Not Found."}');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', (err) => reject(err.code === 'EADDRINUSE' ? new Error(`port ${v.port} is already in use`) : err));
    server.listen(Number(v.port), v.host, resolve);
  });
  const { port } = server.address();
  const host = v.host.includes(':') ? `[${v.host}]` : v.host;
  console.log(JSON.stringify({ listening: `http://${host}:${port}${v.prefix}`, workspaces: config.keys.size, origins: config.origins }));
  await new Promise((resolve) => {
    const stop = () => {
      server.close(resolve);
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
