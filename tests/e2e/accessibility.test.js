// An automated accessibility audit (axe-core, the engine behind most such checkers) of the
// dashboard's screens at both sizes: sign-in, the four calendar views, the workspace menu, the
// create, composer and device sign-out dialogs, every settings tab, and a Viewer's calendar; and
// of the embeddable widget's example page, light and dark, month and week. Any violation fails, with the rule, the
// element and what to fix; no rule is waived.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchBrowser, startDevServer } from './browser.js';
import { makeSnapshot } from './widget-data.js';
import { startDashboard, signIn, switcher, OWNER_TOKEN, VIEWER_TOKEN } from './dashboard-support.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let dash;
let browser;
before(async () => {
  dash = await startDashboard();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await dash?.close();
});

// The page's CSP allows no inline script: axe is evaluated through the DevTools protocol.
async function audit(page, screen) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const { violations: found } = await window.axe.run(document, { resultTypes: ['violations'] });
    return found.map((v) => ({
      rule: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  });
  assert.deepEqual(violations, [], `${screen}: ${violations.map((v) => `[${v.impact}] ${v.rule} (${v.help})\n  ${v.nodes.join('\n  ')}`).join('\n')}`);
}

for (const [width, height] of [[1280, 800], [390, 844]]) {
  test(`every main screen passes the audit at ${width}x${height}`, async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`${dash.url}/app/`);
    await page.getByLabel('Account token').waitFor();
    await audit(page, 'sign-in');
    await signIn(page, dash.url);
    await page.getByRole('grid').waitFor();
    await audit(page, 'month');
    await page.getByRole('grid').getByRole('button', { name: /, scheduled \(UTC\)/ }).first().click();
    await page.getByRole('dialog').waitFor();
    await audit(page, 'a scheduled post, open');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    for (const view of ['Week', 'Day', 'List']) {
      await page.getByRole('button', { name: view, exact: true }).click();
      await page.getByRole('button', { name: view, exact: true, pressed: true }).waitFor();
      await audit(page, view);
    }
    await page.getByRole('button', { name: 'Month', exact: true }).click();

    await switcher(page).click();
    await page.getByRole('menu').waitFor();
    await audit(page, 'workspace menu');
    await page.getByRole('menuitem', { name: 'Create workspace' }).click();
    const create = page.getByRole('dialog', { name: 'Create workspace' });
    await create.getByRole('button', { name: 'Create' }).click(); // empty: the error at the field
    await page.waitForFunction(() => document.querySelector('dialog [aria-invalid="true"]'));
    await audit(page, 'create workspace, with its error');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'New post' }).click();
    const composer = page.getByRole('dialog', { name: 'New post' });
    await composer.getByRole('textbox', { name: 'Content' }).fill('x'.repeat(300)); // over X's limit
    await audit(page, 'composer, over the limit');
    await page.keyboard.press('Escape');

    // A second device of the same person, so "Signed-in devices" offers its "Sign out".
    const phone = (method) => fetch(`${dash.url}/api/account/sessions${method === 'DELETE' ? '/device-audit-phone' : ''}`, {
      method, headers: { authorization: `Bearer ${OWNER_TOKEN}`, 'content-type': 'application/json' },
      body: method === 'POST' ? JSON.stringify({ device_id: 'device-audit-phone', device_name: 'Safari on iOS' }) : undefined,
    });
    assert.equal((await phone('POST')).status, 201);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    for (const tab of ['Workspace', 'Brand', 'Team', 'API keys', 'Labels', 'Signatures', 'Social accounts']) {
      await page.getByRole('tab', { name: tab }).click();
      const panel = page.getByRole('tabpanel', { name: tab });
      await panel.waitFor();
      await page.waitForFunction(() => !document.querySelector('[role="tabpanel"] [aria-busy="true"]'));
      await audit(page, `settings: ${tab}`);
      if (tab !== 'API keys') continue;
      await panel.getByRole('button', { name: 'Sign out Safari on iOS' }).click();
      await page.getByRole('dialog', { name: 'Sign out "Safari on iOS"?' }).waitFor();
      await audit(page, 'sign out another device');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    assert.equal((await phone('DELETE')).status, 204);
    await page.close();
  });
}

test("a Viewer's calendar and settings pass the audit", async () => {
  const key = dash.emulator.secrets.keys.find((k) => k.user === 'victor@northwind.test').plain_token;
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, dash.url, VIEWER_TOKEN, key);
  await page.getByRole('grid').waitFor();
  await audit(page, 'viewer: month');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Team' }).click();
  await page.waitForFunction(() => !document.querySelector('[role="tabpanel"] [aria-busy="true"]'));
  await audit(page, 'viewer: team');
  await page.close();
});

test('the widget passes the audit, light and dark, month and week', async () => {
  const dev = await startDevServer({});
  const snapshot = JSON.stringify(await makeSnapshot(2000));
  try {
    for (const colorScheme of ['light', 'dark']) {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.route((url) => url.pathname === '/widget/example-snapshot.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: snapshot }));
      await page.goto(`${dev.url}/widget/example.html?date=2026-05-15`);
      await page.waitForFunction(() => document.querySelector('trypost-calendar')?.shadowRoot?.querySelector('[role="grid"] [role="gridcell"]'));
      await audit(page, `widget, ${colorScheme}, month`);
      await page.evaluate(() => document.querySelector('trypost-calendar').setAttribute('view', 'week'));
      await page.waitForFunction(() => document.querySelector('trypost-calendar').shadowRoot.querySelector('.week-view'));
      await audit(page, `widget, ${colorScheme}, week`);
      await page.close();
    }
  } finally {
    await dev.close();
  }
});
