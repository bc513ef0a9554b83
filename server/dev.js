#!/usr/bin/env node
// The dev server behind `npm start`: the dashboard and SDK as static files on 127.0.0.1.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFiles, staticFiles, treeVersion } from './static.js';
import { BundleError, bundleDashboard } from './dashboard-bundle.js';
import { createEmulator } from './emulator/index.js';
import { createWidgetProxy } from './proxy/index.js';
import { apiForwarder, parseKeyList } from './api-forward.js';
import { DEMO_WORKSPACE, createWidgetDemo } from './widget-demo.js';

const webRoot = fileURLToPath(new URL('../web/', import.meta.url));

// The dashboard, bundled (server/dashboard-bundle.js) when the server starts and again on a page
// load after anything in web/ changed: an edit is seen on the next reload, as with plain files.
function bundledDashboard() {
  let built = null;
  let source = null;
  return () => {
    const now = treeVersion(webRoot);
    if (now !== source) {
      source = now;
      built = bundleDashboard(webRoot);
      built.catch((err) => console.error(`dev server: ${err.message}`));
    }
    return built;
  };
}

export function createDevServer({ handlers = [] } = {}) {
  const serveWeb = staticFiles(webRoot, '/', { versioned: true });
  const dashboard = bundledDashboard();
  const serveDashboard = bundleFiles('/app/', dashboard);
  dashboard();
  return createServer(async (req, res) => {
    try {
      for (const h of handlers) if (await h(req, res)) return;
      if (req.url === '/' ) {
        res.writeHead(302, { location: '/app/' });
        return res.end();
      }
      if (await serveDashboard(req, res)) return;
      if (serveWeb(req, res)) return;
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    } catch (err) {
      // A dashboard that cannot be built says why on the page (the WASM core not built yet).
      const known = err instanceof BundleError;
      if (!res.headersSent) res.writeHead(known ? 503 : 500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(known ? err.message : 'internal error');
      console.error('dev server:', err.message);
    }
  });
}

export function listen(server, port, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address()));
  });
}

// The API side of the dev server: the emulator (self-hosted, demo seed) mounted at /api, or a
// pass-through to a real server when TRYPOST_API_URL is set; plus the widget proxy at /widget-api.
// `port` is where this server listens (the widget proxy forwards to it in emulator mode).
export async function createDevHandlers(env = process.env, { port } = {}) {
  const handlers = [];
  const lines = [];
  let keys;
  let upstream;
  let emulator = null;
  if (env.TRYPOST_API_URL) {
    keys = parseKeyList(env.TRYPOST_API_KEYS);
    upstream = env.TRYPOST_API_URL.replace(/\/$/, '').replace(/\/api$/, '');
    handlers.push(apiForwarder(env.TRYPOST_API_URL, keys));
    lines.push(`api: proxied to ${upstream}/api${keys.size ? ` (${keys.size} workspace key(s) from TRYPOST_API_KEYS)` : ''}`);
  } else {
    const dataDir = env.TRYPOST_EMULATOR_DATA ?? join(tmpdir(), 'trypost-emulator-dev');
    emulator = await createEmulator({ mode: 'self-hosted', dataDir, seed: 'demo', tickMs: 5000, control: true });
    handlers.push(emulator.handle);
    upstream = `http://127.0.0.1:${port}`;
    keys = new Map();
    for (const k of emulator.secrets.keys) if (k.user === emulator.secrets.users[0]?.email) keys.set(k.workspace_id, k.plain_token);
    const owner = emulator.secrets.users[0];
    lines.push(`api: local emulator (self-hosted, demo seed), data in ${dataDir}${emulator.resumed ? ' (resumed)' : ''}`);
    if (owner) lines.push(`demo account token (${owner.email}): ${owner.account_token}`);
    for (const k of emulator.secrets.keys.filter((x) => keys.get(x.workspace_id) === x.plain_token)) {
      lines.push(`demo workspace key  ${k.workspace.padEnd(18)} ${k.workspace_id}  ${k.plain_token}`);
    }
    // Every member signs in as themselves: their own token opens their workspaces with their role.
    for (const u of emulator.secrets.users.slice(1)) {
      const user = emulator.store.userByEmail(u.email);
      const roles = emulator.store.state.workspaces.map((w) => [w.name, user && emulator.store.roleOf(w, user.id)]).filter(([, r]) => r);
      if (roles.length) lines.push(`demo account token (${u.email}): ${u.account_token}  (${roles.map(([n, r]) => `${n}: ${r}`).join(', ')})`);
    }
  }
  const secretText = env.TRYPOST_WIDGET_SECRET;
  const secret = secretText ? Buffer.from(secretText, 'base64') : randomBytes(32);
  const origins = (env.TRYPOST_WIDGET_ORIGINS ?? `http://127.0.0.1:${port},http://localhost:${port}`).split(',').map((s) => s.trim()).filter(Boolean);
  handlers.push(createWidgetProxy({ prefix: '/widget-api', upstream, keys, secret, origins }));
  lines.push(`widget proxy: /widget-api/workspaces/{id}/...  origins ${origins.join(' ')}`);
  const demo = createWidgetDemo({ secret, live: keys.has(DEMO_WORKSPACE) });
  handlers.push(demo.handle);
  lines.push(`widget example: http://127.0.0.1:${port}/widget/example.html (a demo snapshot) and /widget/example-live.html (live, through the proxy)`);
  if (!secretText) lines.push(`widget secret (this run only; set TRYPOST_WIDGET_SECRET to keep one): ${secret.toString('base64')}`);
  return { handlers, lines, emulator, widgetDemo: demo };
}

async function main() {
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, got "${process.env.PORT}"`);
    process.exit(1);
  }
  const handlers = [];
  const server = createDevServer({ handlers });
  let dev;
  try {
    const addr = await listen(server, port);
    dev = await createDevHandlers(process.env, { port: addr.port });
    handlers.push(...dev.handlers);
    console.log(`trypost dashboard: http://127.0.0.1:${addr.port}/app/`);
    for (const line of dev.lines) console.log(line);
  } catch (err) {
    if (err.code === 'EADDRINUSE') console.error(`port ${port} is already in use; set PORT to another one`);
    else console.error(`cannot listen on port ${port}: ${err.message}`);
    process.exit(1);
  }
  const stop = async () => {
    console.log('stopping');
    await dev?.emulator?.close();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
