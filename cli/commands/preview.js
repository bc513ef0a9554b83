// trypost preview: one self-contained HTML file showing a snapshot's calendar, for offline
// viewing. The months (or weeks) are computed by the core here and embedded as data; the page's
// small inline script only paints them and moves between them. Its CSP forbids every fetch.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseCommandArgs, readStdin, UsageError } from '../args.js';
import { Calendar, importSnapshot } from '../../web/sdk/calendar.js';
import { queryFromArgs } from './calendar.js';

export const summary = 'write an offline HTML preview of the calendar snapshot on stdin';

export const help = `usage: trypost preview --date YYYY-MM-DD [--view month|week] --out FILE.html < snapshot.json

Writes ONE HTML file (inline style, script and data; no network access at all) showing the
workspace's calendar in its brand colours, opening on --date, with buttons to move between
months (or weeks). Periods from the first to the last post are included (at most 60 months or
260 weeks around --date).

  --date YYYY-MM-DD   the period shown first
  --view VIEW         month (default) or week
  --out FILE          where to write the HTML
  --tz ZONE           display zone (default UTC)
  --week-start DAY    monday (default) or sunday
  --max-rows N        rows per day cell, "+N more" included (default 4)`;

const options = {
  date: { type: 'string' },
  view: { type: 'string', default: 'month' },
  out: { type: 'string' },
  tz: { type: 'string' },
  'week-start': { type: 'string', default: 'monday' },
  'max-rows': { type: 'string', default: '4' },
};

const MAX_MONTHS = 60;
const MAX_WEEKS = 260;

