// <trypost-calendar> in Chromium: the example page under the strict CSP with 2,000 posts, error
// states, hostile host CSS, keyboard navigation; and the widget proxy with fresh and expired tokens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, watchPage } from './browser.js';
import { createDevServer, createDevHandlers, listen } from '../../server/dev.js';
import { signWidgetToken } from '../../server/proxy/jwt.js';
import { staticFiles } from '../../server/static.js';
import { makeSnapshot } from './widget-data.js';
import { exportSnapshot } from '../../web/sdk/index.js';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const SECRET = Buffer.alloc(32, 7).toString('base64');
const NORTHWIND = '11111111-1111-4111-8111-111111111111';

let browser;
let server;
let base;
let dev;
let dataDir;
let snapshot2000;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'trypost-widget-e2e-'));
  const handlers = [];
  server = createDevServer({ handlers });
  const { port } = await listen(server, 0);
  base = `http://127.0.0.1:${port}`;
  dev = await createDevHandlers({ TRYPOST_EMULATOR_DATA: dataDir, TRYPOST_WIDGET_SECRET: SECRET }, { port });
  handlers.push(...dev.handlers);
  // dist/widget/ as an agency site would host it, under /trypost/ (the dev server's CSP applies).
  const built = spawnSync(process.execPath, [new URL('../../scripts/build-widget.mjs', import.meta.url).pathname], { encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  handlers.push(staticFiles(new URL('../../dist/widget/', import.meta.url).pathname, '/trypost/'));
  snapshot2000 = JSON.stringify(await makeSnapshot(2000));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await dev?.emulator?.close();
  await new Promise((r) => { server.closeAllConnections(); server.close(r); });
  rmSync(dataDir, { recursive: true, force: true });
});

// Opens the example page with exactly the strict CSP and `body` served as the snapshot.
async function openExample({ query = '', snapshot = snapshot2000, abortSnapshot = false, init } = {}) {
  const page = await browser.context.newPage();
  const problems = watchPage(page);
  if (init) await page.addInitScript(init);
  await page.route((url) => url.pathname === '/widget/example.html', async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': STRICT_CSP } });
  });
  await page.route((url) => url.pathname === '/widget/example-snapshot.json', (route) => (abortSnapshot
    ? route.abort('connectionrefused')
    : route.fulfill({ status: 200, contentType: 'application/json', body: snapshot })));
  const events = [];
  await page.exposeFunction('__widgetEvent', (e) => events.push(e));
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const c = document.querySelector('trypost-calendar');
      for (const type of ['load', 'render', 'error']) c?.addEventListener(type, (e) => window.__widgetEvent({ type, code: e.detail?.code, fields: Object.keys(e.detail?.details?.errors ?? {}) }));
    });
  });
  // The page opens on today's month (its demo data is today's); these 2,000 posts are in May 2026.
  const dated = query.includes('date=') ? query : `${query}${query ? '&' : '?'}date=2026-05-15`;
  const response = await page.goto(`${base}/widget/example.html${dated}`);
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  return { page, problems, events };
}

const shadow = (page, fn, arg) => page.evaluate(([src, a]) => {
  // eslint-disable-next-line no-new-func -- test-side only, in the page under test's evaluate
  const root = document.querySelector('trypost-calendar').shadowRoot;
  return (0, eval)(src)(root, a);
}, [fn.toString(), arg]);

async function waitRendered(page) {
  await page.waitForFunction(() => {
    const c = document.querySelector('trypost-calendar');
    return c?.state === 'ready' && c.shadowRoot.querySelector('[role="grid"], .list-view');
  }, null, { timeout: 30000 });
}

