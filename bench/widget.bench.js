// The widget against FullCalendar 7 (npm `fullcalendar` 7.1.0, month grid with dayMaxEventRows)
// in one Chromium run on the same 5,000 posts: first render in a fresh page, month-to-month
// switch (next month painted and laid out), and what a page downloads (gzip).
// Both pages are served by request interception from one fake origin, without a CSP (FullCalendar
// injects <style>, which a strict CSP would refuse). FullCalendar rows are skipped, with a message,
// when the package is not installed: `npm install --save-dev --save-exact fullcalendar@7.1.0`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/e2e/browser.js';
import { makeSnapshot } from '../tests/e2e/widget-data.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ORIGIN = 'http://bench.invalid';
const POSTS = 5000;
const DATE = '2026-05-15';
const MAX_ROWS = 4;
const FIRST_RENDER_RUNS = 5;
const SWITCHES = 24;
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.html': 'text/html' };
const WIDGET_FILES = ['web/widget/trypost-calendar.js', 'web/widget/styles.js', 'web/sdk/calendar.js', 'web/sdk/core.js', 'web/sdk/wasm/trypost-core.mjs', 'web/sdk/wasm/trypost-core.wasm'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const gzipBytes = (files) => files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);

// FullCalendar's "standard bundle" for script tags. v7: all/global.js plus a theme's global.js
// (Classic, the v6 look) and skeleton.css + the theme's theme.css and palette; v6: index.global.min.js.
// Minified files are taken when the package has them.
function findFullCalendar() {
  let dir;
  try {
    dir = join(createRequire(import.meta.url).resolve('fullcalendar/package.json'), '..');
  } catch {
    return null;
  }
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const first = (...names) => names.map((n) => join(dir, n)).find((f) => existsSync(f));
  const core = first('all/global.min.js', 'all/global.js', 'index.global.min.js', 'index.global.js');
  if (!core) return { error: `no script-tag (global) build found in ${dir}` };
  const theme = first('themes/classic/global.min.js', 'themes/classic/global.js');
  const css = [first('skeleton.css'), first('themes/classic/theme.css'), first('themes/classic/palette.css')].filter(Boolean);
  return { version: pkg.version, js: [core, theme].filter(Boolean), css };
}

const WIDGET_PAGE = `<!doctype html><html><head><meta charset="utf-8">
<script type="module" src="/web/widget/trypost-calendar.js"></script></head>
<body><div id="mount" style="width:1000px"></div></body></html>`;

function fcPage(fc) {
  return `<!doctype html><html><head><meta charset="utf-8">
${fc.css.map((_, i) => `<link rel="stylesheet" href="/fc/style${i}.css">`).join('\n')}
${fc.js.map((_, i) => `<script src="/fc/script${i}.js"></script>`).join('\n')}</head>
<body><div id="mount" style="width:1000px"></div></body></html>`;
}

async function servePages(context, snapshotText, fc) {
  await context.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/widget.html') return route.fulfill({ contentType: 'text/html', body: WIDGET_PAGE });
    if (path === '/fc.html' && fc) return route.fulfill({ contentType: 'text/html', body: fcPage(fc) });
    if (path === '/snapshot.json') return route.fulfill({ contentType: 'application/json', body: snapshotText });
    const js = /^\/fc\/script(\d+)\.js$/.exec(path);
    if (js && fc) return route.fulfill({ contentType: 'text/javascript', body: readFileSync(fc.js[Number(js[1])]) });
    const css = /^\/fc\/style(\d+)\.css$/.exec(path);
    if (css && fc) return route.fulfill({ contentType: 'text/css', body: readFileSync(fc.css[Number(css[1])]) });
    if (path.startsWith('/web/')) {
      const file = join(ROOT, path);
      if (existsSync(file)) return route.fulfill({ contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
    }
    return route.fulfill({ status: 404, body: 'not found' });
  });
}

// In the page: time to the first painted month, then the median time of a month switch
// (click/next() until the new month's title is in the DOM and layout is done).
async function widgetRun(page, _data, measureSwitches) {
  await page.goto(`${ORIGIN}/widget.html`);
  return page.evaluate(async ({ date, maxRows, switches, measureSwitches: doSwitches }) => {
    await customElements.whenDefined('trypost-calendar');
    const el = document.createElement('trypost-calendar');
    const t0 = performance.now();
    const rendered = new Promise((resolve, reject) => {
      el.addEventListener('render', resolve, { once: true });
      el.addEventListener('error', (e) => reject(new Error(e.detail.message)), { once: true });
    });
    for (const [k, v] of Object.entries({ src: '/snapshot.json', view: 'month', date, 'time-zone': 'UTC', 'max-rows': String(maxRows) })) el.setAttribute(k, v);
    document.getElementById('mount').append(el);
    await rendered;
    void document.body.offsetHeight;
    const first = performance.now() - t0;
    if (!doSwitches) return { first };
    const root = el.shadowRoot;
    const next = root.querySelector('[part~="nav-next"]');
    const prev = root.querySelector('[part~="nav-previous"]');
    const times = [];
    for (let i = 0; i < switches; i++) {
      const button = Math.floor(i / 2) % 2 === 0 ? next : prev; // May, Jun, Jul, Jun, May, ...
      const before = root.querySelector('[part~="title"]').textContent;
      const s = performance.now();
      button.click();
      while (root.querySelector('[part~="title"]').textContent === before) await new Promise((r) => setTimeout(r, 0));
      void document.body.offsetHeight;
      times.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 20));
    }
    return { first, times, cellsPosts: root.querySelectorAll('[part~="post"]').length };
  }, { date: DATE, maxRows: MAX_ROWS, switches: SWITCHES, measureSwitches });
}

