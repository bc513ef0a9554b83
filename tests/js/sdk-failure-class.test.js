// The client acts on what the core says a failure means (failure_class.hpp): which workspace needs
// signing in again, a server whose account API has no sessions, a posts walk that ends quietly.
// A fetch in front of the emulator answers chosen requests with a chosen status.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from '../../web/sdk/index.js';
import { loadCore } from '../../web/sdk/core.js';
import { ACCOUNT_TOKENS, IDS, TOKENS, startEmulator } from '../../server/emulator/test-harness.js';

let h;
before(async () => { h = await startEmulator(); });
after(() => h?.close());

const fast = { sleep: async () => {}, timeoutMs: 5000 };

// answer(url, method) -> a status to answer instead of the emulator, or null to pass it on.
function fronted(answer) {
  const seen = [];
  const fetch = async (url, init = {}) => {
    const method = init.method ?? 'GET';
    seen.push(`${method} ${new URL(url).pathname}${new URL(url).search}`);
    const status = answer(new URL(url), method);
    if (status == null) return globalThis.fetch(url, init);
    return new Response(JSON.stringify({ message: 'Answered by the test.' }), { status, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch, seen };
}

test('a 401 on a workspace\'s own call lists it as needing sign-in; the Pinterest boards list\'s 401 does not', async () => {
  let refuse = null;
  const front = fronted((url) => (refuse && url.pathname.endsWith(refuse) ? 401 : null));
  const client = await createClient({ baseUrl: h.base, fetch: front.fetch, transport: fast, onlineEvents: new EventTarget() });
  await client.addWorkspace({ apiKey: TOKENS.owner });
  const events = [];
  client.onNetwork((e) => events.push(e.kind));
  // The Pinterest connection expired: the key is fine (api-contract: told apart by endpoint).
  refuse = '/boards';
  await assert.rejects(client.socialAccounts.boards(IDS.pinterest), (e) => e.status === 401 && e.kind === 'pinterest_token_expired' && e.credentialRefused === false);
  assert.deepEqual(client.needsSignIn(), []);
  assert.equal(events.includes('credential'), false);
  // The workspace's key refused on its own call.
  refuse = '/labels';
  await assert.rejects(client.labels.list(), (e) => e.status === 401 && e.credentialRefused === true);
  assert.deepEqual(client.needsSignIn(), [IDS.ws1]);
  assert.ok(events.includes('credential'));
  // A refresh through the Store says the same for the other workspace it holds.
  await client.addWorkspace({ apiKey: TOKENS.ws2 });
  client.switchWorkspace(IDS.ws2);
  refuse = '/posts';
  await assert.rejects(client.posts.refresh(), (e) => e.status === 401);
  assert.deepEqual(client.needsSignIn().sort(), [IDS.ws1, IDS.ws2].sort());
  client.close();
});

test('an account API without sessions (404, 405 or 501 on opening) keeps the client to keys; another failure keeps trying sessions', async () => {
  for (const status of [404, 405, 501, 503]) {
    const front = fronted((url, method) => (method === 'POST' && url.pathname === '/api/account/sessions' ? status : null));
    const client = await createClient({
      baseUrl: h.base, accountToken: ACCOUNT_TOKENS.owner, deviceId: `device-nosessions-${status}`, fetch: front.fetch, transport: fast, onlineEvents: new EventTarget(),
    });
    assert.equal(client.supports('workspace_lifecycle'), true, `${status}: the account API is there`);
    const keysOnly = status !== 503;
    assert.equal(client.sessions.deviceId, keysOnly ? null : `device-nosessions-${status}`, `${status}`);
    assert.ok(client.workspaces.known().every((w) => !w.has_key), `${status}: nothing opened`);
    client.close();
  }
});

test('a posts walk whose workspace went (404) ends quietly; a server error still reaches the caller', async () => {
  let status = 404;
  const front = fronted((url) => (url.pathname === '/api/posts' ? status : null));
  const client = await createClient({ baseUrl: h.base, fetch: front.fetch, transport: fast, onlineEvents: new EventTarget() });
  await client.addWorkspace({ apiKey: TOKENS.owner });
  assert.deepEqual(await client.posts.refresh(), []);
  status = 422;
  await assert.rejects(client.posts.refresh(), (e) => e.status === 422);
  client.close();
});

test('a walk overtaken by a newer refresh ends quietly, and the newer one lists every post', async () => {
  for (let i = 0; i < 17; i++) {
    const r = await h.api('POST', 'posts', { body: { content: `walk ${i}`, platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }] } });
    assert.equal(r.status, 201);
  }
  let overtaken = false;
  const front = fronted((url) => (overtaken && url.pathname === '/api/posts' && url.searchParams.get('page') === '2' ? 409 : null));
  const client = await createClient({ baseUrl: h.base, fetch: front.fetch, transport: fast, onlineEvents: new EventTarget() });
  await client.addWorkspace({ apiKey: TOKENS.owner });
  const total = h.emulator.store.state.workspaces.find((w) => w.id === IDS.ws1).posts.length;
  assert.ok(total > 15, 'more than one page');
  const [older, newer] = await Promise.all([client.posts.refresh(), client.posts.refresh()]);
  assert.equal(newer.length, total);
  assert.ok(Array.isArray(older));
  // The server itself says the walk was overtaken (409 on a later page): no error either.
  overtaken = true;
  await client.posts.refresh();
  assert.ok(front.seen.some((r) => r.includes('page=2')));
  client.close();
});

