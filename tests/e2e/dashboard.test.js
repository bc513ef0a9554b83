// The dashboard as an Owner uses it, driven only through roles and accessible names: workspaces,
// composing and scheduling, isolation, rescheduling by drag and by keyboard, settings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDashboardPage, signIn, switcher, pickWorkspace, screenshot, dayName, nextMonthDay, pickZone } from './dashboard-support.js';

let browser;
let dash;
let page;
let problems;
const day15 = nextMonthDay(15);
const day16 = nextMonthDay(16);
const day17 = nextMonthDay(17);
const cell = (date) => page.getByRole('gridcell', { name: new RegExp(`^${dayName(date)},`) });
// A move is shown at once and marked busy until the server has answered: a step that depends on
// the saved state waits for this.
const movesSaved = () => page.waitForFunction(() => !document.querySelector('[role=grid] button.post[aria-busy="true"]'));

before(async () => {
  ({ dash, browser, page, problems } = await openDashboardPage());
});
after(async () => {
  await browser?.close();
  await dash?.close();
});

test('sign in lands in a workspace; the switcher lists every workspace with its role', async () => {
  await page.goto(`${dash.url}/app/`);
  await screenshot(page, 'signin-1280');
  await page.getByLabel('Account token').fill('acct_not_a_real_token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
  assert.equal(await page.getByLabel('Account token').getAttribute('aria-invalid'), 'true');
  await signIn(page, dash.url);
  await page.getByRole('grid').waitFor();
  assert.match(await switcher(page).getAttribute('aria-label'), /Northwind Agency/);
  await switcher(page).click();
  const items = page.getByRole('menu', { name: 'Workspaces' }).getByRole('menuitem');
  const names = await items.allTextContents();
  assert.deepEqual(names.map((n) => n.replace(/^.?\s*/, '')).length, 4);
  assert.ok(names.some((n) => n.includes('Bluebird Bakery') && n.includes('Owner')));
  assert.ok(names.at(-1).includes('Create workspace'));
  await screenshot(page, 'switcher-1280');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('menu').isVisible(), false);
});

