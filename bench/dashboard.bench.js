// The dashboard in Chromium with 5,000 posts per workspace (emulator, memory only, no rate limit),
// signed in with "Remember on this device":
// - cold first visit: empty cache; navigation -> painted month (sign-in, WASM load, the pages
//   holding the month found and read, core index, paint), then -> every post in and painted (334
//   API pages of 15 posts fetched 6 at a time beside it);
// - returning visit: a reload; the month is painted from the device's saved first paint (the page
//   as last painted, drawn by a classic script) before any module, the core or the network;
//   then the core takes over from the IndexedDB copy, and the refresh runs (each timed separately);
// - posts in hand -> painted (core load + view + DOM + paint), for both;
// - a workspace switch between two loaded workspaces (menu pick -> painted month);
// - a returning visit in a new tab (a fresh renderer, nothing of the page in memory).
// Marks come from the dashboard (web/app/main.js and its parts; painted frames: markPainted in workspace-loading.js).
import { launchBrowser, BENCH_ARGS } from '../tests/e2e/browser.js';
import { createDevServer, listen } from '../server/dev.js';
import { createEmulator } from '../server/emulator/index.js';

const TOKEN = 'acct_bench_owner_0123456789abcdef';
const POSTS = 5000;

function seed() {
  const ws = (n, name) => {
    const hex = String(n).repeat(8);
    const acc = `10000000-0000-4000-8000-0000000000${n}${n}`;
    const posts = [];
    for (let i = 0; i < POSTS; i++) {
      const day = (i % 180) - 90;
      const hh = String(8 + (i % 10)).padStart(2, '0');
      const mm = String((i * 7) % 60).padStart(2, '0');
      posts.push({ content: `${name} bench post ${i}`, status: day < 0 ? 'published' : 'scheduled', scheduled_at: `{{day${day < 0 ? day : `+${day}`}}} ${hh}:${mm}:00`, platforms: [{ account: acc }] });
    }
    return {
      id: `${hex}-${hex.slice(0, 4)}-4${hex.slice(0, 3)}-8${hex.slice(0, 3)}-${hex}${hex.slice(0, 4)}`,
      name, members: [],
      social_accounts: [{ id: acc, platform: 'x', display_name: name, username: `@b${n}`, is_active: true, status: 'connected' }],
      posts,
    };
  };
  return {
    account: { id: '00000000-0000-4000-8000-0000000000bb', name: 'Bench', owner: 'owner@bench.test', plan_status: 'active', credits_used: 0 },
    users: [{ id: '00000000-0000-4000-8000-0000000000b1', name: 'Owner', email: 'owner@bench.test', account_token: TOKEN }],
    workspaces: [ws(1, 'Bench One'), ws(2, 'Bench Two')],
  };
}