test('why the account API did not list the workspaces is kept for the page: a refused token, no account API, no answer', async () => {
  const cases = [
    [401, { account_token_refused: true, unsupported: false }],
    [501, { account_token_refused: false, unsupported: true }],
    [0, { account_token_refused: false, unsupported: false }],
  ];
  for (const [status, means] of cases) {
    const front = fronted((url) => (url.pathname === '/api/account/workspaces' ? status : null));
    const fetch = status === 0 ? async (url, init) => (new URL(url).pathname === '/api/account/workspaces' ? Promise.reject(new TypeError('down')) : front.fetch(url, init)) : front.fetch;
    const client = await createClient({ baseUrl: h.base, accountToken: ACCOUNT_TOKENS.owner, deviceId: `device-list-${status}`, fetch, transport: fast, onlineEvents: new EventTarget() });
    assert.equal(client.supports('workspace_lifecycle'), false, `${status}`);
    const failure = client.accountFailure();
    assert.ok(failure, `${status}: kept`);
    assert.equal(failure.failureClass.account_token_refused, means.account_token_refused, `${status}`);
    assert.equal(failure.failureClass.unsupported, means.unsupported, `${status}`);
    // Sessions need the account API: opening them says so in the same words of the core.
    await assert.rejects(client.sessions.open(), (e) => e.failureClass?.unsupported === true && e.failureClass?.account_token_refused === false);
    client.close();
  }
  const listed = await createClient({ baseUrl: h.base, accountToken: ACCOUNT_TOKENS.owner, deviceId: 'device-listed', transport: fast, onlineEvents: new EventTarget() });
  assert.equal(listed.accountFailure(), null);
  listed.close();
});

test('sessions.open refused for the account token says the token was refused, not any workspace', async () => {
  let refuse = false;
  const front = fronted((url, method) => (refuse && method === 'POST' && url.pathname === '/api/account/sessions' ? 401 : null));
  const client = await createClient({ baseUrl: h.base, accountToken: ACCOUNT_TOKENS.owner, deviceId: 'device-token-revoked', fetch: front.fetch, transport: fast, onlineEvents: new EventTarget() });
  assert.ok(client.workspaces.known().some((w) => w.has_key), 'opened on sessions');
  refuse = true;
  await assert.rejects(client.sessions.open(), (e) => e.status === 401 && e.failureClass.account_token_refused === true && e.failureClass.credential_refused === false);
  assert.deepEqual(client.needsSignIn(), [], 'no workspace credential was refused');
  client.close();
});

test('network events read the core\'s status class: no answer is offline, a success is ok, a refusal is neither', async () => {
  let mode = null;
  const front = fronted((url) => (url.pathname.endsWith('/labels') ? mode : null));
  const fetch = async (url, init) => (mode === 'drop' && new URL(url).pathname.endsWith('/labels') ? Promise.reject(new TypeError('down')) : front.fetch(url, init));
  const client = await createClient({ baseUrl: h.base, fetch, transport: fast, onlineEvents: new EventTarget() });
  await client.addWorkspace({ apiKey: TOKENS.owner });
  const events = [];
  client.onNetwork((e) => events.push(e.kind));
  mode = 'drop';
  await assert.rejects(client.labels.list());
  assert.ok(events.includes('offline'));
  assert.equal(events.includes('ok'), false);
  events.length = 0;
  mode = 403;
  await assert.rejects(client.labels.list(), (e) => e.status === 403);
  assert.deepEqual(events.filter((k) => k === 'ok' || k === 'offline'), []);
  mode = null;
  await client.labels.list();
  assert.ok(events.includes('ok'));
  client.close();
});

test('a request the Store refuses before sending carries what it means: no second question to the core', async () => {
  const core = await loadCore();
  let asked = 0;
  const counting = Object.create(core, { classifyFailure: { value: (text) => { asked++; return core.classifyFailure(text); } } });
  const client = await createClient({ baseUrl: h.base, core: counting, transport: fast, onlineEvents: new EventTarget() });
  await client.addWorkspace({ apiKey: TOKENS.owner });
  // An edit for a workspace this client does not know yet (a reload before its key is read) waits.
  const queued = await client.outbox.enqueue('0a000000-0000-4000-8000-00000000dead', { kind: 'posts.update', post_id: 'p1', body: { content: 'kept' } });
  await client.posts.flush();
  assert.deepEqual(client.outbox.pending().map((e) => e.id), [queued.entry.id]);
  assert.deepEqual(client.outbox.problems(), []);
  // A read of a workspace it does not know is refused with the core's reading of it.
  await assert.rejects(client.posts.reread('p1', 'ws-unknown'), (e) => e.status === 404 && e.failureClass.quiet === false && e.failureClass.outcome === 'wait');
  assert.equal(asked, 0);
  client.close();
});
