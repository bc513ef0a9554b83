// trypost calendar: a calendar view of the posts on stdin (a snapshot, {"posts": [...]} or an
// API page), computed by the core, printed as one JSON line.
import { parseCommandArgs, readStdin, UsageError } from '../args.js';
import { Calendar } from '../../web/sdk/calendar.js';

export const summary = 'calendar view (month, week, day, list) of posts read on stdin';

export const help = `usage: trypost calendar --view month|week|day|list --date YYYY-MM-DD [options] < posts.json

Reads a calendar snapshot, {"posts": [...]} or an API page {"data": [...]} on stdin and prints
the view as one JSON line. Times are UTC unless --tz names an IANA zone.

  --view VIEW            month (default), week, day or list
  --date YYYY-MM-DD      the day the view shows or contains (optional for list)
  --tz ZONE              display zone, e.g. Europe/Paris (a lens: stored times never change)
  --week-start DAY       monday (default) or sunday
  --max-rows N           rows per day cell, the "+N more" row included (0: no cap)
  --max-columns N        overlap columns per day in the week/day time grid (0: no cap)
  --duration MINUTES     nominal length of a post for overlap (default 30)
  --page-size N          list view page size (default 50)
  --cursor TEXT          list view: the "next" of the previous page
  --filter-label ID      keep posts with this label (repeat the flag or use a,b: any of them)
  --filter-account ID    keep posts for this social account (repeatable)
  --filter-platform P    keep posts for this platform (repeatable)
  --filter-status S      keep posts with this status (repeatable)
  --details              add "posts" and "labels" maps (what a painter needs)`;

const options = {
  view: { type: 'string', default: 'month' },
  date: { type: 'string' },
  tz: { type: 'string' },
  'week-start': { type: 'string', default: 'monday' },
  'max-rows': { type: 'string' },
  'max-columns': { type: 'string' },
  duration: { type: 'string' },
  'page-size': { type: 'string' },
  cursor: { type: 'string' },
  'filter-label': { type: 'string', multiple: true },
  'filter-account': { type: 'string', multiple: true },
  'filter-platform': { type: 'string', multiple: true },
  'filter-status': { type: 'string', multiple: true },
  details: { type: 'boolean', default: false },
};

function whole(name, text) {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number`);
  return Number(text);
}

// Shared with `trypost preview`: command-line values to the core's query names.
export function queryFromArgs(v) {
  if (!['month', 'week', 'day', 'list'].includes(v.view)) throw new UsageError('--view must be month, week, day or list');
  if (v.view !== 'list' && v.date === undefined) throw new UsageError('--date YYYY-MM-DD is required');
  if (!['monday', 'sunday'].includes(v['week-start'])) throw new UsageError('--week-start must be monday or sunday');
  if (v.tz !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: v.tz });
    } catch {
      throw new UsageError(`--tz: unknown time zone "${v.tz}"`);
    }
  }
  const q = { view: v.view, week_start: v['week-start'] };
  if (v.date !== undefined) q.date = v.date;
  if (v.tz !== undefined) q.time_zone = v.tz;
  const n = {
    max_rows: whole('max-rows', v['max-rows']),
    max_columns: whole('max-columns', v['max-columns']),
    duration_minutes: whole('duration', v.duration),
    page_size: whole('page-size', v['page-size']),
  };
  for (const [k, val] of Object.entries(n)) if (val !== undefined) q[k] = val;
  if (v.cursor !== undefined) q.cursor = v.cursor;
  // Repeat a flag, or give several values at once: --filter-label a,b
  const values = (list) => list.flatMap((x) => x.split(',')).filter((x) => x !== '');
  const filters = {};
  if (v['filter-label']) filters.labels = values(v['filter-label']);
  if (v['filter-account']) filters.accounts = values(v['filter-account']);
  if (v['filter-platform']) filters.platforms = values(v['filter-platform']);
  if (v['filter-status']) filters.statuses = values(v['filter-status']);
  if (Object.keys(filters).length) q.filters = filters;
  if (v.details) q.details = true;
  return q;
}

export async function run(args) {
  const v = parseCommandArgs(args, options);
  const query = queryFromArgs(v);
  const input = await readStdin();
  const cal = await Calendar.create();
  try {
    cal.load(input);
    const text = cal.viewText(query);
    const answer = JSON.parse(text);
    if (answer.error) {
      console.error(`trypost calendar: ${answer.error}`);
      return 1;
    }
    process.stdout.write(text + '\n');
  } finally {
    cal.dispose();
  }
  return 0;
}