test('example page, strict CSP: 2,000 posts render as a month grid with "+N more", no console error', async () => {
  const { page, problems, events } = await openExample();
  await waitRendered(page);
  const info = await page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    const cells = [...root.querySelectorAll('[role="gridcell"]')];
    return {
      title: root.querySelector('[part~="title"]').textContent,
      cells: cells.length,
      tabbable: cells.filter((c) => c.tabIndex === 0).length,
      posts: root.querySelectorAll('[part~="post"]').length,
      maxPerCell: Math.max(...cells.map((c) => c.querySelectorAll('[part~="post"]').length)),
      more: [...root.querySelectorAll('[part~="more"]')].map((m) => m.textContent),
      unlabelled: [...root.querySelectorAll('[part~="post"]')].filter((p) => !p.getAttribute('aria-label')).length,
      editors: root.querySelectorAll('input, textarea, select, [contenteditable], form').length,
      inlineStyles: document.querySelectorAll('style').length + root.querySelectorAll('style').length,
      bg: getComputedStyle(root.querySelector('.root')).backgroundColor,
    };
  });
  assert.equal(info.title, 'May 2026');
  assert.ok(info.cells === 35 || info.cells === 42, `whole weeks: ${info.cells}`);
  assert.equal(info.tabbable, 1, 'roving tabindex: one day in the tab order');
  assert.equal(info.maxPerCell, 3, 'max-rows=4 counts the "+N more" line: 3 posts then the line');
  assert.ok(info.more.length > 20 && info.more.every((t) => /^\+\d+ more$/.test(t)), info.more.slice(0, 3).join());
  assert.equal(info.unlabelled, 0, 'every post has a screen-reader label');
  assert.equal(info.editors, 0, 'read only: no editing control');
  assert.equal(info.inlineStyles, 0);
  assert.equal(info.bg, 'rgb(255, 251, 235)', 'the workspace brand background from the snapshot');
  // The shown posts are the core's: the 2026-05-04 cell holds the first 3 of that day in time order.
  assert.ok(events.some((e) => e.type === 'load') && events.some((e) => e.type === 'render'));
  assert.ok(!events.some((e) => e.type === 'error'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('keyboard: arrows move the focus between days, PageDown shows the next month and announces it', async () => {
  const { page, problems } = await openExample();
  await waitRendered(page);
  await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelector('[role="gridcell"][tabindex="0"]').focus());
  const focused = () => page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.activeElement?.dataset.date);
  const start = await focused();
  assert.equal(start, '2026-05-15', 'the date attribute gets the focus stop');
  // Enter on a day with "+N more" shows all of its posts in the cell.
  const dayCount = () => page.evaluate(() => {
    const cell = document.querySelector('trypost-calendar').shadowRoot.querySelector('[data-date="2026-05-15"]');
    return { posts: cell.querySelectorAll('[part~="post"]').length, more: Number(/\d+/.exec(cell.querySelector('[part~="more"]')?.textContent ?? '0')[0]) };
  });
  const folded = await dayCount();
  assert.equal(folded.posts, 3);
  assert.ok(folded.more > 0);
  await page.keyboard.press('Enter');
  assert.deepEqual(await dayCount(), { posts: 3 + folded.more, more: 0 });
  assert.equal(await focused(), '2026-05-15');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), '2026-05-16');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), '2026-05-23');
  await page.keyboard.press('Home');
  assert.equal(await focused(), '2026-05-18', 'Home: first day of the row (Monday start)');
  await page.keyboard.press('PageDown');
  assert.equal(await focused(), '2026-06-18');
  const after = await page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    return { title: root.querySelector('[part~="title"]').textContent, live: root.querySelector('[aria-live]').textContent,
      tabbable: root.querySelectorAll('[role="gridcell"][tabindex="0"]').length };
  });
  assert.deepEqual(after, { title: 'June 2026', live: 'June 2026', tabbable: 1 });
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  assert.equal(await focused(), '2026-04-18');
  assert.deepEqual(problems, []);
  await page.close();
});

test('prefers-color-scheme: dark gives the dark palette; prefers-reduced-motion: reduce runs no animation', async () => {
  const read = async (media) => {
    const { page, problems } = await openExample();
    await page.emulateMedia(media);
    await waitRendered(page);
    const r = await page.evaluate(async () => {
      const root = document.querySelector('trypost-calendar').shadowRoot;
      root.querySelector('[part~="nav-next"]').click();
      return { bg: getComputedStyle(root.querySelector('.root')).backgroundColor, animations: root.getAnimations().length };
    });
    assert.deepEqual(problems, []);
    await page.close();
    return r;
  };
  assert.deepEqual(await read({ colorScheme: 'light', reducedMotion: 'no-preference' }), { bg: 'rgb(255, 251, 235)', animations: 1 });
  assert.deepEqual(await read({ colorScheme: 'dark', reducedMotion: 'reduce' }), { bg: 'rgb(17, 24, 39)', animations: 0 });
});