function ymd(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

// Month starts (or week anchors) from the first to the last post, always including `date`.
// With a display zone, a post near a period's edge may fall in the next (or previous) local one:
// widen by the largest offset any zone has.
function periods(view, date, summary, zoned) {
  const [y, m, d] = date.split('-').map(Number);
  const anchor = Date.UTC(y, m - 1, d);
  const pad = zoned ? 14 * 3_600_000 : 0;
  const first = summary.first ? Date.parse(summary.first) - pad : anchor;
  const last = summary.last ? Date.parse(summary.last) + pad : anchor;
  const out = [];
  if (view === 'month') {
    const index = (ms) => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth();
    const a = index(anchor);
    const lo = Math.max(Math.min(index(first), a), a - MAX_MONTHS / 2);
    const hi = Math.min(Math.max(index(last), a), lo + MAX_MONTHS - 1);
    for (let i = lo; i <= hi; i++) out.push(ymd(Date.UTC(Math.floor(i / 12), i % 12, 1)));
    return { dates: out, start: a - lo };
  }
  const week = 7 * 86_400_000;
  const back = Math.min(Math.max(0, Math.ceil((anchor - first) / week)), MAX_WEEKS / 2);
  const ahead = Math.min(Math.max(0, Math.ceil((last - anchor) / week)), MAX_WEEKS - back - 1);
  for (let i = -back; i <= ahead; i++) out.push(ymd(anchor + i * week));
  return { dates: out, start: back };
}

const STYLE = `
:root { --brand: #4f46e5; --bg: #ffffff; --text: #111827; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: var(--bg); color: var(--text); }
header { display: flex; align-items: center; gap: .75rem; padding: .75rem 1rem; border-bottom: 3px solid var(--brand); }
.logo { width: 2.25rem; height: 2.25rem; border-radius: .5rem; background: var(--brand); color: #fff; display: grid; place-items: center; font-weight: 700; object-fit: cover; }
header h1 { font-size: 1.1rem; margin: 0; flex: 1; }
nav { display: flex; align-items: center; gap: .5rem; padding: .5rem 1rem; }
nav h2 { font-size: 1.05rem; margin: 0 .5rem; min-width: 12rem; text-align: center; }
button { font: inherit; padding: .3rem .7rem; border: 1px solid var(--brand); background: transparent; color: var(--brand); border-radius: .4rem; cursor: pointer; }
button:disabled { opacity: .4; cursor: default; }
.zone { margin-left: auto; opacity: .7; font-size: .85rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th { font-weight: 600; font-size: .8rem; padding: .3rem; text-align: left; border-bottom: 1px solid #d1d5db; }
th.wk, td.wk { width: 2.5rem; text-align: center; opacity: .6; font-size: .75rem; }
td { vertical-align: top; border: 1px solid #e5e7eb; height: 6.5rem; padding: .25rem; overflow: hidden; }
td.out { opacity: .45; }
.num { font-size: .75rem; font-weight: 600; }
.post { display: flex; gap: .25rem; align-items: baseline; font-size: .75rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-left: 3px solid var(--brand); padding-left: .25rem; margin-top: .15rem; }
.post .t { font-variant-numeric: tabular-nums; opacity: .75; }
.post .n { font-size: .85em; opacity: .75; white-space: nowrap; }
.post.published { border-left-color: #22c55e; } .post.failed { border-left-color: #ef4444; } .post.draft { border-left-style: dashed; }
.dot { width: .5rem; height: .5rem; border-radius: 50%; display: inline-block; flex: none; }
.more { font-size: .72rem; opacity: .75; margin-top: .15rem; }
section.unscheduled { padding: .5rem 1rem; }
section.unscheduled h3 { font-size: .9rem; margin: .5rem 0; }
footer { padding: .5rem 1rem; font-size: .75rem; opacity: .6; }
`;

// Runs in the preview page: paints the pre-computed periods; no fetch, no eval, no innerHTML.
const SCRIPT = `
(() => {
  const data = JSON.parse(document.getElementById('calendar-data').textContent);
  const MONTHS = ['January','February','March','April','May','June','July','August','September','October','November','December'];
  const DAYS = ['Mon','Tue','Wed','Thu','Fri','Sat','Sun'];
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  const root = document.documentElement.style;
  const b = data.workspace.brand || {};
  if (b.primary) root.setProperty('--brand', b.primary);
  if (b.background) root.setProperty('--bg', b.background);
  if (b.text) root.setProperty('--text', b.text);
  document.getElementById('ws-name').textContent = data.workspace.name;
  document.title = data.workspace.name + ' \\u2014 calendar preview';
  const logo = document.getElementById('logo');
  if (data.workspace.logo_url && data.workspace.logo_url.startsWith('data:image/')) {
    const img = el('img', 'logo'); img.alt = ''; img.src = data.workspace.logo_url; logo.replaceWith(img);
  } else logo.textContent = (data.workspace.name.trim()[0] || '?').toUpperCase();
  document.getElementById('zone').textContent = 'Times in ' + data.zone;
  let at = data.start;
  const title = document.getElementById('period');
  const prev = document.getElementById('prev'), next = document.getElementById('next');
  const grid = document.getElementById('grid');
  const label = (v) => {
    const d = v.date.split('-').map(Number);
    if (v.view === 'month') return MONTHS[d[1] - 1] + ' ' + d[0];
    return 'Week ' + v.weeks[0].iso_week + ', ' + v.weeks[0].iso_year;
  };
  const postRow = (v, id) => {
    const p = v.posts[id];
    const row = el('div', 'post ' + p.status);
    const nets = p.platforms.map((x) => (v.networks && v.networks[x]) || x).join(', ');
    row.title = (p.at || '') + ' ' + p.status.replace('_', ' ') + ' ' + nets + ': ' + (p.excerpt || '(no text)');
    for (const l of p.labels) { const dot = el('span', 'dot'); const lab = v.labels[l]; if (lab && lab.color) dot.style.background = lab.color; dot.title = lab ? lab.name : l; row.append(dot); }
    if (p.time) row.append(el('span', 't', p.time));
    row.append(el('span', 'x', p.excerpt || '(no text)'));
    row.append(el('span', 'n', nets));
    return row;
  };
  function paint() {
    const v = data.views[at];
    title.textContent = label(v);
    prev.disabled = at === 0; next.disabled = at === data.views.length - 1;
    grid.replaceChildren();
    const head = el('tr'); head.append(el('th', 'wk', 'Wk'));
    const order = data.week_start === 'sunday' ? [6,0,1,2,3,4,5] : [0,1,2,3,4,5,6];
    for (const i of order) head.append(el('th', '', DAYS[i]));
    const thead = el('thead'); thead.append(head); grid.append(thead);
    const body = el('tbody');
    for (const w of v.weeks) {
      const tr = el('tr'); tr.append(el('td', 'wk', String(w.iso_week)));
      for (const d of w.days) {
        const td = el('td', d.in_month === false ? 'out' : '');
        td.dataset.date = d.date;
        td.append(el('div', 'num', String(Number(d.date.slice(8)))));
        for (const id of d.post_ids) td.append(postRow(v, id));
        if (d.hidden > 0) td.append(el('div', 'more', '+' + d.hidden + ' more'));
        tr.append(td);
      }
      body.append(tr);
    }
    grid.append(body);
    const un = document.getElementById('unscheduled-list');
    un.replaceChildren();
    for (const id of v.unscheduled) un.append(postRow(v, id));
    document.getElementById('unscheduled').hidden = v.unscheduled.length === 0;
  }
  prev.addEventListener('click', () => { if (at > 0) { at--; paint(); } });
  next.addEventListener('click', () => { if (at < data.views.length - 1) { at++; paint(); } });
  document.addEventListener('keydown', (e) => { if (e.key === 'ArrowLeft') prev.click(); if (e.key === 'ArrowRight') next.click(); });
  paint();
})();
`;

const BODY = `<header><div id="logo" class="logo" aria-hidden="true"></div><h1 id="ws-name"></h1></header>
<nav><button id="prev" type="button" aria-label="Previous">&#8249; Previous</button><h2 id="period" aria-live="polite"></h2><button id="next" type="button" aria-label="Next">Next &#8250;</button><span id="zone" class="zone"></span></nav>
<main><table id="grid" aria-label="Calendar"></table>
<section id="unscheduled" class="unscheduled"><h3>Unscheduled</h3><div id="unscheduled-list"></div></section></main>
<footer>Offline preview generated by trypost. Nothing on this page reaches the network.</footer>`;

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function renderPreviewHtml(data) {
  // "<" is escaped so no post text can close the data block.
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(SCRIPT)}`,
    `style-src ${sha256(STYLE)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Calendar preview</title>
<style>${STYLE}</style>
</head>
<body>
${BODY}
<script type="application/json" id="calendar-data">${json}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

export async function run(args) {
  const v = parseCommandArgs(args, options);
  if (v.out === undefined) throw new UsageError('--out FILE.html is required');
  if (!['month', 'week'].includes(v.view)) throw new UsageError('--view must be month or week');
  const query = queryFromArgs(v);
  const snapshot = await importSnapshot(await readStdin());
  const cal = await Calendar.create(snapshot);
  try {
    const { dates, start } = periods(v.view, v.date, cal.summary, query.time_zone !== undefined);
    const views = dates.map((date) => cal.view({ ...query, date, details: true }));
    const data = {
      workspace: snapshot.workspace,
      zone: query.time_zone ?? 'UTC',
      week_start: query.week_start,
      start,
      views,
    };
    writeFileSync(v.out, renderPreviewHtml(data));
    process.stdout.write(JSON.stringify({ out: v.out, view: v.view, periods: views.length, first: dates[0], last: dates.at(-1), posts: cal.size }) + '\n');
  } finally {
    cal.dispose();
  }
  return 0;
}
