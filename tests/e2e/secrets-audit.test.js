// Secrets audit: a session of dashboard work against the emulator (cloud mode), with keys added,
// a key created in Settings, posts made and 401, 403, 422 and 402 answers forced. Afterwards no
// account token, workspace key, newly created key or signing secret may be found anywhere the
// page keeps or shows things: IndexedDB (the encrypted key record only as ciphertext that does not
// contain the plain key), localStorage, sessionStorage, cookies, console output, the DOM (markup,
// open shadow roots and the live values of form fields) once the shown-once key is dismissed, and
// every error message shown along the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchBrowser } from './browser.js';
import { startDashboard, signIn, switcher, pickWorkspace, OWNER_TOKEN, nextMonthDay } from './dashboard-support.js';

const SEED = JSON.parse(readFileSync(new URL('../../seeds/demo.json', import.meta.url), 'utf8'));
const NORTHWIND_VIEWER_KEY = SEED.workspaces.flatMap((w) => w.api_keys ?? []).find((k) => /northwind_viewer/.test(k.plain_token)).plain_token;

let dash;
let browser;
let page;
const consoleLines = [];
const shownTexts = [];   // what the page showed right after each forced error
const received = new Map(); // plain keys the browser was handed during the session -> where
let afterDismiss = null;    // the page right after the shown-once key was dismissed

before(async () => {
  dash = await startDashboard({ mode: 'cloud' });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  page.on('console', (msg) => consoleLines.push(`${msg.type()}: ${msg.text()}`));
  page.on('pageerror', (err) => consoleLines.push(`pageerror: ${err.message}\n${err.stack ?? ''}`));
  // Every credential the server hands out to this page (device sessions opened at sign-in, keys
  // created in Settings) joins the list of secrets, whatever the UI does with it.
  page.on('response', async (res) => {
    // Any POST under /api: the account API's workspace keys and the documented /api-keys create.
    if (res.request().method() !== 'POST' || !new URL(res.url()).pathname.startsWith('/api/')) return;
    try {
      const body = await res.json();
      const sessions = [...(Array.isArray(body?.sessions) ? body.sessions : []), body?.session].map((s) => s?.token);
      for (const plain of [body?.plain_token, body?.api_key?.plain_token, body?.data?.plain_token, ...sessions]) if (typeof plain === 'string') received.set(plain, res.url());
    } catch { /* not JSON: nothing handed out */ }
  });
});
after(async () => {
  await browser?.close();
  await dash?.close();
});

async function recordShown(what) {
  const text = await page.evaluate(() => document.body.innerText);
  shownTexts.push({ what, text });
  return text;
}

