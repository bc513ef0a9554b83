// `trypost snapshot --api ... | trypost preview ...` against the running emulator, the file opened
// from file:// with the network off: every post of the month is on the page, at 1280 px and at
// 390 px (a phone: no horizontal scroll, nothing cut), with times in the file's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './browser.js';
import { openOffline } from './offline-page.js';
import { startEmulator, TOKENS } from '../../server/emulator/test-harness.js';
import { pipeline, seedWithPosts } from '../js/cli-support.js';

const SHOTS = process.env.TRYPOST_SHOTS ?? '/tmp/shots';
let browser;
let emu;
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trypost-snapshot-e2e-'));
  mkdirSync(SHOTS, { recursive: true });
  emu = await startEmulator({ seed: seedWithPosts() });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function decemberIds() {
  const out = [];
  for (let n = 1; ; n++) {
    const r = await emu.api('GET', `/api/posts?page=${n}`);
    out.push(...r.body.data.filter((p) => p.scheduled_at?.startsWith('2026-12')).map((p) => p.content));
    if (n >= r.body.meta.last_page) return out.sort();
  }
}

const overflow = (page) => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));

test('snapshot | preview from the emulator: the file shows every post of December, at 1280 and 390 px', async () => {
  const file = join(dir, 'december.html');
  const r = await pipeline([['snapshot', '--api', emu.base, '--key', TOKENS.owner], ['preview', '--date', '2026-12', '--out', file, '--max-rows', '0']]);
  assert.equal(r.status, 0, r.stderr);
  const want = await decemberIds();
  assert.equal(want.length, 40);
  for (const width of [1280, 390]) {
    const p = await openOffline(browser, file, { width });
    try {
      assert.equal(await p.page.locator('#period').textContent(), 'December 2026');
      const shown = await p.page.locator('td:not(.out) .post .x').allTextContents();
      assert.deepEqual(shown.sort(), want, `every December post is on the page at ${width} px`);
      await p.page.screenshot({ path: join(SHOTS, `preview-month-${width}.png`), fullPage: width === 390 });
      const o = await overflow(p.page);
      assert.ok(o.scroll <= o.inner, `no horizontal scroll at ${width} px: ${o.scroll} > ${o.inner}`);
      if (width === 390) {
        // Nothing cut: every post's time and text fit inside its row.
        const cut = await p.page.evaluate(() => [...document.querySelectorAll('td:not(.out) .post, td:not(.out) .post .t, td:not(.out) .post .x')]
          .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > window.innerWidth).length);
        assert.equal(cut, 0, 'no post, time or text is cut at 390 px');
      }
      // English times follow the 12-hour clock of `lang="en"` ("06:15 AM"), never a bare "06:15".
      const times = await p.page.locator('td:not(.out) .post .t').allTextContents();
      assert.ok(times.length === 40 && times.every((t) => /^\d{1,2}:\d{2}\s(AM|PM)$/.test(t)), times.slice(0, 3).join(' | '));
      assert.deepEqual(p.problems, []);
      assert.deepEqual(p.attempts, []);
    } finally {
      await p.close();
    }
  }
});

test('a week preview at 390 px, and 24-hour times with --lang en-GB', async () => {
  const file = join(dir, 'week.html');
  const r = await pipeline([['snapshot', '--api', emu.base, '--key', TOKENS.owner], ['preview', '--date', '2026-12-07', '--view', 'week', '--lang', 'en-GB', '--out', file]]);
  assert.equal(r.status, 0, r.stderr);
  for (const width of [1280, 390]) {
    const p = await openOffline(browser, file, { width });
    try {
      assert.match(await p.page.locator('#period').textContent(), /^Week 50, 2026$/);
      const times = await p.page.locator('td:not(.out) .post .t').allTextContents();
      assert.ok(times.length > 0 && times.every((t) => /^\d{2}:\d{2}$/.test(t)), times.join(' | '));
      assert.ok(times.some((t) => Number(t.split(':')[0]) >= 13), 'a 24-hour clock');
      const o = await overflow(p.page);
      assert.ok(o.scroll <= o.inner, `no horizontal scroll at ${width} px: ${o.scroll} > ${o.inner}`);
      await p.page.screenshot({ path: join(SHOTS, `preview-week-${width}.png`), fullPage: width === 390 });
      assert.deepEqual(p.problems, []);
    } finally {
      await p.close();
    }
  }
});
