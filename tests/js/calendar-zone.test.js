// The zone lens checked against Intl: the expected local day (and day length) of every post is
// computed here with Intl.DateTimeFormat, independently of the SDK's transition finder and of
// the core, then compared with what the core returns through the SDK and the CLI.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Calendar, zoneTransitions, zoneOffsetAt } from '../../web/sdk/index.js';

const bin = new URL('../../bin/trypost.js', import.meta.url).pathname;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const dateFmt = new Map();
function localDate(tz, ms) {
  let f = dateFmt.get(tz);
  if (!f) dateFmt.set(tz, (f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(new Date(ms));
}

// First instant (to the second) whose local date is `date` or later, by bisection over Intl.
function localDayStart(tz, date) {
  const guess = Date.parse(`${date}T00:00:00Z`);
  let lo = guess - 20 * HOUR;
  let hi = guess + 20 * HOUR;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (localDate(tz, mid) >= date) hi = mid;
    else lo = mid;
  }
  return hi;
}

// The minute of the day a wall clock in `tz` shows at `ms` (0-1439).
const clockFmt = new Map();
function wallMinute(tz, ms) {
  let f = clockFmt.get(tz);
  if (!f) clockFmt.set(tz, (f = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  const [h, m] = f.format(new Date(ms)).split(':').map(Number);
  return h * 60 + m;
}

function addDays(date, n) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

// Posts every 17 minutes over a few days either side of each DST change, plus edge instants.
function postsAround(centres) {
  const posts = [];
  let n = 0;
  for (const c of centres) {
    const t0 = Date.parse(c);
    for (let t = t0 - 3 * DAY; t <= t0 + 3 * DAY; t += 17 * MIN) posts.push({ id: `p${n++}`, status: 'scheduled', scheduled_at: new Date(t).toISOString() });
    for (const d of [-1000, 0, 1000]) posts.push({ id: `p${n++}`, status: 'scheduled', scheduled_at: new Date(t0 + d).toISOString() });
  }
  return posts;
}

const cases = [
  { tz: 'Europe/Paris', centres: ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z'], lengths: { '2026-03-29': 23 * 60, '2026-10-25': 25 * 60 } },
  { tz: 'America/Sao_Paulo', centres: ['2018-11-04T03:00:00Z', '2018-02-18T02:00:00Z'], lengths: { '2018-11-04': 23 * 60, '2018-02-17': 25 * 60 } },
  { tz: 'Australia/Lord_Howe', centres: ['2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z'], lengths: { '2026-04-05': 24 * 60 + 30, '2026-10-04': 24 * 60 - 30 } },
  { tz: 'Asia/Kathmandu', centres: ['2026-05-10T18:15:00Z'], lengths: { '2026-05-11': 24 * 60 } },
];

const calendars = [];
after(() => calendars.forEach((c) => c.dispose()));

for (const { tz, centres, lengths } of cases) {
  test(`${tz}: every post lands on the local day Intl gives, and day lengths match Intl`, async () => {
    const posts = postsAround(centres);
    const cal = await Calendar.create({ posts });
    calendars.push(cal);
    const placed = new Map();
    const months = new Set(centres.flatMap((c) => [-4, 0, 4].map((d) => new Date(Date.parse(c) + d * DAY).toISOString().slice(0, 10))));
    for (const date of months) {
      const v = cal.view({ view: 'month', date, time_zone: tz });
      assert.equal(v.zone, tz);
      for (const w of v.weeks) for (const d of w.days) for (const id of d.post_ids) placed.set(id, d.date);
    }
    assert.equal(placed.size, posts.length, 'every post appears in some month');
    let checked = 0;
    for (const p of posts) {
      assert.equal(placed.get(p.id), localDate(tz, Date.parse(p.scheduled_at)), `${p.id} at ${p.scheduled_at}`);
      checked++;
    }
    assert.ok(checked > 500);

    for (const [date, minutes] of Object.entries(lengths)) {
      const expected = (localDayStart(tz, addDays(date, 1)) - localDayStart(tz, date)) / MIN;
      assert.equal(expected, minutes, `Intl agrees ${date} in ${tz} lasts ${minutes} minutes`);
      const day = cal.view({ view: 'day', date, time_zone: tz });
      assert.equal(day.minutes, expected);
      assert.equal(Date.parse(day.range.start_utc), localDayStart(tz, date));
      // The time grid is the wall clock: each item sits at the minute the clock shows, and a day
      // that is not 24 hours long says where its clock jumped, by exactly the difference.
      const shift = (day.clock_changes ?? []).reduce((n, c) => n + (c.to_minute - c.from_minute), 0);
      assert.equal(shift, 24 * 60 - expected, `${date} in ${tz}: clock changes ${JSON.stringify(day.clock_changes)}`);
      for (const it of day.items) {
        const post = posts.find((p) => p.id === it.post_id);
        assert.equal(it.minute, wallMinute(tz, Date.parse(post.scheduled_at)), `${post.id} at ${post.scheduled_at} in ${tz}`);
        assert.equal(Date.parse(it.start), Math.floor(Date.parse(post.scheduled_at) / 1000) * 1000);
      }
    }
  });
}

test('zoneTransitions pins each offset change to the second', () => {
  const t = zoneTransitions('Europe/Paris', Date.parse('2026-01-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z'));
  assert.deepEqual(t, [
    { at_utc: Date.parse('2026-01-01T00:00:00Z') / 1000, offset_seconds: 3600 },
    { at_utc: Date.parse('2026-03-29T01:00:00Z') / 1000, offset_seconds: 7200 },
    { at_utc: Date.parse('2026-10-25T01:00:00Z') / 1000, offset_seconds: 3600 },
  ]);
  const lh = zoneTransitions('Australia/Lord_Howe', Date.parse('2026-09-01T00:00:00Z'), Date.parse('2026-11-01T00:00:00Z'));
  assert.deepEqual(lh.map((x) => x.offset_seconds), [37800, 39600]);
  assert.equal(zoneOffsetAt('Asia/Kathmandu', Date.now()), 20700);
  assert.equal(zoneOffsetAt('UTC', Date.now()), 0);
  assert.deepEqual(zoneTransitions('Asia/Kathmandu', 0, 30 * DAY).length, 1);
  assert.throws(() => zoneOffsetAt('Mars/Olympus_Mons', 0), RangeError);
});

test('the CLI buckets by the display zone the same way (--tz)', () => {
  const tz = 'Australia/Lord_Howe';
  const posts = postsAround(['2026-10-03T15:30:00Z']);
  const r = spawnSync(process.execPath, [bin, 'calendar', '--view', 'week', '--date', '2026-10-04', '--tz', tz], {
    input: JSON.stringify({ posts }),
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const v = JSON.parse(r.stdout);
  let n = 0;
  for (const d of v.weeks[0].days)
    for (const id of d.post_ids) {
      const p = posts.find((x) => x.id === id);
      assert.equal(d.date, localDate(tz, Date.parse(p.scheduled_at)));
      n++;
    }
  const inWeek = posts.filter((p) => {
    const d = localDate(tz, Date.parse(p.scheduled_at));
    return d >= v.range.start && d <= v.range.end;
  });
  assert.equal(n, inWeek.length);
  assert.equal(v.weeks[0].days.find((d) => d.date === '2026-10-04').minutes, 24 * 60 - 30);
});