async function control(method, path, body) {
  const res = await fetch(`${dash.url}/_emulator${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.ok(res.ok, `${method} ${path}: ${res.status}`);
}

test('a session of dashboard work with errors forced along the way', async () => {
  // 401: an account token that is not one, then a workspace key that is not one.
  await page.goto(`${dash.url}/app/`);
  await page.getByLabel('Account token').fill('acct_not_a_real_token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
  assert.match(await recordShown('401 account token'), /not accepted/i);
  await page.getByLabel('Account token').fill(OWNER_TOKEN);
  await page.getByLabel('Workspace API key (optional)').fill('tp_demo_this_key_does_not_exist_00000000');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForFunction(() => document.querySelectorAll('input[aria-invalid="true"]').length > 0 && !document.querySelector('button[disabled]'));
  assert.match(await recordShown('401 workspace key'), /not accepted/i);

  // Signed in with a key added by hand: Northwind's Viewer key, so Northwind's writes answer 403.
  await signIn(page, dash.url, OWNER_TOKEN, NORTHWIND_VIEWER_KEY);
  await page.getByRole('grid').waitFor();

  await pickWorkspace(page, 'Northwind Agency');
  await page.getByRole('button', { name: 'New post' }).click();
  {
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.getByLabel('Northwind (X)', { exact: true }).check();
    await dialog.getByRole('textbox', { name: 'Content' }).fill('Audit post that the Viewer key may not make');
    await dialog.getByLabel('Schedule time (UTC)').fill(`${nextMonthDay(12)}T09:00`);
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    // The server's refusal is shown in the dialog.
    await page.waitForFunction(() => /unauthori[sz]ed/i.test(document.body.innerText), null, { timeout: 15000 });
    assert.match(await recordShown('403 viewer key'), /unauthori[sz]ed/i);
    if (await dialog.count()) await page.keyboard.press('Escape');
  }

  // Posts made with the key the dashboard was issued for Bluebird.
  await pickWorkspace(page, 'Bluebird Bakery');
  await page.getByRole('grid').waitFor();
  for (const [text, time] of [['Audit croissant one', '08:00'], ['Audit croissant two', '08:30']]) {
    await page.getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.getByLabel('Bluebird Bakery (Facebook page)', { exact: true }).check();
    await dialog.getByRole('textbox', { name: 'Content' }).fill(text);
    await dialog.getByLabel('Schedule time (UTC)').fill(`${nextMonthDay(14)}T${time}`);
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  // 422 from the server (a key that expired yesterday), then a key created and shown once.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'API keys' }).click();
  await page.getByRole('textbox', { name: 'Key name' }).fill('Audit key');
  await page.getByLabel('Expires on').fill('2020-01-01');
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.waitForFunction(() => /today/i.test(document.body.innerText));
  assert.match(await recordShown('422 key expiry'), /today/i);
  await page.getByLabel('Expires on').fill('');
  await page.getByRole('textbox', { name: 'Key name' }).fill('Audit key');
  await page.getByRole('button', { name: 'Create key' }).click();
  const created = await page.getByRole('textbox', { name: 'New key "Audit key"' }).inputValue();
  assert.ok(created.length > 20);
  // The response listener reads bodies asynchronously: give it a moment.
  for (let i = 0; i < 50 && !received.has(created); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(received.has(created), 'the created key was seen on the wire');
  // The audit sees a key in the live DOM while it is shown (so it would see one left behind) ...
  assert.ok((await pageContents()).live.includes(created));
  await page.getByRole('button', { name: 'Done, hide the key' }).click();
  await page.getByRole('textbox', { name: 'New key "Audit key"' }).waitFor({ state: 'detached' });
  // ... and once dismissed, on the same screen, it is gone from markup and field values alike.
  afterDismiss = await pageContents();

  // 402: the account's credits run out; the next workspace read is refused with a payment banner.
  await control('PUT', '/account', { credits_used: 100, credits_limit: 100 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Calendar' }).click();
  await pickWorkspace(page, 'Summit Outdoor');
  await page.getByRole('alert').filter({ hasText: 'Payment needed' }).waitFor({ timeout: 15000 });
  assert.match(await recordShown('402 credits'), /credits exhausted/i);
  await control('PUT', '/account', { credits_used: 0, credits_limit: 100 });

  // The SDK's opt-in key persistence, as a dashboard that keeps keys between visits would use it:
  // the record is encrypted under a non-extractable key.
  await page.evaluate(async (keys) => {
    const sdk = await import('/sdk/index.js');
    const storage = sdk.createEncryptedKeyStorage();
    for (const [i, key] of keys.entries()) await storage.save(`audit-${i}`, key);
    const back = await storage.load();
    if (back.length !== keys.length) throw new Error('the encrypted storage did not round-trip');
  }, [...received.keys(), NORTHWIND_VIEWER_KEY]);
});

// Everything the page keeps or shows, as text; byte values as Latin-1 so any ASCII key shows up.
async function pageContents() {
  return page.evaluate(async () => {
    const bytesText = (v) => {
      const u8 = v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      let s = '';
      for (const b of u8) s += String.fromCharCode(b);
      return s;
    };
    const flatten = (v, seen = new Set()) => {
      if (v === null || v === undefined) return '';
      if (typeof v !== 'object') return String(v);
      if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return bytesText(v);
      if (typeof CryptoKey !== 'undefined' && v instanceof CryptoKey) return `[CryptoKey extractable=${v.extractable}]`;
      if (seen.has(v)) return '';
      seen.add(v);
      if (v instanceof Blob) return `[Blob ${v.size}]`;
      return Object.entries(v).map(([k, x]) => `${k}=${flatten(x, seen)}`).join('\n');
    };
    const ask = (req) => new Promise((res, rej) => { req.onsuccess = () => res(req.result); req.onerror = () => rej(req.error); });
    const idb = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await ask(indexedDB.open(name));
      for (const storeName of db.objectStoreNames) {
        const store = db.transaction(storeName).objectStore(storeName);
        const [keys, values] = [await ask(store.getAllKeys()), await ask(store.getAll())];
        keys.forEach((k, i) => idb.push({ db: name, store: storeName, key: String(k), value: values[i], text: flatten(values[i]) }));
      }
      db.close();
    }
    const walk = (root, out) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          out.push(el.shadowRoot.innerHTML);
          walk(el.shadowRoot, out);
        }
        if ('value' in el && typeof el.value === 'string' && el.value) out.push(`value of ${el.tagName}: ${el.value}`);
      }
      return out;
    };
    const storage = (s) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i))]));
    return {
      idb: idb.map(({ db, store, key, text, value }) => ({
        db, store, key, text,
        encrypted: db === 'trypost-keys' && store === 'keys',
        ciphertext: value?.ciphertext ? bytesText(value.ciphertext) : null,
        iv: value?.iv ? value.iv.byteLength : null,
      })),
      databases: (await indexedDB.databases()).map((d) => d.name),
      local: storage(localStorage),
      session: storage(sessionStorage),
      documentCookie: document.cookie,
      dom: document.documentElement.outerHTML,
      live: walk(document, []).join('\n'),
    };
  });
}

test('no key or signing secret is kept or shown anywhere the page can reach', async () => {
  const secrets = new Map([
    ['the account token', OWNER_TOKEN],
    ['the upload-URL signing key', dash.emulator.store.state.app_key],
  ]);
  for (const u of dash.emulator.secrets.users) secrets.set(`account token of ${u.email}`, u.account_token);
  for (const k of dash.emulator.secrets.keys) secrets.set(`workspace key ${k.plain_token.slice(0, 22)}…`, k.plain_token);
  for (const w of SEED.workspaces) {
    for (const s of w.signing_keys ?? []) {
      secrets.set(`request-signing secret ${s.keyid} (base64)`, s.secret_base64);
      secrets.set(`request-signing secret ${s.keyid} (bytes)`, Buffer.from(s.secret_base64, 'base64').toString('latin1'));
      secrets.set(`request-signing secret ${s.keyid} (hex)`, Buffer.from(s.secret_base64, 'base64').toString('hex'));
    }
  }
  for (const [plain, where] of received) secrets.set(`key handed out by ${new URL(where).pathname}`, plain);
  assert.ok(received.size >= 2, 'the device sessions and the Settings key were handed out');
  for (const [name, value] of secrets) assert.ok(typeof value === 'string' && value.length >= 16, `${name} is a real secret`);

  const seen = await pageContents();
  const cookies = await browser.context.cookies();
  const places = [
    ['localStorage', JSON.stringify(seen.local)],
    ['sessionStorage', JSON.stringify(seen.session)],
    ['cookies', JSON.stringify(cookies) + seen.documentCookie],
    ['console output', consoleLines.join('\n')],
    ['the DOM', seen.dom],
    ['shadow roots and field values', seen.live],
    ['the DOM after the shown-once key was dismissed', afterDismiss.dom],
    ['field values after the shown-once key was dismissed', afterDismiss.live],
    ...shownTexts.map(({ what, text }) => [`the page after ${what}`, text]),
    ...seen.idb.filter((r) => !r.encrypted).map((r) => [`IndexedDB ${r.db}/${r.store}/${r.key}`, r.text]),
  ];
  const leaks = [];
  for (const [place, text] of places) {
    for (const [name, value] of secrets) if (text.includes(value)) leaks.push(`${name} in ${place}`);
  }
  assert.deepEqual(leaks, []);

  // The encrypted record: present, ciphertext only, and not the plain key in disguise.
  const encrypted = seen.idb.filter((r) => r.encrypted);
  assert.equal(encrypted.length, received.size + 1);
  for (const r of encrypted) {
    assert.equal(r.iv, 12);
    assert.ok(r.ciphertext && r.ciphertext.length >= 16 + 16);
    for (const [name, value] of secrets) assert.ok(!r.ciphertext.includes(value), `${name} in the clear inside ${r.key}`);
    assert.ok(!/^[\x20-\x7e]+$/.test(r.ciphertext), 'the ciphertext is not printable text');
  }
  assert.ok(seen.databases.includes('trypost-keys'));
  // The forced errors were shown, and in words (not the key that caused them).
  assert.equal(shownTexts.length, 5);
});
