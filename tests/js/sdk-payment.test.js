// 402 (cloud only): what the SDK's error carries (credits or plan, an `until` only when the answer
// or the account API gives one), and that credit-gated writes stop after it and are never retried.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, ApiError } from '../../web/sdk/index.js';
import { createMemoryKeyStorage } from '../../web/sdk/storage.js';
import { startEmulator, IDS, TOKENS, ACCOUNT_TOKENS } from '../../server/emulator/test-harness.js';

let h;
before(async () => {
  h = await startEmulator({ mode: 'cloud' });
});
after(() => h?.close());

function recording(rewrite) {
  const sent = [];
  const fetch = async (url, init = {}) => {
    sent.push({ url: String(url), method: init.method ?? 'GET' });
    const res = await globalThis.fetch(url, init);
    return rewrite ? rewrite(res) : res;
  };
  return { sent, fetch };
}

const is402 = (check) => (e) => {
  assert.ok(e instanceof ApiError);
  assert.equal(e.status, 402);
  assert.equal(e.kind, 'payment_required');
  check(e);
  return true;
};

test('exhausted credits: kind credits, until from the answer, writes stop, nothing is retried', async () => {
  await h.emulator.setAccount({ plan_status: 'active', credits_used: 2500, credits_limit: 2500 });
  const net = recording();
  const client = await createClient({ baseUrl: h.base, fetch: net.fetch });
  // The probe itself is gated in cloud mode; add the workspace while the plan is fine.
  await h.emulator.setAccount({ credits_used: 0 });
  await client.addWorkspace({ apiKey: TOKENS.owner });
  await h.emulator.setAccount({ credits_used: 2500 });
  const events = [];
  client.onNetwork((e) => events.push(e));

  const before = net.sent.length;
  await assert.rejects(client.labels.create({ name: 'Paid', color: '#111111' }), is402((e) => {
    assert.equal(e.payment, 'credits');
    assert.equal(e.message, 'Monthly AI credits exhausted');
    assert.equal(e.creditsUsed, 2500);
    assert.equal(e.creditsLimit, 2500);
    assert.ok(e.until instanceof Date && e.until.getTime() > Date.now());
    assert.match(e.untilIso, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.equal(e.stopCreditActions, true);
    assert.equal(e.local, false);
  }));
  assert.equal(net.sent.length - before, 1, 'a 402 is never sent again');
  assert.equal(events.filter((e) => e.kind === 'payment').length, 1);
  assert.equal(client.paymentBlock().payment, 'credits');

  // The next writes of that workspace stop here: nothing leaves.
  const stopped = net.sent.length;
  await assert.rejects(client.signatures.create({ name: 'n', content: 'c' }), is402((e) => assert.equal(e.local, true)));
  await assert.rejects(client.socialAccounts.toggle(IDS.x), is402((e) => assert.equal(e.payment, 'credits')));
  // An outbox edit is kept (as a problem, with its text), not sent and not retried.
  const queued = await client.posts.create({ content: 'kept through a 402', platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }] });
  const out = await queued.sent;
  assert.equal(out.ok, false);
  assert.equal(out.status, 402);
  assert.equal(client.outbox.problems()[0].body.content, 'kept through a 402');
  await client.posts.flush();
  assert.equal(net.sent.length, stopped);

  // Reads still go out; once one succeeds the block is gone and writes go out again.
  await h.emulator.setAccount({ credits_used: 10 });
  assert.ok((await client.labels.list()).length >= 1);
  assert.equal(client.paymentBlock(), null);
  assert.ok(events.some((e) => e.kind === 'payment-clear'));
  assert.equal((await client.labels.create({ name: 'Paid', color: '#111111' })).name, 'Paid');
  client.close();
});

test('a lapsed plan: kind plan with the plan status, and no until (the answer gives none)', async () => {
  await h.emulator.setAccount({ plan_status: 'active', credits_used: 0 });
  const client = await createClient({ baseUrl: h.base });
  await client.addWorkspace({ apiKey: TOKENS.owner });
  await h.emulator.setAccount({ plan_status: 'past_due' });
  await assert.rejects(client.labels.list(), is402((e) => {
    assert.equal(e.payment, 'plan');
    assert.equal(e.planStatus, 'past_due');
    assert.equal(e.until, null);
  }));
  // A Store request (the posts refresh) records the same block.
  await assert.rejects(client.posts.refresh(), (e) => e.status === 402);
  assert.equal(client.paymentBlock().payment, 'plan');
  await h.emulator.setAccount({ plan_status: 'active' });
  client.close();
});

