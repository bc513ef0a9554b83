// trypost snapshot against the emulator (started here, in-process): every page read, the answers
// piped in as curl would write them, and the pipe into trypost preview.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, TOKENS, IDS } from '../../server/emulator/test-harness.js';
import { pipeline, seedWithPosts, trypostAsync } from './cli-support.js';

let emu;
let dir;
before(async () => {
  emu = await startEmulator({ seed: seedWithPosts() });
  dir = mkdtempSync(join(tmpdir(), 'trypost-snapshot-'));
});
after(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

async function allPosts() {
  const out = [];
  for (let n = 1; ; n++) {
    const r = await emu.api('GET', `/api/posts?page=${n}`);
    out.push(...r.body.data);
    if (n >= r.body.meta.last_page) return out;
  }
}

test('trypost snapshot --api reads every page, the accounts and the labels, and writes no key', async () => {
  const r = await trypostAsync(['snapshot', '--api', emu.base, '--key', TOKENS.owner]);
  assert.equal(r.status, 0, r.stderr);
  const file = JSON.parse(r.stdout);
  assert.equal(file.format, 'trypost-calendar-snapshot');
  assert.equal(file.workspace.name, 'Alpha');
  const want = await allPosts();
  assert.equal(want.length, 47);
  assert.deepEqual(file.posts.map((p) => p.id).sort(), want.map((p) => p.id).sort());
  assert.equal(file.accounts.length, 9);
  assert.deepEqual(file.labels.map((l) => l.id), [IDS.label1]);
  assert.match(r.stderr, /Alpha: 47 posts, 9 social accounts, 1 labels/);
  assert.ok(!r.stdout.includes(TOKENS.owner), 'the key is not in the file');
  // The key from the environment does the same; /api at the end of the URL is accepted.
  const env = await trypostAsync(['snapshot', '--api', `${emu.base}/api/`], '', { TRYPOST_API_KEY: TOKENS.viewer });
  assert.equal(env.status, 0, env.stderr);
  assert.equal(JSON.parse(env.stdout).posts.length, 47);
});

test('trypost snapshot | trypost preview: one line, a file showing every post of the month', async () => {
  const out = join(dir, 'december.html');
  const r = await pipeline([['snapshot', '--api', emu.base, '--key', TOKENS.owner], ['preview', '--date', '2026-12', '--out', out, '--max-rows', '0']]);
  assert.equal(r.status, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.equal(summary.posts, 47);
  const html = readFileSync(out, 'utf8');
  assert.ok(!html.includes(TOKENS.owner));
  const data = JSON.parse(/<script type="application\/json" id="calendar-data">(.*?)<\/script>/s.exec(html)[1]);
  const december = data.views[data.start];
  assert.equal(december.date, '2026-12-01');
  const shown = december.weeks.flatMap((w) => w.days.filter((d) => d.in_month !== false).flatMap((d) => d.post_ids));
  const want = (await allPosts()).filter((p) => p.scheduled_at?.startsWith('2026-12')).map((p) => p.id);
  assert.equal(want.length, 40);
  assert.deepEqual(shown.sort(), want.sort());
});

test('the answers piped in, as curl writes them one after another, make the same snapshot', async () => {
  const h = { authorization: `Bearer ${TOKENS.owner}` };
  const get = async (path) => (await fetch(`${emu.base}/api${path}`, { headers: h })).text();
  const first = JSON.parse(await get('/posts?page=1'));
  const parts = [await get('/workspace')];
  for (let n = 1; n <= first.meta.last_page; n++) parts.push(await get(`/posts?page=${n}`));
  parts.push(await get('/social-accounts'), await get('/labels'));
  const r = await trypostAsync(['snapshot'], parts.join(''));
  assert.equal(r.status, 0, r.stderr);
  const piped = JSON.parse(r.stdout);
  assert.equal(piped.posts.length, 47);
  assert.equal(piped.workspace.name, 'Alpha');

  // The same as one object naming its parts, with a name given on the command line.
  const named = JSON.stringify({
    posts: parts.slice(1, -2).map((t) => JSON.parse(t)), social_accounts: JSON.parse(parts.at(-2)), labels: JSON.parse(parts.at(-1)),
  });
  const n = await trypostAsync(['snapshot', '--name', 'Alpha (client copy)'], named);
  assert.equal(n.status, 0, n.stderr);
  assert.equal(JSON.parse(n.stdout).workspace.name, 'Alpha (client copy)');
  assert.equal(JSON.parse(n.stdout).posts.length, 47);

  // A page left out is refused, naming it, and nothing is written on stdout.
  const missing = await trypostAsync(['snapshot'], [parts[0], parts[1], parts[3], parts[4], ...parts.slice(-2)].join('\n'));
  assert.equal(missing.status, 1);
  assert.equal(missing.stdout, '');
  assert.match(missing.stderr, /page 2 is missing: read every page \(\?page=1 to \?page=4\)/);
  // Without the workspace's answer or --name, the name is asked for.
  const nameless = await trypostAsync(['snapshot'], parts.slice(1).join('\n'));
  assert.equal(nameless.status, 1);
  assert.match(nameless.stderr, /workspace's name is missing/);
});

test('a wrong key or server says what to check; usage errors exit 2', async () => {
  const bad = await trypostAsync(['snapshot', '--api', emu.base, '--key', 'tp_wrong']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /answered 401.*Check --key/);
  assert.ok(!bad.stderr.includes('tp_wrong'), 'the key is not repeated in the error');
  const noKey = await trypostAsync(['snapshot', '--api', emu.base], '', { TRYPOST_API_KEY: '' });
  assert.equal(noKey.status, 2);
  assert.match(noKey.stderr, /--key KEY/);
  const notUrl = await trypostAsync(['snapshot', '--api', 'localhost:1', '--key', 'k']);
  assert.equal(notUrl.status, 2);
});

test('trypost preview reads a snapshot without counts; counts that disagree are refused', async () => {
  const r = await trypostAsync(['snapshot', '--api', emu.base, '--key', TOKENS.owner]);
  const file = JSON.parse(r.stdout);
  delete file.counts;
  const out = join(dir, 'no-counts.html');
  const ok = await trypostAsync(['preview', '--date', '2026-12-01', '--out', out], JSON.stringify(file));
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).posts, 47);
  file.counts = { accounts: 9, labels: 1, posts: 46 };
  const wrong = await trypostAsync(['preview', '--date', '2026-12-01', '--out', out], JSON.stringify(file));
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /different number of posts/);
});
