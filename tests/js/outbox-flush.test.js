// When the outbox sends again: on the `online` event, and when a workspace's key becomes usable
// (added or issued). Edits for a workspace without a usable key wait in line instead of being
// dropped. Against the emulator, with a fetch that can be switched off like a network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, createMemoryOutboxStorage } from '../../web/sdk/index.js';
import { loadCore } from '../../web/sdk/core.js';
import { startEmulator, IDS, TOKENS } from '../../server/emulator/test-harness.js';

let h;
before(async () => {
  h = await startEmulator();
});
after(() => h?.close());

function network() {
  const net = { up: true, sent: [] };
  net.fetch = async (url, init = {}) => {
    net.sent.push({ url: String(url), method: init.method ?? 'GET', auth: new Headers(init.headers).get('authorization') });
    if (!net.up) throw new TypeError('fetch failed');
    return globalThis.fetch(url, init);
  };
  return net;
}

const fast = { sleep: async () => {}, timeoutMs: 5000 };
const postsWith = (content) => h.emulator.store.state.workspaces.find((w) => w.id === IDS.ws1).posts.filter((p) => p.content === content);
const body = (content) => ({ content, platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }] });

test('an online event flushes what waited while offline, once', async () => {
  const net = network();
  const online = new EventTarget();
  const client = await createClient({ baseUrl: h.base, fetch: net.fetch, transport: fast, onlineEvents: online });
  await client.addWorkspace({ apiKey: TOKENS.owner });
  net.up = false;
  const queued = await client.posts.create(body('made offline 1'));
  assert.equal(await client.posts.flush(), 1, 'still waiting after a failed attempt');
  assert.deepEqual(client.outbox.problems(), []);
  net.up = true;
  const events = [];
  client.onNetwork((e) => events.push(e.kind));
  online.dispatchEvent(new Event('online'));
  const sent = await queued.sent;
  assert.equal(sent.ok, true);
  assert.ok(events.includes('online'));
  assert.equal(client.outbox.pending().length, 0);
  assert.equal(postsWith('made offline 1').length, 1);
  // After close the client no longer listens.
  client.close();
  const count = net.sent.length;
  online.dispatchEvent(new Event('online'));
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(net.sent.length, count);
});

test('after a reload, an online event before the key is known keeps the edit; adding the key sends it', async () => {
  const storage = createMemoryOutboxStorage();
  const net = network();
  const first = await createClient({ baseUrl: h.base, fetch: net.fetch, transport: fast, outboxStorage: storage, onlineEvents: new EventTarget() });
  await first.addWorkspace({ apiKey: TOKENS.owner });
  net.up = false;
  await first.posts.create(body('made offline 2'));
  await first.posts.flush();
  first.close();

  // The "reloaded" client starts with the stored edit and no key yet.
  net.up = true;
  const online = new EventTarget();
  const second = await createClient({ baseUrl: h.base, fetch: net.fetch, transport: fast, outboxStorage: storage, onlineEvents: online });
  assert.equal(second.outbox.pending().length, 1);
  const before = net.sent.length;
  online.dispatchEvent(new Event('online'));
  await second.posts.flush();
  assert.equal(second.outbox.pending().length, 1, 'held, not dropped');
  assert.deepEqual(second.outbox.problems(), []);
  assert.equal(net.sent.length, before, 'nothing sent without a key');
  await second.addWorkspace({ apiKey: TOKENS.owner });
  await second.outbox.flush();
  assert.equal(second.outbox.pending().length, 0);
  assert.equal(postsWith('made offline 2').length, 1);
  second.close();
});

test('a revoked key holds the queue; the workspace\'s new key sends it, with the new key', async () => {
  const owner = await createClient({ baseUrl: h.base });
  await owner.addWorkspace({ apiKey: TOKENS.owner });
  const k1 = await owner.apiKeys.create({ name: 'soon revoked' });
  const k2 = await owner.apiKeys.create({ name: 'replacement' });

  const net = network();
  const client = await createClient({ baseUrl: h.base, fetch: net.fetch, transport: fast, onlineEvents: new EventTarget() });
  await client.addWorkspace({ apiKey: k1.plain_token });
  await owner.apiKeys.delete(k1.token.id);
  const queued = await client.posts.create(body('held by a revoked key'));
  await client.posts.flush();
  assert.equal(client.outbox.pending().length, 1, 'a 401 holds the edit');
  assert.deepEqual(client.outbox.problems(), []);
  assert.equal(net.sent.at(-1).auth, `Bearer ${k1.plain_token}`);

  await client.addWorkspace({ apiKey: k2.plain_token });
  assert.equal((await queued.sent).ok, true);
  assert.equal(net.sent.at(-1).auth, `Bearer ${k2.plain_token}`);
  assert.equal(postsWith('held by a revoked key').length, 1);
  client.close();
  owner.close();
});