test('creating workspaces: the name is checked at the field, then the new empty workspace opens', async () => {
  for (const name of ['Alpha Studio', 'Beta Labs']) {
    await switcher(page).click();
    await page.getByRole('menuitem', { name: 'Create workspace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create workspace' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('   ');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText(/name field is required/i).waitFor();
    assert.equal(await dialog.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid'), 'true');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    assert.match(await switcher(page).getAttribute('aria-label'), new RegExp(name));
    await page.getByRole('heading', { name: 'No posts yet' }).waitFor();
  }
  await pickWorkspace(page, 'Alpha Studio');
  await page.getByRole('heading', { name: 'No posts yet' }).waitFor();
});

async function compose(text, account, date, time = '10:00') {
  await page.getByRole('button', { name: 'New post' }).click();
  const dialog = page.getByRole('dialog', { name: 'New post' });
  await dialog.getByLabel(account, { exact: true }).check();
  await dialog.getByRole('textbox', { name: 'Content' }).fill(text);
  await dialog.getByLabel('Schedule time (UTC)').fill(`${date}T${time}`);
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await dialog.waitFor({ state: 'detached' });
}

test('composing: counters turn to an error past the limit, the error sits at its field, then schedule', async () => {
  await pickWorkspace(page, 'Northwind Agency');
  await page.getByRole('grid').waitFor();
  await page.getByRole('button', { name: 'New post' }).click();
  const dialog = page.getByRole('dialog', { name: 'New post' });
  await dialog.getByLabel('Northwind (X)', { exact: true }).check();
  const content = dialog.getByRole('textbox', { name: 'Content' });
  await content.fill('a'.repeat(280));
  await dialog.getByText('280 / 280').waitFor();
  await content.fill('a'.repeat(281));
  await dialog.getByText('281 / 280').waitFor();
  await dialog.getByText('1 over the limit').waitFor();
  await dialog.getByLabel('Schedule time (UTC)').fill(`${day15}T10:00`);
  await screenshot(page, 'composer-1280');
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await page.waitForFunction(() => document.querySelector('dialog textarea')?.getAttribute('aria-invalid') === 'true');
  const described = await content.getAttribute('aria-describedby');
  const errorText = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '), described);
  assert.match(errorText, /280|characters|may not be greater/i);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await compose('Northwind launch e2e', 'Northwind (X)', day15);
  await pickWorkspace(page, 'Bluebird Bakery');
  await page.getByRole('grid').waitFor();
  await compose('Bluebird croissant e2e', 'Bluebird Bakery (Facebook page)', day15, '11:30');
});

test('each workspace shows only its own posts', async () => {
  await page.getByRole('button', { name: 'Next' }).click();
  await cell(day15).getByRole('button', { name: /^11:30 Bluebird croissant e2e, \w+ \(UTC\)/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: /Northwind launch e2e/ }).count(), 0);
  await page.getByRole('button', { name: 'List', exact: true }).click();
  assert.equal(await page.getByRole('button', { name: /Northwind launch e2e/ }).count(), 0);
  await pickWorkspace(page, 'Northwind Agency');
  await page.getByRole('button', { name: /^10:00 Northwind launch e2e, \w+ \(UTC\)/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: /Bluebird croissant e2e/ }).count(), 0);
  await page.getByRole('button', { name: 'Month', exact: true }).click();
});

test('rescheduling: drag to another day, then Alt+Arrow on the keyboard, both through the core', async () => {
  // The month view keeps its date across a switch; make sure we look at next month.
  if (!(await cell(day15).count())) await page.getByRole('button', { name: 'Next' }).click();
  const post = () => page.getByRole('button', { name: /^10:00 Northwind launch e2e, \w+ \(UTC\)/ });
  await cell(day15).getByRole('button', { name: /Northwind launch e2e/ }).waitFor();
  await post().dragTo(cell(day16));
  await cell(day16).getByRole('button', { name: /Northwind launch e2e/ }).waitFor();
  assert.equal(await cell(day15).getByRole('button', { name: /Northwind launch e2e/ }).count(), 0);
  await movesSaved();

  await post().focus();
  await page.keyboard.press('Alt+ArrowRight');
  await cell(day17).getByRole('button', { name: /Northwind launch e2e/ }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')?.includes('Northwind launch e2e')), true);
  // Shown at once, then saved: the next step goes offline, which must not catch this move's
  // request still on its way (it would be queued too).
  await movesSaved();

  // Offline: the move waits in a queue, the count is shown, and it is sent once back online.
  const day18 = nextMonthDay(18);
  await page.context().setOffline(true);
  try {
    await post().focus();
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByRole('status').filter({ hasText: '1 edit queued' }).waitFor();
  } finally {
    await page.context().setOffline(false); // the next tests share this page
  }
  await cell(day18).getByRole('button', { name: /Northwind launch e2e/ }).waitFor();
  await page.getByRole('status').filter({ hasText: 'edit queued' }).waitFor({ state: 'detached' });

  // The post opens in the composer: a time in the past is refused at the schedule field.
  await post().click();
  const dialog = page.getByRole('dialog', { name: 'Edit post' });
  const when = await dialog.getByLabel('Schedule time (UTC)').inputValue();
  await dialog.getByLabel('Schedule time (UTC)').fill('2020-01-01T10:00');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await dialog.getByText(/after|past|future/i).first().waitFor();
  await dialog.getByLabel('Schedule time (UTC)').fill(when);
  // Editing the text: over X's limit is refused at the field, a fitting text is saved.
  await dialog.getByRole('textbox', { name: 'Content' }).fill('b'.repeat(281));
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForFunction(() => document.querySelector('dialog textarea')?.getAttribute('aria-invalid') === 'true');
  await dialog.getByRole('textbox', { name: 'Content' }).fill('Northwind launch e2e, edited');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /^10:00 Northwind launch e2e, edited, \w+ \(UTC\)/ }).waitFor();
  await screenshot(page, 'calendar-month-1280');
});