// The browser's own floor for a new tab: a page with one line of text and the same mark, served
// beside the app (no CSS, no modules, no storage read). A new tab's time is reported against it.
const FLOOR_PATH = '/bench-floor/';
const FLOOR_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body><p>Blank page</p>
<script>requestAnimationFrame(() => setTimeout(() => performance.mark('tp:month-painted'), 0));</script></body></html>`;
function floorPage(req, res) {
  if (req.url !== FLOOR_PATH) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(FLOOR_PAGE);
  return true;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Waits inside the page for the (n+1)th mark of that name. A PerformanceObserver rather than
// page.waitForFunction: the latter injects Playwright's large selector script into each new
// document, and compiling it landed inside the timed interval (46-76 ms here), which is the
// harness's cost, not the page's.
const after = (page, name, n = 0) => page.evaluate(([m, k]) => new Promise((resolve) => {
  const seen = () => performance.getEntriesByName(m).length > k;
  if (seen()) return resolve();
  new PerformanceObserver((_, observer) => {
    if (!seen()) return;
    observer.disconnect();
    resolve();
  }).observe({ type: 'mark' });
}), [name, n]);

// When the page is first on screen: its first contentful paint, whose time is the frame's
// presentation. The marks above end when the main thread has painted; rasterising and drawing the
// frame come after, and here (software raster, 2 cores) a month grid at 1280x800 takes 40-80 ms
// more. Read only where the saved month was drawn before any frame (first-paint.js runs before the
// parser lets one happen), so that first paint is the month. Null when none came in 3 s.
const presented = (page) => page.evaluate(() => new Promise((resolve) => {
  const timer = setTimeout(() => resolve(null), 3000);
  new PerformanceObserver((list, observer) => {
    const e = list.getEntriesByName('first-contentful-paint')[0];
    if (!e) return;
    observer.disconnect();
    clearTimeout(timer);
    resolve(e.startTime);
  }).observe({ type: 'paint', buffered: true });
}));

// The same month as a plain HTML file: the saved page (as first-paint.js draws it) inside the
// app's own index.html and stylesheet, without any script. What presenting this page costs the
// browser by itself, so the app's time can be reported against it.
const STATIC_PATH = '/bench-static/';
let staticPage = null;
function staticCopy(req, res) {
  if (req.url !== STATIC_PATH || staticPage === null) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(staticPage);
  return true;
}
async function makeStaticCopy(page, port) {
  const html = await page.evaluate(() => JSON.parse(localStorage.getItem('trypost-first-paint-month'))?.page?.html ?? null);
  if (html === null) return false;
  const index = await (await fetch(`http://127.0.0.1:${port}/app/`)).text();
  staticPage = index.replace(/<script\b[^>]*><\/script>\s*/g, '').replace(/(<div id="app"[^>]*>)[\s\S]*?(<\/div>\s*<!--)/, `$1${html}$2`)
    .replace('</body>', "<script>requestAnimationFrame(() => setTimeout(() => performance.mark('tp:month-painted'), 0));</script></body>");
  return true;
}

// A row of the app's on-screen times against the static copy's, medians of the runs that gave one.
function onScreenRow(rows, label, app, copy, peer) {
  const a = app.filter((x) => x !== null);
  const c = copy.filter((x) => x !== null);
  if (!a.length) return;
  const value = median(a);
  rows.push({ suite: 'dashboard', case: `${label}; median of ${a.length}; against the same month as a static HTML file without script, same run)`, value, unit: 'ms',
    ...(c.length ? { peer, peer_value: median(c), ratio: value / median(c) } : {}),
    target: value < 100 ? '< 100 ms' : '< 100 ms (not met on screen: the static file alone takes the peer value; see docs/dashboard-loading.md)' });
}

