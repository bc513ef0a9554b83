// The dashboard for a Viewer (no edit controls, reasons shown) and on a lapsed cloud plan (the
// 402 banner), driven only through roles and accessible names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, watchPage } from './browser.js';
import { readFileSync } from 'node:fs';
import { startDashboard, signIn, screenshot, pickWorkspace, VIEWER_TOKEN } from './dashboard-support.js';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('a Viewer sees the calendar but no edit controls, and is told why', async () => {
  const dash = await startDashboard();
  try {
    const key = dash.emulator.secrets.keys.find((k) => k.user === 'victor@northwind.test').plain_token;
    const page = await browser.context.newPage();
    const problems = watchPage(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, dash.url, VIEWER_TOKEN, key);
    await page.getByRole('grid').waitFor();
    assert.match(await page.getByRole('button', { name: /^Workspace: / }).getAttribute('aria-label'), /Northwind Agency \(Viewer\)/);
    assert.equal(await page.getByRole('button', { name: 'New post' }).count(), 0);
    await page.getByText(/View only: your role here is viewer/).waitFor();
    assert.equal(await page.getByRole('grid').getAttribute('aria-readonly'), 'true');
    assert.equal(await page.locator('[draggable="true"]').count(), 0);
    await page.getByText(/^Keyboard: arrows move between days/).waitFor();
    assert.equal(await page.getByText(/Alt\+/).count(), 0, 'no move keys offered to a Viewer');
    await page.getByRole('button', { name: 'List' }).click();
    await page.getByRole('button', { name: /UTC/ }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Post' });
    assert.equal(await dialog.getByRole('button', { name: 'Move' }).count(), 0);
    assert.equal(await dialog.getByRole('button', { name: 'Delete post' }).count(), 0);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Settings' }).click();
    assert.equal(await page.getByRole('button', { name: 'Save workspace' }).isDisabled(), true);
    await page.getByText(/only an Owner or Admin can change the name/).waitFor();
    await page.getByRole('tab', { name: 'Brand' }).click();
    assert.equal(await page.getByRole('button', { name: 'Save brand' }).isDisabled(), true);
    await page.getByRole('tab', { name: 'Team' }).click();
    assert.equal(await page.getByRole('button', { name: 'Invite' }).isDisabled(), true);
    assert.equal(await page.getByRole('button', { name: /^Remove / }).count(), 0);
    await page.getByRole('tab', { name: 'API keys' }).click();
    assert.equal(await page.getByRole('button', { name: 'Create key' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Delete workspace' }).count(), 0, 'not offered to a Viewer');
    await screenshot(page, 'settings-viewer-1280');
    assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource')), []);
    await page.close();
  } finally {
    await dash.close();
  }
});

test('a lapsed cloud plan, then exhausted credits, show the payment banner with what and until when', async () => {
  const dash = await startDashboard({ mode: 'cloud' });
  try {
    await dash.emulator.setAccount({ plan_status: 'past_due' });
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, dash.url);
    const banner = page.getByRole('alert').filter({ hasText: 'Payment needed' });
    await banner.waitFor();
    assert.match(await banner.textContent(), /past due/);
    await screenshot(page, 'payment-banner-390');
    await page.close();

    // Exhausted credits on an active plan: the banner says how many and until when.
    await dash.emulator.setAccount({ plan_status: 'active', credits_used: 2500 });
    const again = await browser.context.newPage();
    await signIn(again, dash.url);
    const credits = again.getByRole('alert').filter({ hasText: 'Payment needed' });
    await credits.waitFor();
    assert.match(await credits.textContent(), /2500 of 2500 used\. Editing is paused until \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    await again.close();
  } finally {
    await dash.close();
  }
});

test('a workspace of another account on a lapsed plan: not added at sign-in, with the reason; lapsing once open, the banner there only', async () => {
  // The demo account plus a workspace reached by its key alone, on an account of its own (a client
  // that shared a key with the agency), whose plan lapses once it was added.
  const seed = JSON.parse(readFileSync(new URL('../../seeds/demo.json', import.meta.url), 'utf8'));
  const HARBOR_KEY = 'tp_e2e_harbor_owner_H4r8Bq2Lw6Tz0Kc3Vn7Mx1Ps5Dg9Fj2Ya';
  const HARBOR_ACCOUNT = '00000000-0000-4000-8000-0000000000bb';
  seed.other_accounts = [{ id: HARBOR_ACCOUNT, name: 'Harbor', owner: 'nina@example.test', plan_status: 'past_due' }];
  seed.workspaces.push({
    name: 'Harbor Cafe', account: HARBOR_ACCOUNT,
    api_keys: [{ name: 'Shared with the agency', user: 'nina@example.test', plain_token: HARBOR_KEY }],
    social_accounts: [{ platform: 'x', display_name: 'Harbor Cafe', username: 'harborcafe' }],
  });
  const dash = await startDashboard({ mode: 'cloud', seed });
  try {
    const banner = (p) => p.getByRole('alert').filter({ hasText: 'Payment needed' });
    // Lapsed already when the key is given: the agency's own workspaces open, no banner over them,
    // and the reason the key's workspace is missing is said.
    const first = await browser.context.newPage();
    await signIn(first, dash.url, undefined, HARBOR_KEY);
    await first.getByRole('grid').waitFor();
    await first.getByRole('status').filter({ hasText: /workspace of the API key is not open yet: its account needs payment/ }).waitFor();
    assert.equal(await banner(first).count(), 0);
    await first.getByRole('button', { name: /^Workspace: / }).click();
    assert.equal(await first.getByRole('menuitem', { name: /^Harbor Cafe/ }).count(), 0);
    await first.keyboard.press('Escape');
    // The key waits (for this session: the device is not remembered) and is tried again on demand.
    const waiting = first.getByText("A workspace key waits for its account's payment.");
    await waiting.waitFor();
    await screenshot(first, 'waiting-key-1280');
    await first.setViewportSize({ width: 390, height: 844 });
    await screenshot(first, 'waiting-key-390');
    assert.equal(await first.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no horizontal scroll at 390 px');
    await first.setViewportSize({ width: 1280, height: 800 });
    const retry = first.getByRole('button', { name: 'Try the waiting key again' });
    await retry.click();
    await first.getByRole('status').filter({ hasText: 'Still waiting: its account needs payment.' }).waitFor();
    assert.ok(await dash.emulator.setAccount({ plan_status: 'active' }, HARBOR_ACCOUNT));
    await retry.click();
    await first.getByRole('status').filter({ hasText: 'Opened: Harbor Cafe.' }).waitFor();
    assert.equal(await waiting.count(), 0);
    await pickWorkspace(first, 'Harbor Cafe');
    await first.close();

    // Remembered: the waiting key outlives a reload (encrypted on the device), and the sign-in
    // after the account paid opens its workspace without asking for the key again.
    assert.ok(await dash.emulator.setAccount({ plan_status: 'past_due' }, HARBOR_ACCOUNT));
    const kept = await browser.context.newPage();
    await signIn(kept, dash.url, undefined, HARBOR_KEY, { remember: true });
    await kept.getByText("A workspace key waits for its account's payment.").waitFor();
    // Reloaded as soon as the page shows: the sign-in is already on the device.
    assert.ok(await dash.emulator.setAccount({ plan_status: 'active' }, HARBOR_ACCOUNT));
    await kept.reload();
    await pickWorkspace(kept, 'Harbor Cafe');
    assert.equal(await kept.getByText("A workspace key waits for its account's payment.").count(), 0);
    await kept.getByRole('button', { name: 'Sign out and forget this device' }).click();
    await kept.getByLabel('Account token').waitFor();
    await kept.close();

    // Renewed, added, then lapsed again while open.
    assert.ok(await dash.emulator.setAccount({ plan_status: 'active' }, HARBOR_ACCOUNT));
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, dash.url, undefined, HARBOR_KEY);
    await page.getByRole('grid').waitFor();
    assert.ok(await dash.emulator.setAccount({ plan_status: 'past_due' }, HARBOR_ACCOUNT));
    await pickWorkspace(page, 'Harbor Cafe');
    await banner(page).waitFor();
    assert.match(await banner(page).textContent(), /past due/);
    // The agency's own workspaces are on another account, whose plan is active: no banner there.
    await pickWorkspace(page, 'Northwind Agency');
    await page.getByRole('grid').waitFor();
    assert.equal(await banner(page).count(), 0);
    await page.getByRole('button', { name: 'New post' }).waitFor();
    await pickWorkspace(page, 'Harbor Cafe');
    await banner(page).waitFor();
    await page.close();
  } finally {
    await dash.close();
  }
});

test('a 429 shows a notice that says how long the dashboard waits', async () => {
  const dash = await startDashboard({ rateLimit: 3 });
  try {
    const page = await browser.context.newPage();
    await signIn(page, dash.url);
    const notice = page.getByRole('status').filter({ hasText: 'Too many requests' });
    await notice.waitFor();
    assert.match(await notice.textContent(), /waiting \d+ s/);
    // It stays while the request is held, whatever else answers meanwhile (the window is a minute).
    await page.waitForTimeout(1500);
    assert.equal(await notice.isVisible(), true);
    await page.close();
  } finally {
    await dash.close();
  }
});