test('a move shows at once, marked as being saved; one the server refuses goes back, saying why', async () => {
  const day18 = nextMonthDay(18);
  const day19 = nextMonthDay(19);
  const post = () => page.getByRole('grid').getByRole('button', { name: /^10:00 Northwind launch e2e, edited/ });
  const inDay = (date) => cell(date).getByRole('button', { name: /Northwind launch e2e/ });
  await inDay(day18).waitFor();
  // The server's answer held back: the post is already on the next day, busy, and keeps the focus.
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route('**/api/posts/*', async (route) => {
    if (route.request().method() === 'PUT') await gate;
    await route.continue();
  });
  await post().focus();
  await page.keyboard.press('Alt+ArrowRight');
  await inDay(day19).waitFor();
  assert.equal(await inDay(day19).getAttribute('aria-busy'), 'true', 'marked as being saved');
  assert.equal(await inDay(day18).count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')?.includes('Northwind launch e2e')), true, 'focus moved with it');
  release();
  await movesSaved();
  assert.equal(await inDay(day19).count(), 1, 'where the server put it');
  await page.unroute('**/api/posts/*');

  // Refused by the server: shown on the new day while asked, then back, with the server's reason.
  let answered;
  const refused = new Promise((r) => (answered = r));
  await page.route('**/api/posts/*', async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    await new Promise((r) => setTimeout(r, 300));
    await route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ message: 'The slot is taken by the e2e test.', errors: { scheduled_at: ['The slot is taken by the e2e test.'] } }) });
    answered();
  });
  await post().focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await inDay(day18).waitFor();
  await refused;
  await inDay(day19).waitFor();
  assert.equal(await inDay(day18).count(), 0, 'back where the server has it');
  assert.equal(await inDay(day19).getAttribute('aria-busy'), null);
  await page.getByRole('status').filter({ hasText: /Not moved: .*slot is taken by the e2e test/ }).waitFor();
  await page.unroute('**/api/posts/*');

  // And back to the 18th for the next test.
  await post().focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await inDay(day18).waitFor();
  await movesSaved();
});

test('a new post appears on its day; deleting one takes it off at once, and a refused delete keeps it', async () => {
  const day20 = nextMonthDay(20);
  const doomed = () => cell(day20).getByRole('button', { name: /Northwind doomed e2e/ });
  await compose('Northwind doomed e2e', 'Northwind (X)', day20, '09:00');
  await doomed().waitFor();
  const kept = cell(nextMonthDay(18)).getByRole('button', { name: /Northwind launch e2e/ });
  assert.equal(await kept.count(), 1);

  // Refused by the server: the post stays, and the dialog says why.
  await page.route('**/api/posts/*', (route) => (route.request().method() === 'DELETE'
    ? route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ message: 'Deleting is refused by the e2e test.' }) })
    : route.continue()));
  await doomed().click();
  const dialog = page.getByRole('dialog', { name: 'Edit post' });
  await dialog.getByRole('button', { name: 'Delete post' }).click();
  await dialog.getByText(/refused by the e2e test/).waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  assert.equal(await doomed().count(), 1);
  await page.unroute('**/api/posts/*');

  await doomed().click();
  await dialog.getByRole('button', { name: 'Delete post' }).click();
  await dialog.waitFor({ state: 'detached' });
  await doomed().waitFor({ state: 'detached' });
  assert.equal(await kept.count(), 1, 'the other posts stay');
  // The list view asks the core's index too: gone there as well.
  await page.getByRole('button', { name: 'List', exact: true }).click();
  await page.getByRole('button', { name: /Northwind launch e2e/ }).first().waitFor();
  assert.equal(await page.getByRole('button', { name: /Northwind doomed e2e/ }).count(), 0);
  await page.getByRole('button', { name: 'Month', exact: true }).click();
  await kept.waitFor();
});

