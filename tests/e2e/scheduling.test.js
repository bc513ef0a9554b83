// Scheduling as a social-media manager does it, through roles and names: times typed and shown
// in the chosen display zone (stored and sent as UTC; a time the clocks skip is refused with the
// reason), entries naming the networks they go to, and a post sent with "Publish now" turning
// into "published" on the page, without a reload, once the emulator's scheduler has run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useWorkspacePage, signIn, pickWorkspace, nextMonthDay, dayName, postsByContent, routeLanguage, clockReady, pickZone as typeZone } from './dashboard-support.js';
import { watchPage } from './browser.js';

let dash;
let page;
let problems;
let api;
useWorkspacePage('Northwind Agency', (env) => ({ dash, page, problems, api } = env));

// The display zone, then the entries naming the zone their times are in.
async function pickZone(zone, on = page) {
  await typeZone(on, zone);
  await on.getByRole('grid').getByRole('button', { name: new RegExp(`\\(${zone.replace('/', '\\/')}\\)`) }).first().waitFor();
}

async function newPost(text) {
  await page.getByRole('button', { name: 'New post' }).click();
  const dialog = page.getByRole('dialog', { name: 'New post' });
  await dialog.getByLabel('Northwind (X)', { exact: true }).check();
  await dialog.getByRole('textbox', { name: 'Content' }).fill(text);
  return dialog;
}

