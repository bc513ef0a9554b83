// The process behind `npm start`: prints its URL, serves the dashboard under the strict CSP,
// refuses a taken port with exit 1, and stops cleanly on Ctrl-C (SIGINT).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { once } from 'node:events';

const devJs = new URL('../../server/dev.js', import.meta.url).pathname;

async function freePort() {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

function start(port) {
  const child = spawn(process.execPath, [devJs], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return {
    child,
    output: () => out,
    errors: () => err,
    waitFor: async (re) => {
      for (let i = 0; i < 200 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 50));
      assert.match(out, re, `stdout: ${out}\nstderr: ${err}`);
    },
  };
}

test('prints the dashboard URL, serves it with the CSP, and exits 0 on SIGINT', async () => {
  const port = await freePort();
  const dev = start(port);
  await dev.waitFor(new RegExp(`http://127\\.0\\.0\\.1:${port}/`));
  const url = dev.output().match(/http:\/\/127\.0\.0\.1:\d+\/\S*/)[0];
  const res = await fetch(url);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(await res.text(), /<html/);
  dev.child.kill('SIGINT');
  const [code] = await once(dev.child, 'exit');
  assert.equal(code, 0);
});

test('a taken port is refused with one clear line and exit 1', async () => {
  const blocker = createServer().listen(0, '127.0.0.1');
  await once(blocker, 'listening');
  const { port } = blocker.address();
  try {
    const dev = start(port);
    const [code] = await once(dev.child, 'exit');
    assert.equal(code, 1);
    assert.match(dev.errors(), new RegExp(`port ${port} is already in use`));
  } finally {
    blocker.close();
  }
});
