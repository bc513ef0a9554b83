// The demo seed through the CLI, and the dev server in both of its API modes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevHandlers, createDevServer, listen } from '../../server/dev.js';
import { TOKENS, startEmulator } from '../../server/emulator/test-harness.js';

const entry = new URL('../../server/emulator.js', import.meta.url).pathname;

function runCli(args) {
  const child = spawn(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      if (/listening on/.test(out) && /workspace key .*Summit/.test(out)) resolve({ child, out });
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

test('npm run emulator -- --seed demo prints the URL, the account token and keys; 3 workspaces, ~40 posts', async () => {
  const { child, out } = await runCli(['--port', '0', '--seed', 'demo', '--tick-ms', '0']);
  try {
    const base = /listening on (http:\/\/\S+)\/api/.exec(out)[1];
    const accountToken = /account token\s+olivia@northwind\.test\s+(\S+)/.exec(out)[1];
    const ws = await (await fetch(`${base}/api/account/workspaces`, { headers: { authorization: `Bearer ${accountToken}` } })).json();
    assert.equal(ws.length, 3);
    const keys = [...out.matchAll(/workspace key\s+.+?olivia@northwind\.test\s+(\S+)/g)].map((m) => m[1]);
    assert.equal(keys.length, 3);
    let total = 0;
    const statuses = new Set();
    const platforms = new Set();
    const months = new Set();
    for (const key of keys) {
      const h = { authorization: `Bearer ${key}` };
      const first = await (await fetch(`${base}/api/posts`, { headers: h })).json();
      total += first.meta.total;
      for (let page = 1; page <= first.meta.last_page; page++) {
        const body = page === 1 ? first : await (await fetch(`${base}/api/posts?page=${page}`, { headers: h })).json();
        for (const p of body.data) {
          statuses.add(p.status);
          if (p.scheduled_at) months.add(p.scheduled_at.slice(0, 7));
        }
      }
      for (const a of await (await fetch(`${base}/api/social-accounts`, { headers: h })).json()) platforms.add(a.platform);
      assert.ok((await (await fetch(`${base}/api/labels`, { headers: h })).json()).length >= 2);
      assert.ok((await (await fetch(`${base}/api/signatures`, { headers: h })).json()).length >= 1);
    }
    assert.ok(total >= 35 && total <= 45, `${total} posts`);
    for (const s of ['draft', 'scheduled', 'published', 'partially_published', 'failed']) assert.ok(statuses.has(s), s);
    assert.ok(platforms.size >= 10, `${platforms.size} platforms`);
    const now = new Date();
    const thisMonth = now.toISOString().slice(0, 7);
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
    assert.ok(months.has(thisMonth) && months.has(next), [...months].join(' '));
  } finally {
    child.kill('SIGKILL');
  }
});

test('the dev server mounts the emulator with the demo seed, and the widget proxy next to it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trypost-dev-'));
  const handlers = [];
  const server = createDevServer({ handlers });
  const { port } = await listen(server, 0);
  try {
    const dev = await createDevHandlers({ TRYPOST_EMULATOR_DATA: dir, TRYPOST_WIDGET_SECRET: Buffer.alloc(32, 7).toString('base64') }, { port });
    handlers.push(...dev.handlers);
    assert.ok(dev.lines.some((l) => /demo account token/.test(l)));
    const key = /demo workspace key .* (\S+)$/.exec(dev.lines.find((l) => /Northwind Agency/.test(l)))[1];
    const r = await fetch(`http://127.0.0.1:${port}/api/workspace`, { headers: { authorization: `Bearer ${key}` } });
    assert.equal((await r.json()).name, 'Northwind Agency');
    await dev.emulator.close();
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('TRYPOST_API_URL makes the dev server forward /api, adding the configured key when the browser sends none', async () => {
  const up = await startEmulator();
  const handlers = [];
  const server = createDevServer({ handlers });
  const { port } = await listen(server, 0);
  try {
    const dev = await createDevHandlers({ TRYPOST_API_URL: `${up.base}/api`, TRYPOST_API_KEYS: `0c000000-0000-4000-8000-000000000001=${TOKENS.owner}` }, { port });
    handlers.push(...dev.handlers);
    const a = await fetch(`http://127.0.0.1:${port}/api/labels`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.ws2}` }, body: JSON.stringify({ name: 'via dev', color: '#101010' }) });
    assert.equal(a.status, 201);
    assert.ok((await up.api('GET', 'labels', { token: TOKENS.ws2 })).body.some((l) => l.name === 'via dev'));
    const b = await fetch(`http://127.0.0.1:${port}/api/workspace`);
    assert.equal((await b.json()).id, '0c000000-0000-4000-8000-000000000001');
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await up.close();
  }
});

test('a seed key given by role alone acts with that role; relative seed days follow the start date', async () => {
  const { testSeed } = await import('../../server/emulator/test-harness.js');
  const { createManualClock } = await import('../../server/emulator/clock.js');
  const seed = testSeed();
  seed.workspaces[1].api_keys.push({ name: 'v', role: 'viewer', plain_token: 'tp_role_viewer' });
  seed.workspaces[1].posts.push({ content: 'later', status: 'scheduled', scheduled_at: '{{day+3}} 10:00:00', platforms: [{ account: seed.workspaces[1].social_accounts[0].id }] });
  const h = await startEmulator({ seed, clock: createManualClock(Date.UTC(2026, 1, 27, 15)) });
  try {
    assert.equal((await h.api('GET', 'posts', { token: 'tp_role_viewer' })).status, 200);
    assert.equal((await h.api('POST', 'labels', { token: 'tp_role_viewer', body: { name: 'a', color: '#000000' } })).status, 403);
    const posts = (await h.api('GET', 'posts', { token: TOKENS.ws2 })).body.data;
    assert.equal(posts.find((p) => p.content === 'later').scheduled_at, '2026-03-02 10:00:00');
  } finally {
    await h.close();
  }
});
