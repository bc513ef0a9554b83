// Offline edits in Chromium: made with the network off, kept in IndexedDB across a reload, and
// delivered to the emulator (exactly once, in order) when the network is back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startDevServer, watchPage } from './browser.js';
import { testSeed, TOKENS, IDS } from '../../server/emulator/test-harness.js';
import { createEmulator } from '../../server/emulator/index.js';

let browser;
let server;
let emu;
before(async () => {
  // The emulator is mounted at /api on the dev server: same origin, as `npm start` serves it.
  emu = await createEmulator({ seed: testSeed(), rateLimit: 0 });
  server = await startDevServer({ handlers: [(req, res) => emu.handle(req, res)] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await emu?.close();
  await server?.close();
});

// Runs in the page: a client whose outbox lives in IndexedDB; backoff is shortened, not skipped.
const open = async ({ api, key }) => {
  const sdk = await import('/sdk/index.js');
  const client = await sdk.createClient({
    baseUrl: api,
    outboxStorage: sdk.createIndexedDbOutboxStorage({ name: 'trypost-e2e-outbox' }),
    transport: { sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))), timeoutMs: 3000 },
  });
  await client.addWorkspace({ apiKey: key });
  window.__client = client;
  return client.outbox.pending().length;
};

test('edits made offline survive a reload and reach the server when it comes back', async () => {
  const page = await browser.context.newPage();
  const problems = watchPage(page);
  await page.goto(`${server.url}/app/`);
  const args = { api: server.url, key: TOKENS.owner };
  assert.equal(await page.evaluate(open, args), 0);

  await browser.context.setOffline(true);
  const left = await page.evaluate(async (account) => {
    const c = window.__client;
    const made = await c.posts.create({ content: 'written offline', platforms: [{ social_account_id: account, content_type: 'x_post' }] });
    await c.posts.update(made.entry.local_id, { status: 'draft', content: 'written offline, edited offline' });
    await c.posts.flush();
    return c.outbox.pending().map((e) => e.kind);
  }, IDS.x);
  assert.deepEqual(left, ['posts.create', 'posts.update']);

  // Back online and reloaded: a fresh page finds the edits in IndexedDB and sends them. The old
  // client is closed first, or its `online` listener would deliver them before the reload.
  await page.evaluate(() => window.__client.close());
  await browser.context.setOffline(false);
  await page.reload();
  assert.equal(await page.evaluate(open, args), 2);
  const after = await page.evaluate(async () => {
    await window.__client.posts.flush();
    return { pending: window.__client.outbox.pending().length, problems: window.__client.outbox.problems() };
  });
  assert.deepEqual(after, { pending: 0, problems: [] });
  const ws = emu.store.state.workspaces.find((w) => w.id === IDS.ws1);
  const mine = ws.posts.filter((p) => p.content.startsWith('written offline'));
  assert.equal(mine.length, 1);
  assert.equal(mine[0].content, 'written offline, edited offline');
  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
});

test('coming back online sends the waiting edits by itself (the online event), exactly once', async () => {
  const page = await browser.context.newPage();
  const problems = watchPage(page);
  await page.goto(`${server.url}/app/`);
  const args = { api: server.url, key: TOKENS.owner };
  await page.evaluate(open, args);
  await page.evaluate(() => window.__client.posts.flush());
  await browser.context.setOffline(true);
  const waiting = await page.evaluate(async (account) => {
    const c = window.__client;
    await c.posts.create({ content: 'sent by the online event', platforms: [{ social_account_id: account, content_type: 'x_post' }] });
    await c.posts.flush();
    return c.outbox.pending().length;
  }, IDS.x);
  assert.equal(waiting, 1);
  await browser.context.setOffline(false);
  // No flush call here: the SDK listens for `online`.
  await page.waitForFunction(() => window.__client.outbox.pending().length === 0);
  const ws = emu.store.state.workspaces.find((w) => w.id === IDS.ws1);
  assert.equal(ws.posts.filter((p) => p.content === 'sent by the online event').length, 1);
  assert.deepEqual(await page.evaluate(() => window.__client.outbox.problems()), []);
  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
  await page.close();
});
