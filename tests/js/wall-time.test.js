// A time as a person reads it in their display zone (the core's words, through utcToWallTime),
// checked against the same words built here from Intl alone: the zone's wall clock, UTC beside it,
// UTC's date only when it is another day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utcToWallTime } from '../../web/sdk/index.js';

const HOUR = 3_600_000;

// "23 Dec 2026, 09:00 Asia/Tokyo (00:00 UTC)", written with Intl's en-GB names and the zone's parts.
function intlWords(zone, ms) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (t) => parts.find((p) => p.type === t).value;
  const here = `${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')}`;
  if (zone === 'UTC') return `${here} UTC`;
  const iso = new Date(ms).toISOString();
  const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  return `${here} ${zone} (${localDate === iso.slice(0, 10) ? '' : `${iso.slice(0, 10)} `}${iso.slice(11, 16)} UTC)`;
}

test('the words for a time agree with Intl in zones east and west of UTC, across clock changes and month ends', async () => {
  const zones = ['UTC', 'Asia/Tokyo', 'America/Chicago', 'Europe/Paris', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Kiritimati'];
  const instants = [];
  // Every 7 hours and 13 minutes through a year: every month's name, both sides of midnight.
  for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 7 * HOUR + 13 * 60_000) instants.push(t);
  for (const zone of zones) {
    for (const ms of instants.filter((_, i) => i % 9 === 0)) {
      const api = new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
      assert.equal((await utcToWallTime(zone, api)).words, intlWords(zone, ms), `${zone} at ${api}`);
    }
  }
});

test('the dashboard says a time as "23 Dec 2026, 09:00 Asia/Tokyo (00:00 UTC)", and UTC alone in UTC', async () => {
  assert.equal((await utcToWallTime('Asia/Tokyo', '2026-12-23T00:00:00Z')).words, '23 Dec 2026, 09:00 Asia/Tokyo (00:00 UTC)');
  assert.equal((await utcToWallTime('Asia/Tokyo', '2026-12-22 23:30:00')).words, '23 Dec 2026, 08:30 Asia/Tokyo (2026-12-22 23:30 UTC)');
  assert.equal((await utcToWallTime('UTC', '2026-09-05 07:05:00')).words, '5 Sept 2026, 07:05 UTC');
});
