// Every member signs in as themselves: device sessions with their own role (no key sprawl, the
// credential ends at sign-out), edits kept when a credential stops working, key deletion asked
// first, and a new workspace that can be used at once. Roles and accessible names only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, watchPage } from './browser.js';
import { startDashboard, signIn, switcher, pickWorkspace, screenshot, dayName, nextMonthDay, OWNER_TOKEN, VIEWER_TOKEN } from './dashboard-support.js';

const ADMIN_TOKEN = 'acct_demo_adam_admin_1b2c3d4e5f607182';
const MEMBER_TOKEN = 'acct_demo_mia_member_93a8b7c6d5e4f302';

let browser;
let dash;
before(async () => {
  browser = await launchBrowser();
  dash = await startDashboard();
});
after(async () => {
  await browser?.close();
  await dash?.close();
});

async function api(method, path, token, body) {
  const res = await fetch(`${dash.url}/api/${path}`, {
    method, headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function newPage() {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const problems = watchPage(page);
  // The workspace credentials the page sends (device sessions start with tps_).
  const used = new Set();
  page.on('request', (r) => {
    const auth = r.headers().authorization ?? '';
    if (auth.startsWith('Bearer tps_')) used.add(auth.slice(7));
  });
  return { page, problems, used };
}

const menuNames = async (page) => {
  await switcher(page).click();
  const names = (await page.getByRole('menuitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  await page.keyboard.press('Escape');
  return names;
};

const ROLES = [
  { who: 'Owner', token: OWNER_TOKEN, workspaces: { 'Northwind Agency': 'Owner', 'Bluebird Bakery': 'Owner', 'Summit Outdoor': 'Owner' }, create: true, post: true, keys: true, del: true },
  { who: 'Admin', token: ADMIN_TOKEN, workspaces: { 'Northwind Agency': 'Admin', 'Bluebird Bakery': 'Admin' }, create: false, post: true, keys: true, del: false },
  { who: 'Member', token: MEMBER_TOKEN, workspaces: { 'Northwind Agency': 'Member', 'Summit Outdoor': 'Admin' }, create: false, post: true, keys: false, del: false },
  { who: 'Viewer', token: VIEWER_TOKEN, workspaces: { 'Northwind Agency': 'Viewer' }, create: false, post: false, keys: false, del: false },
];

for (const r of ROLES) {
  test(`${r.who} signs in with their own account token and sees each workspace with their role and only the controls it allows`, async () => {
    const { page, problems } = await newPage();
    await signIn(page, dash.url, r.token);
    const names = await menuNames(page);
    const listed = names.filter((n) => n !== 'Create workspace');
    assert.equal(listed.length, Object.keys(r.workspaces).length, names.join(' | '));
    for (const [ws, role] of Object.entries(r.workspaces)) assert.ok(listed.some((n) => n.includes(ws) && n.endsWith(role)), `${ws} as ${role} in ${names.join(' | ')}`);
    assert.equal(names.includes('Create workspace'), r.create);

    await pickWorkspace(page, 'Northwind Agency');
    await page.getByRole('grid').waitFor();
    assert.equal(await page.getByText(/could not be loaded/).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'New post' }).count(), r.post ? 1 : 0);
    if (!r.post) {
      await page.getByText(/View only: your role here is viewer/).waitFor();
      // A post opens read-only: its facts and why, and nothing where the edit buttons would be.
      await page.getByRole('grid').getByRole('button', { name: /scheduled|published|draft|failed/ }).first().click();
      const post = page.getByRole('dialog', { name: 'Post' });
      await post.getByText(/View only: your role here is viewer/).waitFor();
      assert.doesNotMatch(await post.textContent(), /\bnull\b|\bundefined\b/);
      await post.getByRole('button', { name: 'Close' }).click();
    }

    await page.getByRole('button', { name: 'Settings' }).click();
    assert.equal(await page.getByRole('button', { name: 'Save workspace' }).isDisabled(), !r.keys);
    assert.equal(await page.getByRole('button', { name: 'Delete workspace' }).count(), r.del ? 1 : 0);
    assert.equal(await page.getByRole('heading', { name: 'Danger zone' }).count(), r.del ? 1 : 0);
    await page.getByRole('tab', { name: 'API keys' }).click();
    assert.equal(await page.getByRole('button', { name: 'Create key' }).count(), r.keys ? 1 : 0);
    if (!r.keys) await page.getByText(/only an Owner or Admin can create, list or delete API keys/).waitFor();
    // The sign-in sessions are listed apart from the keys, for every role.
    await page.getByRole('table', { name: 'Your signed-in devices in this workspace' }).getByText(/\(this device\)/).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Danger zone' }).count(), 0, 'the danger zone is in the Workspace tab only');
    await page.getByRole('tab', { name: 'Social accounts' }).click();
    await page.getByRole('list', { name: 'Social accounts' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Connect account' }).count(), r.keys ? 1 : 0);
    if (r.who === 'Viewer') await screenshot(page, 'sessions-viewer-accounts-1280');
    await page.getByRole('button', { name: /^Sign out/ }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource')), []);
    await page.close();
  });
}

test('three sign-in/sign-out cycles leave every API key list as it was; after "Sign out" the credentials the page used answer 401', async () => {
  const workspaces = (await api('GET', 'account/workspaces', OWNER_TOKEN)).body;
  const keyLists = async () => JSON.stringify(await Promise.all(workspaces.map((w) => api('GET', `account/workspaces/${w.id}/api-keys`, OWNER_TOKEN).then((x) => x.body))));
  const before = await keyLists();
  const { page, used } = await newPage();
  for (let i = 0; i < 3; i++) {
    await signIn(page, dash.url, OWNER_TOKEN);
    await page.getByRole('grid').waitFor();
    const sessions = (await api('GET', 'account/sessions', OWNER_TOKEN)).body;
    assert.equal(sessions.length, workspaces.length, 'one session per workspace for this device');
    await page.getByRole('button', { name: /^Sign out/ }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.deepEqual((await api('GET', 'account/sessions', OWNER_TOKEN)).body, [], 'signed out: no session left');
  }
  assert.equal(await keyLists(), before);
  assert.ok(used.size >= 3, `the page worked on sessions (${used.size})`);
  for (const token of used) assert.equal((await api('GET', 'workspace', token)).status, 401);
  await page.close();
});

test('a queued move survives its session being revoked and a reload, and reaches the server after signing in again', async () => {
  const ownerKey = dash.emulator.secrets.keys.find((k) => k.workspace === 'Northwind Agency' && k.user === 'olivia@northwind.test').plain_token;
  const day10 = nextMonthDay(10);
  const day11 = nextMonthDay(11);
  const accounts = (await api('GET', 'social-accounts', ownerKey)).body;
  const x = accounts.find((a) => a.platform === 'x');
  const made = await api('POST', 'posts', ownerKey, { content: 'Kept through revocation', status: 'scheduled', scheduled_at: `${day10} 09:00:00`, platforms: [{ social_account_id: x.id, content_type: 'x_post' }] });
  assert.equal(made.status, 201);
  const { page, problems } = await newPage();
  await signIn(page, dash.url, OWNER_TOKEN);
  await pickWorkspace(page, 'Northwind Agency');
  await page.getByRole('button', { name: 'Next' }).click();
  const cell = (d) => page.getByRole('gridcell', { name: new RegExp(`^${dayName(d)}`) });
  const post = () => page.getByRole('button', { name: /Kept through revocation/ });
  await cell(day10).getByRole('button', { name: /Kept through revocation/ }).waitFor();
  // Revoked elsewhere (signed out from another tab of this device).
  const device = (await api('GET', 'account/sessions', OWNER_TOKEN)).body[0].device_id;
  assert.equal((await api('DELETE', `account/sessions/${device}`, OWNER_TOKEN)).status, 204);
  await post().focus();
  await page.keyboard.press('Alt+ArrowRight');
  await page.getByText(/The move is kept: "Northwind Agency" needs signing in again/).waitFor();
  await page.getByRole('alert').filter({ hasText: /"Northwind Agency" needs signing in again/ }).waitFor();
  await page.getByRole('button', { name: 'Sign in again' }).waitFor();
  assert.equal(await page.getByText(/Offline[.:]|connection is back/).count(), 0, 'never reported as offline');
  await screenshot(page, 'sessions-needs-sign-in-1280');
  const onServer = async () => (await api('GET', `posts/${made.body.id}`, ownerKey)).body.scheduled_at;
  assert.match(await onServer(), new RegExp(`^${day10}`));
  // A reload: not remembered, so the sign-in form; the edit waits in IndexedDB.
  await page.reload();
  await page.getByLabel('Account token').fill(OWNER_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await switcher(page).waitFor();
  for (let i = 0; i < 50 && !(await onServer()).startsWith(day11); i++) await new Promise((r) => setTimeout(r, 100));
  assert.match(await onServer(), new RegExp(`^${day11}`), 'the move reached the server');
  assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource')), []);
  await page.getByRole('button', { name: /^Sign out/ }).click();
  await page.close();
});

test('"Delete key" asks first, naming the key, and says the page keeps working on its session', async () => {
  const { page } = await newPage();
  await signIn(page, dash.url, OWNER_TOKEN);
  await pickWorkspace(page, 'Summit Outdoor');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'API keys' }).click();
  await page.getByRole('button', { name: 'Delete key Dashboard' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the key "Dashboard"?' });
  await dialog.getByText(/uses your sign-in session in "Summit Outdoor", not this key: it keeps working/).waitFor();
  await screenshot(page, 'sessions-delete-key-1280');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('button', { name: 'Delete key Dashboard' }).count(), 1, 'cancel keeps the key');
  await page.getByRole('button', { name: 'Delete key Dashboard' }).click();
  await dialog.getByRole('button', { name: 'Delete "Dashboard"' }).click();
  await page.getByText('Key "Dashboard" deleted.').waitFor();
  await page.getByRole('button', { name: 'Delete key Dashboard' }).waitFor({ state: 'detached' });
  // The page still works in that workspace.
  await page.getByRole('button', { name: 'Calendar' }).click();
  await page.getByRole('grid').waitFor();
  assert.equal(await page.getByText(/needs signing in again/).count(), 0);
  await page.getByRole('button', { name: /^Sign out/ }).click();
  await page.close();
});

test('a new workspace: connect an X account, then "New post" schedules, with no dead end', async () => {
  const { page, problems } = await newPage();
  await signIn(page, dash.url, OWNER_TOKEN);
  await switcher(page).click();
  await page.getByRole('menuitem', { name: 'Create workspace' }).click();
  let dialog = page.getByRole('dialog', { name: 'Create workspace' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('northwind agency');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.getByText(/already has a workspace named "Northwind Agency"/).waitFor();
  assert.equal(await dialog.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid'), 'true');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Fresh Start');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { level: 1, name: 'Fresh Start' }).waitFor();
  await page.getByRole('heading', { name: 'No posts yet' }).waitFor();
  // "New post" without an account leads to where one is connected.
  await page.getByRole('button', { name: 'New post' }).click();
  await page.getByText(/no connected social accounts yet: connect one here/).waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Social accounts' }).getAttribute('aria-selected'), 'true');
  await page.getByRole('button', { name: 'Connect account' }).click();
  dialog = page.getByRole('dialog', { name: 'Connect an account to Fresh Start' });
  await dialog.getByRole('combobox', { name: 'Network' }).selectOption({ label: 'X' });
  await dialog.getByRole('textbox', { name: 'Display name' }).fill('Fresh on X');
  await dialog.getByRole('textbox', { name: 'Username' }).fill('@fresh');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await page.getByText(/Fresh on X is connected and active/).waitFor();
  await page.getByRole('switch', { name: /Active: Fresh on X/ }).waitFor();
  await page.getByRole('button', { name: 'Calendar' }).click();
  await page.getByRole('button', { name: 'New post' }).click();
  dialog = page.getByRole('dialog', { name: 'New post' });
  await dialog.getByLabel('Fresh on X (X)', { exact: true }).check();
  await dialog.getByRole('textbox', { name: 'Content' }).fill('Hello from a fresh workspace');
  const day = nextMonthDay(20);
  await dialog.getByLabel('Schedule time (UTC)').fill(`${day}T10:00`);
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await dialog.waitFor({ state: 'detached' });
  const ws = (await api('GET', 'account/workspaces', OWNER_TOKEN)).body.find((w) => w.name === 'Fresh Start');
  const stored = dash.emulator.store.state.workspaces.find((w) => w.id === ws.id);
  assert.deepEqual(stored.posts.map((p) => [p.content, p.status]), [['Hello from a fresh workspace', 'scheduled']]);
  assert.deepEqual((await api('GET', `account/workspaces/${ws.id}/api-keys`, OWNER_TOKEN)).body, [], 'no key was made for it');
  assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource')), []);
  await page.getByRole('button', { name: /^Sign out/ }).click();
  await page.close();
});

test('another device of the person is signed out from "Signed-in devices": asked first, gone from the list, and asked to sign in again there', async () => {
  // Two devices: this browser and a second one with its own profile (its own device id).
  const other = await launchBrowser();
  try {
    const there = await other.context.newPage();
    await there.setViewportSize({ width: 1280, height: 800 });
    await signIn(there, dash.url, OWNER_TOKEN);
    await pickWorkspace(there, 'Northwind Agency');
    await there.getByRole('grid').waitFor();
    const { page, problems } = await newPage();
    await signIn(page, dash.url, OWNER_TOKEN);
    await pickWorkspace(page, 'Northwind Agency');
    const devices = () => api('GET', 'account/sessions', OWNER_TOKEN).then((r) => new Set(r.body.map((s) => s.device_id)).size);
    assert.equal(await devices(), 2);
    const openDevices = async () => {
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('tab', { name: 'Workspace' }).click();
      await page.getByRole('tab', { name: 'API keys' }).click();
      return page.getByRole('table', { name: 'Your signed-in devices in this workspace' });
    };
    let table = await openDevices();
    await table.getByText(/\(this device\)/).waitFor();
    // One "Sign out" in the list, the other device's, named after it; this device's row has none.
    const signOutThere = table.getByRole('button', { name: 'Sign out Chromium browser on Linux' });
    await signOutThere.waitFor();
    assert.equal(await table.getByRole('button').count(), 1);
    const dialog = page.getByRole('dialog', { name: 'Sign out "Chromium browser on Linux"?' });

    // Cancel ends nothing.
    await signOutThere.click();
    await dialog.getByText(/every workspace of this account, not only "Northwind Agency"/).waitFor();
    await dialog.getByText(/Edits waiting on that device .* stay on it: they are sent once it signs in again/).waitFor();
    await dialog.getByText(/"Remember on this device" keeps the token and does so by itself when the page is reloaded/).waitFor();
    await screenshot(page, 'sessions-sign-out-device-1280');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await devices(), 2);

    // No answer from the server: the dialog says so and what to do; the list stays as it was.
    await page.route('**/api/account/sessions/*', (route) => route.abort('internetdisconnected'));
    await signOutThere.click();
    await dialog.getByRole('button', { name: 'Sign out "Chromium browser on Linux"' }).click();
    await dialog.getByRole('alert').filter({ hasText: /could not be reached, so "Chromium browser on Linux" is still signed in\. Check the connection and try again/ }).waitFor({ timeout: 20000 });
    assert.equal(await devices(), 2);
    await page.unroute('**/api/account/sessions/*');

    // Confirmed: that device's sessions end everywhere and the list no longer shows it.
    await dialog.getByRole('button', { name: 'Sign out "Chromium browser on Linux"' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: '"Chromium browser on Linux" is signed out of every workspace.' }).waitFor();
    await signOutThere.waitFor({ state: 'detached' });
    await table.getByText(/\(this device\)/).waitFor();
    assert.equal(await table.getByRole('row').count(), 2, 'the header and this device');
    assert.equal(await devices(), 1);

    // There, the next action asks to sign in again (a workspace read with the ended session).
    await pickWorkspace(there, 'Bluebird Bakery');
    await there.getByRole('alert').filter({ hasText: /needs signing in again/ }).waitFor();
    await there.getByRole('button', { name: 'Sign in again' }).click();
    await there.getByRole('alert').filter({ hasText: /needs signing in again/ }).waitFor({ state: 'detached' });
    assert.equal(await devices(), 2, 'signed in again there');

    // Already signed out by the time it is confirmed (it signed out itself): said so, list read again.
    table = await openDevices();
    await signOutThere.click();
    await there.getByRole('button', { name: /^Sign out/ }).click();
    await there.getByRole('button', { name: 'Sign in' }).waitFor();
    await dialog.getByRole('button', { name: 'Sign out "Chromium browser on Linux"' }).click();
    await page.getByRole('status').filter({ hasText: '"Chromium browser on Linux" was already signed out.' }).waitFor();
    await signOutThere.waitFor({ state: 'detached' });
    assert.equal(await devices(), 1);
    assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource') && !p.includes('ERR_INTERNET_DISCONNECTED')), []);
    await page.getByRole('button', { name: /^Sign out/ }).first().click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.equal(await devices(), 0);
    await page.close();
  } finally {
    await other.close();
  }
});
