// Times in a person's display zone. The core turns a wall time typed in a zone into the UTC
// instant the API stores (refusing one the clocks jump over, taking the first of one that happens
// twice) and back; the shell supplies what only Intl knows, the zone's offsets around that time
// (resolveWallTimeWith, in calendar.js beside the offset finder).
import { loadCore } from './core.js';
import { resolveWallTimeWith } from './calendar.js';

export { resolveWallTimeWith };

// "2026-12-23T09:00" in `timeZone` -> {ok, kind: 'ordinary'|'overlap'|'gap', utc?, message?, offset_seconds?}
export async function wallTimeToUtc(timeZone, local) {
  return resolveWallTimeWith(await loadCore(), timeZone, { local });
}

// An instant (ISO, or the API's "2026-12-23 00:00:00") -> {local, date, time, offset_seconds, words}
// in `timeZone`; words: "23 Dec 2026, 09:00 Asia/Tokyo (00:00 UTC)".
export async function utcToWallTime(timeZone, utc) {
  return resolveWallTimeWith(await loadCore(), timeZone, { utc });
}
