// The offline preview file: ONE HTML page (inline style, script and data; its CSP forbids every
// fetch) showing a snapshot's calendar. The months (or weeks) are computed by the core when the
// file is made and embedded as data (which periods a file holds is the core's too); the page's
// small script only paints them and moves between them, with the widget's date and clock helpers
// (calendar-dates.js, their source embedded). Written by `trypost preview` and by the dashboard's
// "Offline preview".
import { clockWith, dateOf, previewPeriods } from './calendar-dates.js';

const STYLE = `
:root { --brand: #4f46e5; --bg: #ffffff; --text: #111827; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: var(--bg); color: var(--text); }
header { display: flex; align-items: center; gap: .75rem; padding: .75rem 1rem; border-bottom: 3px solid var(--brand); }
.logo { width: 2.25rem; height: 2.25rem; border-radius: .5rem; background: var(--brand); color: #fff; display: grid; place-items: center; font-weight: 700; object-fit: cover; flex: none; }
header h1 { font-size: 1.1rem; margin: 0; flex: 1; min-width: 0; overflow-wrap: anywhere; }
nav { display: flex; align-items: center; flex-wrap: wrap; gap: .5rem; padding: .5rem 1rem; }
nav h2 { font-size: 1.05rem; margin: 0 .5rem; min-width: 0; flex: 0 1 14rem; text-align: center; }
button { font: inherit; padding: .3rem .7rem; border: 1px solid var(--brand); background: transparent; color: var(--brand); border-radius: .4rem; cursor: pointer; flex: none; }
button:disabled { opacity: .4; cursor: default; }
.zone { margin-left: auto; opacity: .7; font-size: .85rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th { font-weight: 600; font-size: .8rem; padding: .3rem; text-align: left; border-bottom: 1px solid #d1d5db; }
th.wk, td.wk { width: 2.5rem; text-align: center; opacity: .6; font-size: .75rem; }
td { vertical-align: top; border: 1px solid #e5e7eb; height: 6.5rem; padding: .25rem; overflow: hidden; }
td.out { opacity: .45; }
.num { font-size: .75rem; font-weight: 600; }
.num .wd { display: none; }
.post { display: flex; gap: .25rem; align-items: baseline; font-size: .75rem; white-space: nowrap; overflow: hidden; border-left: 3px solid var(--brand); padding-left: .25rem; margin-top: .15rem; }
.post .t { font-variant-numeric: tabular-nums; opacity: .75; flex: none; }
.post .n { font-size: .85em; opacity: .75; white-space: nowrap; }
.post .x { min-width: 0; overflow: hidden; text-overflow: ellipsis; }
.post.published { border-left-color: #22c55e; } .post.failed { border-left-color: #ef4444; } .post.draft { border-left-style: dashed; }
.dot { width: .5rem; height: .5rem; border-radius: 50%; display: inline-block; flex: none; }
.more { font-size: .72rem; opacity: .75; margin-top: .15rem; }
table.week td { height: auto; min-height: 12rem; }
table.week .post { white-space: normal; align-items: flex-start; flex-wrap: wrap; }
table.week .post .x { flex: 1 1 100%; overflow-wrap: anywhere; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; }
section.unscheduled { padding: .5rem 1rem; }
section.unscheduled h3 { font-size: .9rem; margin: .5rem 0; }
footer { padding: .5rem 1rem; font-size: .75rem; opacity: .6; }
/* A phone: the grid becomes a list of days, each post on its own lines, so nothing is cut. */
@media (max-width: 40rem) {
  header, nav { padding-left: .75rem; padding-right: .75rem; }
  nav h2 { flex: 1 1 0; margin: 0; font-size: 1rem; }
  .zone { flex: 1 0 100%; margin: 0; text-align: center; }
  #grid, #grid tbody, #grid tr { display: block; }
  #grid thead, #grid td.wk, #grid td.out { display: none; }
  #grid td { display: flex; gap: .5rem; height: auto; min-height: 0; border: 0; border-top: 1px solid #e5e7eb; padding: .4rem .75rem; }
  #grid .num { flex: 0 0 3.5rem; font-size: .8rem; }
  #grid .num .wd { display: inline; font-weight: 400; opacity: .75; margin-right: .25rem; }
  #grid .list { flex: 1 1 0; min-width: 0; }
  #grid .post { white-space: normal; flex-wrap: wrap; font-size: .8rem; margin-top: 0; margin-bottom: .2rem; }
  #grid .post .x { flex: 1 1 12rem; overflow-wrap: anywhere; display: block; -webkit-line-clamp: none; }
  section.unscheduled { padding: .5rem .75rem; }
  section.unscheduled .post { white-space: normal; flex-wrap: wrap; }
  section.unscheduled .post .x { overflow-wrap: anywhere; }
}
`;