test('credits without a date in the answer: the account API\'s resets_at becomes `until`', async () => {
  await h.emulator.setAccount({ plan_status: 'active', credits_used: 0 });
  // A server that says only the message (as the documented API does).
  const net = recording(async (res) => {
    if (res.status !== 402) return res;
    const body = await res.json();
    return new Response(JSON.stringify({ message: body.message }), { status: 402, headers: { 'content-type': 'application/json' } });
  });
  const client = await createClient({ baseUrl: h.base, fetch: net.fetch, accountToken: ACCOUNT_TOKENS.owner });
  await client.workspaces.issueKey(IDS.ws1);
  client.switchWorkspace(IDS.ws1);
  await h.emulator.setAccount({ credits_used: 2500 });
  const dated = new Promise((resolve) => client.onNetwork((e) => e.kind === 'payment' && e.block?.until && resolve(e.block)));
  await assert.rejects(client.labels.list(), is402((e) => {
    assert.equal(e.payment, 'credits');
    assert.equal(e.until, null, 'the answer itself gave no date');
  }));
  const block = await dated;
  const usage = await client.account.usage();
  assert.equal(block.until.toISOString().slice(0, 19).replace('T', ' '), usage.resets_at);
  assert.ok(net.sent.some((r) => r.url.endsWith('/api/account/usage')));
  await h.emulator.setAccount({ credits_used: 0 });
  client.close();
});

test("the account's credits are pooled: a 402 in one of its workspaces holds writes in the others; a key-only workspace is held alone", async () => {
  await h.emulator.setAccount({ plan_status: 'active', credits_used: 0 });
  const net = recording();
  const client = await createClient({ baseUrl: h.base, fetch: net.fetch, accountToken: ACCOUNT_TOKENS.owner });
  await client.workspaces.issueKey(IDS.ws1);
  await client.workspaces.issueKey(IDS.ws2);
  assert.deepEqual(client.workspaces.known().filter((w) => w.in_account).map((w) => w.id).sort(), [IDS.ws1, IDS.ws2].sort());
  const events = [];
  client.onNetwork((e) => events.push(e));
  await h.emulator.setAccount({ credits_used: 2500 });
  await assert.rejects(client.in(IDS.ws1).labels.create({ name: 'Paid', color: '#111111' }), is402((e) => assert.equal(e.local, false)));
  assert.deepEqual(events.find((e) => e.kind === 'payment').workspaceIds.sort(), [IDS.ws1, IDS.ws2].sort());
  // The other workspace of the account: held here, nothing sent.
  const before = net.sent.length;
  assert.equal(client.paymentBlock(IDS.ws2).payment, 'credits');
  await assert.rejects(client.in(IDS.ws2).labels.create({ name: 'Paid', color: '#111111' }), is402((e) => assert.equal(e.local, true)));
  assert.equal(net.sent.length, before);
  // An answer in either workspace lifts the block for both.
  await h.emulator.setAccount({ credits_used: 10 });
  await client.in(IDS.ws2).labels.list();
  assert.equal(client.paymentBlock(IDS.ws1), null);
  assert.equal(client.paymentBlock(IDS.ws2), null);
  client.close();

  // Keys alone: the two workspaces may be different accounts', so each is asked on its own.
  const keysOnly = recording();
  const byKey = await createClient({ baseUrl: h.base, fetch: keysOnly.fetch });
  await byKey.addWorkspace({ apiKey: TOKENS.owner });
  await byKey.addWorkspace({ apiKey: TOKENS.ws2 });
  await h.emulator.setAccount({ credits_used: 2500 });
  await assert.rejects(byKey.in(IDS.ws1).labels.create({ name: 'Paid', color: '#111111' }), is402((e) => assert.equal(e.local, false)));
  assert.equal(byKey.paymentBlock(IDS.ws2), null);
  await assert.rejects(byKey.in(IDS.ws2).labels.create({ name: 'Paid', color: '#111111' }), is402((e) => assert.equal(e.local, false)));
  await h.emulator.setAccount({ credits_used: 0 });
  byKey.close();
});