async function fullCalendarRun(page, events, measureSwitches) {
  await page.goto(`${ORIGIN}/fc.html`);
  return page.evaluate(async ({ events: evs, date, maxRows, switches, measureSwitches: doSwitches }) => {
    const mount = document.getElementById('mount');
    const t0 = performance.now();
    // eslint-disable-next-line no-undef
    const cal = new FullCalendar.Calendar(mount, { initialView: 'dayGridMonth', initialDate: date, timeZone: 'UTC', dayMaxEventRows: maxRows, events: evs });
    cal.render();
    // Done when the month's day cells are in the DOM (v6 and v7 both mark them with data-date).
    const title = () => mount.textContent;
    const until = async (ok, what) => {
      const deadline = performance.now() + 15000;
      while (!ok()) {
        if (performance.now() > deadline) throw new Error(`FullCalendar: ${what} did not happen within 15 s`);
        await new Promise((r) => setTimeout(r, 0));
      }
    };
    await until(() => mount.querySelector('[data-date]'), 'a month grid with [data-date] cells');
    void document.body.offsetHeight;
    const first = performance.now() - t0;
    if (!doSwitches) return { first };
    const times = [];
    for (let i = 0; i < switches; i++) {
      const before = title();
      const s = performance.now();
      if (Math.floor(i / 2) % 2 === 0) cal.next();
      else cal.prev();
      await until(() => title() !== before, 'a month switch');
      void document.body.offsetHeight;
      times.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 20));
    }
    return { first, times };
  }, { events, date: DATE, maxRows: MAX_ROWS, switches: SWITCHES, measureSwitches });
}

export async function run() {
  const rows = [];
  if (!existsSync(join(ROOT, 'web/sdk/wasm/trypost-core.wasm'))) {
    console.error('widget bench: web/sdk/wasm/trypost-core.wasm is missing; run `bash scripts/build.sh wasm`');
    return rows;
  }
  const snapshot = await makeSnapshot(POSTS);
  const snapshotText = JSON.stringify(snapshot);
  const events = snapshot.posts
    .filter((p) => p.scheduled_at || p.published_at)
    .map((p) => ({ id: p.id, title: p.content, start: (p.scheduled_at ?? p.published_at).replace(' ', 'T') + (/Z|[+-]\d\d:\d\d$/.test(p.scheduled_at ?? p.published_at) ? '' : 'Z') }));
  const fc = findFullCalendar();
  if (!fc) console.error('widget bench: fullcalendar is not installed; FullCalendar rows skipped. Install it with: npm install --save-dev --save-exact fullcalendar@7.1.0');
  else if (fc.error) console.error(`widget bench: FullCalendar rows skipped: ${fc.error}`);
  const peer = fc && !fc.error ? fc : null;

  const browser = await launchBrowser();
  try {
    await servePages(browser.context, snapshotText, peer);
    const measure = async (fn, data) => {
      const firsts = [];
      let switches = null;
      for (let i = 0; i < FIRST_RENDER_RUNS; i++) {
        const page = await browser.context.newPage();
        const r = await fn(page, data, i === FIRST_RENDER_RUNS - 1);
        firsts.push(r.first);
        if (r.times) switches = r.times;
        await page.close();
      }
      return { first: median(firsts), switch: median(switches), switchP95: [...switches].sort((a, b) => a - b)[Math.floor(switches.length * 0.95)] };
    };
    const w = await measure(widgetRun);
    let f = null;
    if (peer) {
      try {
        f = await measure(fullCalendarRun, events);
      } catch (err) {
        console.error(`widget bench: FullCalendar run failed, its rows are left empty: ${err.message}`);
      }
    }
    const widgetGzip = gzipBytes(WIDGET_FILES.map((p) => join(ROOT, p)));
    const fcGzip = peer ? gzipBytes([...peer.js, ...peer.css]) : null;
    const peerName = peer ? `FullCalendar ${peer.version}` : undefined;
    const row = (kase, value, unit, peerValue, ratio, target) => rows.push({
      suite: 'widget', case: kase, value, unit,
      ...(peer && peerValue !== undefined && peerValue !== null ? { peer: peerName, peer_value: peerValue, ratio, target } : {}),
    });
    row(`first render, ${POSTS} posts, fresh page (fetch + WASM + parse + paint)`, w.first, 'ms', f?.first, f ? f.first / w.first : undefined, 'faster');
    row(`month switch, ${POSTS} posts (median of ${SWITCHES})`, w.switch, 'ms', f?.switch, f ? f.switch / w.switch : undefined, '>= 10x faster');
    row('month switch p95', w.switchP95, 'ms', f?.switchP95, f ? f.switchP95 / w.switchP95 : undefined);
    row('transfer size (gzip -9: module + SDK + WASM)', widgetGzip / 1024, 'KiB', fcGzip === null ? undefined : fcGzip / 1024, fcGzip ? fcGzip / widgetGzip : undefined, 'smaller');
    if (!peer) rows.push({ suite: 'widget', case: 'FullCalendar rows', value: 'skipped', unit: 'npm install --save-dev --save-exact fullcalendar@7.1.0' });
  } finally {
    await browser.close();
  }
  return rows;
}
