// An offline preview opened from file:// with the network cut off: it paints, moves to the next
// month, and nothing on the page complains or tries to reach out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, watchPage } from './browser.js';
import { cutNetwork } from './offline-page.js';
import { exportSnapshot } from '../../web/sdk/index.js';

const bin = new URL('../../bin/trypost.js', import.meta.url).pathname;
let browser;
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trypost-preview-e2e-'));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (id, at, content, labels = []) => ({
  id, status: 'scheduled', content, scheduled_at: at, labels,
  platforms: [{ id: `pp${id}`, platform: 'x', content_type: 'x_post', social_account: { id: 'acc1' } }],
});

test('a preview file works offline from file:// and moves to the next month', async () => {
  const snap = await exportSnapshot({
    workspace: { name: 'Acme Studio', logo_url: 'https://cdn.example/logo.png', brand: { primary: '#0f766e', background: '#fdf6e3', text: '#222222' } },
    labels: [{ id: 'l1', name: 'Promo', color: '#f97316' }],
    posts: [
      post('1', '2026-05-10 15:30:00', 'May launch <b>bold</b>', [{ id: 'l1', name: 'Promo', color: '#f97316' }]),
      post('2', '2026-06-02 08:00:00', 'June follow-up'),
      { ...post('4', '2026-05-20 12:00:00', 'Half out'), status: 'partially_published' },
      { id: '3', status: 'draft', content: 'Someday' },
    ],
  });
  const file = join(dir, 'preview.html');
  const r = spawnSync(process.execPath, [bin, 'preview', '--date', '2026-05-10', '--out', file], { input: JSON.stringify(snap), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);

  const { context } = browser;
  const { attempts, restore } = await cutNetwork(context);
  const page = await context.newPage();
  const problems = watchPage(page);
  page.on('request', (req) => { if (!req.url().startsWith('file:')) attempts.push(req.url()); });
  await page.goto(pathToFileURL(file).href);

  const title = page.locator('#period');
  await title.waitFor();
  assert.equal(await title.textContent(), 'May 2026');
  assert.equal(await page.locator('#ws-name').textContent(), 'Acme Studio');
  const may10 = page.locator('td[data-date="2026-05-10"]');
  assert.match(await may10.textContent(), /3:30\sPM.*May launch <b>bold<\/b>/, 'the time as lang="en" writes it');
  assert.equal(await page.locator('b').count(), 0, 'post text is painted as text, never as markup');
  // A post's status in the core's words, as the dashboard and the widget say it.
  assert.match(await page.locator('td[data-date="2026-05-20"] .post').getAttribute('title'), / partially published X: Half out$/);
  assert.match(await may10.locator('.post').getAttribute('title'), / scheduled X: /);
  const brand = await page.evaluate(() => getComputedStyle(document.querySelector('header')).borderBottomColor);
  assert.equal(brand, 'rgb(15, 118, 110)');
  assert.match(await page.locator('#unscheduled').textContent(), /Someday/);

  await page.getByRole('button', { name: 'Next' }).click();
  assert.equal(await title.textContent(), 'June 2026');
  assert.match(await page.locator('td[data-date="2026-06-02"]').textContent(), /8:00\sAM.*June follow-up/);
  assert.equal(await page.getByRole('button', { name: 'Next' }).isDisabled(), true);
  await page.getByRole('button', { name: 'Previous' }).click();
  assert.equal(await title.textContent(), 'May 2026');

  assert.deepEqual(problems, []);
  assert.deepEqual(attempts, []);
  await page.close();
  await restore();
});

test("the preview's own CSP refuses a fetch even when the network is up", async () => {
  const file = join(dir, 'empty.html');
  const snap = await exportSnapshot({ workspace: { name: 'Empty' }, posts: [] });
  const r = spawnSync(process.execPath, [bin, 'preview', '--date', '2026-05-10', '--out', file], { input: JSON.stringify(snap), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const page = await browser.context.newPage();
  const problems = watchPage(page);
  await page.goto(pathToFileURL(file).href);
  await page.locator('#period').waitFor();
  const outcome = await page.evaluate(() => fetch('https://example.com/beacon').then(() => 'sent', () => 'refused'));
  assert.equal(outcome, 'refused');
  assert.ok(problems.some((p) => /Content Security Policy/.test(p)), problems.join('\n'));
  await page.close();
});