test('on the week\'s time grid a drag sets the day and the time of day, to the quarter hour', async () => {
  const day18 = nextMonthDay(18);
  const day19 = nextMonthDay(19);
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  const post = page.getByRole('grid').getByRole('button', { name: /^10:00 Northwind launch e2e, edited/ });
  for (let i = 0; i < 8 && !(await post.count()); i++) await page.getByRole('button', { name: 'Next' }).click();
  await post.waitFor();
  const target = page.getByRole('gridcell', { name: new RegExp(`^${dayName(day19)},`) });
  const height = await target.evaluate((el) => el.offsetHeight);
  // The server holds the saves back: the second drag comes while the first is being saved.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/api/posts/**', async (route) => {
    if (route.request().method() === 'PUT') await held;
    await route.continue().catch(() => {});
  });
  // Taken 2 px below its top and let go where 14:00 is, 2 px lower.
  await post.dragTo(target, { sourcePosition: { x: 10, y: 2 }, targetPosition: { x: 20, y: (height * 14) / 24 + 2 } });
  const moved = target.getByRole('button', { name: /^14:00 Northwind launch e2e, edited, scheduled \(UTC\)/ });
  await moved.waitFor();
  assert.equal(await page.getByRole('gridcell', { name: new RegExp(`^${dayName(day18)},`) }).getByRole('button', { name: /Northwind launch e2e/ }).count(), 0);
  // And back to 10:00 the day before (where the core still has it), taken by its middle this time.
  const back = page.getByRole('gridcell', { name: new RegExp(`^${dayName(day18)},`) });
  const middle = await moved.evaluate((el) => el.offsetHeight / 2);
  await moved.dragTo(back, { sourcePosition: { x: 10, y: middle }, targetPosition: { x: 20, y: (height * 10) / 24 + middle } });
  await back.getByRole('button', { name: /^10:00 Northwind launch e2e, edited, scheduled \(UTC\)/ }).waitFor();
  release();
  await movesSaved();
  await page.unroute('**/api/posts/**');
  // Both saves went, in order: the post is where it was let go last.
  await back.getByRole('button', { name: /^10:00 Northwind launch e2e, edited, scheduled \(UTC\)/ }).waitFor();
  assert.equal(await target.getByRole('button', { name: /Northwind launch e2e/ }).count(), 0);
  // The keyboard's way on a time grid: Alt+ArrowDown / Alt+ArrowUp move by a quarter hour.
  await back.getByRole('button', { name: /Northwind launch e2e/ }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await back.getByRole('button', { name: /^10:15 Northwind launch e2e/ }).waitFor();
  await movesSaved();
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), /^10:15 Northwind launch e2e/);
  await page.keyboard.press('Alt+ArrowUp');
  await back.getByRole('button', { name: /^10:00 Northwind launch e2e/ }).waitFor();
  await movesSaved();
  // In another display zone the drop is that zone's wall-clock time: 20:00 in Tokyo is 11:00 UTC.
  await pickZone(page, 'Asia/Tokyo');
  const inTokyo = back.getByRole('button', { name: /^19:00 Northwind launch e2e.*\(Asia\/Tokyo\)/ });
  await inTokyo.waitFor();
  const tokyoTop = await inTokyo.evaluate((el) => el.offsetHeight / 2);
  await inTokyo.dragTo(back, { sourcePosition: { x: 10, y: tokyoTop }, targetPosition: { x: 20, y: (height * 20) / 24 + tokyoTop } });
  await back.getByRole('button', { name: /^20:00 Northwind launch e2e.*\(Asia\/Tokyo\)/ }).waitFor();
  await movesSaved();
  await pickZone(page, 'UTC');
  const inUtc = back.getByRole('button', { name: /^11:00 Northwind launch e2e, edited, scheduled \(UTC\)/ });
  await inUtc.waitFor();
  await inUtc.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Alt+ArrowUp');
  await back.getByRole('button', { name: /^10:00 Northwind launch e2e/ }).waitFor();
  await movesSaved();
  await page.getByRole('button', { name: 'Month', exact: true }).click();
});

