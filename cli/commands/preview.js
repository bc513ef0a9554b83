// trypost preview: one self-contained HTML file showing a snapshot's calendar, for offline
// viewing (web/sdk/preview-file.js writes it; the dashboard's "Offline preview" writes the same).
import { writeFileSync } from 'node:fs';
import { parseCommandArgs, readStdin, UsageError } from '../args.js';
import { Calendar, importSnapshot } from '../../web/sdk/calendar.js';
import { previewData, renderPreviewHtml } from '../../web/sdk/preview-file.js';
import { queryFromArgs } from './calendar.js';

export const summary = 'write an offline HTML preview of the calendar snapshot on stdin';

export const help = `usage: trypost preview --date YYYY-MM[-DD] [--view month|week] --out FILE.html < snapshot.json

Writes ONE HTML file (inline style, script and data; no network access at all) showing the
workspace's calendar in its brand colours, opening on --date, with buttons to move between
months (or weeks). Periods from the first to the last post are included (at most 60 months or
260 weeks around --date).

  --date DATE         the period shown first: YYYY-MM (a month) or YYYY-MM-DD
  --view VIEW         month (default) or week
  --out FILE          where to write the HTML
  --tz ZONE           display zone (default UTC)
  --week-start DAY    monday (default) or sunday
  --max-rows N        rows per day cell, "+N more" included (default 4)
  --lang TAG          language of month and day names and of times (default en: "03:30 PM";
                      en-GB, fr, de, ...: "15:30")

The snapshot comes from trypost snapshot, the dashboard's "Export calendar" or the SDK:
  trypost snapshot --api URL --key KEY | trypost preview --date 2026-12 --out calendar.html`;

const options = {
  date: { type: 'string' },
  view: { type: 'string', default: 'month' },
  out: { type: 'string' },
  tz: { type: 'string' },
  'week-start': { type: 'string', default: 'monday' },
  'max-rows': { type: 'string', default: '4' },
  lang: { type: 'string', default: 'en' },
};

export async function run(args) {
  const v = parseCommandArgs(args, options);
  if (v.out === undefined) throw new UsageError('--out FILE.html is required');
  if (!['month', 'week'].includes(v.view)) throw new UsageError('--view must be month or week');
  // A month alone means its first day.
  if (v.date !== undefined && /^\d{4}-\d{2}$/.test(v.date)) v.date = `${v.date}-01`;
  const query = queryFromArgs(v);
  try {
    query.lang = Intl.getCanonicalLocales(v.lang)[0];
  } catch {
    throw new UsageError(`--lang: "${v.lang}" is not a language tag (en, en-GB, fr, ...)`);
  }
  const snapshot = await importSnapshot(await readStdin());
  const cal = await Calendar.create(snapshot);
  try {
    const { data, dates } = previewData(cal, snapshot, query);
    writeFileSync(v.out, await renderPreviewHtml(data));
    process.stdout.write(JSON.stringify({ out: v.out, view: v.view, periods: data.views.length, first: dates[0], last: dates.at(-1), posts: cal.size }) + '\n');
  } finally {
    cal.dispose();
  }
  return 0;
}