export async function run() {
  const emulator = await createEmulator({ mode: 'self-hosted', seed: seed(), tickMs: 0, rateLimit: 0 });
  const server = createDevServer({ handlers: [floorPage, staticCopy, emulator.handle] });
  const { port } = await listen(server, 0);
  const rows = [];
  let browser = null;
  try {
    // Cold: a fresh browser and profile, nothing cached. One such visit varies by hundreds of ms
    // here (it is CPU-bound across the browser's processes and the server), so the median of
    // COLD_RUNS fresh browsers is reported, with the breakdown of that same run; the last browser
    // goes on to the other cases.
    const COLD_RUNS = 3;
    const colds = [];
    let page = null;
    for (let i = 0; i < COLD_RUNS; i++) {
      await browser?.close();
      browser = await launchBrowser({ extraArgs: BENCH_ARGS });
      page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`http://127.0.0.1:${port}/app/?token=${TOKEN}&autostart=1&remember=1`);
      await after(page, 'tp:month-painted');
      // The month first (from the pages holding it), then every post once the walk is done.
      await after(page, 'tp:cached');
      colds.push(await page.evaluate(() => Object.fromEntries(['tp:month-painted', 'tp:all-posts-painted', 'tp:posts-fetched', 'tp:month-first-start', 'tp:month-first-read', 'tp:calendar-loaded', 'tp:view-start', 'tp:view-done']
        .map((n) => [n.slice(3), performance.getEntriesByName(n).at(-1)?.startTime ?? null]))));
    }
    const mark = (name) => page.evaluate((n) => performance.getEntriesByName(n).at(-1)?.startTime ?? null, name);
    const cold = [...colds].sort((x, y) => x['month-painted'] - y['month-painted'])[Math.floor(COLD_RUNS / 2)];
    const painted = cold['month-painted'];
    const all = cold['all-posts-painted'] ?? painted;
    const monthFirst = all !== painted;
    const spread = colds.map((c) => Math.round(c['month-painted'])).sort((x, y) => x - y).join(' / ');
    rows.push({ suite: 'dashboard', case: `cold first visit: navigation -> painted month, ${POSTS} posts (${monthFirst ? "the month's pages found and read first" : 'every page first'}; median of ${COLD_RUNS} fresh browsers: ${spread} ms)`, value: painted, unit: 'ms', target: painted < 100 ? '< 100 ms' : '< 100 ms (not met: sign-in, the core and the API pages are the cost)' });
    if (monthFirst) {
      const start = cold['month-first-start'];
      const read = cold['month-first-read'];
      rows.push({ suite: 'dashboard', case: '  of which navigation -> signed in, the month\'s pages asked for', value: start, unit: 'ms' });
      rows.push({ suite: 'dashboard', case: "  of which finding and reading the month's pages", value: read - start, unit: 'ms' });
      rows.push({ suite: 'dashboard', case: '  of which core load + view + paint of those posts', value: painted - read, unit: 'ms' });
    }
    const fetched = cold['posts-fetched'];
    rows.push({ suite: 'dashboard', case: `  cold: navigation -> every post in and painted (${Math.ceil(POSTS / 15)} API pages, 6 in parallel)`, value: all, unit: 'ms' });
    rows.push({ suite: 'dashboard', case: '  cold: all posts in hand -> painted month', value: all - fetched, unit: 'ms', target: '< 100 ms' });
    rows.push({ suite: 'dashboard', case: `  of which posts to JSON text + core index load (${POSTS} posts)`, value: cold['calendar-loaded'] - fetched, unit: 'ms' });
    rows.push({ suite: 'dashboard', case: '  of which core month view', value: cold['view-done'] - cold['view-start'], unit: 'ms' });

    // Load the second workspace once, then time switches between the two.
    const pick = async (name) => {
      await page.getByRole('button', { name: /^Workspace: / }).click();
      await page.getByRole('menuitem', { name: new RegExp(`^${name} `) }).click();
    };
    await pick('Bench Two');
    await after(page, 'tp:month-painted', 1);
    await after(page, 'tp:cached', 1);
    const times = [];
    for (let i = 0; i < 10; i++) {
      const before = await page.evaluate(() => performance.getEntriesByName('tp:switch-painted').length);
      await pick(i % 2 === 0 ? 'Bench One' : 'Bench Two');
      await after(page, 'tp:switch-painted', before);
      times.push(await page.evaluate(() => performance.getEntriesByName('tp:switch-painted').at(-1).startTime - performance.getEntriesByName('tp:switch-start').at(-1).startTime));
    }
    rows.push({ suite: 'dashboard', case: `workspace switch -> painted month, ${POSTS} posts each (median of 10)`, value: median(times), unit: 'ms', target: '< 50 ms' });
    rows.push({ suite: 'dashboard', case: 'workspace switch, worst of 10', value: Math.max(...times), unit: 'ms' });

    // A post moved a day by keyboard (Alt+ArrowRight, then back): key -> the month redrawn with
    // the server's answer (the PUT, then the calendar rebuilt from the SDK's list).
    const moves = [];
    const shownMoves = [];
    for (let i = 0; i < 6; i++) {
      const before = await page.evaluate(() => performance.getEntriesByName('tp:edit-painted').length);
      const shownBefore = await page.evaluate(() => performance.getEntriesByName('tp:move-shown').length);
      await page.evaluate(() => {
        const soon = Date.now() + 3 * 86_400_000;
        const b = [...document.querySelectorAll('[role="grid"] button.post[draggable="true"]')].find((x) => Date.parse(x.dataset.at) > soon);
        b.focus();
        document.addEventListener('keydown', () => performance.mark('bench:move-key'), { once: true, capture: true });
      });
      await page.keyboard.press(i % 2 ? 'Alt+ArrowLeft' : 'Alt+ArrowRight');
      await after(page, 'tp:edit-painted', before);
      moves.push(await page.evaluate(() => performance.getEntriesByName('tp:edit-painted').at(-1).startTime - performance.getEntriesByName('bench:move-key').at(-1).startTime));
      await after(page, 'tp:move-shown', shownBefore);
      shownMoves.push(await page.evaluate(() => performance.getEntriesByName('tp:move-shown').at(-1).startTime - performance.getEntriesByName('bench:move-key').at(-1).startTime));
    }
    rows.push({ suite: 'dashboard', case: `move a post by keyboard -> shown on its new day, marked as being saved (median of ${shownMoves.length})`, value: median(shownMoves), unit: 'ms' });
    rows.push({ suite: 'dashboard', case: `move a post by keyboard -> month redrawn with the server's answer, ${POSTS} posts (median of ${moves.length})`, value: median(moves), unit: 'ms' });

    // Returning: reloads of the remembered session (no token in the address), warm cache.
    const warm = [];
    const onScreen = [];
    const refresh = [];
    const parts = { boot: [], drawn: [], modules: [], took: [], cacheRead: [], core: [], index: [], view: [] };
    const RUNS = 7;
    let saved = 0;
    let drawn = 0;
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`http://127.0.0.1:${port}/app/`);
      await after(page, 'tp:month-painted');
      warm.push(await mark('tp:month-painted'));
      if (await mark('tp:snapshot-shown') !== null) onScreen.push(await presented(page));
      parts.boot.push(await mark('tp:boot'));
      await after(page, 'tp:calendar-loaded');
      // Painted from the saved page (first-paint.js, before any module; the modules then take it
      // over, and the core after them) or, without one, from the posts copy through the core.
      if (await mark('tp:saved-shown') !== null) {
        await after(page, 'tp:core-took-over');
        saved++;
        if (await mark('tp:snapshot-shown') !== null) {
          drawn++;
          parts.drawn.push(await mark('tp:snapshot-shown'));
          parts.modules.push(await mark('tp:page-took-over'));
        }
        parts.took.push(await mark('tp:core-took-over'));
      }
      parts.cacheRead.push(await mark('tp:cache-read'));
      parts.core.push((await mark('tp:core-ready')) - (await mark('tp:cache-read')));
      parts.index.push((await mark('tp:calendar-loaded')) - (await mark('tp:core-ready')));
      parts.view.push((await mark('tp:view-done')) - (await mark('tp:view-start')));
      await after(page, 'tp:refreshed');
      refresh.push(await mark('tp:refreshed'));
    }
    const changed = await page.evaluate(() => performance.getEntriesByName('tp:calendar-loaded').length > 1);
    const med = (xs) => (xs.length ? median(xs) : null);
    rows.push({ suite: 'dashboard', case: `returning visit: navigation -> month painted on the main thread, ${POSTS} posts (median of ${RUNS}; ${saved} from the saved first paint, ${drawn} of them drawn before the modules)`, value: median(warm), unit: 'ms', target: median(warm) < 100 ? '< 100 ms' : '< 100 ms (not met in this run)' });
    rows.push({ suite: 'dashboard', case: '  of which navigation -> saved page in the DOM (HTML parsed, classic script)', value: med(parts.drawn), unit: 'ms' });
    rows.push({ suite: 'dashboard', case: '  returning: navigation -> first paint\'s modules loaded', value: med(parts.boot), unit: 'ms' });
    rows.push({ suite: 'dashboard', case: '  returning: navigation -> the live page in place of the saved one (painted)', value: med(parts.modules), unit: 'ms' });
    rows.push({ suite: 'dashboard', case: '  returning: navigation -> the core\'s own answer in place (same nodes)', value: med(parts.took), unit: 'ms' });
    rows.push({ suite: 'dashboard', case: '    of which navigation -> posts copy read and SDK loaded', value: med(parts.cacheRead), unit: 'ms' });
    rows.push({ suite: 'dashboard', case: '    of which then waiting for the WASM core', value: med(parts.core), unit: 'ms' });
    rows.push({ suite: 'dashboard', case: `    of which core index load (${POSTS} posts)`, value: med(parts.index), unit: 'ms' });
    rows.push({ suite: 'dashboard', case: '    of which core month view', value: med(parts.view), unit: 'ms' });
    rows.push({ suite: 'dashboard', case: `  returning: navigation -> background refresh checked (all pages; ${changed ? 'repainted' : 'nothing changed, no repaint'})`, value: median(refresh), unit: 'ms' });
    // The same month as a static file, navigated to from itself as the reloads above are.
    const hasCopy = await makeStaticCopy(page, port);
    const staticOnScreen = [];
    for (let i = 0; hasCopy && i < RUNS; i++) {
      await page.goto(`http://127.0.0.1:${port}${STATIC_PATH}`);
      staticOnScreen.push(await presented(page));
    }
    onScreenRow(rows, 'returning visit: navigation -> month on screen (presented: first contentful paint', onScreen, staticOnScreen, 'same page, static file');
    // A returning visit in a new tab (the user comes back later): no previous page to tear down.
    // Each is followed by the blank page in a new tab, so both see the same machine state.
    const fresh = [];
    const blank = [];
    const freshOnScreen = [];
    const copyOnScreen = [];
    const newTab = async (path, settled, onScreen) => {
      const tab = await browser.context.newPage();
      await tab.setViewportSize({ width: 1280, height: 800 });
      await tab.goto(`http://127.0.0.1:${port}${path}`);
      await after(tab, 'tp:month-painted');
      const t = await tab.evaluate(() => performance.getEntriesByName('tp:month-painted')[0].startTime);
      // The app's first paint is the month only when the saved page was drawn (see presented).
      if (onScreen && (path === STATIC_PATH || await tab.evaluate(() => performance.getEntriesByName('tp:snapshot-shown').length > 0))) onScreen.push(await presented(tab));
      if (settled) await after(tab, settled);
      await tab.close();
      return t;
    };
    for (let i = 0; i < 5; i++) {
      fresh.push(await newTab('/app/', 'tp:refreshed', freshOnScreen));
      blank.push(await newTab(FLOOR_PATH, null));
      if (hasCopy) await newTab(STATIC_PATH, null, copyOnScreen);
    }
    const tabMs = median(fresh);
    const floorMs = median(blank);
    rows.push({ suite: 'dashboard', case: `returning visit in a new tab: navigation -> month painted on the main thread (median of ${fresh.length}; against a blank page in a new tab, same run)`, value: tabMs, unit: 'ms',
      peer: 'blank page, new tab', peer_value: floorMs, ratio: tabMs / floorMs,
      target: tabMs < 100 ? '< 100 ms' : '< 100 ms (not met: the blank page alone takes the peer value; see docs/dashboard-loading.md)' });
    onScreenRow(rows, 'returning visit in a new tab: navigation -> month on screen (presented', freshOnScreen, copyOnScreen, 'same page, static file, new tab');
    await page.close();
  } finally {
    await browser?.close();
    server.closeAllConnections();
    server.close();
    await emulator.close?.();
  }
  return rows;
}