test('views, filters and the time zone lens', async () => {
  await page.getByRole('button', { name: 'Today' }).click();
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await page.getByRole('grid').waitFor();
  // The week is named by its Monday, and its header carries the dates (the 24 hours scroll
  // inside the grid, opened at the working day rather than at midnight).
  const now = new Date();
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7)));
  const mondayName = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(monday);
  await page.getByRole('heading', { level: 2, name: `Week of ${mondayName}` }).waitFor();
  assert.equal(await page.getByRole('columnheader').first().textContent(), `Mon ${monday.getUTCDate()}`);
  assert.ok(await page.getByRole('grid').evaluate((g) => g.scrollTop > 0 && g.scrollHeight > g.clientHeight), 'the week opens scrolled to the working day');
  await page.getByText(/^Keyboard: .*Alt\+Up\/Down by a quarter hour\.$/).waitFor();
  await screenshot(page, 'calendar-week-1280');
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await screenshot(page, 'calendar-day-1280');
  // A day without posts says so, and how to add one.
  await page.getByRole('button', { name: 'Previous' }).click();
  while (!(await page.getByText(/^No posts on /).count())) await page.getByRole('button', { name: 'Previous' }).click();
  assert.match(await page.getByText(/^No posts on /).textContent(), /^No posts on \w+day, \d+ \w+ \d{4}\. "New post" adds one\.$/);
  await page.getByRole('button', { name: 'Today' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Month', exact: true }).click();
  if (!(await cell(day15).count())) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Month', exact: true }).click();
  // The status filter offers every status in the core's words and order, each with its count.
  const statusOptions = (await page.getByLabel('Status').locator('option').allTextContents()).map((t) => t.replace(/ \(\d+\)$/, ''));
  assert.deepEqual(statusOptions, ['All', 'draft', 'scheduled', 'publishing', 'published', 'partially published', 'failed']);
  await page.getByLabel('Status').selectOption('draft');
  assert.equal(await page.getByRole('grid').getByRole('button', { name: /Northwind launch e2e/ }).count(), 0);
  await page.getByLabel('Status').selectOption('');
  await pickZone(page, 'Asia/Tokyo');
  await page.getByRole('button', { name: /^19:00 Northwind launch e2e.*\(Asia\/Tokyo\)/ }).waitFor();
  await pickZone(page, 'UTC');
  // Keyboard in the grid: arrows move between days, Enter enters a day, Escape leaves the post.
  const day18 = nextMonthDay(18);
  await cell(nextMonthDay(17)).focus();
  await page.keyboard.press('ArrowRight');
  // The focused element's name: its label, or (a day cell) what it holds that is not hidden.
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('aria-label') ?? [...(el?.children ?? [])].filter((c) => c.getAttribute('aria-hidden') !== 'true').map((c) => c.getAttribute('aria-label') ?? c.textContent).join(' ');
  });
  assert.match(await focused(), new RegExp(`^${dayName(day18)},`));
  await page.keyboard.press('Enter');
  assert.match(await focused(), /Northwind launch e2e/);
  await page.keyboard.press('Escape');
  assert.match(await focused(), new RegExp(`^${dayName(day18)},`));
  await page.keyboard.press('ArrowDown');
  assert.match(await focused(), new RegExp(`^${dayName(nextMonthDay(25))},`));
  await page.getByRole('button', { name: 'Today' }).click();
});

