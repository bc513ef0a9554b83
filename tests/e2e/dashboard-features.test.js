// Labels, signatures, editing an existing post, Pinterest board and Discord channel pickers, and
// the social accounts screen, driven only through roles and accessible names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { watchPage } from './browser.js';
import { openDashboardPage, signIn, pickWorkspace, screenshot, dayName, nextMonthDay, VIEWER_TOKEN } from './dashboard-support.js';
import { brandCatalog } from '../../web/sdk/index.js';

let browser;
let dash;
let page;
let problems;

before(async () => {
  ({ dash, browser, page, problems } = await openDashboardPage());
  await signIn(page, dash.url);
  await page.getByRole('grid').waitFor();
});
after(async () => {
  await browser?.close();
  await dash?.close();
});

async function openSettingsTab(p, name) {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await p.getByRole('tab', { name }).click();
  await p.getByRole('tabpanel', { name }).waitFor();
}

async function openCalendar(p) {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Calendar' }).click();
  await p.getByRole('button', { name: 'List' }).click();
  await p.getByRole('list', { name: 'Posts in time order' }).waitFor();
}

async function monthView(p) {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Calendar' }).click();
  await p.getByRole('button', { name: 'Month' }).click();
  await p.getByRole('grid').waitFor();
}

// A post button in the month grid, this month or the one before.
async function findInMonth(p, name) {
  await monthView(p);
  await p.getByRole('button', { name: 'Today' }).click();
  const button = p.getByRole('grid').getByRole('button', { name }).first();
  if (await button.count()) return button;
  await p.getByRole('button', { name: 'Previous' }).click();
  await button.waitFor();
  return button;
}

