// A workspace deleted in another session: back in this tab, the list is read again and the page
// leaves the deleted workspace, saying so; nothing of it stays in the switcher.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDashboardPage, signIn, pickWorkspace, switcher, OWNER_TOKEN } from './dashboard-support.js';

let ctx;
after(() => ctx?.close());

test('a workspace deleted elsewhere leaves the switcher and the page when the tab is visible again', async () => {
  ctx = await openDashboardPage();
  const { page, dash, problems } = ctx;
  await signIn(page, dash.url);
  await page.getByRole('grid').waitFor();
  await pickWorkspace(page, 'Bluebird Bakery');
  const list = await (await fetch(`${dash.url}/api/account/workspaces`, { headers: { authorization: `Bearer ${OWNER_TOKEN}`, accept: 'application/json' } })).json();
  const bluebird = (list.data ?? list).find((w) => w.name === 'Bluebird Bakery');
  // Another session deletes it.
  const res = await fetch(`${dash.url}/api/account/workspaces/${bluebird.id}`, {
    method: 'DELETE', headers: { authorization: `Bearer ${OWNER_TOKEN}`, accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ confirm_name: 'Bluebird Bakery' }),
  });
  assert.equal(res.status, 204);
  // The user comes back to this tab.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.getByRole('status').filter({ hasText: 'The workspace "Bluebird Bakery" was deleted elsewhere' }).waitFor();
  await page.getByRole('grid').waitFor();
  assert.doesNotMatch(await switcher(page).getAttribute('aria-label') ?? await switcher(page).textContent(), /Bluebird/);
  await switcher(page).click();
  const items = await page.getByRole('menuitem').allTextContents();
  assert.ok(!items.some((t) => t.includes('Bluebird')), items.join(' | '));
  assert.ok(items.some((t) => t.includes('Northwind Agency')));
  await page.keyboard.press('Escape');
  assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource')), []);
});
