// Durability: the emulator runs as a child process with --data; a burst of writes is cut by
// SIGKILL; after a restart every acknowledged write is there and every file in the folder parses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDS, TOKENS, testSeed } from '../../server/emulator/test-harness.js';

const entry = new URL('../../server/emulator.js', import.meta.url).pathname;

function start(dataDir, seedFile) {
  const child = spawn(process.execPath, [entry, '--port', '0', '--data', dataDir, '--seed', seedFile, '--rate-limit', '0', '--tick-ms', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (c) => { err += c; });
    child.stdout.on('data', (c) => {
      out += c;
      const m = /listening on (http:\/\/[^\s]+)\/api/.exec(out);
      if (m && /\ndata: .*\n/.test(out)) resolve({ child, base: m[1], out: () => out });
    });
    child.on('exit', (code) => reject(new Error(`emulator exited (${code}): ${err}`)));
  });
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

const fixtureDir = new URL('../../server/fixtures/media/', import.meta.url).pathname;
const fixtures = readdirSync(fixtureDir).map((n) => readFileSync(join(fixtureDir, n)));

// Every JSON file parses; every media file is a whole fixture file (seeded or attached by URL).
function assertFolderIntact(dir, { allowTemp }) {
  for (const f of filesUnder(dir)) {
    if (f.endsWith('.tmp')) { assert.ok(allowTemp, `left-over temp file ${f}`); continue; }
    if (f.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(readFileSync(f, 'utf8')), f);
    else {
      const bytes = readFileSync(f);
      assert.ok(fixtures.some((x) => x.equals(bytes)), `${f} is a whole media file`);
    }
  }
}

const api = (base, method, path, body) => fetch(`${base}/api/${path}`, {
  method, headers: { authorization: `Bearer ${TOKENS.owner}`, 'content-type': 'application/json', accept: 'application/json' },
  body: body && JSON.stringify(body),
});

test('SIGKILL mid-burst loses no acknowledged write and leaves no torn file', { timeout: 40000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trypost-kill-'));
  const dataDir = join(dir, 'data');
  const seedFile = join(dir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(testSeed()));
  const photo = readFileSync(new URL('../../server/fixtures/media/photo.jpg', import.meta.url));
  const acked = { labels: new Set(), posts: new Map() };
  try {
    for (let round = 0; round < 3; round++) {
      const em = await start(dataDir, seedFile);
      if (round > 0) assert.match(em.out(), /\(resumed\)/);
      let stop = false;
      let count = 0;
      const killAt = 25 + round * 15;
      const worker = async (w) => {
        for (let i = 0; !stop; i++) {
          const name = `r${round}-w${w}-${i}`;
          try {
            if (i % 3 === 2) {
              const r = await api(em.base, 'POST', 'posts', {
                content: name, platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }],
                media: [{ url: `${em.base}/fixtures/media/photo.jpg` }],
              });
              if (r.status === 201) acked.posts.set((await r.json()).id, name);
            } else {
              const r = await api(em.base, 'POST', 'labels', { name, color: '#123456' });
              if (r.status === 201) acked.labels.add(name);
            }
            if (++count >= killAt && !stop) { stop = true; em.child.kill('SIGKILL'); }
          } catch {
            return; // the connection died with the process
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
      await new Promise((r) => (em.child.exitCode !== null || em.child.signalCode ? r() : em.child.once('exit', r)));
      assertFolderIntact(dataDir, { allowTemp: true });
    }
    const em = await start(dataDir, seedFile);
    try {
      assertFolderIntact(dataDir, { allowTemp: false });
      const labels = new Set((await (await api(em.base, 'GET', 'labels')).json()).map((l) => l.name));
      for (const name of acked.labels) assert.ok(labels.has(name), `acknowledged label ${name} survived`);
      assert.ok(acked.labels.size >= 40, `enough writes were acknowledged (${acked.labels.size})`);
      for (const [id, name] of acked.posts) {
        const r = await api(em.base, 'GET', `posts/${id}`);
        assert.equal(r.status, 200, `acknowledged post ${name}`);
        const post = await r.json();
        assert.equal(post.content, name);
        const file = await fetch(post.media[0].url);
        assert.equal(file.status, 200);
        assert.deepEqual(Buffer.from(await file.arrayBuffer()), photo);
      }
      assert.ok(statSync(join(dataDir, 'state.json')).size > 0);
    } finally {
      em.child.kill('SIGKILL');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