// The screenshot at both sizes, and no horizontal scroll on the narrow one.
async function bothSizes(p, name, { locator } = {}) {
  await screenshot(p, `${name}-1280`);
  await p.setViewportSize({ width: 390, height: 844 });
  if (locator) await locator.waitFor();
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name}: ${overflow}px of horizontal scroll at 390 px`);
  await screenshot(p, `${name}-390`);
  await p.setViewportSize({ width: 1280, height: 800 });
}

test('labels: the core checks the name at its field, then create, rename and recolour, delete after confirming', async () => {
  await openSettingsTab(page, 'Labels');
  const panel = page.getByRole('tabpanel', { name: 'Labels' });
  const list = panel.getByRole('list', { name: 'Labels' });
  await list.getByText('Campaign').waitFor();
  const form = panel.getByRole('form', { name: 'New label' });
  await form.getByRole('textbox', { name: 'Name' }).fill('   ');
  await form.getByRole('button', { name: 'Create label' }).click();
  await form.getByText(/name field is required/i).waitFor();
  assert.equal(await form.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid'), 'true');
  // 256 characters: one over the limit, refused before anything is sent.
  await form.getByRole('textbox', { name: 'Name' }).fill('x'.repeat(256));
  await form.getByRole('button', { name: 'Create label' }).click();
  await form.getByText(/255 characters/).waitFor();

  await form.getByRole('textbox', { name: 'Name' }).fill('Launch week');
  await form.getByLabel('Colour').fill('#12a150');
  await form.getByRole('button', { name: 'Create label' }).click();
  await list.getByText('Launch week').waitFor();
  assert.equal(await form.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid'), null);
  await list.getByText('#12A150').waitFor();

  await panel.getByRole('button', { name: 'Edit label Launch week' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit label' });
  assert.equal(await edit.getByRole('textbox', { name: 'Name' }).inputValue(), 'Launch week');
  await edit.getByRole('textbox', { name: 'Name' }).fill('');
  await edit.getByRole('button', { name: 'Save label' }).click();
  await edit.getByText(/name field is required/i).waitFor();
  await edit.getByRole('textbox', { name: 'Name' }).fill('Launch month');
  await edit.getByLabel('Colour').fill('#c0392b');
  await edit.getByRole('button', { name: 'Save label' }).click();
  await edit.waitFor({ state: 'detached' });
  await list.getByText('Launch month').waitFor();
  await list.getByText('#C0392B').waitFor();
  assert.equal(await list.getByText('Launch week').count(), 0);
  await bothSizes(page, 'settings-labels', { locator: list.getByText('Launch month') });

  // The composer offers the new label at once.
  await openCalendar(page);
  await page.getByRole('button', { name: 'New post' }).click();
  const composer = page.getByRole('dialog', { name: 'New post' });
  await composer.getByRole('checkbox', { name: 'Launch month' }).waitFor();
  await composer.getByRole('button', { name: 'Close' }).click();

  await openSettingsTab(page, 'Labels');
  await panel.getByRole('button', { name: 'Delete label Launch month' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete label "Launch month"?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await list.getByText('Launch month').waitFor();
  await panel.getByRole('button', { name: 'Delete label Launch month' }).click();
  await confirm.getByRole('button', { name: 'Delete label' }).click();
  await confirm.waitFor({ state: 'detached' });
  await list.getByText('Launch month').waitFor({ state: 'detached' });
  assert.equal(await list.getByText('Campaign').count(), 1);
});

test('signatures: create, edit, mark as the default (a new post starts with it), delete', async () => {
  await openSettingsTab(page, 'Signatures');
  const panel = page.getByRole('tabpanel', { name: 'Signatures' });
  const list = panel.getByRole('list', { name: 'Signatures' });
  await list.getByText('Team sign-off').waitFor();
  const form = panel.getByRole('form', { name: 'New signature' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Sales');
  await form.getByRole('button', { name: 'Create signature' }).click();
  await form.getByText(/content field is required/i).waitFor();
  assert.equal(await form.getByRole('textbox', { name: 'Text' }).getAttribute('aria-invalid'), 'true');
  await form.getByRole('textbox', { name: 'Text' }).fill('Talk to sales: sales@northwind.test');
  await form.getByRole('button', { name: 'Create signature' }).click();
  await list.getByText('Talk to sales: sales@northwind.test').waitFor();

  await panel.getByRole('button', { name: 'Edit signature Sales' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit signature' });
  await edit.getByRole('textbox', { name: 'Text' }).fill('Book a demo: sales@northwind.test');
  await edit.getByRole('button', { name: 'Save signature' }).click();
  await edit.waitFor({ state: 'detached' });
  await list.getByText('Book a demo: sales@northwind.test').waitFor();

  const makeDefault = panel.getByRole('button', { name: 'Make default: Sales' });
  assert.equal(await makeDefault.getAttribute('aria-pressed'), 'false');
  await makeDefault.click();
  assert.equal(await makeDefault.getAttribute('aria-pressed'), 'true');
  await list.getByText('Default', { exact: true }).first().waitFor();
  await bothSizes(page, 'settings-signatures', { locator: list.getByText('Sales', { exact: true }) });

  await openCalendar(page);
  await page.getByRole('button', { name: 'New post' }).click();
  const composer = page.getByRole('dialog', { name: 'New post' });
  await page.waitForFunction(() => document.querySelector('dialog textarea')?.value.includes('Book a demo'));
  await composer.getByRole('button', { name: 'Close' }).click();

  await openSettingsTab(page, 'Signatures');
  await panel.getByRole('button', { name: 'Delete signature Sales' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete signature "Sales"?' });
  await confirm.getByRole('button', { name: 'Delete signature' }).click();
  await list.getByText('Book a demo: sales@northwind.test').waitFor({ state: 'detached' });
  // The default went with it: a new post starts empty again.
  await openCalendar(page);
  await page.getByRole('button', { name: 'New post' }).click();
  assert.equal(await page.getByRole('dialog', { name: 'New post' }).getByRole('textbox', { name: 'Content' }).inputValue(), '');
  await page.getByRole('dialog', { name: 'New post' }).getByRole('button', { name: 'Close' }).click();
});

test('editing a scheduled post: the composer opens filled, content and labels change, and stay after a reload', async () => {
  await openCalendar(page);
  await page.getByRole('button', { name: /Team update: Northwind Agency post 9/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit post' });
  const content = dialog.getByRole('textbox', { name: 'Content' });
  assert.match(await content.inputValue(), /^Team update: Northwind Agency post 9/);
  assert.equal(await dialog.getByRole('checkbox', { name: 'Northwind Agency (LinkedIn page)' }).isChecked(), true);
  assert.equal(await dialog.getByRole('checkbox', { name: 'Northwind (X)' }).isChecked(), true);
  assert.equal(await dialog.getByRole('checkbox', { name: 'Campaign' }).isChecked(), true);
  assert.equal(await dialog.getByRole('checkbox', { name: 'Evergreen' }).isChecked(), false);
  assert.match(await dialog.getByLabel('Schedule time (UTC)').inputValue(), /^\d{4}-\d{2}-\d{2}T09:00$/);
  await dialog.getByRole('combobox', { name: 'Content type for Northwind', exact: true }).waitFor();
  await bothSizes(page, 'edit-post', { locator: content });

  // Over X's limit: refused at the field by the core, and the typed text stays.
  await content.fill('c'.repeat(281));
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForFunction(() => document.querySelector('dialog textarea')?.getAttribute('aria-invalid') === 'true');
  assert.equal(await content.inputValue(), 'c'.repeat(281));
  // A time in the past: refused at the schedule field.
  const when = await dialog.getByLabel('Schedule time (UTC)').inputValue();
  await dialog.getByLabel('Schedule time (UTC)').fill('2020-01-01T10:00');
  await content.fill('Team update, rewritten in the composer');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForFunction(() => document.querySelector('dialog input[type="datetime-local"]')?.getAttribute('aria-invalid') === 'true');
  await dialog.getByLabel('Schedule time (UTC)').fill(when);
  await dialog.getByRole('checkbox', { name: 'Campaign' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Evergreen' }).check();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /Team update, rewritten in the composer/ }).waitFor();

  // A fresh page and sign-in: what the server stored.
  await signIn(page, dash.url);
  await openCalendar(page);
  await page.getByRole('button', { name: /Team update, rewritten in the composer/ }).click();
  const again = page.getByRole('dialog', { name: 'Edit post' });
  assert.equal(await again.getByRole('textbox', { name: 'Content' }).inputValue(), 'Team update, rewritten in the composer');
  assert.equal(await again.getByRole('checkbox', { name: 'Evergreen' }).isChecked(), true);
  assert.equal(await again.getByRole('checkbox', { name: 'Campaign' }).isChecked(), false);
  assert.equal(await again.getByLabel('Schedule time (UTC)').inputValue(), when);
  await again.getByRole('button', { name: 'Close' }).click();
});

test('a refusal from the server (a label deleted meanwhile) lands at its field and the typed text stays', async () => {
  await openCalendar(page);
  await page.getByRole('button', { name: /Industry news: Northwind Agency post 10/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit post' });
  await dialog.getByRole('textbox', { name: 'Content' }).fill('Industry news, with a label that is about to go');
  await dialog.getByRole('checkbox', { name: 'Hiring' }).check();
  // Someone else deletes the label while the dialog is open: the core cannot know, the server can.
  const key = dash.emulator.secrets.keys.find((k) => k.user === 'adam@northwind.test' && k.plain_token.includes('northwind')).plain_token;
  const auth = { authorization: `Bearer ${key}`, accept: 'application/json' };
  const labels = await (await fetch(`${dash.url}/api/labels`, { headers: auth })).json();
  const hiring = labels.find((l) => l.name === 'Hiring');
  assert.equal((await fetch(`${dash.url}/api/labels/${hiring.id}`, { method: 'DELETE', headers: auth })).status, 204);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  const labelError = dialog.getByRole('group', { name: 'Labels' }).getByRole('status');
  await page.waitForFunction(() => [...document.querySelectorAll('dialog fieldset.labels .field-error')].some((e) => e.textContent.trim() !== ''));
  assert.match(await labelError.textContent(), /label/i);
  assert.equal(await dialog.getByRole('textbox', { name: 'Content' }).inputValue(), 'Industry news, with a label that is about to go');
  await dialog.getByRole('button', { name: 'Close' }).click();
});

test('a published post opens read-only, saying why', async () => {
  await (await findInMonth(page, /Client spotlight: Northwind Agency post 1\b.*published/)).click();
  const dialog = page.getByRole('dialog', { name: 'Post' });
  await dialog.getByText(/This post has been published, so it can no longer be changed/).waitFor();
  assert.equal(await dialog.getByRole('textbox').count(), 0);
  // Its first fact is its status, in the core's words.
  assert.equal(await dialog.getByRole('definition').first().textContent(), 'published');
  assert.equal(await dialog.getByRole('button', { name: 'Save changes' }).count(), 0);
  assert.equal(await page.getByRole('dialog', { name: 'Edit post' }).count(), 0);
  // Sent, it can still be deleted (only a post being published cannot).
  assert.equal(await dialog.getByRole('button', { name: 'Delete post' }).count(), 1);
  await bothSizes(page, 'post-read-only', { locator: dialog.getByText(/has been published/) });
  // Duplicating starts a new post with its text, accounts and labels.
  await dialog.getByRole('button', { name: 'Duplicate as new post' }).click();
  const copy = page.getByRole('dialog', { name: 'New post' });
  assert.equal(await copy.getByRole('textbox', { name: 'Content' }).inputValue(), 'Client spotlight: Northwind Agency post 1.');
  assert.equal(await copy.getByRole('checkbox', { name: 'Northwind (X)' }).isChecked(), true);
  assert.equal(await copy.getByRole('checkbox', { name: 'Northwind Agency (LinkedIn page)' }).isChecked(), true);
  assert.equal(await copy.getByRole('checkbox', { name: 'Campaign' }).isChecked(), true);
  await copy.getByRole('button', { name: 'Close' }).click();
});

test('Pinterest boards and Discord channels are picked from the API, and a missing board is refused at its field', async () => {
  await pickWorkspace(page, 'Bluebird Bakery');
  await monthView(page);
  await page.getByRole('button', { name: 'New post' }).click();
  const dialog = page.getByRole('dialog', { name: 'New post' });
  await dialog.getByRole('checkbox', { name: 'Bluebird Recipes (pinterest)' }).check();
  const board = dialog.getByRole('combobox', { name: /^Pinterest board for Bluebird Recipes/ });
  await board.getByRole('option', { name: 'Cakes' }).waitFor({ state: 'attached' });
  assert.deepEqual(await board.getByRole('option').allTextContents(), ['Choose a board', 'Breads', 'Cakes']);
  await dialog.getByRole('textbox', { name: 'Content' }).fill('Lemon drizzle, step by step');
  await dialog.getByRole('textbox', { name: 'Media URL' }).fill(`${dash.url}/fixtures/media/avatar.png`);
  await dialog.getByRole('textbox', { name: 'Alt text' }).fill('A lemon drizzle cake');
  const day = new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10);
  await dialog.getByLabel('Schedule time (UTC)').fill(`${day}T11:00`);
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('dialog select')].some((s) => s.getAttribute('aria-invalid') === 'true'));
  assert.equal(await board.getAttribute('aria-invalid'), 'true');
  await board.selectOption({ label: 'Cakes' });
  await bothSizes(page, 'composer-board-picker', { locator: board });
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await dialog.waitFor({ state: 'detached' });
  // Opened again, the post shows its board.
  await openCalendar(page);
  await page.getByRole('button', { name: /Lemon drizzle, step by step/ }).click();
  const edit = page.getByRole('dialog', { name: 'Edit post' });
  const saved = edit.getByRole('combobox', { name: /^Pinterest board for Bluebird Recipes/ });
  await saved.getByRole('option', { name: 'Cakes' }).waitFor({ state: 'attached' });
  assert.equal(await saved.inputValue(), '9876543210987654322');
  await edit.getByRole('button', { name: 'Close' }).click();

  await pickWorkspace(page, 'Summit Outdoor');
  await monthView(page);
  await page.getByRole('button', { name: 'New post' }).click();
  const d2 = page.getByRole('dialog', { name: 'New post' });
  await d2.getByRole('checkbox', { name: 'Summit Community (discord)' }).check();
  const channel = d2.getByRole('combobox', { name: /^Discord channel for Summit Community/ });
  await channel.getByRole('option', { name: '#general' }).waitFor({ state: 'attached' });
  assert.deepEqual(await channel.getByRole('option').allTextContents(), ['Choose a channel', '#announcements', '#general']);
  await channel.selectOption({ label: '#general' });
  assert.equal(await channel.inputValue(), '1111111111111111112');
  await d2.getByRole('button', { name: 'Close' }).click();
});

test('social accounts: platform and status listed, an Owner turns an account on and the composer offers it', async () => {
  await pickWorkspace(page, 'Northwind Agency');
  await openSettingsTab(page, 'Social accounts');
  const panel = page.getByRole('tabpanel', { name: 'Social accounts' });
  const threads = panel.getByRole('switch', { name: 'Active: Northwind (threads)' });
  await threads.waitFor();
  assert.equal(await threads.isChecked(), false);
  await panel.getByText('Connected').first().waitFor();
  await threads.click();
  await panel.getByText(/Northwind \(threads\) is now active/i).waitFor();
  assert.equal(await panel.getByRole('switch', { name: 'Active: Northwind (threads)' }).isChecked(), true);
  await bothSizes(page, 'settings-accounts', { locator: panel.getByRole('switch', { name: 'Active: Northwind (threads)' }) });
  await openCalendar(page);
  await page.getByRole('button', { name: 'New post' }).click();
  const dialog = page.getByRole('dialog', { name: 'New post' });
  assert.equal(await dialog.getByRole('checkbox', { name: 'Northwind (threads)' }).isDisabled(), false);
  await dialog.getByRole('button', { name: 'Close' }).click();
  // And off again: the composer no longer offers it.
  await openSettingsTab(page, 'Social accounts');
  await panel.getByRole('switch', { name: 'Active: Northwind (threads)' }).click();
  await panel.getByText(/Northwind \(threads\) is now inactive/i).waitFor();
  await openCalendar(page);
  await page.getByRole('button', { name: 'New post' }).click();
  assert.equal(await page.getByRole('dialog', { name: 'New post' }).getByRole('checkbox', { name: /Northwind \(threads\)/i }).isDisabled(), true);
  await page.getByRole('dialog', { name: 'New post' }).getByRole('button', { name: 'Close' }).click();
  assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource')), []);
});

test('the brand form offers exactly the core\'s lists for tone, image style, font and language', async () => {
  const cat = await brandCatalog();
  await openSettingsTab(page, 'Brand');
  const panel = page.getByRole('tabpanel', { name: 'Brand' });
  const options = (name) => panel.getByRole('combobox', { name, exact: true }).getByRole('option').allTextContents();
  await panel.getByRole('combobox', { name: 'Image style', exact: true }).waitFor();
  assert.deepEqual(await options('Tone'), ['—', ...cat.tones.map((r) => r.label)]);
  assert.deepEqual(await options('Image style'), cat.image_styles.map((r) => r.label));
  assert.deepEqual(await options('Font'), cat.fonts.map((r) => r.label));
  assert.deepEqual(await options('Content language'), cat.content_languages.map((r) => r.label));
  assert.ok((await options('Image style')).includes('Isometric 3D'));
  assert.equal(await panel.getByRole('combobox', { name: 'Content language', exact: true }).inputValue(), 'en');
});

test('a Viewer sees labels, signatures and accounts but no control to change them, and why', async () => {
  const key = dash.emulator.secrets.keys.find((k) => k.user === 'victor@northwind.test').plain_token;
  const viewer = await browser.context.newPage();
  const seen = watchPage(viewer);
  await viewer.setViewportSize({ width: 1280, height: 800 });
  await signIn(viewer, dash.url, VIEWER_TOKEN, key);
  await viewer.getByRole('grid').waitFor();
  for (const [tab, noun] of [['Labels', 'label'], ['Signatures', 'signature']]) {
    await openSettingsTab(viewer, tab);
    const panel = viewer.getByRole('tabpanel', { name: tab });
    await panel.getByRole('list', { name: tab }).waitFor();
    await panel.getByText(new RegExp(`Your role here is viewer: only an Owner, Admin or Member can create`)).waitFor();
    assert.equal(await panel.getByRole('button', { name: `Create ${noun}` }).count(), 0);
    assert.equal(await panel.getByRole('button', { name: new RegExp(`^(Edit|Delete) ${noun} `) }).count(), 0);
    assert.equal(await panel.getByRole('textbox').count(), 0);
  }
  await screenshot(viewer, 'settings-signatures-viewer-1280');
  await openSettingsTab(viewer, 'Social accounts');
  const panel = viewer.getByRole('tabpanel', { name: 'Social accounts' });
  await panel.getByRole('switch', { name: 'Active: Northwind (x)' }).waitFor();
  assert.equal(await panel.getByRole('switch', { name: 'Active: Northwind (x)' }).isDisabled(), true);
  await panel.getByText(/only an Owner or Admin can connect accounts or turn them on or off/).waitFor();
  assert.equal(await panel.getByRole('button', { name: 'Connect account' }).count(), 0);
  // A scheduled post opens read-only for a Viewer.
  await openCalendar(viewer);
  await viewer.getByRole('button', { name: /Industry news: Northwind Agency post 10/ }).click();
  await viewer.getByRole('dialog', { name: 'Post' }).getByText(/View only: your role here is viewer/).waitFor();
  assert.equal(await viewer.getByRole('dialog', { name: 'Edit post' }).count(), 0);
  assert.deepEqual(seen.filter((p) => !p.includes('Failed to load resource')), []);
  await viewer.close();
});

test('a busy day shows "+N more" in the month; it opens that day with every post, and Escape leaves a post for its day', async () => {
  const key = dash.emulator.secrets.keys.find((k) => k.user === 'adam@northwind.test' && k.plain_token.includes('northwind')).plain_token;
  const headers = { authorization: `Bearer ${key}`, accept: 'application/json', 'content-type': 'application/json' };
  const accounts = await (await fetch(`${dash.url}/api/social-accounts`, { headers })).json();
  const account = accounts.find((a) => a.is_active && ['x', 'bluesky', 'threads'].includes(a.platform));
  const day = nextMonthDay(21);
  for (let i = 1; i <= 7; i++) {
    const res = await fetch(`${dash.url}/api/posts`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ content: `Busy day ${i}`, scheduled_at: `${day}T${String(8 + i).padStart(2, '0')}:00:00Z`, platforms: [{ social_account_id: account.id, content_type: `${account.platform}_post` }] }),
    });
    assert.equal(res.status, 201, await res.clone().text());
  }
  // Read afresh: sign in again.
  await signIn(page, dash.url);
  await page.getByRole('grid').waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  const cell = page.getByRole('gridcell', { name: new RegExp(`^${dayName(day)}, 7 posts\\b`) });
  const shownInCell = await cell.getByRole('button', { name: /Busy day/ }).count();
  assert.ok(shownInCell > 0 && shownInCell < 7, `${shownInCell} of 7 drawn in the cell`);
  const more = cell.getByRole('button', { name: `+${7 - shownInCell} more on ${dayName(day)}` });
  await more.click();
  await page.getByRole('heading', { level: 2, name: dayName(day) }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Day', exact: true }).getAttribute('aria-pressed'), 'true');
  const grid = page.getByRole('grid');
  for (let i = 1; i <= 7; i++) await grid.getByRole('button', { name: new RegExp(`Busy day ${i},`) }).waitFor();
  // Keyboard: into the post, Escape back to its day.
  await grid.getByRole('button', { name: /Busy day 3,/ }).focus();
  await page.keyboard.press('Escape');
  // Back on the day cell, named by its content: the date and count first.
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'gridcell');
  assert.match(await page.evaluate(() => document.activeElement.querySelector('.visually-hidden')?.textContent ?? ''), new RegExp(`^${dayName(day)}, 7 posts`));
  // A click on a post still opens it.
  await grid.getByRole('button', { name: /Busy day 5,/ }).click();
  await page.getByRole('dialog', { name: 'Edit post' }).getByRole('textbox', { name: 'Content' }).waitFor();
  assert.equal(await page.getByRole('dialog', { name: 'Edit post' }).getByRole('textbox', { name: 'Content' }).inputValue(), 'Busy day 5');
  await page.keyboard.press('Escape');
});
