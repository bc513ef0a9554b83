// The status watch in the shell: the core decides which posts to read and when; the shell's timer
// runs the reads and hands back what settled. Driven with a fake clock and timers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStatusWatch, planStatusWatch, wallTimeToUtc, utcToWallTime, describeProblems } from '../../web/sdk/index.js';
import { loadCore } from '../../web/sdk/core.js';

function fakeTimers(start = Date.UTC(2027, 0, 15, 8)) {
  let now = start;
  const timers = [];
  return {
    now: () => now,
    setTimer: (fn, ms) => { const t = { at: now + ms, fn }; timers.push(t); return t; },
    clearTimer: (t) => { const i = timers.indexOf(t); if (i >= 0) timers.splice(i, 1); },
    // Runs every timer due by `ms` from now, in order; answers the delays that were asked for.
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const t = timers[0];
        if (!t || t.at > until) break;
        timers.shift();
        now = t.at;
        await t.fn();
      }
      now = until;
    },
    pending: () => timers.map((t) => t.at - now),
  };
}

test('a publishing post is read after 5 s, then with back-off, until it settles; the outcome is handed back', async () => {
  const clock = fakeTimers();
  let server = { id: '7', status: 'publishing', content: 'hi' };
  const reads = [];
  const settled = [];
  const watch = createStatusWatch({
    posts: () => [settled.at(-1) ?? { id: '7', status: 'publishing' }],
    read: async (id) => { reads.push([id, clock.now()]); return { ...server }; },
    settled: (p) => settled.push(p),
    now: clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer,
  });
  watch.poke();
  await clock.advance(0);
  assert.equal(reads.length, 0); // nothing the moment it is seen
  await clock.advance(5000);
  assert.equal(reads.length, 1);
  await clock.advance(9000);
  assert.equal(reads.length, 1); // the next read 10 s after the first
  server = { id: '7', status: 'published', content: 'hi' };
  await clock.advance(1000);
  assert.equal(reads.length, 2);
  assert.equal(settled.at(-1).status, 'published');
  await clock.advance(600_000);
  assert.equal(reads.length, 2); // settled: never read again
  assert.deepEqual(clock.pending(), []);
  watch.stop();
});

test('only posts still waiting go to the core; each post read comes back saying whether it still waits', async () => {
  const clock = fakeTimers();
  const answers = [{ id: '7', status: 'publishing' }, { id: '7', status: 'failed', platforms: [] }];
  const asked = [];
  const settled = [];
  const watch = createStatusWatch({
    // A draft and a published post are nothing to watch, whatever the page hands over.
    posts: () => [{ id: '7', status: 'publishing' }, { id: '8', status: 'draft' }, { id: '9', status: 'published' }],
    read: async (id) => { asked.push(id); return answers.shift(); },
    settled: (post, how) => settled.push([post.status, how.waiting]),
    now: clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer,
  });
  watch.poke();
  await clock.advance(5000);
  await clock.advance(10_000);
  watch.stop();
  assert.deepEqual(asked, ['7', '7']);
  assert.deepEqual(settled, [['publishing', true], ['failed', false]]);
  const plan = await planStatusWatch({ now: 1_800_000_000, posts: [] });
  assert.deepEqual(plan.waiting, ['publishing', 'scheduled']);
});

test('each round is one question to the core; after the first, only the posts it says still wait are handed over', async () => {
  const core = await loadCore();
  const plan = core.planStatusWatch;
  const asked = [];
  core.planStatusWatch = (text) => { asked.push(JSON.parse(text)); return plan.call(core, text); };
  try {
    const clock = fakeTimers();
    const watch = createStatusWatch({
      posts: () => [{ id: '7', status: 'publishing' }, { id: '8', status: 'draft' }, { id: '9', status: 'published' }],
      read: async (id) => ({ id, status: 'publishing' }),
      settled: () => {},
      now: clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer,
    });
    watch.poke();
    await clock.advance(5000);
    watch.stop();
    assert.deepEqual(asked.map((a) => a.now), [clock.now() / 1000 - 5, clock.now() / 1000]);
    assert.deepEqual(asked[0].posts.map((p) => p.id), ['7', '8', '9']);
    assert.deepEqual(asked[1].posts.map((p) => p.id), ['7']);
  } finally {
    core.planStatusWatch = plan;
  }
});

test('a 429 being waited out holds the reads', async () => {
  const plan = await planStatusWatch({ now: 1_800_000_000, posts: [{ id: '1', status: 'publishing' }], state: { 1: { reads: 0, next_at: 1_799_999_000 } }, rate_wait: 40 });
  assert.deepEqual(plan.read, []);
  assert.equal(plan.next_in_seconds, 40);
});

test('wall times: Tokyo 09:00 is 00:00 UTC and back; a Paris spring-forward time is refused with the reason', async () => {
  const tokyo = await wallTimeToUtc('Asia/Tokyo', '2027-01-15T09:00');
  assert.equal(tokyo.utc, '2027-01-15T00:00:00Z');
  assert.equal((await utcToWallTime('Asia/Tokyo', '2027-01-15 00:00:00')).local, '2027-01-15T09:00');
  const gap = await wallTimeToUtc('Europe/Paris', '2027-03-28T02:30');
  assert.equal(gap.ok, false);
  assert.match(gap.message, /^02:30 on 28 March 2027 does not exist in Europe\/Paris/);
  const twice = await wallTimeToUtc('Europe/Paris', '2027-10-31T02:30');
  assert.equal(twice.kind, 'overlap');
  assert.equal(twice.utc, '2027-10-31T00:30:00Z');
});

test("the API's problems in plain words, keyed by the same paths", async () => {
  const out = await describeProblems({ 'media.0.url': ['The media.0.url could not be downloaded.'] });
  assert.deepEqual(out.errors, { 'media.0.url': ['Media 1: the file at this address could not be downloaded.'] });
});
