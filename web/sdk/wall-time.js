// Times in a person's display zone. The core turns a wall time typed in a zone into the UTC
// instant the API stores (refusing one the clocks jump over, taking the first of one that happens
// twice) and back; the shell supplies what only Intl knows, the zone's offsets around that time.
import { loadCore, parseCoreAnswer } from './core.js';
import { zoneTransitions } from './calendar.js';

const DAY_MS = 86_400_000;
const isUtc = (tz) => !tz || tz === 'UTC' || tz === 'Etc/UTC';

// The zone's offsets over a week around `ms`: any change near a wall time is inside it.
function zoneAround(timeZone, ms) {
  if (isUtc(timeZone)) return null;
  return { name: timeZone, transitions: zoneTransitions(timeZone, ms - 3 * DAY_MS, ms + 3 * DAY_MS) };
}

// With a loaded core, for callers that cannot wait (a drop on the calendar).
export function resolveWallTimeWith(core, timeZone, { local, utc }) {
  if (utc !== undefined) {
    const ms = Date.parse(String(utc).replace(' ', 'T') + (/[zZ]|[+-]\d\d:?\d\d$/.test(utc) ? '' : 'Z'));
    return parseCoreAnswer(core.resolveWallTime(JSON.stringify({ zone: zoneAround(timeZone, ms), utc })));
  }
  const ms = Date.parse(`${String(local ?? '').replace(' ', 'T').slice(0, 16)}:00Z`);
  const zone = Number.isFinite(ms) ? zoneAround(timeZone, ms) : null;
  return parseCoreAnswer(core.resolveWallTime(JSON.stringify({ zone, local })));
}

// "2026-12-23T09:00" in `timeZone` -> {ok, kind: 'ordinary'|'overlap'|'gap', utc?, message?, offset_seconds?}
export async function wallTimeToUtc(timeZone, local) {
  return resolveWallTimeWith(await loadCore(), timeZone, { local });
}

// An instant (ISO, or the API's "2026-12-23 00:00:00") -> {local, date, time, offset_seconds} in `timeZone`.
export async function utcToWallTime(timeZone, utc) {
  return resolveWallTimeWith(await loadCore(), timeZone, { utc });
}
