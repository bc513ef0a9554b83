// Calendar dates for the three renderers: the dashboard's calendar, the <trypost-calendar> widget
// and the offline preview file. Which days a view shows, which instants hold them, where the
// previous and next buttons go, how a date steps by days or months, which periods a preview file
// holds and what instant an API time names are the core's (calendar_window.hpp): these functions
// ask it. What only the platform knows stays here: today's date in a zone (the clock and Intl's
// zone data) and dates and times written in the reader's language (Intl). And the one thing an
// entry shows that is no date, shared by the dashboard and the widget: a network badge's mark.
import { parseCoreAnswer } from './core.js';

// Intl formatters are costly to build (tens of ms per render otherwise): one per (locale, options).
const formatCache = new Map();
export function dateFormat(locale, options) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    if (formatCache.size > 64) formatCache.clear();
    formatCache.set(key, f);
  }
  return f;
}

// "YYYY-MM-DD" -> a Date at midnight UTC, to be written by a formatter in UTC; null otherwise.
// Self-contained: the preview file's script embeds its source.
export function dateOf(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

// The core's "HH:MM" wall-clock time written by `format` (a formatter in UTC with hour and
// minute): "03:30 PM" in English, "15:30" in French. Self-contained, like dateOf.
export function clockWith(format, hhmm) {
  const m = /^(\d{1,2}):(\d{2})/.exec(hhmm ?? '');
  return m ? format.format(Date.UTC(2000, 0, 1, Number(m[1]), Number(m[2]))) : (hhmm ?? '');
}

// The time-of-day formatter of a locale, its own hour cycle included.
export const clockFormat = (locale) => dateFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
export const clockText = (hhmm, locale) => clockWith(clockFormat(locale), hhmm);

const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

// Today's date in a zone, asked a few times per paint: kept until the minute ends (a local date
// only ever changes on a minute boundary). UTC needs no Intl, whose first formatter costs a fresh
// page 30-50 ms; a zone Intl does not know falls back to UTC.
const todayCache = new Map();
export function todayIn(timeZone) {
  const now = Date.now();
  if (!timeZone || timeZone === 'UTC') return isoDay(now);
  const cached = todayCache.get(timeZone);
  if (cached && now < cached.until) return cached.value;
  let value;
  try {
    const parts = dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(now));
    const get = (t) => parts.find((p) => p.type === t).value;
    value = `${get('year')}-${get('month')}-${get('day')}`;
  } catch {
    return isoDay(now);
  }
  todayCache.set(timeZone, { value, until: now - (now % 60000) + 60000 });
  return value;
}

// {view, date, week_start?, zone? ({name, transitions}), any_zone?} ->
// {first, last, days, from, to, from_ms, to_ms, previous, next}: the days a view shows, the
// instants holding them (with any_zone, widened to cover them in every zone) and the anchors of
// the periods before and after it.
export function calendarWindow(core, query) {
  return parseCoreAnswer(core.computeCalendarWindow(JSON.stringify(query)));
}

// A date moved by {days?, months?} (a month on keeps the day, or the month's last day) or by
// {view, step} as that view's previous/next buttons move it (a month to its 1st). -> "YYYY-MM-DD".
// The answers are kept (a few hundred, per core module): a widget steps between the same months
// again and again, and its idle work asks for the neighbours of each month it shows.
const shifts = new WeakMap(); // core -> Map(request text -> date)
export function shiftDate(core, date, by) {
  const request = JSON.stringify({ ...by, date });
  let known = shifts.get(core);
  if (!known) shifts.set(core, (known = new Map()));
  let answer = known.get(request);
  if (answer === undefined) {
    answer = parseCoreAnswer(core.shiftCalendarDate(request)).date;
    if (known.size > 256) known.clear();
    known.set(request, answer);
  }
  return answer;
}

// The anchors of the months (or weeks) a preview file holds, from the first post to the last,
// always with `date`'s: {dates, start (the index of date's period)}.
export function previewPeriods(core, view, date, summary, zoned) {
  return parseCoreAnswer(core.listPreviewPeriods(JSON.stringify({ view, date, first: summary?.first ?? null, last: summary?.last ?? null, zoned })));
}

// Whole days from `date` to `until` (both "YYYY-MM-DD"; negative when `until` is earlier).
export function daysBetween(core, date, until) {
  return parseCoreAnswer(core.shiftCalendarDate(JSON.stringify({ date, until }))).days_until;
}

// An API time ("2026-05-10 15:30:00" is UTC; ISO with an offset) -> milliseconds, NaN when it is
// not one.
export function apiTimeMs(core, text) {
  return typeof text === 'string' ? core.parseApiTime(text) : NaN;
}

// Calendar dates in English (en-GB) from tables, for the dashboard's first paint: a day of the
// calendar needs no zone data, and the first Intl formatter a fresh renderer builds costs 30-50 ms
// while ICU starts up, which a new tab's first paint would wait for.
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// "30 November 2026"
export const englishDay = (date) => { const d = dateOf(date); return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`; };
// "Monday, 30 November 2026"
export const englishDate = (date) => `${WEEKDAY_NAMES[dateOf(date).getUTCDay()]}, ${englishDay(date)}`;
// "Mon": a day's short weekday name, for a grid's column headers.
export const englishWeekday = (date) => WEEKDAY_NAMES[dateOf(date).getUTCDay()].slice(0, 3);
// "November 2026"
export const englishMonth = (date) => { const d = dateOf(date); return `${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`; };

// The short mark on a post's network badge, one table for the dashboard's calendar and the
// widget. Keyed by the network's API name: its words (the core's display names, which a screen
// reader hears and the badge's title shows) may be reworded, the mark not. A network the table
// does not know yet (one the API added since) shows its name's first letters.
const MARKS = {
  x: 'X', linkedin: 'in', 'linkedin-page': 'in', facebook: 'f', instagram: 'IG', 'instagram-facebook': 'IG', tiktok: 'TT',
  youtube: 'YT', threads: '@', pinterest: 'P', bluesky: 'BS', mastodon: 'M', telegram: 'TG', discord: 'DC',
};
export const networkMark = (platform) => MARKS[platform] ?? String(platform).slice(0, 2);