test('settings: brand profile, team invite and removal, API key shown once, workspace deletion', async () => {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Brand' }).click();
  const website = page.getByRole('textbox', { name: 'Website' });
  await website.fill('not a url');
  await page.getByRole('button', { name: 'Save brand' }).click();
  await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
  assert.equal(await website.getAttribute('aria-invalid'), 'true');
  await website.fill('https://northwind.example');
  await page.getByLabel('Tone').selectOption('bold');
  // A colour is picked or typed; the two controls stay in step.
  await page.getByLabel('Pick the background colour').fill('#fdf6e3');
  assert.equal(await page.getByRole('textbox', { name: 'Background colour', exact: true }).inputValue(), '#fdf6e3');
  await page.getByRole('button', { name: 'Save brand' }).click();
  await page.getByText('Brand profile saved.').waitFor();
  await page.getByRole('tab', { name: 'Workspace' }).click();
  await page.getByRole('tab', { name: 'Brand' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Website' }).inputValue(), 'https://northwind.example');
  assert.equal(await page.getByLabel('Tone').inputValue(), 'bold');
  assert.equal(await page.getByRole('textbox', { name: 'Background colour', exact: true }).inputValue().then((v) => v.toLowerCase()), '#fdf6e3');
  assert.equal(await page.getByLabel('Pick the background colour').inputValue(), '#fdf6e3');
  await screenshot(page, 'settings-brand-1280');

  await page.getByRole('tab', { name: 'Team' }).click();
  await page.getByRole('table').getByText('mia@northwind.test').waitFor();
  await page.getByRole('textbox', { name: 'Email' }).fill('nina@example.test');
  await page.getByLabel('Role', { exact: true }).selectOption('viewer');
  await page.getByRole('button', { name: 'Invite' }).click();
  await page.getByRole('button', { name: 'Cancel invite for nina@example.test' }).waitFor();
  await page.getByRole('button', { name: 'Cancel invite for nina@example.test' }).click();
  await page.getByText('No pending invites.').waitFor();
  // A role changes on "Save role" only: stepping through the list sends nothing.
  const adamRole = page.getByRole('combobox', { name: 'Role of Adam Admin' });
  const saveAdam = page.getByRole('button', { name: 'Save role of Adam Admin' });
  assert.equal(await saveAdam.isDisabled(), true);
  await adamRole.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await adamRole.inputValue(), 'viewer');
  await adamRole.selectOption('member');
  await saveAdam.click();
  await page.getByText('Adam Admin is now member.').waitFor();
  assert.equal(await saveAdam.isDisabled(), true);
  // Read back from the server: the tab lists the team afresh.
  await page.getByRole('tab', { name: 'Brand' }).click();
  await page.getByRole('tab', { name: 'Team' }).click();
  await page.getByRole('table').getByText('mia@northwind.test').waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Role of Adam Admin' }).inputValue(), 'member');
  await page.getByRole('button', { name: /^Remove Mia/ }).click();
  await page.getByRole('table').getByText('mia@northwind.test').waitFor({ state: 'detached' });
  // The owner's role cannot be changed, and the disabled control says why.
  const ownerRole = page.getByRole('combobox', { name: 'Role of Olivia Owner' });
  assert.equal(await ownerRole.isDisabled(), true);
  assert.match(await ownerRole.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).textContent), /ownership cannot be transferred/);
  await screenshot(page, 'settings-team-1280');

  await page.getByRole('tab', { name: 'API keys' }).click();
  await page.getByRole('textbox', { name: 'Key name' }).fill('CI key');
  await page.getByRole('button', { name: 'Create key' }).click();
  const token = await page.getByRole('textbox', { name: 'New key "CI key"' }).inputValue();
  assert.ok(token.length > 20);
  await page.getByRole('button', { name: 'Copy key' }).waitFor();
  await page.getByRole('button', { name: 'Delete key CI key' }).click();
  await page.getByRole('dialog', { name: 'Delete the key "CI key"?' }).getByRole('button', { name: 'Delete "CI key"' }).click();
  await page.getByRole('button', { name: 'Delete key CI key' }).waitFor({ state: 'detached' });

  await pickWorkspace(page, 'Beta Labs');
  await page.getByRole('button', { name: 'Delete workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Beta Labs?' });
  await dialog.getByRole('textbox').fill('beta labs');
  await dialog.getByRole('button', { name: 'Delete workspace' }).click();
  await page.waitForFunction(() => document.querySelector('dialog input')?.getAttribute('aria-invalid') === 'true');
  await dialog.getByRole('textbox').fill('Beta Labs');
  await dialog.getByRole('button', { name: 'Delete workspace' }).click();
  await dialog.waitFor({ state: 'detached' });
  await switcher(page).click();
  assert.equal(await page.getByRole('menuitem', { name: /Beta Labs/ }).count(), 0);
  await page.keyboard.press('Escape');
  assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource')), []);
});

test('narrow screen: no horizontal scroll at 390 px, screenshots of the main screens', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await pickWorkspace(page, 'Northwind Agency');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Calendar' }).click();
  await page.getByRole('grid').waitFor();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(await overflow(), 0);
  await screenshot(page, 'calendar-month-390');
  await page.getByRole('button', { name: 'New post' }).click();
  await page.getByRole('dialog', { name: 'New post' }).getByLabel('Northwind (X)', { exact: true }).check();
  assert.equal(await overflow(), 0);
  await screenshot(page, 'composer-390');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Team' }).click();
  await page.getByRole('table').waitFor();
  assert.equal(await overflow(), 0);
  await screenshot(page, 'settings-team-390');
  await page.setViewportSize({ width: 1280, height: 800 });
});
