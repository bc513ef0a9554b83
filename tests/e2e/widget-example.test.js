// The widget's example pages as `npm start` serves them (server/dev.js with its own emulator and
// nothing routed by the test): the snapshot example shows this month's demo posts from a file the
// server made at start, the live example shows them through the widget proxy with the token the
// server mints, and both fit a 390 px phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, watchPage } from './browser.js';
import { createDevHandlers, createDevServer, listen } from '../../server/dev.js';
import { DEMO_WORKSPACE } from '../../server/widget-demo.js';

const SHOTS = process.env.TRYPOST_SHOTS ?? '/tmp/shots';
let browser;
let server;
let base;
let dev;
let dataDir;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'trypost-widget-example-'));
  mkdirSync(SHOTS, { recursive: true });
  const handlers = [];
  server = createDevServer({ handlers });
  const { port } = await listen(server, 0);
  base = `http://127.0.0.1:${port}`;
  dev = await createDevHandlers({ TRYPOST_EMULATOR_DATA: dataDir }, { port });
  handlers.push(...dev.handlers);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await dev?.widgetDemo?.ready;
  await dev?.emulator?.close();
  await new Promise((r) => { server.closeAllConnections(); server.close(r); });
  rmSync(dataDir, { recursive: true, force: true });
});

// This month's posts of the demo workspace, as the API (read through the dev server) has them.
async function postsThisMonth() {
  const token = await (await fetch(`${base}/widget/demo-token.json`)).json();
  const month = new Date().toISOString().slice(0, 7);
  const out = [];
  for (let n = 1; ; n++) {
    const body = await (await fetch(`${base}${token.endpoint}/posts?page=${n}`, { headers: { authorization: `Bearer ${token.token}` } })).json();
    out.push(...body.data.filter((p) => (p.scheduled_at ?? p.published_at ?? '').startsWith(month)));
    if (n >= body.meta.last_page) return out;
  }
}

async function open(path, width) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const problems = watchPage(page);
  await page.goto(`${base}/widget/${path}`);
  await page.waitForFunction(() => {
    const c = document.querySelector('trypost-calendar');
    return c?.state === 'ready' && c.shadowRoot.querySelector('[role="grid"]');
  }, null, { timeout: 30000 });
  return { page, problems };
}

const postsShown = (page) => page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelectorAll('[role="gridcell"]:not(.outside) [part~="post"]').length);

