// <trypost-calendar> served for real: through the widget proxy with fresh and expired tokens, and
// from dist/widget/ on its own with its calendar-only WASM core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { watchPage } from './browser.js';
import { signWidgetToken } from '../../server/proxy/jwt.js';
import { useWidgetServer, openExample, waitRendered, browser, base, snapshot2000, STRICT_CSP, SECRET, NORTHWIND } from './widget-support.js';

useWidgetServer();

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
  // The core it ships is the calendar section of the bindings only.
  const exported = await page.evaluate(async () => {
    const core = await (await import('/trypost/trypost-calendar-core.mjs')).default();
    return { calendar: typeof core.CalendarIndex, snapshot: typeof core.importSnapshot, counting: typeof core.countText, store: typeof core.Store, signing: typeof core.buildSignatureBase };
  });
  assert.deepEqual(exported, { calendar: 'function', snapshot: 'function', counting: 'undefined', store: 'undefined', signing: 'undefined' });
  // In a display zone too: the zone offsets a view reads are that module's answer.
  await page.goto(`${base}/trypost/example.html?date=2026-05-15&time-zone=Asia/Tokyo`);
  await waitRendered(page);
  assert.ok(await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelectorAll('[part~="post"]').length) > 50);
  assert.deepEqual(problems, []);
  await page.close();
});
