// Chaos: 500+ post operations through the SDK client (outbox + transport) across 3 workspaces,
// against the emulator over real HTTP with 20% injected faults (latency, 429, 500, dropped
// connections, before and after the server acted), switching the active workspace as it goes. Then the server must hold exactly the
// intended state: nothing lost, no duplicate, nothing in another workspace, and no request sent
// again before the Retry-After its 429 asked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, testSeed, IDS, TOKENS } from '../../server/emulator/test-harness.js';
import { createClient } from '../../web/sdk/client.js';
import { mulberry32 as prng } from '../../server/seeded-random.js';

const WS3 = '0c000000-0000-4000-8000-000000000003';
const WS3_KEY = 'tp_test_ws3_owner_key_000000000000000000007';
const WS3_X = '0d000000-0000-4000-8000-0000000000fe';

function seed() {
  const s = testSeed();
  s.workspaces.push({
    id: WS3, name: 'Gamma',
    api_keys: [{ name: 'gamma', user: 'owner@test.example', plain_token: WS3_KEY }],
    social_accounts: [{ id: WS3_X, platform: 'x', display_name: 'x', username: '@gamma' }],
  });
  return s;
}


test('500+ operations under 20% faults land exactly once, in the right workspace', { timeout: 120000 }, async (t) => {
  const h = await startEmulator({ seed: seed(), faults: 'rate=0.2,kinds=latency:429:500:drop:drop-after,seed=7,latency=15' });
  try {
    const log = []; // {key, start, end, status, retryAfter}
    let faultsSeen = { 429: 0, 500: 0, drop: 0 };
    const wrapped = async (url, init = {}) => {
      const key = `${init.method} ${url} ${init.headers?.['Idempotency-Key'] ?? ''} ${init.body ?? ''}`;
      const rec = { key, start: Date.now() };
      log.push(rec);
      try {
        const res = await fetch(url, init);
        rec.end = Date.now();
        rec.status = res.status;
        rec.retryAfter = res.headers.get('retry-after');
        if (res.status === 429) faultsSeen[429]++;
        if (res.status === 500) faultsSeen[500]++;
        return res;
      } catch (e) {
        rec.end = Date.now();
        rec.status = 0;
        faultsSeen.drop++;
        throw e;
      }
    };
    // Backoff after 5xx/drops is skipped (fake clock); a Retry-After wait is real, so the log can
    // check it.
    const sleep = (ms, { reason } = {}) => new Promise((r) => setTimeout(r, reason === 'rate_limited' ? ms : 0));
    const client = await createClient({ baseUrl: h.base, fetch: wrapped, transport: { sleep, timeoutMs: 5000 } });
    const workspaces = [
      { id: IDS.ws1, key: TOKENS.owner, account: IDS.x },
      { id: IDS.ws2, key: TOKENS.ws2, account: IDS.ws2x },
      { id: WS3, key: WS3_KEY, account: WS3_X },
    ];
    for (const w of workspaces) await client.addWorkspace({ apiKey: w.key });

    const rnd = prng(42);
    const intended = new Map(workspaces.map((w) => [w.id, new Map()])); // ws -> local ref -> {content, status, deleted}
    const sent = [];
    let ops = 0;
    let n = 0;
    while (ops < 520) {
      const w = workspaces[Math.floor(rnd() * 3)];
      client.switchWorkspace(w.id);
      const posts = intended.get(w.id);
      // A burst of edits in this workspace, then a switch.
      const burst = 1 + Math.floor(rnd() * 8);
      for (let i = 0; i < burst; i++, ops++) {
        const live = [...posts.entries()].filter(([, p]) => !p.deleted);
        const r = rnd();
        if (live.length < 3 || r < 0.35) {
          const content = `ws ${w.id.slice(-1)} post ${++n}`;
          const q = await client.posts.create({ content, platforms: [{ social_account_id: w.account, content_type: 'x_post' }] });
          posts.set(q.entry.local_id, { content, status: 'draft', deleted: false });
          sent.push(q.sent);
        } else {
          const [ref, p] = live[Math.floor(rnd() * live.length)];
          if (r < 0.75) {
            p.content = `${p.content} +${++n}`;
            sent.push((await client.posts.update(ref, { status: p.status, content: p.content })).sent);
          } else if (r < 0.9) {
            const day = 10 + Math.floor(rnd() * 18);
            p.status = 'scheduled';
            p.scheduled_at = `2099-01-${day} 10:00:00`;
            sent.push((await client.posts.schedule(ref, p.scheduled_at, { content: p.content })).sent);
          } else {
            p.deleted = true;
            sent.push((await client.posts.delete(ref)).sent);
          }
        }
      }
    }
    // Anything still waiting after the transport's attempts goes out on later flushes.
    for (let round = 0; round < 20 && client.outbox.pending().length; round++) await client.outbox.flush();
    assert.equal(client.outbox.pending().length, 0, 'every edit was sent');
    const results = await Promise.all(sent);
    assert.equal(results.length, ops);
    assert.ok(ops >= 500);
    assert.deepEqual(client.outbox.problems(), [], 'no edit was refused');
    assert.ok(results.every((r) => r.ok));

    // Reconciliation straight from the emulator's state.
    const state = h.emulator.store.state;
    for (const w of workspaces) {
      const ws = state.workspaces.find((x) => x.id === w.id);
      const want = [...intended.get(w.id).entries()].filter(([, p]) => !p.deleted);
      const have = ws.posts.filter((p) => p.id !== IDS.ws2post);
      assert.equal(have.length, want.length, `workspace ${w.id}: one post per intended post`);
      const byId = new Map(have.map((p) => [p.id, p]));
      for (const [ref, p] of want) {
        const got = byId.get(client.outbox.resolveId(ref));
        assert.ok(got, `post ${p.content} is in workspace ${w.id}`);
        assert.equal(got.content, p.content);
        assert.equal(got.status, p.status);
        if (p.scheduled_at) assert.equal(Number(got.scheduled_at), Date.parse(`${p.scheduled_at.replace(' ', 'T')}Z`)); // stored as epoch ms
      }
      // Nothing written in another workspace ended up here.
      const tag = `ws ${w.id.slice(-1)} `;
      assert.ok(have.every((p) => p.content.startsWith(tag)));
    }

    // No retry before its Retry-After: the next attempt of the same request after a 429.
    let checked = 0;
    for (let i = 0; i < log.length; i++) {
      const a = log[i];
      if (a.status !== 429 || !a.retryAfter) continue;
      const next = log.slice(i + 1).find((b) => b.key === a.key);
      if (!next) continue;
      checked++;
      assert.ok(next.start - a.end >= Number(a.retryAfter) * 1000, `retry ${next.start - a.end} ms after a ${a.retryAfter} s Retry-After`);
    }
    assert.ok(checked > 10, `checked ${checked} Retry-After waits`);
    assert.ok(faultsSeen[500] > 10 && faultsSeen.drop > 10, JSON.stringify(faultsSeen));
    t.diagnostic(`${ops} operations, ${log.length} requests, faults seen ${JSON.stringify(faultsSeen)}, ${checked} Retry-After waits checked`);
    client.close();
  } finally {
    await h.close();
  }
});