test('the example page shows this month with the demo posts, and says how to embed it', async () => {
  const want = (await postsThisMonth()).length;
  assert.ok(want > 0, 'the demo seed has posts this month');
  for (const width of [1280, 390]) {
    const { page, problems } = await open('example.html?max-rows=0&time-zone=UTC', width);
    const title = await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelector('[part~="title"]').textContent);
    assert.equal(title, new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date()));
    assert.equal(await postsShown(page), want, `every post of this month at ${width} px`);
    const embed = await page.getByRole('region', { name: 'On your own site' }).textContent();
    assert.match(embed, /trypost widget-proxy --port 8787/);
    assert.match(embed, /keeps no state, so several can run behind a load\s+balancer/);
    const o = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    assert.ok(o.scroll <= o.inner, `no horizontal scroll at ${width} px: ${o.scroll} > ${o.inner}`);
    await page.screenshot({ path: join(SHOTS, `widget-example-month-${width}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('the live example reads the same month through the widget proxy with a token the server minted', async () => {
  const want = (await postsThisMonth()).length;
  const { page, problems } = await open('example-live.html', 1280);
  const endpoint = await page.evaluate(() => document.querySelector('trypost-calendar').getAttribute('endpoint'));
  assert.equal(endpoint, `/widget-api/workspaces/${DEMO_WORKSPACE}`);
  await page.evaluate(() => document.querySelector('trypost-calendar').setAttribute('max-rows', '0'));
  await page.waitForFunction(() => document.querySelector('trypost-calendar').shadowRoot.querySelector('[role="gridcell"] [part~="post"]'));
  assert.equal(await postsShown(page), want);
  assert.match(await page.locator('#token-state').textContent(), /^read-only, for this workspace, until /);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the demo snapshot holds no key, and the token route is read-only and short-lived', async () => {
  const text = await (await fetch(`${base}/widget/example-snapshot.json`)).text();
  const file = JSON.parse(text);
  assert.equal(file.format, 'trypost-calendar-snapshot');
  assert.equal(file.workspace.name, 'Bluebird Bakery');
  assert.equal(file.workspace.brand.primary, '#f97316');
  for (const k of dev.emulator.secrets.keys) assert.ok(!text.includes(k.plain_token), 'no workspace key in the snapshot');
  const token = await (await fetch(`${base}/widget/demo-token.json`)).json();
  const claims = JSON.parse(Buffer.from(token.token.split('.')[1], 'base64url').toString());
  assert.equal(claims.sub, DEMO_WORKSPACE);
  assert.equal(claims.scope, 'read');
  assert.ok(claims.exp - claims.iat <= 600);
  const write = await fetch(`${base}${token.endpoint}/labels`, { method: 'POST', headers: { authorization: `Bearer ${token.token}` } });
  assert.equal(write.status, 403);
});

// 30 posts on one day (20 of them between 09:00 and 10:00), as a snapshot the page is pointed at.
async function busyDay() {
  const { exportSnapshot } = await import('../../web/sdk/index.js');
  const at = (h, m) => `2026-05-13 ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`;
  const posts = [];
  for (let i = 0; i < 30; i++) {
    const [h, m] = i < 20 ? [9, i * 3] : [12 + (i - 20), 10];
    posts.push({ id: `busy-${i}`, status: 'scheduled', content: `Busy post ${i}`, scheduled_at: at(h, m),
      platforms: [{ id: `bp-${i}`, platform: 'x', content_type: 'x_post', social_account: { id: 'acc-x' } }], labels: [] });
  }
  return JSON.stringify(await exportSnapshot({ workspace: { name: 'Busy', brand: {} }, accounts: [], labels: [], posts }));
}

test('a week with 30 posts on a day stays readable: a "+N more" per busy hour, one time format, no sideways page scroll', async () => {
  const snapshot = await busyDay();
  for (const width of [1280, 390]) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const problems = watchPage(page);
    await page.route((url) => url.pathname === '/busy.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: snapshot }));
    await page.goto(`${base}/widget/example.html?src=/busy.json&view=week&date=2026-05-13&time-zone=UTC`);
    await page.waitForFunction(() => document.querySelector('trypost-calendar')?.shadowRoot.querySelector('.week-view [part~="post"]'), null, { timeout: 30000 });
    const wed = await page.evaluate(() => {
      const root = document.querySelector('trypost-calendar').shadowRoot;
      const cell = root.querySelector('[role="gridcell"][data-date="2026-05-13"]');
      const posts = [...cell.querySelectorAll('[part~="post"]')];
      return {
        posts: posts.length,
        nine: posts.filter((p) => /^0?9:\d\d\s?AM$/.test(p.querySelector('.time').textContent)).length,
        more: [...cell.querySelectorAll('[part~="more"]')].map((m) => m.textContent),
        narrowest: Math.min(...posts.map((p) => p.getBoundingClientRect().width / cell.clientWidth)),
        times: posts.map((p) => p.querySelector('.time').textContent),
        hours: [...root.querySelectorAll('.hour-label')].map((h) => h.textContent).slice(8, 14),
      };
    });
    assert.equal(wed.nine, 2, 'the 09:00 hour keeps 2 posts');
    assert.deepEqual(wed.more, ['+18 more'], 'and counts the 18 others at that hour');
    assert.equal(wed.posts, 12);
    assert.ok(wed.narrowest >= 0.45, `no post narrower than half its day: ${wed.narrowest}`);
    assert.ok(wed.times.every((t) => /^\d{1,2}:\d{2}\s(AM|PM)$/.test(t)), wed.times.join(' | '));
    assert.ok(wed.hours.every((h) => /^\d{1,2}\s(AM|PM)$/.test(h)), `hour labels in the same 12-hour clock: ${wed.hours.join(' | ')}`);
    const o = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    assert.ok(o.scroll <= o.inner, `no horizontal page scroll at ${width} px: ${o.scroll} > ${o.inner}`);

    await page.screenshot({ path: join(SHOTS, `widget-week-busy-${width}.png`), fullPage: false });
    // Pressing the hour's "+N more" shows the whole day.
    await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelector('.hour-more').click());
    const all = await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelectorAll('[data-date="2026-05-13"] [part~="post"]').length);
    assert.equal(all, 30);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('at 390 px the example month is a list of days: no sideways scroll, no post text cut', async () => {
  const { page, problems } = await open('example.html?time-zone=UTC', 390);
  const cut = await page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    return [...root.querySelectorAll('[role="gridcell"]:not(.outside) [part~="post"]')]
      .filter((p) => p.scrollWidth > p.clientWidth + 1 || p.getBoundingClientRect().right > window.innerWidth).length;
  });
  assert.equal(cut, 0);
  const o = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(o.scroll <= o.inner, `${o.scroll} > ${o.inner}`);
  await page.screenshot({ path: join(SHOTS, 'widget-example-list-390.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});
