// The content calendar in the shell: holds one core CalendarIndex per workspace (posts parsed
// once), asks it for views, and supplies the one thing the core cannot know: the UTC offsets of
// a display zone, found with Intl over the range a view shows. Every date rule is the core's.
import { loadCore, parseCoreAnswer } from './core.js';
import { apiTimeMs } from './calendar-dates.js';

const DAY_MS = 86_400_000;
const formatters = new Map();

function offsetFormatter(timeZone) {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for a zone name Intl does not know: the caller hears about it at once.
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset', year: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

// The UTC offset (seconds) of `timeZone` at instant `ms`, read from Intl's "GMT+05:45" form.
export function zoneOffsetAt(timeZone, ms) {
  const part = offsetFormatter(timeZone).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName');
  const m = /^GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/.exec(part?.value ?? '');
  if (!m) throw new RangeError(`cannot read the UTC offset of ${timeZone} from "${part?.value}"`);
  if (!m[1]) return 0;
  const s = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -s : s;
}

// Offset changes of `timeZone` between two instants, as the core wants them:
// [{at_utc: seconds, offset_seconds}], the first entry giving the offset in force at `startMs`.
// Sampling every 6 hours finds every change (no zone changes twice within 6 hours); bisection then
// pins each one to the second.
export function zoneTransitions(timeZone, startMs, endMs, stepMs = 6 * 3600_000) {
  const start = Math.floor(startMs / 1000) * 1000;
  let prevMs = start;
  let prevOff = zoneOffsetAt(timeZone, start);
  const out = [{ at_utc: start / 1000, offset_seconds: prevOff }];
  for (let t = start + stepMs; prevMs < endMs; t += stepMs) {
    const ms = Math.min(t, Math.ceil(endMs / 1000) * 1000);
    const off = zoneOffsetAt(timeZone, ms);
    if (off !== prevOff) {
      let lo = prevMs; // offset prevOff here
      let hi = ms; // offset changed by here
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (zoneOffsetAt(timeZone, mid) === prevOff) lo = mid;
        else hi = mid;
      }
      out.push({ at_utc: hi / 1000, offset_seconds: zoneOffsetAt(timeZone, hi) });
    }
    prevMs = ms;
    prevOff = off;
  }
  return out;
}

const isUtc = (tz) => tz === undefined || tz === null || tz === '' || tz === 'UTC' || tz === 'Etc/UTC';

// The instants whose offsets a view in a zone reads: the core's answer (the view's days and a
// margin; for a list, its posts from first to last, or the clock). Only the Intl search below is
// bounded by it. The answers are kept per question: a view asked again costs no core call.
function zoneWindow(core, query, summary, known) {
  const ask = {
    view: query.view ?? 'month', date: query.date ?? null, week_start: query.week_start ?? null,
    first: summary?.first ?? null, last: summary?.last ?? null,
  };
  // The clock only where the posts do not bound a list: any other question stays the same.
  if (ask.view === 'list' && (!ask.first || !ask.last)) ask.now_ms = Date.now();
  const text = JSON.stringify(ask);
  let span = known.get(text);
  if (!span) {
    const answer = parseCoreAnswer(core.computeZoneSpan(text));
    span = [answer.from_ms, answer.to_ms];
    if (known.size > 64) known.clear();
    if (ask.now_ms === undefined) known.set(text, span);
  }
  return span;
}

// A safety net only: an index that is dropped without dispose() still frees its WASM memory.
const leaked = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry((index) => index.delete()) : null;

const asText = (doc) => (typeof doc === 'string' ? doc : JSON.stringify(doc));

