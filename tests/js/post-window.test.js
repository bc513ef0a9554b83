// Finding one month's posts in the API's pages (newest scheduled first, 15 a page, undated last)
// without reading them all: web/sdk/post-window.js, against a fake paginator and the emulator.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { postsInWindow, createClient, loadCore } from '../../web/sdk/index.js';
import { startEmulator, testSeed, TOKENS, IDS } from '../../server/emulator/test-harness.js';

const DAY = 86_400_000;
// The fake server's own reading of a time (the API's UTC "Y-m-d H:i:s" or ISO), apart from the
// core's, so the two check each other; posts without one sort last.
const scheduledMs = (post) => {
  const at = post?.scheduled_at;
  if (typeof at !== 'string' || !at) return -Infinity;
  const iso = at.replace(' ', 'T');
  return Date.parse(/Z|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
};
const ymd = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

// Posts sorted as the API sorts them, served 15 a page; every request is counted.
function paginator(posts, size = 15) {
  const sorted = [...posts].sort((a, b) => scheduledMs(b) - scheduledMs(a) || (a.id < b.id ? -1 : 1));
  const last = Math.max(1, Math.ceil(sorted.length / size));
  const calls = [];
  const fetchPage = async (n) => {
    calls.push(n);
    await new Promise((r) => setTimeout(r, 0));
    return { data: sorted.slice((n - 1) * size, n * size), page: { current_page: n, last_page: last } };
  };
  return { fetchPage, calls, last };
}

const T0 = Date.parse('2026-01-01T00:00:00Z');
function spread(n, { days = 360, undated = 0 } = {}) {
  const out = [];
  for (let i = 0; i < n; i++) out.push({ id: `p${i}`, scheduled_at: ymd(T0 + Math.floor((i * days * DAY) / n) + (i % 7) * 3_600_000) });
  for (let i = 0; i < undated; i++) out.push({ id: `d${i}`, scheduled_at: null });
  return out;
}

const inWindow = (posts, from, to) => posts.filter((p) => scheduledMs(p) >= from && scheduledMs(p) < to).map((p) => p.id).sort();

test('5,000 posts over a year: every post of a month is found in a few rounds, not by reading 334 pages', async () => {
  const posts = spread(5000, { undated: 40 });
  const { fetchPage, calls, last } = paginator(posts);
  assert.equal(last, 336);
  const from = Date.parse('2026-05-01T00:00:00Z');
  const to = Date.parse('2026-06-01T00:00:00Z');
  const got = await postsInWindow(fetchPage, { from, to });
  const want = inWindow(posts, from, to);
  assert.ok(want.length > 400);
  assert.deepEqual(inWindow(got.posts, from, to), want, 'every post of May, none missing');
  assert.ok(got.requests < 60, `requests: ${got.requests}`);
  assert.equal(new Set(calls).size, calls.length, 'no page is asked twice');
  assert.equal(got.complete, false);
  assert.equal(got.lastPage, 336);
});

// The same pages on a virtual clock: each request answers `latency(n)` ticks after it was made,
// the earliest first, once everything else waiting on the event loop has run. `busy` holds how
// many requests were out when each answer arrived.
function clockedPaginator(posts, latency, size = 15) {
  const sorted = [...posts].sort((a, b) => scheduledMs(b) - scheduledMs(a) || (a.id < b.id ? -1 : 1));
  const last = Math.max(1, Math.ceil(sorted.length / size));
  const read = (n) => ({ data: sorted.slice((n - 1) * size, n * size), page: { current_page: n, last_page: last } });
  const pending = [];
  const busy = [];
  let now = 0;
  const tick = () => setImmediate(() => {
    if (!pending.length) return;
    pending.sort((x, y) => x.at - y.at);
    busy.push(pending.length);
    const { at, answer } = pending.shift();
    now = at;
    answer();
  });
  const fetchPage = (n) => new Promise((resolve) => {
    pending.push({ at: now + latency(n), answer: () => resolve(read(n)) });
    tick();
  });
  return { fetchPage, last, busy, now: () => now };
}

test('six requests are always out until the last few: each answer frees a slot for the next page at once', async () => {
  // Six months of 5,000 posts (like the bench): a month grid is ~80 pages.
  const posts = spread(5000, { days: 180 });
  const from = Date.parse('2026-03-01T00:00:00Z');
  const to = Date.parse('2026-04-12T00:00:00Z');
  // Answers take 5 to 45 ticks, unevenly.
  const clocked = clockedPaginator(posts, (n) => 5 + ((n * 37) % 41));
  const got = await postsInWindow(clocked.fetchPage, { from, to }, { maxPages: 120 });
  assert.deepEqual(inWindow(got.posts, from, to), inWindow(posts, from, to));
  assert.ok(got.pages.length > 70, `${got.pages.length} pages in the run`);
  assert.equal(Math.max(...clocked.busy), 6, 'never more than 6 at once');
  // Page 1 comes alone (it tells the last page); after it, a slot left empty while pages remain
  // is time lost waiting for a slower answer.
  const afterFirst = clocked.busy.slice(1, -5);
  assert.deepEqual(afterFirst.filter((n) => n < 6), [], `requests out at each answer: ${clocked.busy.join(' ')}`);
});

test('evenly spread posts: the probes land where the times put the ends, so hardly a page outside the month is read', async () => {
  // 5,000 posts over 180 days, like the bench: the month grid is ~80 pages of 334.
  const posts = spread(5000, { days: 180 });
  const from = Date.parse('2026-03-23T00:00:00Z');
  const to = Date.parse('2026-05-06T00:00:00Z');
  const { fetchPage, calls } = paginator(posts);
  const got = await postsInWindow(fetchPage, { from, to }, { maxPages: 120 });
  assert.deepEqual(inWindow(got.posts, from, to), inWindow(posts, from, to));
  // Halving alone asked 16 pages outside the run here.
  const outside = calls.filter((n) => n !== 1 && !got.pages.includes(n));
  assert.ok(outside.length <= 7, `pages read outside the run: ${outside.join(' ')}`);
});

test('uneven spreads (busy weekdays, a burst, a growing workspace, many undated drafts): every post of the window is found', async () => {
  const at = (days) => ymd(T0 + Math.round(days * DAY));
  const spreads = {
    weekdays: () => { const o = []; for (let d = 0; o.length < 4000; d++) for (let k = 0; k < ((d + 3) % 7 < 5 ? 40 : 2); k++) o.push({ id: `w${o.length}`, scheduled_at: at(d + k / 100) }); return o; },
    burst: () => Array.from({ length: 4000 }, (_, i) => ({ id: `b${i}`, scheduled_at: at(i < 2500 ? (i / 2500) * 15 : 15 + ((i - 2500) / 1500) * 300) })),
    growing: () => Array.from({ length: 4000 }, (_, i) => ({ id: `g${i}`, scheduled_at: at(Math.sqrt(i / 4000) * 365) })),
    'same instant': () => Array.from({ length: 1500 }, (_, i) => ({ id: `s${i}`, scheduled_at: at(i < 1200 ? 40 : 41 + i / 100) })),
    undated: () => [...spread(2000, { days: 200 }), ...spread(0, { undated: 900 })],
  };
  for (const [name, make] of Object.entries(spreads)) {
    const posts = make();
    for (const start of [0, 13, 38, 40, 90, 200]) {
      const from = T0 + start * DAY;
      const to = from + 44 * DAY;
      const { fetchPage, calls } = paginator(posts);
      const got = await postsInWindow(fetchPage, { from, to }, { maxPages: 300 });
      assert.deepEqual(inWindow(got.posts, from, to), inWindow(posts, from, to), `${name}, from day ${start}`);
      assert.equal(new Set(calls).size, calls.length, `${name}: no page asked twice`);
    }
  }
});

test('edges: a window before, after or between all posts, a single page, undated posts only', async () => {
  const posts = spread(300);
  for (const [from, to] of [
    [Date.parse('2025-01-01T00:00:00Z'), Date.parse('2025-02-01T00:00:00Z')], // before everything
    [Date.parse('2027-03-01T00:00:00Z'), Date.parse('2027-04-01T00:00:00Z')], // after everything
    [Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-01-02T00:00:00Z')], // the oldest day
    [Date.parse('2026-12-20T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z')], // the newest days
    [Date.parse('2025-01-01T00:00:00Z'), Date.parse('2028-01-01T00:00:00Z')], // all of them
  ]) {
    const { fetchPage } = paginator(posts);
    const got = await postsInWindow(fetchPage, { from, to }, { maxPages: 100 });
    assert.deepEqual(inWindow(got.posts, from, to), inWindow(posts, from, to), `${new Date(from).toISOString()}..${new Date(to).toISOString()}`);
  }
  const one = paginator(spread(9));
  const small = await postsInWindow(one.fetchPage, { from: T0, to: T0 + 400 * DAY });
  assert.equal(small.posts.length, 9);
  assert.equal(small.complete, true);
  assert.deepEqual(one.calls, [1]);
  const few = paginator(spread(100));
  const skipped = await postsInWindow(few.fetchPage, { from: T0, to: T0 + 30 * DAY }, { minPages: 8 });
  assert.equal(skipped.skipped, true, '7 pages: reading them all is as quick');
  assert.deepEqual(few.calls, [1]);
  const drafts = paginator(spread(0, { undated: 20 }));
  const none = await postsInWindow(drafts.fetchPage, { from: T0, to: T0 + 30 * DAY });
  assert.deepEqual(none.posts, []);
});

test('times written with an offset are read as the instants they name, through the core given', async () => {
  // The same instants as spread() gives, written as ISO times in +05:30 and -08:00.
  const iso = (ms, offsetMin) => {
    const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
    const sign = offsetMin < 0 ? '-' : '+';
    const a = Math.abs(offsetMin);
    return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
  };
  const posts = spread(1500, { days: 200 }).map((p, i) => ({ ...p, scheduled_at: iso(scheduledMs(p), i % 2 ? 330 : -480) }));
  const { fetchPage } = paginator(posts);
  const core = await loadCore();
  let reads = 0;
  const counting = { parseApiTime: (text) => { reads++; return core.parseApiTime(text); } };
  const from = Date.parse('2026-04-01T00:00:00Z');
  const to = Date.parse('2026-05-01T00:00:00Z');
  const got = await postsInWindow(fetchPage, { from, to }, { core: counting });
  assert.ok(inWindow(posts, from, to).length > 200);
  assert.deepEqual(inWindow(got.posts, from, to), inWindow(posts, from, to));
  assert.ok(reads > 0, 'the pages\' times were read by the core handed in');
});

test('a window holding more than maxPages pages is cut and says so', async () => {
  const posts = spread(3000, { days: 30 });
  const { fetchPage } = paginator(posts);
  const got = await postsInWindow(fetchPage, { from: T0, to: T0 + 31 * DAY }, { maxPages: 10 });
  assert.equal(got.cut, true);
  assert.equal(got.pages.length, 10);
});

let h;
after(() => h?.close());

test('through the SDK against the emulator: posts.page reads one page, and the window holds the month', async () => {
  // 200 scheduled posts a day apart from today, plus two drafts without a time.
  const seed = testSeed();
  seed.workspaces[0].posts = [
    ...Array.from({ length: 200 }, (_, i) => ({ content: `window ${i}`, status: 'scheduled', scheduled_at: `{{day+${i + 1}}} ${String(8 + (i % 9)).padStart(2, '0')}:00:00`, platforms: [{ account: IDS.x }] })),
    { content: 'undated 1', platforms: [{ account: IDS.x }] },
    { content: 'undated 2', platforms: [{ account: IDS.x }] },
  ];
  h = await startEmulator({ seed });
  const client = await createClient({ baseUrl: h.base });
  await client.addWorkspace({ apiKey: TOKENS.owner });
  const first = await client.in(client.activeWorkspace.id).posts.page(1);
  assert.ok(Array.isArray(first.data));
  assert.equal(first.page.current_page, 1);
  assert.ok(first.page.last_page >= 1);
  const all = [];
  for (let n = 1; n <= first.page.last_page; n++) all.push(...(await client.in(client.activeWorkspace.id).posts.page(n)).data);
  const dated = all.filter((p) => p.scheduled_at);
  assert.equal(dated.length, 200);
  assert.ok(first.page.last_page >= 14);
  const at = scheduledMs(dated[Math.floor(dated.length / 2)]);
  const from = at - 3 * DAY;
  const to = at + 3 * DAY;
  const got = await postsInWindow((n) => client.in(client.activeWorkspace.id).posts.page(n), { from, to });
  assert.deepEqual(inWindow(got.posts, from, to), inWindow(all, from, to));
  assert.equal(inWindow(got.posts, from, to).length, 6);
  assert.ok(got.requests < first.page.last_page, `${got.requests} requests for ${first.page.last_page} pages`);
});

test("the dashboard's month window: whole Monday-first weeks of the grid, a day more on each side", async () => {
  const { monthWindow } = await import('../../web/app/month-first.js');
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  // May 2026 starts on a Friday and ends on a Sunday: the grid is Apr 27 - May 31.
  const may = await monthWindow('2026-05-15');
  assert.deepEqual([day(may.from), day(may.to)], ['2026-04-26', '2026-06-02']);
  // March 2026 starts on a Sunday and ends on a Tuesday: the grid is Feb 23 - Apr 5.
  const march = await monthWindow('2026-03-01');
  assert.deepEqual([day(march.from), day(march.to)], ['2026-02-22', '2026-04-07']);
  // Every day of the month is inside, whatever the day of the month given.
  for (const d of ['2026-02-01', '2026-02-28', '2027-01-31']) {
    const w = await monthWindow(d);
    const first = Date.parse(`${d.slice(0, 7)}-01T00:00:00Z`);
    assert.ok(w.from < first && w.to > first + 28 * DAY);
  }
});
