// The widget example's data under `npm start`: a snapshot of the demo seed's "Bluebird Bakery"
// workspace, made when the server starts (a fresh in-memory emulator with the seed, read through
// the API as `trypost snapshot` reads it, so the file is never stale and never committed), and a
// short-lived read-only widget token for the same workspace on the live endpoint (the dev
// server's widget proxy). Nothing here runs outside the dev server.
import { readFileSync } from 'node:fs';
import { loadCore } from '../web/sdk/core.js';
import { readApiAnswers } from '../cli/commands/snapshot.js';
import { createEmulator, serveEmulator } from './emulator/index.js';
import { signWidgetToken } from './proxy/jwt.js';

export const DEMO_WORKSPACE = '22222222-2222-4222-8222-222222222222'; // Bluebird Bakery in seeds/demo.json
const SEED = new URL('../seeds/demo.json', import.meta.url);
const TOKEN_TTL_SEC = 600;

function json(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

// The demo workspace's snapshot, read from a throwaway emulator holding only the seed.
export async function demoSnapshot(workspaceId = DEMO_WORKSPACE) {
  const seed = JSON.parse(readFileSync(SEED, 'utf8'));
  const owner = seed.users.find((u) => u.email === seed.account.owner);
  const emulator = await createEmulator({ mode: 'self-hosted', seed, rateLimit: 0, tickMs: 0 });
  const server = serveEmulator(emulator);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const key = emulator.secrets.keys.find((k) => k.workspace_id === workspaceId && k.user === owner.email)?.plain_token;
    if (!key) throw new Error(`the demo seed has no owner key for workspace ${workspaceId}`);
    const core = await loadCore();
    // The account API's workspace carries the brand colours that GET /workspace does not.
    const ws = await fetch(`${base}/api/account/workspaces/${workspaceId}`, { headers: { authorization: `Bearer ${owner.account_token}` } });
    const answers = await readApiAnswers(core, base, key);
    const text = ws.ok ? `${await ws.text()}\n${answers.slice(answers.indexOf('\n') + 1)}` : answers;
    const file = JSON.parse(core.buildApiSnapshot(JSON.stringify({ text, exported_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') })));
    if (typeof file.error === 'string') throw new Error(file.error);
    return file;
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await emulator.close();
  }
}

// Handler for /widget/example-snapshot.json and /widget/demo-token.json. `secret` is the widget
// proxy's; `live` is false when the proxy has no key for the demo workspace (a real API behind
// the dev server), and the token route then says so instead of minting a token nothing accepts.
export function createWidgetDemo({ secret, live, prefix = '/widget-api', now = () => Date.now() }) {
  let snapshot = null;
  const ready = demoSnapshot().then(
    (file) => {
      snapshot = JSON.stringify(file);
    },
    (err) => {
      console.error(`widget demo: the example snapshot could not be made: ${err.message}`);
    },
  );
  async function handle(req, res) {
    const path = new URL(req.url, 'http://x').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (path === '/widget/example-snapshot.json') {
      await ready;
      if (snapshot === null) json(res, 503, { message: 'The demo snapshot could not be made; see the dev server log.' });
      else {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(snapshot), 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : snapshot);
      }
      return true;
    }
    if (path === '/widget/demo-token.json') {
      if (!live) {
        json(res, 404, { message: 'The live example needs the local API (unset TRYPOST_API_URL).' });
        return true;
      }
      const nowSec = Math.floor(now() / 1000);
      const token = signWidgetToken({ workspaceId: DEMO_WORKSPACE, secret, ttlSec: TOKEN_TTL_SEC, nowSec });
      json(res, 200, {
        endpoint: `${prefix}/workspaces/${DEMO_WORKSPACE}`,
        token,
        expires_at: new Date((nowSec + TOKEN_TTL_SEC) * 1000).toISOString(),
        ttl_seconds: TOKEN_TTL_SEC,
      });
      return true;
    }
    return false;
  }
  return { handle, ready };
}