// A core clock change ({from_minute, to_minute}, wall-clock minutes of the day) in words: "clocks
// go forward 1 hour at 02:00". `clock` formats a time of day (default: 24-hour HH:MM).
const hhmm = (minute) => `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
export function clockChangeText({ from_minute: from, to_minute: to }, clock = null) {
  const shift = Math.abs(to - from);
  const amount = shift % 60 === 0 ? `${shift / 60} hour${shift === 60 ? '' : 's'}` : `${shift} minutes`;
  const at = clock ? clock.format(Date.UTC(2000, 0, 1, 0, from)) : hhmm(from);
  return `clocks go ${to > from ? 'forward' : 'back'} ${amount} at ${at}`;
}

// A wall time typed in `timeZone` ({local}) -> the UTC instant or why it does not exist; an
// instant ({utc}) -> its wall time (core.resolveWallTime, the whole core only). The zone's
// offsets over a week around the time are found with Intl: any change near it is inside.
export function resolveWallTimeWith(core, timeZone, { local, utc }) {
  const around = (ms) => (isUtc(timeZone) || !Number.isFinite(ms) ? null
    : { name: timeZone, transitions: zoneTransitions(timeZone, ms - 3 * DAY_MS, ms + 3 * DAY_MS) });
  if (utc !== undefined) {
    const ms = apiTimeMs(core, String(utc));
    return parseCoreAnswer(core.resolveWallTime(JSON.stringify({ zone: around(ms), utc })));
  }
  // Date.parse only bounds the Intl search around the typed time; the core reads the time itself.
  const ms = Date.parse(`${String(local ?? '').replace(' ', 'T').slice(0, 16)}:00Z`);
  return parseCoreAnswer(core.resolveWallTime(JSON.stringify({ zone: around(ms), local })));
}

export class Calendar {
  #core;
  #index;
  #summary = null;
  #zoneCache = new Map();
  #spanCache = new Map();

  constructor(core) {
    this.#core = core;
    this.#index = new core.CalendarIndex();
    leaked?.register(this, this.#index, this);
  }

  // Posts of one workspace: a snapshot, {"posts": [...]}, an API page {"data": [...]} or an array.
  static async create(doc, options) {
    const cal = new Calendar(await loadCore(options));
    if (doc !== undefined) {
      try {
        cal.load(doc);
      } catch (err) {
        cal.dispose();
        throw err;
      }
    }
    return cal;
  }

  load(doc) {
    this.#summary = parseCoreAnswer(this.#index.load(asText(doc)));
    return this.#summary;
  }

  // Posts added or replaced by id (an edit the server answered), without reading every post
  // again; a damaged one refuses the list and changes nothing. -> the summary, as load.
  upsert(posts) {
    this.#summary = parseCoreAnswer(this.#index.upsert(asText(Array.isArray(posts) ? posts : [posts])));
    return this.#summary;
  }

  // Posts taken out by id (a delete the server answered), again without reading every post.
  // An id the index does not hold is already gone. -> the summary, as load.
  remove(ids) {
    this.#summary = parseCoreAnswer(this.#index.remove(JSON.stringify(Array.isArray(ids) ? ids : [ids])));
    return this.#summary;
  }

  // The core module this calendar's index lives in: the date helpers (calendar-dates.js) ask it.
  get core() {
    return this.#core;
  }

  get summary() {
    return this.#summary;
  }

  get size() {
    return this.#index.size();
  }

  // The query in the core's names (view, date, week_start, max_rows, max_columns,
  // duration_minutes, page_size, cursor, filters, details) plus time_zone, an IANA name.
  view(query) {
    return parseCoreAnswer(this.viewText(query));
  }

  viewText(query) {
    const { time_zone: tz, ...rest } = query;
    if (!isUtc(tz)) rest.zone = this.zoneFor(tz, query);
    return this.#index.view(JSON.stringify(rest));
  }

  zoneFor(timeZone, query) {
    const [from, to] = zoneWindow(this.#core, query, this.#summary, this.#spanCache);
    const key = `${timeZone}|${from}|${to}`;
    let zone = this.#zoneCache.get(key);
    if (!zone) {
      zone = { name: timeZone, transitions: zoneTransitions(timeZone, from, to) };
      if (this.#zoneCache.size > 32) this.#zoneCache.clear();
      this.#zoneCache.set(key, zone);
    }
    return zone;
  }

  // {post_id, new_time, now?, role | can_edit, time_zone?} -> {ok, request?, reasons, warnings};
  // a refusal quotes its times in time_zone (an IANA name).
  planMove(request) {
    const { time_zone: tz, ...rest } = request;
    const now = rest.now ?? new Date().toISOString();
    if (!isUtc(tz)) {
      // Date.parse only bounds the Intl search for the zone's offsets; the core reads both times.
      const a = Date.parse(rest.new_time);
      const b = Date.parse(now);
      if (Number.isFinite(a) && Number.isFinite(b)) rest.zone = { name: tz, transitions: zoneTransitions(tz, Math.min(a, b) - DAY_MS, Math.max(a, b) + DAY_MS) };
    }
    return parseCoreAnswer(this.#index.planMove(JSON.stringify({ ...rest, now })));
  }

  // A wall time typed in time zone `timeZone` ({local}) -> the UTC instant, or why it does not
  // exist; or an instant ({utc}) -> its wall time. Needs the whole core (not the widget's).
  resolveWallTime(timeZone, input) {
    return resolveWallTimeWith(this.#core, timeZone, input);
  }

  dispose() {
    if (this.#index) {
      leaked?.unregister(this);
      this.#index.delete();
      this.#index = null;
    }
  }
}

export async function createCalendar(doc, options) {
  return Calendar.create(doc, options);
}

// {workspace: {name, logo_url, brand: {primary, background, text}}, accounts, labels, posts}
// -> the snapshot file as an object (credential-like fields removed by the core).
export async function exportSnapshot(workspace) {
  const core = await loadCore();
  return parseCoreAnswer(core.exportSnapshot(asText(workspace)));
}

// Validates a snapshot file's text; a newer or damaged file throws a CoreError with the reason.
export async function importSnapshot(text) {
  const core = await loadCore();
  return parseCoreAnswer(core.importSnapshot(asText(text)));
}

// The same decision without an index: {post, new_time, now?, role | can_edit, others: [posts]}.
export async function planMove(request) {
  const core = await loadCore();
  const now = request.now ?? new Date().toISOString();
  return parseCoreAnswer(core.planCalendarMove(JSON.stringify({ ...request, now })));
}
