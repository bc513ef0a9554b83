// The renderers' date helpers (web/sdk/calendar-dates.js) through the WASM core: a zone's window
// built from Intl's offsets matches Intl's own local midnights, the steps the buttons and keys
// take, a preview file's months, API times, and what is written in the reader's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../../web/sdk/core.js';
import { Calendar, zoneTransitions } from '../../web/sdk/calendar.js';
import {
  apiTimeMs, calendarWindow, clockWith, dateFormat, dateOf, daysBetween, englishDate, englishMonth, previewPeriods, shiftDate, todayIn,
} from '../../web/sdk/calendar-dates.js';

const core = await loadCore();
const HOUR = 3_600_000;

// The first instant whose date in `tz` is `date`, found with Intl alone (bisection to the second).
function localMidnight(tz, date) {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
  let lo = Date.parse(`${date}T00:00:00Z`) - 20 * HOUR;
  let hi = lo + 40 * HOUR;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (f.format(mid) < date) lo = mid;
    else hi = mid;
  }
  return hi;
}

test('a month in a zone runs from local midnight to local midnight, as Intl counts them', () => {
  for (const [tz, date] of [['Europe/Paris', '2026-03-10'], ['America/New_York', '2026-11-20'], ['Australia/Lord_Howe', '2026-10-04'], ['Asia/Kathmandu', '2027-02-15']]) {
    const around = Date.parse(`${date}T00:00:00Z`);
    const zone = { name: tz, transitions: zoneTransitions(tz, around - 50 * 24 * HOUR, around + 50 * 24 * HOUR) };
    const w = calendarWindow(core, { view: 'month', date, zone });
    assert.equal(w.from_ms, localMidnight(tz, w.first), `${tz} ${date}: start`);
    const after = shiftDate(core, w.last, { days: 1 });
    assert.equal(w.to_ms, localMidnight(tz, after), `${tz} ${date}: end`);
  }
});

test('the buttons and keys step as the renderers did: a month to its 1st, the same day of the month clamped, whole days', () => {
  assert.equal(shiftDate(core, '2026-01-31', { view: 'month', step: 1 }), '2026-02-01');
  assert.equal(shiftDate(core, '2026-01-31', { months: 1 }), '2026-02-28');
  assert.equal(shiftDate(core, '2028-01-31', { months: 1 }), '2028-02-29');
  assert.equal(shiftDate(core, '2028-02-29', { months: 12 }), '2029-02-28');
  assert.equal(shiftDate(core, '2026-12-28', { view: 'week', step: 1 }), '2027-01-04');
  assert.equal(shiftDate(core, '2026-03-01', { days: -1 }), '2026-02-28');
  assert.equal(daysBetween(core, '2026-03-28', '2026-04-02'), 5);
  const w = calendarWindow(core, { view: 'month', date: '2026-05-15', week_start: 'sunday' });
  assert.deepEqual([w.first, w.last, w.previous, w.next], ['2026-04-26', '2026-06-06', '2026-04-01', '2026-06-01']);
  assert.throws(() => shiftDate(core, '2026-02-30', { days: 1 }), (err) => err.details?.errors?.date !== undefined);
});

test("a preview file's months and an API time", () => {
  const got = previewPeriods(core, 'month', '2026-05-10', { first: '2026-03-15 10:00:00', last: '2026-06-01 00:00:00' }, false);
  assert.deepEqual(got, { dates: ['2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01'], start: 2 });
  assert.equal(apiTimeMs(core, '2026-05-10 15:30:00'), Date.UTC(2026, 4, 10, 15, 30));
  assert.equal(apiTimeMs(core, '2026-05-10T15:30:00+05:45'), Date.parse('2026-05-10T15:30:00+05:45'));
  assert.ok(Number.isNaN(apiTimeMs(core, 'soon')));
  assert.ok(Number.isNaN(apiTimeMs(core, undefined)));
});

test("today in a zone is Intl's date there; dates and times are written in the reader's language", () => {
  const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  assert.equal(todayIn('Pacific/Kiritimati'), intl);
  assert.equal(todayIn('UTC'), new Date().toISOString().slice(0, 10));
  assert.equal(todayIn('Not/A_Zone'), new Date().toISOString().slice(0, 10));
  assert.equal(dateOf('2026-02-3'), null);
  assert.equal(englishDate('2026-11-30'), 'Monday, 30 November 2026');
  assert.equal(englishMonth('2026-11-30'), 'November 2026');
  const clock = dateFormat('en-US', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  assert.equal(clockWith(clock, '15:30'), '03:30 PM');
  assert.equal(clockWith(dateFormat('fr', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }), '15:30'), '15:30');
  assert.equal(dateFormat('en-US', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }), clock, 'one formatter per locale and options');
});

test("the zone offsets a view reads cover its days in the zone, clock changes included; a list's reach its posts", async () => {
  const cal = await Calendar.create({ data: [] });
  try {
    for (const [tz, query, first, change] of [
      ['Europe/Paris', { view: 'month', date: '2026-03-10' }, '2026-02-23', '2026-03-29T01:00:00Z'],
      ['America/New_York', { view: 'week', date: '2026-11-01', week_start: 'sunday' }, '2026-11-01', '2026-11-01T06:00:00Z'],
      ['Australia/Lord_Howe', { view: 'day', date: '2026-10-04' }, '2026-10-04', '2026-10-03T15:30:00Z'],
    ]) {
      const zone = cal.zoneFor(tz, query);
      const starts = zone.transitions.map((t) => t.at_utc * 1000);
      // The first offset holds from before the view's first local midnight; the view's change is found.
      assert.ok(starts[0] <= localMidnight(tz, first), `${tz}: from ${new Date(starts[0]).toISOString()}`);
      assert.ok(starts.includes(Date.parse(change)), `${tz}: ${change} in ${JSON.stringify(zone.transitions)}`);
    }
    // A list spans its posts: a change months away, inside the posts' range, is found.
    cal.load({ data: [{ id: 'a', status: 'scheduled', scheduled_at: '2026-01-10 09:00:00' }, { id: 'b', status: 'scheduled', scheduled_at: '2026-06-01 09:00:00' }] });
    const list = cal.zoneFor('Europe/Paris', { view: 'list' });
    assert.ok(list.transitions.some((t) => t.at_utc * 1000 === Date.parse('2026-03-29T01:00:00Z')));
    assert.ok(list.transitions[0].at_utc * 1000 <= Date.parse('2026-01-10T08:00:00Z'));
  } finally {
    cal.dispose();
  }
});
