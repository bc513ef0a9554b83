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