test('in Asia/Tokyo a post scheduled at 09:00 is sent as 00:00 UTC and shown at 09:00', async () => {
  const day = nextMonthDay(15);
  await pickZone('Asia/Tokyo');
  await page.getByText('UTC+09:00').first().waitFor();
  const dialog = await newPost('Tokyo breakfast e2e');
  await dialog.getByLabel('Schedule time (Asia/Tokyo)').fill(`${day}T09:00`);
  // The UTC time is shown beside the zone's.
  await dialog.getByText(`In UTC: ${day} 00:00.`).waitFor();
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await dialog.waitFor({ state: 'detached' });
  // The notice says the time in the zone with UTC beside it ("15 Jan 2027, 09:00 Asia/Tokyo (00:00 UTC)").
  const dayWords = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`));
  await page.getByRole('status').filter({ hasText: `Scheduled for ${dayWords}, 09:00 Asia/Tokyo (00:00 UTC).` }).waitFor();
  const [sent] = await postsByContent(api, 'Tokyo breakfast e2e');
  assert.equal(sent.status, 'scheduled');
  assert.equal(sent.scheduled_at, `${day} 00:00:00`);
  await page.getByRole('button', { name: 'Next' }).click();
  const cell = page.getByRole('gridcell', { name: new RegExp(`^${dayName(day)},`) });
  await cell.getByRole('button', { name: /^09:00 Tokyo breakfast e2e, scheduled \(Asia\/Tokyo\); to X$/ }).waitFor();
  // Opened again, the composer shows the zone's time, not UTC's.
  await cell.getByRole('button', { name: /Tokyo breakfast e2e/ }).click();
  const edit = page.getByRole('dialog', { name: 'Edit post' });
  assert.equal(await edit.getByLabel('Schedule time (Asia/Tokyo)').inputValue(), `${day}T09:00`);
  await edit.getByRole('button', { name: 'Close' }).click();
  // The choice is remembered on this device for this workspace.
  assert.equal(await page.evaluate(() => localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('trypost.displayZone.')))), 'Asia/Tokyo');
});

test('a time the clocks skip in Europe/Paris is refused with the reason, and nothing is sent', async () => {
  await pickZone('Europe/Paris');
  const dialog = await newPost('Paris spring gap e2e');
  await dialog.getByLabel('Schedule time (Europe/Paris)').fill('2027-03-28T02:30');
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  const sentence = '02:30 on 28 March 2027 does not exist in Europe/Paris: the clocks go forward from 02:00 to 03:00 that night. Pick a time before 02:00 or from 03:00.';
  await dialog.getByText(sentence).first().waitFor();
  assert.equal(await dialog.getByLabel('Schedule time (Europe/Paris)').getAttribute('aria-invalid'), 'true');
  // One that exists goes through.
  await dialog.getByLabel('Schedule time (Europe/Paris)').fill('2027-03-28T03:30');
  await dialog.getByText('In UTC: 2027-03-28 01:30.').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  assert.deepEqual(await postsByContent(api, 'Paris spring gap e2e'), []);
  await pickZone('UTC');
});

test("each entry's accessible name says which networks it goes to", async () => {
  await page.getByRole('button', { name: 'Today' }).click();
  for (const view of ['Month', 'Week', 'List']) {
    await page.getByRole('button', { name: view, exact: true }).click();
    await page.getByRole('button', { name: view, exact: true, pressed: true }).waitFor();
    const entries = page.locator('#content button.post');
    await entries.first().waitFor();
    const names = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.ok(names.length > 0, view);
    for (const name of names) assert.match(name, /; to (X|LinkedIn|LinkedIn page|Facebook page|Instagram|TikTok|YouTube|Threads|Pinterest|Bluesky|Mastodon|Telegram|Discord)\b/, `${view}: ${name}`);
  }
  assert.ok((await page.locator('#content button.post[aria-label*="LinkedIn page"]').count()) > 0, 'a LinkedIn page post names its network');
  await page.getByRole('button', { name: 'Month', exact: true }).click();
});

test('"Publish now" turns into "published" on the page once the scheduler has run, without a reload', async () => {
  await page.evaluate(() => { window.sameDocument = true; });
  const dialog = await newPost('Live status e2e');
  await dialog.getByRole('button', { name: 'Publish now' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /Live status e2e, publishing/ }).waitFor();
  // While it is being published it opens read-only, saying why, and cannot be deleted.
  await page.getByRole('button', { name: /Live status e2e, publishing/ }).click();
  const sending = page.getByRole('dialog', { name: 'Post' });
  await sending.getByText('This post is being published right now, so it can no longer be edited, moved or deleted.').waitFor();
  assert.equal(await sending.getByRole('button', { name: 'Delete post' }).count(), 0);
  assert.equal(await sending.getByRole('button', { name: 'Duplicate as new post' }).count(), 1);
  await sending.getByRole('button', { name: 'Close' }).click();
  await dash.emulator.tick();
  await dash.emulator.tick();
  assert.equal((await postsByContent(api, 'Live status e2e'))[0].status, 'published');
  await page.getByRole('button', { name: /Live status e2e, published \(UTC\); to X/ }).waitFor({ timeout: 30_000 });
  await page.getByRole('status').filter({ hasText: 'Published: "Live status e2e" on X.' }).waitFor();
  assert.equal(await page.evaluate(() => window.sameDocument), true);
  assert.deepEqual(problems, []);
});

test('an edit made offline is shown in place, marked queued, and still after a reload, until it is sent', async () => {
  const context = page.context();
  const p2 = await context.newPage();
  await p2.setViewportSize({ width: 1280, height: 800 });
  await signIn(p2, dash.url, undefined, '', { remember: true });
  await pickWorkspace(p2, 'Northwind Agency');
  await p2.getByRole('grid').waitFor();
  // The server cannot take the edit: offline first, then unreachable for post edits after the reload.
  await p2.route('**/api/posts/*', (route) => (route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue()));
  const post = p2.locator('[role=grid] button.post[draggable="true"]').first();
  const name = await post.getAttribute('aria-label');
  const text = name.replace(/^\d\d:\d\d /, '').replace(/, \w+ \(UTC\).*$/, '');
  const from = await post.getAttribute('data-date');
  await context.setOffline(true);
  try {
    await post.focus();
    await p2.keyboard.press('Alt+ArrowRight');
    await p2.getByRole('status').filter({ hasText: '1 edit queued on this device' }).waitFor();
    const queued = p2.getByRole('grid').getByRole('button', { name: new RegExp(`^\\d\\d:\\d\\d queued ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*; waiting to be sent`) });
    await queued.waitFor();
    assert.notEqual(await queued.getAttribute('data-date'), from, 'shown on its new day');
  } finally {
    await context.setOffline(false);
  }
  await p2.reload();
  await p2.getByRole('grid').getByRole('button', { name: /queued .*; waiting to be sent/ }).waitFor();
  await p2.getByRole('status').filter({ hasText: 'edit queued on this device' }).first().waitFor();
  const outboxes = () => p2.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n.startsWith('trypost-outbox-')));
  assert.equal((await outboxes()).length, 1, 'the waiting edit is kept in IndexedDB');
  // Forgetting the device leaves nothing of it, the waiting edit included.
  await p2.getByRole('button', { name: 'Sign out and forget this device' }).click();
  await p2.getByLabel('Account token').waitFor();
  assert.deepEqual(await outboxes(), []);
  await p2.close();
});

test('on a 12-hour (en-US) page a keyboard move sends the wall time as the core reads it: a day on the month, a quarter hour on the week', async () => {
  const p = await page.context().newPage();
  await p.setViewportSize({ width: 1280, height: 800 });
  const seen = watchPage(p);
  await routeLanguage(p, 'en-US');
  const sent = [];
  p.on('request', (r) => { if (r.method() === 'PUT' && r.url().includes('/api/posts/')) sent.push(r.postDataJSON()?.scheduled_at); });
  await signIn(p, dash.url);
  await pickWorkspace(p, 'Northwind Agency');
  await p.getByRole('grid').waitFor();
  await clockReady(p);
  // Tokyo: a move by a day resolves "09:00" on the new day in the zone, which a clock written as
  // "09:00 AM" would not be.
  await pickZone('Asia/Tokyo', p);
  await p.getByRole('button', { name: 'Next' }).click();
  const [day15, day16] = [nextMonthDay(15), nextMonthDay(16)];
  const post = (day) => p.getByRole('gridcell', { name: new RegExp(`^${dayName(day)},`) }).getByRole('button', { name: /Tokyo breakfast e2e/ });
  const saved = () => p.waitForFunction(() => !document.querySelector('[role=grid] button.post[aria-busy="true"]'));
  assert.equal(await post(day15).locator('.post-time').textContent(), '09:00 AM');
  await post(day15).focus();
  await p.keyboard.press('Alt+ArrowRight');
  await post(day16).waitFor();
  await saved();
  assert.equal((await postsByContent(api, 'Tokyo breakfast e2e'))[0].scheduled_at, `${day16} 00:00:00`);
  // On the week's time grid Alt+ArrowDown is a quarter hour later.
  await p.getByRole('button', { name: 'Week', exact: true }).click();
  for (let i = 0; i < 8 && !(await post(day16).count()); i++) await p.getByRole('button', { name: 'Next' }).click();
  await post(day16).focus();
  await p.keyboard.press('Alt+ArrowDown');
  await p.getByRole('grid').getByRole('button', { name: /^09:15 AM Tokyo breakfast e2e/ }).waitFor();
  await saved();
  assert.equal((await postsByContent(api, 'Tokyo breakfast e2e'))[0].scheduled_at, `${day16} 00:15:00`);
  // What went out is the API's instant, never the clock as the page writes it.
  assert.deepEqual(sent, [`${day16}T00:00:00Z`, `${day16}T00:15:00Z`]);
  await p.getByRole('button', { name: 'Month', exact: true }).click();
  await pickZone('UTC', p);
  assert.deepEqual(seen, []);
  await p.close();
});

test('settings show times in the display zone too: the signed-in devices and the keys last used', async () => {
  await pickZone('Asia/Tokyo');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'API keys' }).click();
  const devices = page.getByRole('table', { name: 'Your signed-in devices in this workspace' });
  const mine = devices.getByRole('row').filter({ hasText: '(this device)' });
  await mine.waitFor();
  // "6 Dec 2026, 13:05 Asia/Tokyo (04:05 UTC)", with the UTC date when it differs: the core's
  // words, as the calendar's notices say.
  const cells = await mine.getByRole('cell').allTextContents();
  const words = /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d Asia\/Tokyo \((\d{4}-\d\d-\d\d )?\d\d:\d\d UTC\)$/;
  assert.match(cells[1], words, cells.join(' | '));
  assert.match(cells[2], words, cells.join(' | '));
  const keys = page.getByRole('table', { name: 'Your keys for this workspace' });
  if (await keys.count()) {
    for (const used of (await keys.getByRole('row').allTextContents()).slice(1)) assert.doesNotMatch(used, /\d{4}-\d\d-\d\d \d\d:\d\d(?! UTC)/, 'no bare UTC clock');
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Calendar' }).click();
  await page.getByRole('grid').waitFor();
});