test('a key refused with 402 when it is added: the caller gets the 402, and no payment event claims the signed-in account', async () => {
  await h.emulator.setAccount({ plan_status: 'past_due', credits_used: 0 });
  const client = await createClient({ baseUrl: h.base, accountToken: ACCOUNT_TOKENS.owner });
  const events = [];
  client.onNetwork((e) => events.push(e));
  try {
    await assert.rejects(client.addWorkspace({ apiKey: TOKENS.ws2 }), (e) => e.status === 402);
    assert.deepEqual(events.filter((e) => e.kind === 'payment'), []);
    assert.equal(client.paymentBlock(), null);
  } finally {
    await h.emulator.setAccount({ plan_status: 'active' });
    client.close();
  }
});

test('a key refused with 402 waits: kept in the key storage, opened once its account pays (retry or next start), dropped when refused with 401', async () => {
  const storage = createMemoryKeyStorage();
  const stored = async () => (await storage.load()).filter((e) => e.key === TOKENS.ws2).map((e) => e.workspaceId);
  await h.emulator.setAccount({ plan_status: 'past_due', credits_used: 0 });
  let client = await createClient({ baseUrl: h.base, accountToken: ACCOUNT_TOKENS.owner, storage });
  try {
    await assert.rejects(client.addWorkspace({ apiKey: TOKENS.ws2 }), (e) => e.status === 402 && e.keyKept === true && !e.message.includes(TOKENS.ws2));
    // Given twice, kept once.
    await assert.rejects(client.addWorkspace({ apiKey: TOKENS.ws2 }), (e) => e.status === 402);
    assert.equal(client.waitingKeys(), 1);
    assert.equal((await stored()).length, 1);
    assert.notEqual((await stored())[0], IDS.ws2, 'its workspace is not known yet');
    // Still lapsed: it waits on.
    assert.deepEqual(await client.retryWaitingKeys(), { added: [], waiting: 1 });
    await h.emulator.setAccount({ plan_status: 'active' });
    const { added, waiting } = await client.retryWaitingKeys();
    assert.equal(waiting, 0);
    assert.deepEqual(added.map((w) => w.id), [IDS.ws2]);
    assert.equal(added[0].has_key, true);
    assert.deepEqual(await stored(), [IDS.ws2], 'kept under its workspace from now on');
  } finally {
    client.close();
  }

  // Kept while lapsed, then the account pays: the next start opens it.
  await storage.clear();
  await h.emulator.setAccount({ plan_status: 'past_due' });
  client = await createClient({ baseUrl: h.base, accountToken: ACCOUNT_TOKENS.owner, storage });
  await assert.rejects(client.addWorkspace({ apiKey: TOKENS.ws2 }), (e) => e.status === 402);
  client.close();
  // Forgotten on request: nothing of it stays in the storage.
  const other = createMemoryKeyStorage();
  const forgetting = await createClient({ baseUrl: h.base, accountToken: ACCOUNT_TOKENS.owner, storage: other });
  await assert.rejects(forgetting.addWorkspace({ apiKey: TOKENS.ws2 }), (e) => e.status === 402);
  assert.equal(forgetting.waitingKeys(), 1);
  await forgetting.forgetWaitingKeys();
  assert.equal(forgetting.waitingKeys(), 0);
  assert.deepEqual(await other.load(), []);
  assert.deepEqual(await forgetting.retryWaitingKeys(), { added: [], waiting: 0 });
  forgetting.close();
  await storage.save('waiting:revoked', 'tp_test_revoked_key_does_not_exist_0000000');
  await h.emulator.setAccount({ plan_status: 'active' });
  client = await createClient({ baseUrl: h.base, accountToken: ACCOUNT_TOKENS.owner, storage });
  try {
    assert.equal(client.waitingKeys(), 0);
    assert.ok(client.workspaces.known().some((w) => w.id === IDS.ws2 && w.has_key));
    assert.deepEqual(await stored(), [IDS.ws2]);
    assert.deepEqual((await storage.load()).filter((e) => e.workspaceId.startsWith('waiting:')), [], 'a key refused with 401 is forgotten');
  } finally {
    client.close();
  }
});
