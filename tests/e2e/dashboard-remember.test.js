// "Remember on this device": a reload keeps the session and paints the month from the device's
// copy before the server answers; the copy is refreshed in the background; signing out wipes it.
// The token and the keys never appear in plain text in IndexedDB, Web Storage, cookies or the DOM.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { openDashboardPage, OWNER_TOKEN, screenshot, ARTIFACTS } from './dashboard-support.js';

let browser;
let dash;
let page;
let problems;
const secrets = new Set([OWNER_TOKEN]);

before(async () => {
  // Without partial raster: Chromium otherwise re-rasters only the rectangles a DOM swap
  // invalidates into the tiles it has, and the anti-aliased edges of rounded corners beside them
  // come out a level or two apart from a whole tile's raster, although the page drawn is the same.
  // The saved page and the live page are then compared byte for byte.
  ({ dash, browser, page, problems } = await openDashboardPage({ browserArgs: ['--disable-partial-raster'] }));
  // Every bearer credential the page sends is a secret that must not be stored in plain text.
  page.on('request', (req) => {
    const auth = req.headers().authorization;
    if (auth?.startsWith('Bearer ')) secrets.add(auth.slice(7));
  });
});
after(async () => {
  await browser?.close();
  await dash?.close();
});

// Everything the page could have kept: every IndexedDB record (bytes as text too), Web Storage,
// cookies and the DOM, as one string to search.
async function everythingStored() {
  const dump = await page.evaluate(async () => {
    const out = [];
    const text = (v) => {
      if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return new TextDecoder('latin1').decode(v instanceof ArrayBuffer ? v : v.buffer);
      if (v instanceof CryptoKey) return `CryptoKey(extractable=${v.extractable})`;
      if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k}:${text(x)}`).join(',');
      return String(v);
    };
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((res, rej) => { const r = indexedDB.open(name); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      for (const store of db.objectStoreNames) {
        const values = await new Promise((res) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => res(r.result); });
        out.push(`${name}/${store}: ${values.map(text).join(' | ')}`);
      }
      db.close();
    }
    out.push(JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie, document.documentElement.outerHTML);
    return out.join('\n');
  });
  return dump;
}

const dbNames = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());
const postButton = () => page.getByRole('grid').getByRole('button', { name: /UTC/ }).first();

// Holds every request whose URL matches until release() (the held ones then go on).
// Whatever a test leaves held (it failed before its release) is let go after it, so the next
// test does not wait on routes nobody releases.
const held = new Set();
afterEach(async () => {
  for (const h of [...held]) await h.release();
});
async function hold(pattern) {
  let release;
  const gate = new Promise((r) => (release = r));
  let seen = 0;
  let asked;
  const first = new Promise((r) => (asked = r));
  await page.route(pattern, async (route) => {
    seen++;
    asked();
    await gate;
    // A request of a page reloaded meanwhile is already gone.
    await route.continue().catch(() => {});
  });
  const handle = {
    release: async () => {
      held.delete(handle);
      release();
      await page.unroute(pattern).catch(() => {});
    },
    seen: () => seen,
    asked: () => first, // resolves once a request matching the pattern has come
  };
  held.add(handle);
  return handle;
}

test('with "Remember on this device", a reload keeps the session and shows the month from the cache first', async () => {
  await page.goto(`${dash.url}/app/`);
  await page.getByLabel('Account token').fill(OWNER_TOKEN);
  const remember = page.getByRole('checkbox', { name: 'Remember on this device' });
  assert.equal(await remember.isChecked(), false, 'remembering is opt-in');
  await remember.check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('grid').waitFor();
  await postButton().waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('tp:cached').length > 0);
  const workspace = await page.getByRole('heading', { level: 1 }).textContent();
  const shown = await postButton().getAttribute('aria-label');

  // Stored: ciphertext and non-extractable keys only. No edit waits, so no outbox database
  // (session-ui.js keeps one only while an edit waits).
  assert.deepEqual(await dbNames(), ['trypost-cache', 'trypost-keys', 'trypost-session']);
  const stored = await everythingStored();
  assert.ok(stored.includes('CryptoKey(extractable=false)'));
  assert.ok(secrets.size >= 2, 'the account token and at least one workspace key were seen');
  for (const s of secrets) assert.equal(stored.includes(s), false, 'a token or key is stored in plain text');

  // Reload with the API held back: the month must come from the device's copy alone.
  const api = await hold('**/api/**');
  await page.reload();
  await page.getByRole('grid').waitFor();
  assert.equal(await page.getByLabel('Account token').count(), 0, 'not signed out');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), workspace);
  await page.getByRole('grid').getByRole('button', { name: shown, exact: true }).waitFor();
  await page.getByRole('status').filter({ hasText: /saved on this device/ }).waitFor();
  await screenshot(page, 'remembered-from-cache-1280');
  await api.release();
  await page.getByRole('status').filter({ hasText: /Up to date/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Sign out and forget this device' }).isVisible(), true);
  const again = await everythingStored();
  for (const s of secrets) assert.equal(again.includes(s), false, 'a token or key is stored in plain text');
});

test('a post changed on the server appears after the background refresh of a returning visit', async () => {
  // Written elsewhere: with the owner's own API key of the workspace that is open (the page works
  // on its device session, which a reload replaces).
  const open = await page.getByRole('heading', { level: 1 }).textContent();
  const key = dash.emulator.secrets.keys.find((k) => k.workspace === open && k.user === 'olivia@northwind.test').plain_token;
  const headers = { authorization: `Bearer ${key}`, accept: 'application/json', 'content-type': 'application/json' };
  const accounts = await (await fetch(`${dash.url}/api/social-accounts`, { headers })).json();
  const account = accounts.find((a) => a.is_active && ['x', 'bluesky', 'linkedin', 'threads'].includes(a.platform));
  const res = await fetch(`${dash.url}/api/posts`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ content: 'Written elsewhere while the tab was closed', platforms: [{ social_account_id: account.id, content_type: `${account.platform}_post` }] }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  await page.reload();
  await page.getByRole('grid').waitFor();
  await page.getByRole('button', { name: /Written elsewhere while the tab was closed/ }).waitFor();
  await page.getByRole('status').filter({ hasText: /Updated with the latest changes/ }).waitFor();
  // The new copy is what the next visit starts from.
  await page.waitForFunction(() => performance.getEntriesByName('tp:cached').length > 0);
  const stored = await everythingStored();
  assert.ok(stored.includes('Written elsewhere while the tab was closed'));
});

// Where two screenshots differ (null: byte for byte the same), for the failure message.
async function pixelChange(a, b) {
  if (a.equals(b)) return null;
  const blank = await browser.context.newPage();
  try {
    return await blank.evaluate(async ([x, y]) => {
      const pixels = async (b64) => {
        const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const c = new OffscreenCanvas(img.width, img.height);
        const ctx = c.getContext('2d');
        ctx.drawImage(img, 0, 0);
        return { w: img.width, h: img.height, d: ctx.getImageData(0, 0, img.width, img.height).data };
      };
      const [p, q] = [await pixels(x), await pixels(y)];
      if (p.w !== q.w || p.h !== q.h) return `size ${p.w}x${p.h} against ${q.w}x${q.h}`;
      let n = 0;
      let box = null;
      for (let i = 0; i < p.d.length; i += 4) {
        if (p.d[i] === q.d[i] && p.d[i + 1] === q.d[i + 1] && p.d[i + 2] === q.d[i + 2]) continue;
        const px = (i / 4) % p.w;
        const py = Math.floor(i / 4 / p.w);
        n++;
        box = box ? [Math.min(box[0], px), Math.min(box[1], py), Math.max(box[2], px), Math.max(box[3], py)] : [px, py, px, py];
      }
      return n ? `${n} pixels differ, within x ${box[0]}-${box[2]}, y ${box[1]}-${box[3]}` : null;
    }, [a.toString('base64'), b.toString('base64')]);
  } finally {
    await blank.close();
  }
}

// The modules' page is in place (first-paint.js marks its saved page busy until then).
const live = () => page.locator('#app[aria-busy="false"]').waitFor({ state: 'attached' });

const monthTitle = (date) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);

test('a returning visit paints the saved month before the core and the server answer; the core then takes it over', async () => {
  // The month painted from live data is what the next visit starts from.
  await page.waitForFunction(() => performance.getEntriesByName('tp:paint-kept').length > 0);
  const shown = await postButton().getAttribute('aria-label');
  const now = new Date();
  const thisMonth = monthTitle(now);
  const nextMonth = monthTitle(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)));

  // 1. The API and the WASM core held: the month is on screen, and another month waits for the core.
  let api = await hold('**/api/**');
  let wasm = await hold('**/*.wasm');
  // 'commit': the held core is preloaded, and a preload started before the load event delays it.
  await page.reload({ waitUntil: 'commit' });
  const post = page.getByRole('grid').getByRole('button', { name: shown, exact: true });
  await post.waitFor();
  // The saved page first-paint.js draws is inert; this is about the live page the modules build.
  await live();
  assert.equal(await page.getByRole('heading', { level: 2, name: thisMonth }).count(), 1);
  await page.getByRole('status').filter({ hasText: /saved on this device/ }).waitFor();
  assert.equal(await page.evaluate(() => performance.getEntriesByName('tp:core-ready').length), 0, 'the core is not loaded yet');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { level: 2, name: nextMonth }).waitFor();
  assert.equal(await page.getByRole('grid').count(), 0, 'a month the device did not save waits for the core');
  await wasm.release();
  // The core answers for next month while the server is still held.
  await page.getByRole('grid').waitFor();
  assert.equal(await page.getByRole('heading', { level: 2, name: nextMonth }).count(), 1);
  await page.getByRole('button', { name: 'Previous' }).click();
  await post.waitFor();
  assert.ok(wasm.seen() > 0 && api.seen() > 0, 'the core and the API were asked for and held');
  await api.release();
  await page.getByRole('status').filter({ hasText: /Up to date/ }).waitFor();

  // 2. Again, with the keyboard on a post of the saved month: the core takes over the same
  // nodes, so focus stays where it was, and the post then opens.
  api = await hold('**/api/**');
  wasm = await hold('**/*.wasm');
  await page.reload({ waitUntil: 'commit' });
  await post.waitFor();
  await live();
  await post.focus();
  await wasm.release();
  await page.waitForFunction(() => performance.getEntriesByName('tp:core-took-over').length > 0);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), shown, 'focus kept on the post');
  await api.release();
  await page.getByRole('status').filter({ hasText: /Up to date/ }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor();
  await page.keyboard.press('Escape');
  assert.deepEqual(problems, []);
});

test('with the modules held back, a reload draws the saved page from HTML; the live page then replaces it without a visible change', async () => {
  // Kept at the last live paint (an earlier visit of this test file).
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('trypost-first-paint-month'))?.page?.html, null, { timeout: 5000 });
  const shown = await postButton().getAttribute('aria-label');
  const workspace = await page.getByRole('heading', { level: 1 }).textContent();
  // The saved page is the chrome and the calendar only: open a dialog with typed text and a menu,
  // and they must not reach storage even when the page is saved again meanwhile.
  await page.getByRole('button', { name: 'New post' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Content' }).fill('Typed but not saved: must stay off the disk');
  const saved = await page.evaluate(() => localStorage.getItem('trypost-first-paint-month'));
  const { page: snap } = JSON.parse(saved);
  // The saved page is HTML: an entry's name is there as an attribute, with `&`, `<` and `"` escaped
  // (the demo's posts move with today's date, so some days the first one is "Q&A recap").
  const asAttribute = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
  assert.ok(snap?.html.includes(asAttribute(shown.split(',')[0])), 'the saved page holds the month');
  for (const bad of ['<dialog', 'role="dialog"', 'role="menu"', 'Typed but not saved', '<tp-', '<script']) assert.equal(snap.html.includes(bad), false, `${bad} is not saved`);
  await page.keyboard.press('Escape');

  // The API and the core are held too, so the screen cannot change for another reason meanwhile.
  const main = await hold('**/main.js');
  const api = await hold('**/api/**');
  const wasm = await hold('**/*.wasm');
  await page.reload({ waitUntil: 'commit' });
  // Drawn before main.js has even arrived (it is asked for once that frame is painted): the month,
  // the workspace, busy and inert.
  await page.waitForFunction(() => performance.getEntriesByName('tp:month-painted').length > 0);
  await main.asked();
  assert.equal(await page.evaluate(() => performance.getEntriesByName('tp:core-ready').length + performance.getEntriesByName('tp:boot').length), 0, 'no module has run');
  assert.equal(await page.locator('#app').getAttribute('aria-busy'), 'true');
  assert.equal(await page.locator('#app h1').textContent(), workspace);
  assert.equal(await page.evaluate((label) => [...document.querySelectorAll('#app button[aria-label]')].some((b) => b.getAttribute('aria-label') === label), shown), true, 'the post is drawn');
  assert.equal(await page.evaluate(() => [...document.getElementById('app').children].every((el) => el.inert)), true, 'nothing answers a click before the page is live');
  const before = await page.screenshot();
  await main.release();
  await page.waitForFunction(() => performance.getEntriesByName('tp:page-took-over').length > 0);
  assert.equal(await page.locator('#app').getAttribute('aria-busy'), 'false');
  assert.equal(await page.evaluate(() => [...document.getElementById('app').children].some((el) => el.inert)), false);
  const after = await page.screenshot();
  const changed = await pixelChange(before, after);
  if (changed) {
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(new URL('saved-page-drawn.png', ARTIFACTS), before);
    await writeFile(new URL('saved-page-live.png', ARTIFACTS), after);
    assert.fail(`the live page looks different from the saved one: ${changed} (tests/e2e/artifacts/saved-page-{drawn,live}.png)`);
  }
  await wasm.release();
  await api.release();
  // And it is the live page: once signed in again, the post opens.
  await page.getByRole('status').filter({ hasText: /Up to date/ }).waitFor();
  await page.getByRole('grid').getByRole('button', { name: shown, exact: true }).click();
  await page.getByRole('dialog').waitFor();
  await page.keyboard.press('Escape');
  assert.deepEqual(problems, []);
});

test('a move is kept on the device: a reload with the server held back shows the post on its new day', async () => {
  await page.getByRole('status').filter({ hasText: /Up to date/ }).waitFor();
  // A scheduled post at least two days ahead, moved a day later by keyboard.
  const target = await page.evaluate(() => {
    const soon = Date.now() + 2 * 86_400_000;
    const b = [...document.querySelectorAll('[role="grid"] button.post[draggable="true"]')].find((x) => Date.parse(x.dataset.at) > soon && x.closest('[role=gridcell]')?.nextElementSibling);
    return b && { label: b.getAttribute('aria-label'), from: b.dataset.date };
  });
  assert.ok(target, 'a movable post in the month');
  const next = new Date(Date.parse(`${target.from}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const inCell = (date) => page.locator(`[role=gridcell][data-date="${date}"]`).getByRole('button', { name: target.label, exact: true });
  const cached = await page.evaluate(() => performance.getEntriesByName('tp:cached').length);
  await inCell(target.from).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await page.waitForFunction(() => !document.querySelector('[role=grid] button.post[aria-busy="true"]'));
  await inCell(next).waitFor();
  await page.waitForFunction((n) => performance.getEntriesByName('tp:cached').length > n, cached);
  const api = await hold('**/api/**');
  await page.reload({ waitUntil: 'commit' });
  await live();
  await inCell(next).waitFor();
  assert.equal(await inCell(target.from).count(), 0, 'not on the day it left');
  await api.release();
  await page.getByRole('status').filter({ hasText: /Up to date|Updated/ }).waitFor();
  await inCell(next).waitFor();
  assert.deepEqual(problems, []);
});

// The account list's failures the browser logs (an aborted or refused request) are expected here;
// anything else the page reports is not.
function otherProblemsSince(n) {
  return problems.splice(n).filter((p) => !/Failed to load resource/.test(p));
}

test('a returning visit whose account list gets no answer shows the saved posts and keeps the saved sign-in', async () => {
  await page.getByRole('status').filter({ hasText: /Up to date|Updated/ }).waitFor();
  const seen = problems.length;
  await page.route('**/api/account/workspaces', (route) => route.abort());
  await page.reload();
  // The transport tries again a few times before the page says so.
  await page.getByRole('status').filter({ hasText: /could not be reached/ }).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByLabel('Account token').count(), 0, 'not sent to the sign-in form');
  assert.equal(await page.getByText(/no longer accepted/).count(), 0);
  assert.ok((await dbNames()).includes('trypost-session'), 'the saved sign-in is kept');
  await page.unroute('**/api/account/workspaces');
  await page.reload();
  await page.getByRole('status').filter({ hasText: /Up to date|Updated/ }).waitFor();
  assert.equal(await page.getByLabel('Account token').count(), 0, 'resumed');
  assert.deepEqual(otherProblemsSince(seen), []);
});

test('"Sign out and forget this device" wipes the stored session, keys and cache; a reload asks to sign in', async () => {
  await page.getByRole('button', { name: 'Sign out and forget this device' }).click();
  await page.getByLabel('Account token').waitFor();
  assert.deepEqual(await dbNames(), []);
  await page.reload();
  await page.getByLabel('Account token').waitFor();
  assert.equal(await page.getByRole('grid').count(), 0);
  const stored = await everythingStored();
  for (const s of secrets) assert.equal(stored.includes(s), false);
  // The posts copy and the saved first paint (Web Storage) went too.
  assert.equal(stored.includes('Written elsewhere while the tab was closed'), false);
  assert.deepEqual(problems, []);
});

test('without "Remember on this device" nothing is stored and a reload signs out', async () => {
  await page.getByLabel('Account token').fill(OWNER_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('grid').waitFor();
  assert.deepEqual(await dbNames(), []);
  const webStorage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  assert.equal(webStorage.includes('Written elsewhere while the tab was closed'), false, 'no first paint kept either');
  assert.equal(await page.getByRole('button', { name: 'Sign out', exact: true }).isVisible(), true);
  await page.reload();
  await page.getByLabel('Account token').waitFor();
});

test('a remembered sign-in refused at its key keeps nothing: the field says why, and a reload asks again', async () => {
  await page.getByLabel('Account token').fill(OWNER_TOKEN);
  const key = page.getByLabel('Workspace API key (optional)');
  await key.fill('tp_not_a_key_of_this_server_00000000000000');
  await page.getByRole('checkbox', { name: 'Remember on this device' }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
  assert.equal(await key.getAttribute('aria-invalid'), 'true');
  // The token is written while the sign-in runs; refused, it is taken back.
  await page.reload();
  await page.getByLabel('Account token').waitFor();
  assert.equal(await page.getByRole('grid').count(), 0);
  const stored = await everythingStored();
  for (const s of secrets) assert.equal(stored.includes(s), false, 'a token or key is stored in plain text');
  assert.doesNotMatch(stored, /trypost-session\/keys: \S/, 'no token record, not even encrypted');
});

test('a returning visit whose saved token the account API refuses forgets it and asks to sign in again', async () => {
  await page.getByLabel('Account token').fill(OWNER_TOKEN);
  await page.getByRole('checkbox', { name: 'Remember on this device' }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('grid').waitFor();
  await page.getByRole('button', { name: 'Sign out and forget this device' }).waitFor();
  const seen = problems.length;
  await page.route('**/api/account/workspaces', (route) => route.fulfill({ status: 401, contentType: 'application/json', body: '{"message":"Unauthenticated."}' }));
  await page.reload();
  await page.getByText('Your saved sign-in is no longer accepted. Sign in again.').waitFor();
  await page.getByLabel('Account token').waitFor();
  assert.equal((await dbNames()).includes('trypost-session'), false, 'the saved sign-in is forgotten');
  // At the form, the same refusal is said at the token's field.
  await page.getByLabel('Account token').fill(OWNER_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('This token was not accepted. Check it and try again.').waitFor();
  await page.unroute('**/api/account/workspaces');
  assert.deepEqual(otherProblemsSince(seen), []);
});
