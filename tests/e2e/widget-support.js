// The widget's browser tests share one server: the dev server with the API emulator and the
// widget proxy, dist/widget/ built and hosted under /trypost/, 2,000 posts in a snapshot, and a
// Chromium. A test file calls useWidgetServer() once; the exported bindings are live.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, watchPage } from './browser.js';
import { createDevServer, createDevHandlers, listen } from '../../server/dev.js';
import { staticFiles } from '../../server/static.js';
import { makeSnapshot } from './widget-data.js';

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
export const SECRET = Buffer.alloc(32, 7).toString('base64');
export const NORTHWIND = '11111111-1111-4111-8111-111111111111';

export let browser;
export let base;
export let snapshot2000;
let server;
let dev;
let dataDir;

export function useWidgetServer() {
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
}

// Opens the example page with exactly the strict CSP and `body` served as the snapshot.
export async function openExample({ query = '', snapshot = snapshot2000, abortSnapshot = false, init } = {}) {
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

export async function waitRendered(page) {
  await page.waitForFunction(() => {
    const c = document.querySelector('trypost-calendar');
    return c?.state === 'ready' && c.shadowRoot.querySelector('[role="grid"], .list-view');
  }, null, { timeout: 30000 });
}
