// The dashboard's "Export calendar" and "Offline preview", for the owner and for a viewer: the
// downloads hold no key, token or secret, and open from file:// with the network off showing the
// month that was on screen (the snapshot through `trypost preview`, the preview file as it is).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDashboardPage, signIn, routeLanguage, clockReady, OWNER_TOKEN, VIEWER_TOKEN } from './dashboard-support.js';
import { watchPage } from './browser.js';
import { openOffline } from './offline-page.js';
import { trypostAsync } from '../js/cli-support.js';

const SHOTS = process.env.TRYPOST_SHOTS ?? '/tmp/shots';
let env;
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trypost-export-e2e-'));
  env = await openDashboardPage();
});
after(async () => {
  await env?.close();
  rmSync(dir, { recursive: true, force: true });
});

// Every credential the demo holds: account tokens, workspace keys, the upload-signing key.
function secrets() {
  const seed = JSON.parse(readFileSync(new URL('../../seeds/demo.json', import.meta.url), 'utf8'));
  const out = seed.users.map((u) => u.account_token);
  for (const k of env.dash.emulator.secrets.keys) out.push(k.plain_token);
  return out.filter(Boolean);
}

// Clicks a download button until the file comes (a first visit reads every post before the
// calendar can be exported; the page says so meanwhile).
async function download(page, name, file) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const waiting = page.waitForEvent('download', { timeout: 3000 }).catch(() => null);
    await page.getByRole('button', { name }).click();
    const d = await waiting;
    if (d) {
      await d.saveAs(file);
      return d.suggestedFilename();
    }
  }
  throw new Error(`no download from "${name}"`);
}

// What a month shows per in-month day: the texts of the posts drawn there and the "+N more".
async function monthCells(page, selector) {
  return page.evaluate((sel) => {
    const out = {};
    for (const cell of document.querySelectorAll(sel.cell)) {
      out[cell.dataset.date] = [...cell.querySelectorAll(sel.text)].map((t) => t.textContent).concat([...cell.querySelectorAll(sel.more)].map((m) => m.textContent.match(/\d+/)?.[0]));
    }
    return out;
  }, selector);
}

for (const [role, token, email] of [['owner', OWNER_TOKEN, null], ['viewer', VIEWER_TOKEN, 'victor@northwind.test']]) {
  test(`${role}: "Export calendar" and "Offline preview" download files without secrets that open offline on the same month`, async () => {
    const page = await env.browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const problems = watchPage(page);
    // A viewer signs in with a key of their own, as in the roles tests.
    const key = email ? env.dash.emulator.secrets.keys.find((k) => k.user === email).plain_token : '';
    await signIn(page, env.dash.url, token, key);
    await page.getByRole('grid').waitFor();
    const title = await page.locator('.cal-title').textContent();
    const monthOnScreen = await page.evaluate(() => document.querySelector('tp-calendar').state.date.slice(0, 7));

    const snapFile = join(dir, `${role}-snapshot.json`);
    const previewFile = join(dir, `${role}-preview.html`);
    const snapName = await download(page, 'Export calendar', snapFile);
    const previewName = await download(page, 'Offline preview', previewFile);
    assert.match(snapName, /^[a-z0-9-]+-calendar-\d{4}-\d{2}-\d{2}\.json$/);
    assert.match(previewName, new RegExp(`^[a-z0-9-]+-preview-${monthOnScreen}\\.html$`));
    if (role === 'owner') await page.screenshot({ path: join(SHOTS, 'dashboard-downloads-1280.png') });

    const snapText = readFileSync(snapFile, 'utf8');
    const previewText = readFileSync(previewFile, 'utf8');
    for (const s of secrets()) {
      assert.ok(!snapText.includes(s), `the snapshot holds no credential (${s.slice(0, 8)}…)`);
      assert.ok(!previewText.includes(s), `the preview holds no credential (${s.slice(0, 8)}…)`);
    }
    for (const word of ['plain_token', 'api_key', 'access_token', 'account_token', 'Bearer ']) {
      assert.ok(!snapText.includes(word) && !previewText.includes(word), word);
    }
    const snapshot = JSON.parse(snapText);
    assert.equal(snapshot.format, 'trypost-calendar-snapshot');

    // The month on the dashboard, per day.
    const dashboard = await monthCells(page, { cell: '[role="gridcell"][data-date]', text: 'button.post .post-text', more: '.more' });

    // The snapshot through `trypost preview`, and the preview file as downloaded.
    const fromSnapshot = join(dir, `${role}-from-snapshot.html`);
    const r = await trypostAsync(['preview', '--date', monthOnScreen, '--out', fromSnapshot], snapText);
    assert.equal(r.status, 0, r.stderr);
    for (const file of [previewFile, fromSnapshot]) {
      const p = await openOffline(env.browser, file);
      try {
        assert.equal(await p.page.locator('#period').textContent(), title);
        const offline = await monthCells(p.page, { cell: 'td[data-date]:not(.out)', text: '.post .x', more: '.more' });
        assert.ok(Object.keys(offline).length >= 28);
        for (const [date, shown] of Object.entries(offline)) assert.deepEqual(shown, dashboard[date], `${date} as on the dashboard`);
        assert.ok(Object.values(offline).some((s) => s.length > 0), 'the month has posts');
        assert.deepEqual(p.problems, []);
        assert.deepEqual(p.attempts, []);
      } finally {
        await p.close();
      }
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('times follow the page language: 24-hour in en-GB (the dashboard), 12-hour in en-US, on the calendar and in the offline preview', async () => {
  for (const lang of ['en-GB', 'en-US']) {
    const page = await env.browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const problems = watchPage(page);
    if (lang !== 'en-GB') await routeLanguage(page, lang);
    await signIn(page, env.dash.url, OWNER_TOKEN);
    await page.getByRole('grid').waitFor();
    await clockReady(page);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Previous' }).click();
    const times = await page.locator('[role="gridcell"] button.post .post-time').allTextContents();
    assert.ok(times.length > 0);
    const pattern = lang === 'en-US' ? /^\d{2}:\d{2}\s(AM|PM)$/ : /^\d{2}:\d{2}$/;
    assert.ok(times.every((t) => pattern.test(t)), `${lang}: ${times.slice(0, 4).join(' | ')}`);
    const file = join(dir, `times-${lang}.html`);
    await download(page, 'Offline preview', file);
    const p = await openOffline(env.browser, file);
    try {
      const offline = await p.page.locator('td:not(.out) .post .t').allTextContents();
      assert.ok(offline.length > 0 && offline.every((t) => pattern.test(t)), `${lang} preview: ${offline.slice(0, 4).join(' | ')}`);
    } finally {
      await p.close();
    }
    assert.deepEqual(problems, []);
    await page.close();
  }
});