// Edits waiting for a workspace that is then deleted can never be sent: they must not wait forever.
test('deleting a workspace drops its waiting edits; one deleted elsewhere turns them into problems to dismiss', async () => {
  const net = network();
  const ownerToken = 'acct_test_owner';
  const a = await createClient({ baseUrl: h.base, fetch: net.fetch, transport: fast, accountToken: ownerToken, onlineEvents: new EventTarget() });
  const doomed = await a.workspaces.create({ name: 'Doomed here' });
  const acct = (await a.in(doomed.id).socialAccounts.list())[0];
  net.up = false;
  const queued = await a.posts.create({ content: 'never sent', platforms: acct ? [{ social_account_id: acct.id, content_type: 'x_post' }] : [] });
  assert.equal(await a.posts.flush(), 1);
  net.up = true;
  await a.workspaces.remove(doomed.id, { confirmName: 'Doomed here' });
  assert.equal(a.outbox.pending(doomed.id).length, 0, 'nothing left waiting for a deleted workspace');
  assert.deepEqual(a.outbox.problems(), [], 'the user asked for the deletion: nothing to report');
  assert.equal((await queued.sent).status, 410);

  // Deleted by someone else: client b holds an edit for it, then learns from the list.
  const other = await a.workspaces.create({ name: 'Doomed elsewhere' });
  const b = await createClient({ baseUrl: h.base, fetch: net.fetch, transport: fast, accountToken: ownerToken, onlineEvents: new EventTarget() });
  await b.workspaces.list();
  b.switchWorkspace(other.id);
  net.up = false;
  const held = await b.posts.create({ content: 'held in b', platforms: [] });
  net.up = true;
  await a.workspaces.remove(other.id, { confirmName: 'Doomed elsewhere' });
  assert.ok(!(await b.workspaces.list()).some((w) => w.id === other.id), 'gone from the list once the server no longer has it');
  assert.equal(b.outbox.pending(other.id).length, 0);
  const problems = b.outbox.problems();
  assert.equal(problems.length, 1);
  assert.equal(problems[0].status, 410);
  assert.match(problems[0].message, /deleted/);
  assert.equal((await held.sent).status, 410);
  await b.outbox.dismissProblem(problems[0].id);
  assert.deepEqual(b.outbox.problems(), []);
  a.close();
  b.close();
});

test('a create whose idempotency key the core refuses is kept as a problem with its text, and nothing is sent', async () => {
  const net = network();
  const client = await createClient({ baseUrl: h.base, fetch: net.fetch, transport: fast });
  await client.addWorkspace({ apiKey: TOKENS.owner });
  const before = net.sent.length;
  const queued = await client.outbox.enqueue(IDS.ws1, { kind: 'posts.create', body: body('a "quoted" key'), idempotency_key: 'say "again"' });
  await client.posts.flush();
  const out = await queued.sent;
  assert.equal(out.ok, false);
  assert.equal(out.status, 422);
  assert.deepEqual(Object.keys(out.errors), ['idempotency_key']);
  const [problem] = client.outbox.problems();
  assert.equal(problem.body.content, 'a "quoted" key');
  assert.equal(problem.conflict, false);
  assert.equal(net.sent.length, before, 'a key the server could not read unchanged never leaves');
  assert.equal(postsWith('a "quoted" key').length, 0);
  client.close();
});

// The core with its classifyFailure counted: every other binding, the Store among them, is the real one.
async function countingCore() {
  const core = await loadCore();
  const counted = { asked: 0 };
  counted.core = Object.create(core, { classifyFailure: { value: (text) => { counted.asked++; return core.classifyFailure(text); } } });
  return counted;
}

test('a failed send is classified once, by the Store answer that read it: no answer waits, a post published meanwhile is a conflict', async () => {
  const net = network();
  const counted = await countingCore();
  const client = await createClient({ baseUrl: h.base, fetch: net.fetch, transport: fast, core: counted.core });
  await client.addWorkspace({ apiKey: TOKENS.owner });
  const made = await (await client.posts.create(body('classified once'))).sent;
  assert.equal(made.ok, true);
  net.up = false;
  const late = await client.posts.update(made.post_id, { content: 'late words' });
  assert.equal(await client.posts.flush(), 1, 'no answer: the edit waits');
  net.up = true;
  postsWith('classified once')[0].status = 'published';
  await client.posts.flush();
  const out = await late.sent;
  assert.equal(out.ok, false);
  assert.equal(out.status, 422);
  assert.deepEqual(client.outbox.problems().map((p) => [p.status, p.conflict, p.body.content]), [[422, true, 'late words']]);
  assert.equal(counted.asked, 0, 'the outbox read the Store answer\'s failure_class');
  client.close();
});