test("another framework's globals on the page (process shim, AMD define, extended prototypes) change nothing", async () => {
  const { page, problems, events } = await openExample({
    init: () => {
      // What bundlers and older libraries leave behind: a webpack-style process shim, RequireJS's
      // define, Prototype.js/MooTools-style prototype extensions, a wrapped fetch.
      window.process = { env: { NODE_ENV: 'production' }, versions: {}, browser: true };
      window.define = function define() { throw new Error('AMD define called by the widget'); };
      window.define.amd = {};
      Array.prototype.last = function last() { return this[this.length - 1]; };
      Object.defineProperty(Object.prototype, 'polluted', { value: 1, enumerable: true, configurable: true, writable: true });
      const f = window.fetch;
      window.fetch = (...a) => f(...a);
    },
  });
  await waitRendered(page);
  const posts = await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelectorAll('[part~="post"]').length);
  assert.ok(posts > 50);
  assert.ok(!events.some((e) => e.type === 'error'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('host CSS `* { all: unset }` and `font-size: 40px` change nothing inside the shadow root', async () => {
  const { page, problems } = await openExample();
  await waitRendered(page);
  const measure = () => page.evaluate(() => {
    const host = document.querySelector('trypost-calendar');
    host.style.setProperty('width', '900px', 'important'); // same outer width in both runs (CSSOM, CSP-safe)
    const h = host.getBoundingClientRect();
    const root = host.shadowRoot;
    const picks = [root.querySelector('.root'), root.querySelector('.header'), root.querySelector('[part~="title"]'),
      ...root.querySelectorAll('[part~="nav-button"]'), root.querySelector('[role="grid"]'),
      ...[...root.querySelectorAll('[role="gridcell"]')].slice(0, 10), ...[...root.querySelectorAll('[part~="post"]')].slice(0, 10),
      ...[...root.querySelectorAll('[part~="more"]')].slice(0, 3)];
    const props = ['font-size', 'font-family', 'line-height', 'color', 'background-color', 'display', 'padding-top', 'margin-top', 'border-top-width', 'letter-spacing', 'word-spacing', 'font-style', 'font-weight', 'text-transform', 'text-indent', 'white-space', 'list-style-type'];
    return picks.map((e) => {
      const r = e.getBoundingClientRect();
      const cs = getComputedStyle(e);
      return { box: [r.x - h.x, r.y - h.y, r.width, r.height].map((v) => Math.round(v * 10) / 10), style: props.map((p) => cs.getPropertyValue(p)) };
    });
  });
  const before = await measure();
  await page.evaluate(() => {
    const hostile = new CSSStyleSheet();
    hostile.replaceSync('* { all: unset } html, body, * { font-size: 40px; } trypost-calendar { line-height: 5; color: lime; letter-spacing: 3px; word-spacing: 9px; font-style: italic; font-weight: 900; text-transform: uppercase; text-indent: 20px; white-space: pre; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, hostile];
  });
  const hostileFont = await page.evaluate(() => getComputedStyle(document.body).fontSize);
  assert.equal(hostileFont, '40px', 'the hostile CSS is in force on the page');
  const afterHostile = await measure();
  assert.equal(afterHostile.length, before.length);
  assert.ok(before.length > 20);
  for (let i = 0; i < before.length; i++) assert.deepEqual(afterHostile[i], before[i], `element ${i}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('error states: a damaged snapshot and a network failure show a message and fire `error`, nothing thrown', async () => {
  for (const [options, code, text, field] of [
    [{ snapshot: JSON.stringify({ format: 'trypost-calendar-snapshot', version: 1, posts: [{ id: 5, status: 'nonsense' }] }) }, 'bad-data', /damaged/, 'posts.0.status'],
    [{ snapshot: '{"format": "trypost-calendar-snap' }, 'bad-data', /damaged/],
    [{ snapshot: JSON.stringify({ format: 'trypost-calendar-snapshot', version: 2, posts: [] }) }, 'bad-data', /damaged|newer/],
    [{ abortSnapshot: true }, 'network', /could not be reached/],
  ]) {
    const { page, problems, events } = await openExample(options);
    await page.waitForFunction(() => document.querySelector('trypost-calendar')?.state === 'error', null, { timeout: 30000 });
    const shown = await page.evaluate(() => {
      const m = document.querySelector('trypost-calendar').shadowRoot.querySelector('[part~="message"]');
      return { text: m.textContent, hidden: m.hidden, role: m.getAttribute('role') };
    });
    assert.match(shown.text, text);
    assert.equal(shown.hidden, false);
    assert.equal(shown.role, 'alert');
    assert.deepEqual(events.filter((e) => e.type === 'error').map((e) => e.code), [code]);
    // The core's field paths reach the page's `error` listener, to point at what is damaged.
    if (field) assert.ok(events.find((e) => e.type === 'error').fields.includes(field), JSON.stringify(events));
    // The failed fetch itself is logged by Chromium as a network error; anything else is a bug.
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|net::ERR_CONNECTION_REFUSED/.test(p)), []);
    assert.ok(!problems.some((p) => p.startsWith('pageerror')));
    await page.close();
  }
});

test('a bad attribute (unknown time zone) is a message inside the element, not an exception', async () => {
  const { page, problems, events } = await openExample({ query: '?time-zone=Mars/Olympus' });
  await page.waitForFunction(() => document.querySelector('trypost-calendar')?.state === 'error', null, { timeout: 30000 });
  assert.deepEqual(events.filter((e) => e.type === 'error').map((e) => e.code), ['bad-attribute']);
  // Fixing the attribute recovers without a reload.
  await page.evaluate(() => document.querySelector('trypost-calendar').setAttribute('time-zone', 'Asia/Tokyo'));
  await waitRendered(page);
  // A value the core refuses comes with its field path, for the page to point at the attribute.
  await page.evaluate(() => document.querySelector('trypost-calendar').setAttribute('max-rows', 'lots'));
  await page.waitForFunction(() => document.querySelector('trypost-calendar')?.state === 'error', null, { timeout: 30000 });
  const refused = events.filter((e) => e.type === 'error');
  assert.deepEqual(refused.map((e) => e.code), ['bad-attribute', 'bad-attribute']);
  assert.deepEqual(refused[1].fields, ['max_rows']);
  await page.evaluate(() => document.querySelector('trypost-calendar').removeAttribute('max-rows'));
  await waitRendered(page);
  // Removed and put back (a framework re-rendering the page): it frees its index and loads again.
  await page.evaluate(() => {
    const c = document.querySelector('trypost-calendar');
    const parent = c.parentElement;
    c.remove();
    window.__stateAfterRemove = c.state;
    parent.prepend(c);
  });
  assert.equal(await page.evaluate(() => window.__stateAfterRemove), 'idle');
  await waitRendered(page);
  assert.deepEqual(problems, []);
  await page.close();
});

test('week and list views, label filter by name', async () => {
  const { page, problems } = await openExample({ query: '?view=week&labels=Promo&max-rows=0' });
  await waitRendered(page);
  const week = await page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    return { cells: root.querySelectorAll('[role="gridcell"]').length, labels: [...root.querySelectorAll('[part~="post"]')].map((p) => p.getAttribute('aria-label')) };
  });
  assert.equal(week.cells, 7);
  assert.ok(week.labels.length > 0 && week.labels.every((l) => l.includes('labels Promo')), week.labels[0]);
  await page.evaluate(() => document.querySelector('trypost-calendar').setAttribute('view', 'list'));
  await page.waitForFunction(() => document.querySelector('trypost-calendar').shadowRoot.querySelector('.list-view'));
  const first = await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelectorAll('.list [part~="post"]').length);
  assert.equal(first, 50, 'one page of 50');
  await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelector('[part~="more-button"]').click());
  await page.waitForFunction(() => document.querySelector('trypost-calendar').shadowRoot.querySelectorAll('.list [part~="post"]').length > 50);
  assert.deepEqual(problems, []);
  await page.close();
});

test('months built ahead while idle: a switch shows the same month a fresh build does, one grid visible, one tab stop', async () => {
  const { page, problems } = await openExample();
  await waitRendered(page);
  const state = () => page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    const body = root.querySelector('[part~="body"]');
    const grids = [...body.querySelectorAll('[role="grid"]')];
    const shown = grids.filter((g) => !g.classList.contains('prepared'));
    // On screen: inside the body's box (which clips), and what a pointer at its middle hits.
    const box = body.getBoundingClientRect();
    const inside = (g) => {
      const r = g.getBoundingClientRect();
      return r.right > box.left + 1 && r.left < box.right - 1;
    };
    const hit = root.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height, 300) / 2)?.closest('[role="grid"]');
    return {
      title: root.querySelector('[part~="title"]').textContent,
      shown: shown.length,
      shownOnScreen: shown.length === 1 && inside(shown[0]) && hit === shown[0] && Math.abs(box.height - shown[0].getBoundingClientRect().height) < 1,
      text: shown[0]?.innerText,
      prepared: grids.filter((g) => g.classList.contains('prepared')).map((g) => ({
        hidden: g.getAttribute('aria-hidden') === 'true' && !inside(g) && !g.querySelector('[tabindex="0"]'),
        first: g.querySelector('[role="gridcell"]').dataset.date,
      })),
      tabStops: root.querySelectorAll('[tabindex="0"]').length,
    };
  });
  const click = (which) => page.evaluate((w) => document.querySelector('trypost-calendar').shadowRoot.querySelector(`[part~="nav-${w}"]`).click(), which);
  assert.equal((await state()).prepared.length, 0, 'nothing is built ahead before the reader moves');
  await click('next');
  await page.waitForFunction(() => document.querySelector('trypost-calendar').shadowRoot.querySelectorAll('.prepared').length === 2, null, { timeout: 10000 });
  const june = await state();
  assert.equal(june.title, 'June 2026');
  // Monday-first grids: May starts on Apr 27, July on Jun 29.
  assert.deepEqual(june.prepared.map((p) => p.first).sort(), ['2026-04-27', '2026-06-29']);
  assert.ok(june.prepared.every((p) => p.hidden), 'months built ahead are off screen, hidden from assistive technology, without a tab stop');
  assert.ok(june.shownOnScreen, 'June is the grid on screen, and the body is its height');
  // Find in page (Ctrl+F) finds the month on screen, never a month built ahead out of sight.
  const findable = await page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    const grids = [...root.querySelectorAll('[role="grid"]')];
    const shownText = grids.find((g) => !g.classList.contains('prepared')).innerText;
    const words = (g) => [...g.querySelectorAll('[part~="post"]')].map((p) => p.textContent.trim()).filter((t) => t.length > 6);
    const onlyAhead = grids.filter((g) => g.classList.contains('prepared')).flatMap(words).find((t) => !shownText.includes(t));
    const onScreen = words(grids.find((g) => !g.classList.contains('prepared')))[0];
    const found = (t) => { getSelection().removeAllRanges(); return window.find(t, true, false, true); };
    return { onlyAhead, onScreen, aheadFound: onlyAhead ? found(onlyAhead) : null, shownFound: found(onScreen) };
  });
  assert.ok(findable.onlyAhead, 'a post shown only in a month built ahead');
  assert.equal(findable.shownFound, true, `"${findable.onScreen}" is found on screen`);
  assert.equal(findable.aheadFound, false, `"${findable.onlyAhead}" is not found: its month is out of sight`);
  await click('previous');
  const may = await state();
  assert.equal(may.title, 'May 2026');
  assert.equal(may.shown, 1);
  await page.waitForFunction(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    const body = root.querySelector('[part~="body"]');
    const shown = [...body.querySelectorAll('[role="grid"]')].find((g) => !g.classList.contains('prepared'));
    return Math.abs(body.getBoundingClientRect().height - shown.getBoundingClientRect().height) < 1;
  });
  assert.ok((await state()).shownOnScreen, 'back to May: May is on screen');
  assert.equal(may.tabStops, 1);
  assert.ok(may.prepared.some((p) => p.first === '2026-06-01'), 'June is kept, hidden, for the way back');
  // The same month built on the spot.
  await page.evaluate(() => document.querySelector('trypost-calendar').setAttribute('prepare', 'none'));
  await page.waitForFunction(() => document.querySelector('trypost-calendar').shadowRoot.querySelectorAll('.prepared').length === 0);
  const fresh = await state();
  assert.equal(fresh.text, may.text);
  assert.ok(may.text.includes('more'));
  assert.deepEqual(problems, []);
  await page.close();
});

// A week whose overlaps are known: UTC, Monday 2026-05-11 to Sunday 2026-05-17.
async function weekSnapshot() {
  const at = (day, hm) => `2026-05-${day} ${hm}:00`;
  const times = [
    ['11', '09:40'], ['11', '09:55'], ['11', '10:05'], // one group of three, side by side
    ['11', '10:20'], // overlaps 09:55 and 10:05 (30 min each): goes into the column 09:40 freed
    ['11', '14:00'], // alone: full width
    ['13', '18:00'], ['13', '18:00'], ['13', '18:00'], ['13', '18:00'], ['13', '18:00'], // five in one hour: 2 shown, "+3 more"
    ['16', '23:45'],
  ];
  const posts = times.map(([day, hm], i) => ({
    id: String(900 + i), status: 'scheduled', content: `Week post ${i}`, scheduled_at: at(day, hm), published_at: null,
    platforms: [{ id: `wp-${i}`, platform: 'x', content_type: 'x_post', social_account: { id: 'acc-x' } }], labels: [],
  }));
  return JSON.stringify(await exportSnapshot({ workspace: { name: 'Week', brand: {} }, accounts: [{ id: 'acc-x', platform: 'x', display_name: 'X', username: '@x', is_active: true, status: 'connected' }], labels: [], posts }));
}

test('week view: a time grid with hours down the side, posts placed by time in overlap columns, keys and labels', async () => {
  const { page, problems } = await openExample({ snapshot: await weekSnapshot(), query: '?view=week&date=2026-05-13&time-zone=UTC&week-start=monday' });
  await waitRendered(page);
  const read = () => page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    const hour = root.querySelector('.hour').getBoundingClientRect().height;
    const columns = [...root.querySelectorAll('[role="gridcell"]')];
    return {
      title: root.querySelector('[part~="title"]').textContent,
      hours: [...root.querySelectorAll('.hour')].map((h) => h.textContent),
      headers: [...root.querySelectorAll('[role="columnheader"]')].map((h) => h.getAttribute('aria-label')),
      days: columns.map((c) => {
        const box = c.getBoundingClientRect();
        return {
          date: c.dataset.date,
          label: c.querySelector('.day-label')?.getAttribute('aria-label'),
          more: c.querySelector('[part~="more"]')?.textContent ?? null,
          posts: [...c.querySelectorAll('[part~="post"]')].map((p) => {
            const r = p.getBoundingClientRect();
            return {
              text: p.querySelector('.text').textContent,
              label: p.getAttribute('aria-label'),
              // in minutes from the column's top, and in fractions of the column's inner width
              at: Math.round(((r.top - box.top - c.clientTop) / hour) * 60),
              left: Math.round(((r.left - box.left - c.clientLeft) / c.clientWidth) * 100) / 100,
              width: Math.round(((r.width + 2) / c.clientWidth) * 100) / 100,
            };
          }),
        };
      }),
    };
  });
  const week = await read();
  assert.equal(week.title, 'May 11 – 17, 2026');
  assert.equal(week.hours.length, 24, 'one row per hour down the side');
  assert.match(week.hours[9], /9/);
  assert.equal(week.days.length, 7);
  assert.equal(week.headers[0], 'Monday, May 11, 2026');
  const mon = week.days[0];
  assert.equal(mon.label, 'Monday, May 11, 2026, 5 posts');
  assert.deepEqual(mon.posts.map((p) => [p.text, p.at, p.left, p.width]), [
    ['Week post 0', 9 * 60 + 40, 0, 0.33],
    ['Week post 1', 9 * 60 + 55, 0.33, 0.33],
    ['Week post 2', 10 * 60 + 5, 0.67, 0.33],
    ['Week post 3', 10 * 60 + 20, 0, 0.33],
    ['Week post 4', 14 * 60, 0, 1],
  ]);
  // Times follow the element's lang (en: a 12-hour clock, like the hour labels beside them).
  assert.match(mon.posts[0].label, /^Monday, May 11, 2026, 09:40\sAM, scheduled, on X, Week post 0$/);
  const wed = week.days[2];
  assert.equal(wed.posts.length, 2, 'an hour keeps two posts and a "+N more" for the rest');
  assert.equal(wed.more, '+3 more');
  assert.equal(wed.label, 'Wednesday, May 13, 2026, 5 posts');
  assert.deepEqual(week.days[5].posts.map((p) => p.at), [23 * 60 + 45]);
  assert.equal(week.days.filter((d) => d.posts.length === 0).length, 4);
  // Keyboard: one tab stop, on the date attribute's day; Enter on it shows the whole day.
  const focused = () => page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.activeElement?.dataset.date);
  await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelector('[role="gridcell"][tabindex="0"]').focus());
  assert.equal(await focused(), '2026-05-13');
  await page.keyboard.press('Enter');
  const expanded = (await read()).days[2];
  assert.equal(expanded.more, null);
  assert.deepEqual(expanded.posts.map((p) => [p.at, p.left, p.width]), [0, 1, 2, 3, 4].map((i) => [18 * 60, i / 5, 0.2]));
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), '2026-05-12');
  await page.keyboard.press('End');
  assert.equal(await focused(), '2026-05-17', 'End: the last day of the week (Monday start)');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), '2026-05-24', 'ArrowDown: a week on shows the next week');
  const next = await page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    return { title: root.querySelector('[part~="title"]').textContent, live: root.querySelector('[aria-live]').textContent, tabbable: root.querySelectorAll('[tabindex="0"]').length };
  });
  assert.deepEqual(next, { title: 'May 18 – 24, 2026', live: 'May 18 – 24, 2026', tabbable: 1 });
  assert.deepEqual(problems, []);
  await page.close();
});

// Daylight saving in the week grid (Europe/Paris, 2026): every day keeps the same 24 clock hours
// under the one hour axis, so a 10:00 post sits level with the other days' 10:00 and with the
// "10" label; the change is marked and spoken.
test('week view across daylight-saving changes: posts at their wall-clock time, the jump marked and spoken', async () => {
  const post = (id, at) => ({ id, status: 'scheduled', content: `DST ${id}`, scheduled_at: at, published_at: null,
    platforms: [{ id: `dp-${id}`, platform: 'x', content_type: 'x_post', social_account: { id: 'acc-x' } }], labels: [] });
  const posts = [
    post('sat10', '2026-03-28 09:00:00'), // 10:00 CET
    post('sun0330', '2026-03-29 01:30:00'), // 03:30 CEST, just after the jump
    post('sun10', '2026-03-29 08:00:00'), // 10:00 CEST
    post('first0230', '2026-10-25 00:30:00'), // 02:30 CEST
    post('second0230', '2026-10-25 01:30:00'), // 02:30 CET, an hour later
  ];
  const snap = JSON.stringify(await exportSnapshot({ workspace: { name: 'DST', brand: {} }, accounts: [{ id: 'acc-x', platform: 'x', display_name: 'X', username: '@x', is_active: true, status: 'connected' }], labels: [], posts }));
  const read = (page) => page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    const hours = [...root.querySelectorAll('.hour')];
    const hour = hours[0].getBoundingClientRect().height;
    return [...root.querySelectorAll('[role="gridcell"]')].map((c) => {
      const box = c.getBoundingClientRect();
      const minuteOf = (r) => Math.round(((r.top - box.top - c.clientTop) / hour) * 60);
      return {
        date: c.dataset.date,
        label: c.querySelector('.day-label').getAttribute('aria-label'),
        height: Math.round(box.height / hour),
        changes: [...c.querySelectorAll('[part~="clock-change"]')].map((l) => minuteOf(l.getBoundingClientRect())),
        posts: [...c.querySelectorAll('[part~="post"]')].map((p) => {
          const r = p.getBoundingClientRect();
          return [p.querySelector('.text').textContent, minuteOf(r), Math.round(((r.left - box.left - c.clientLeft) / c.clientWidth) * 100) / 100];
        }),
        // the hour label level with each post, read from the side
        labels: [...c.querySelectorAll('[part~="post"]')].map((p) => {
          const top = p.getBoundingClientRect().top;
          return hours.find((h) => Math.abs(h.getBoundingClientRect().top - top) < 2 || (h.getBoundingClientRect().top <= top && h.getBoundingClientRect().bottom > top))?.textContent;
        }),
      };
    });
  });
  const { page, problems } = await openExample({ snapshot: snap, query: '?view=week&date=2026-03-29&time-zone=Europe/Paris&week-start=monday&max-rows=0' });
  await waitRendered(page);
  const spring = await read(page);
  const sat = spring.find((d) => d.date === '2026-03-28');
  const sun = spring.find((d) => d.date === '2026-03-29');
  assert.deepEqual(sat.posts, [['DST sat10', 600, 0]]);
  assert.deepEqual(sun.posts, [['DST sun0330', 210, 0], ['DST sun10', 600, 0]], 'Sunday 10:00 is level with Saturday 10:00');
  assert.equal(sun.labels[1], sat.labels[0]);
  assert.match(sun.labels[1], /10/);
  assert.match(sun.labels[0], /3/);
  assert.equal(sun.height, sat.height, 'a 23-hour day is drawn on the same 24 clock hours');
  assert.deepEqual(sun.changes, [180]);
  assert.deepEqual(sat.changes, []);
  assert.match(sun.label, /clocks go forward 1 hour at 02:00\sAM/);
  assert.doesNotMatch(sat.label, /clocks/);
  await page.evaluate(() => document.querySelector('trypost-calendar').setAttribute('date', '2026-10-25'));
  await page.waitForFunction(() => document.querySelector('trypost-calendar').shadowRoot.querySelector('[data-date="2026-10-25"]'));
  const autumn = (await read(page)).find((d) => d.date === '2026-10-25');
  assert.deepEqual(autumn.posts, [['DST first0230', 150, 0], ['DST second0230', 150, 0.5]], 'both 02:30s in the repeated hour, side by side');
  assert.deepEqual(autumn.changes, [120]);
  assert.match(autumn.label, /clocks go back 1 hour at 03:00\sAM/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('widget proxy: a fresh token from `trypost widget-token` shows the workspace posts; an expired one shows the error state', async () => {
  const bin = new URL('../../bin/trypost.js', import.meta.url).pathname;
  const r = spawnSync(process.execPath, [bin, 'widget-token', '--workspace', NORTHWIND, '--secret-base64', SECRET, '--ttl', '300'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const token = r.stdout.trim();
  const endpoint = `/widget-api/workspaces/${NORTHWIND}`;
  const today = new Date().toISOString().slice(0, 10);
  const q = (t) => `?endpoint=${encodeURIComponent(endpoint)}&token=${encodeURIComponent(t)}&date=${today}&time-zone=UTC`;
  // What the API itself says is in this month, read through the proxy page by page.
  const month = today.slice(0, 7);
  const apiPosts = [];
  for (let pageNo = 1; ; pageNo++) {
    const res = await fetch(`${base}${endpoint}/posts?page=${pageNo}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    const body = await res.json();
    apiPosts.push(...body.data);
    if (pageNo >= body.meta.last_page) break;
  }
  const expected = apiPosts.filter((p) => (p.scheduled_at ?? p.published_at ?? '').startsWith(month)).length;
  assert.ok(expected > 0, 'the demo seed has posts this month');
  const { page, problems, events } = await openExample({ query: `${q(token)}&max-rows=0` });
  await waitRendered(page);
  const shown = await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelectorAll('[role="gridcell"]:not(.outside) [part~="post"]').length);
  assert.equal(shown, expected, 'every post of this month, through the proxy');
  assert.ok(!events.some((e) => e.type === 'error'));
  assert.deepEqual(problems, []);
  await page.close();

  const nowSec = Math.floor(Date.now() / 1000);
  const expired = signWidgetToken({ workspaceId: NORTHWIND, secret: Buffer.from(SECRET, 'base64'), ttlSec: 60, nowSec: nowSec - 600 });
  const bad = await openExample({ query: q(expired) });
  await bad.page.waitForFunction(() => document.querySelector('trypost-calendar')?.state === 'error', null, { timeout: 30000 });
  const text = await bad.page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelector('[part~="message"]').textContent);
  assert.match(text, /expired/);
  assert.deepEqual(bad.events.filter((e) => e.type === 'error').map((e) => e.code), ['unauthorized']);
  assert.ok(!bad.problems.some((p) => p.startsWith('pageerror')));
  assert.deepEqual(bad.problems.filter((p) => !/status of 401/.test(p)), []);
  await bad.page.close();
});

test('dist/widget/ runs on its own under the strict CSP and loads its calendar-only WASM, not the whole core', async () => {
  const page = await browser.context.newPage();
  const problems = watchPage(page);
  await page.route((url) => url.pathname === '/trypost/example.html', async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': STRICT_CSP } });
  });
  await page.route((url) => url.pathname === '/trypost/example-snapshot.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: snapshot2000 }));
  const wasm = [];
  page.on('response', (r) => { if (r.url().endsWith('.wasm')) wasm.push({ path: new URL(r.url()).pathname, type: r.headers()['content-type'] }); });
  const response = await page.goto(`${base}/trypost/example.html?date=2026-05-15`);
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  await waitRendered(page);
  assert.deepEqual(wasm, [{ path: '/trypost/trypost-calendar-core.wasm', type: 'application/wasm' }]);
  assert.ok(await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelectorAll('[part~="post"]').length) > 50);
  // The module it runs is the calendar section of the bindings only.
  const exported = await page.evaluate(async () => {
    const core = await (await import('/trypost/core.js')).loadCore();
    return { calendar: typeof core.CalendarIndex, snapshot: typeof core.snapshotImport, counting: typeof core.countText, store: typeof core.Store, signing: typeof core.signature_base };
  });
  assert.deepEqual(exported, { calendar: 'function', snapshot: 'function', counting: 'undefined', store: 'undefined', signing: 'undefined' });
  assert.deepEqual(problems, []);
  await page.close();
});