// Runs in the preview page: paints the pre-computed periods; no fetch, no eval, no innerHTML.
// Names of months and days and the times follow the file's language (Intl: "03:30 PM" in
// English, "15:30" in French), as the widget and the dashboard do.
const SCRIPT = `
(() => {
  const data = JSON.parse(document.getElementById('calendar-data').textContent);
  const lang = data.lang || 'en';
  document.documentElement.lang = lang;
  const fmt = (o) => { try { return new Intl.DateTimeFormat(lang, Object.assign({ timeZone: 'UTC' }, o)); } catch (e) { return new Intl.DateTimeFormat('en', Object.assign({ timeZone: 'UTC' }, o)); } };
  const monthFmt = fmt({ month: 'long', year: 'numeric' });
  const dayFmt = fmt({ weekday: 'short' });
  const timeFmt = fmt({ hour: '2-digit', minute: '2-digit' });
  const utc = ${dateOf};
  const clockWith = ${clockWith};
  const DAYS = [0, 1, 2, 3, 4, 5, 6].map((i) => dayFmt.format(Date.UTC(2024, 0, 1 + i)));
  const clock = (t) => clockWith(timeFmt, t);
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
    if (v.view === 'month') return monthFmt.format(utc(v.date));
    return 'Week ' + v.weeks[0].iso_week + ', ' + v.weeks[0].iso_year;
  };
  const postRow = (v, id) => {
    const p = v.posts[id];
    const row = el('div', 'post ' + p.status);
    const nets = p.platforms.map((x) => (v.networks && v.networks[x]) || x).join(', ');
    row.title = (p.at || '') + ' ' + ((v.statuses && v.statuses[p.status]) || p.status) + ' ' + nets + ': ' + (p.excerpt || '(no text)');
    for (const l of p.labels) { const dot = el('span', 'dot'); const lab = v.labels[l]; if (lab && lab.color) dot.style.background = lab.color; dot.title = lab ? lab.name : l; row.append(dot); }
    if (p.time) row.append(el('span', 't', clock(p.time)));
    row.append(el('span', 'x', p.excerpt || '(no text)'));
    row.append(el('span', 'n', nets));
    return row;
  };
  function paint() {
    const v = data.views[at];
    title.textContent = label(v);
    prev.disabled = at === 0; next.disabled = at === data.views.length - 1;
    grid.replaceChildren();
    grid.className = v.view === 'week' ? 'week' : 'month';
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
        const num = el('div', 'num');
        num.append(el('span', 'wd', dayFmt.format(utc(d.date))), String(Number(d.date.slice(8))));
        const list = el('div', 'list');
        for (const id of d.post_ids) list.append(postRow(v, id));
        if (d.hidden > 0) list.append(el('div', 'more', '+' + d.hidden + ' more'));
        td.append(num, list);
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

// CSP hashes with WebCrypto, so the same file is written by the CLI (Node) and the dashboard.
async function sha256(text) {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let bin = '';
  for (const b of digest) bin += String.fromCharCode(b);
  return `'sha256-${btoa(bin)}'`;
}

export async function renderPreviewHtml(data) {
  // "<" is escaped so no post text can close the data block.
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const csp = [
    "default-src 'none'",
    `script-src ${await sha256(SCRIPT)}`,
    `style-src ${await sha256(STYLE)}`,
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

// The file's data: every period from the first to the last post around `date`, each the core's
// view with details. `query` holds the core's names (time_zone, week_start, max_rows, ...);
// `lang` (a BCP 47 tag) sets the names and the time format the file shows.
export function previewData(calendar, snapshot, { view = 'month', date, lang = 'en', ...query }) {
  const { dates, start } = previewPeriods(calendar.core, view, date, calendar.summary, query.time_zone !== undefined && query.time_zone !== 'UTC');
  const views = dates.map((d) => calendar.view({ ...query, view, date: d, details: true }));
  return {
    data: { workspace: snapshot.workspace, zone: query.time_zone ?? 'UTC', week_start: query.week_start ?? 'monday', lang, start, views },
    dates,
  };
}
