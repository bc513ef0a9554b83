// trypost widget-proxy as an agency runs it: configured from the environment, two instances
// answering the same token (no state of their own), and a clear refusal when something is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startEmulator, TOKENS, IDS } from '../../server/emulator/test-harness.js';
import { trypostAsync } from './cli-support.js';

const bin = new URL('../../bin/trypost.js', import.meta.url).pathname;
const SECRET = Buffer.alloc(32, 7).toString('base64');

function startProxy(env) {
  const child = spawn(process.execPath, [bin, 'widget-proxy', '--port', '0'], { env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => {
      out += c;
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve({ child, info: JSON.parse(line), output: () => out + err });
    });
    child.on('close', (code) => reject(new Error(`widget-proxy exited ${code}: ${out}${err}`)));
  });
}

let emu;
let env;
before(async () => {
  emu = await startEmulator();
  env = { TRYPOST_API_URL: `${emu.base}/api`, TRYPOST_API_KEYS: `${IDS.ws1}=${TOKENS.viewer}`, TRYPOST_WIDGET_SECRET: SECRET, TRYPOST_WIDGET_ORIGINS: 'https://bakery.example' };
});
after(() => emu.close());

test('two widget proxies from the same environment serve the same token, and print no key', async () => {
  const a = await startProxy(env);
  const b = await startProxy(env);
  try {
    assert.equal(a.info.workspaces, 1);
    assert.match(a.info.listening, /^http:\/\/127\.0\.0\.1:\d+\/widget-api$/);
    const mint = await trypostAsync(['widget-token', '--workspace', IDS.ws1, '--secret-base64', SECRET, '--ttl', '60']);
    assert.equal(mint.status, 0, mint.stderr);
    const token = mint.stdout.trim();
    const want = (await emu.api('GET', '/api/labels', { token: TOKENS.viewer })).body;
    for (const proxy of [a, b, a]) {
      const res = await fetch(`${proxy.info.listening}/workspaces/${IDS.ws1}/labels`, { headers: { authorization: `Bearer ${token}`, origin: 'https://bakery.example' } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), 'https://bakery.example');
      assert.deepEqual(await res.json(), want);
    }
    const health = await fetch(new URL('/healthz', a.info.listening));
    assert.equal(health.status, 200);
    const refused = await fetch(`${b.info.listening}/workspaces/${IDS.ws1}/labels`);
    assert.equal(refused.status, 401);
    const write = await fetch(`${b.info.listening}/workspaces/${IDS.ws1}/labels`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    assert.equal(write.status, 403);
    for (const p of [a, b]) {
      assert.ok(!p.output().includes(TOKENS.viewer), 'the workspace key is never printed');
      assert.ok(!p.output().includes(SECRET), 'the secret is never printed');
    }
  } finally {
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
  }
});

test('a missing or bad environment is named, variable by variable, with exit 2', async () => {
  const r = await trypostAsync(['widget-proxy', '--port', '0'], '', { TRYPOST_API_URL: '', TRYPOST_API_KEYS: 'no-equals-sign', TRYPOST_WIDGET_SECRET: 'c2hvcnQ=' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /TRYPOST_API_URL is not set/);
  assert.match(r.stderr, /TRYPOST_API_KEYS must look like/);
  assert.match(r.stderr, /TRYPOST_WIDGET_SECRET must decode to at least 16 bytes/);
  const noPort = await trypostAsync(['widget-proxy'], '', env);
  assert.equal(noPort.status, 2);
  assert.match(noPort.stderr, /--port/);
});
