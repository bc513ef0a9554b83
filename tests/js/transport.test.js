// The transport's retry behaviour (decided by the core's decideRetry) and the outbox's promises:
// order per workspace, nothing lost across a reload, a conflict keeps the user's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, CoreError } from '../../web/sdk/core.js';
import { createTransport, TransportError, idempotencyHeader } from '../../web/sdk/transport.js';
import { createOutbox, createMemoryOutboxStorage } from '../../web/sdk/outbox.js';
import { startEmulator, IDS } from '../../server/emulator/test-harness.js';

const KEY = 'tp_secret_key_that_must_not_leak_0001';

// A scripted fetch: each answer is a status (with optional headers) or 'drop' (a thrown error).
function scripted(answers) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, init });
    const a = answers[Math.min(calls.length - 1, answers.length - 1)];
    if (a === 'drop') throw new TypeError(`fetch failed for ${url} with ${init.headers.Authorization}`);
    if (a === 'hang') return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    const [status, headers = {}, body = '{"message":"nope"}'] = Array.isArray(a) ? a : [a];
    return new Response(status === 204 ? null : body, { status, headers });
  };
  return { fetch, calls };
}

async function transportWith(answers, extra = {}) {
  const core = await loadCore();
  const s = scripted(answers);
  const sleeps = [];
  const t = createTransport({ core, fetch: s.fetch, sleep: async (ms, info) => { sleeps.push({ ms, ...info }); }, random: () => 0, ...extra });
  return { t, calls: s.calls, sleeps };
}

const req = (method, body) => ({ url: 'http://127.0.0.1:1/api/posts', method, headers: { Authorization: `Bearer ${KEY}` }, body });

test('429 waits exactly Retry-After, then succeeds', async () => {
  let clock = 1_000_000;
  const { t, calls, sleeps } = await transportWith([[429, { 'retry-after': '3' }], 200], {
    now: () => clock,
    sleep: async (ms) => { sleeps.push({ ms }); clock += ms; },
  });
  const r = await t.request(req('GET'));
  assert.equal(r.status, 200);
  assert.equal(calls.length, 2);
  assert.deepEqual(sleeps.map((s) => s.ms), [3000]);
});

test('a Retry-After wait never ends early even when the timer fires early', async () => {
  let clock = 0;
  const slept = [];
  const { t } = await transportWith([[429, { 'retry-after': '2' }], 200], {
    now: () => clock,
    sleep: async (ms) => { slept.push(ms); clock += Math.max(1, ms - 5); }, // fires 5 ms soon
  });
  await t.request(req('GET'));
  assert.ok(clock >= 2000);
  assert.ok(slept.length >= 2);
});

test('5xx and drops on GET back off (capped exponential with jitter) up to 5 attempts', async () => {
  const { t, calls, sleeps } = await transportWith([500, 'drop', 503, 500, 500]);
  const err = await t.request(req('GET')).catch((e) => e);
  assert.ok(err instanceof TransportError);
  assert.equal(err.status, 500);
  assert.equal(err.reason, 'attempts_exhausted');
  assert.equal(calls.length, 5);
  assert.deepEqual(sleeps.map((s) => s.ms), [250, 500, 1000, 2000]); // random 0: half of each step
});

test('an unkeyed create is not retried after a 500; a keyed one is, with the same key', async () => {
  const a = await transportWith([500, 201]);
  const e = await a.t.request(req('POST', '{}')).catch((x) => x);
  assert.equal(e.reason, 'not_idempotent');
  assert.equal(a.calls.length, 1);

  const b = await transportWith(['drop', 500, [201, {}, '{}']]);
  const r = await b.t.request(req('POST', '{}'), { idempotencyKey: 'k-123' });
  assert.equal(r.status, 201);
  assert.equal(b.calls.length, 3);
  assert.deepEqual(b.calls.map((c) => c.init.headers['Idempotency-Key']), Array(3).fill('"k-123"'));
});

test('whether a request goes again is the built request\'s own answer, not its method or an option', async () => {
  const core = await loadCore();
  const build = (d) => {
    const b = JSON.parse(core.buildRequest(JSON.stringify({ base: 'http://127.0.0.1:1/api', ...d })));
    return { url: b.url, method: b.method, headers: { ...b.headers, Authorization: `Bearer ${KEY}` }, body: b.body ?? undefined, idempotent: b.idempotent };
  };
  // Toggle is a PUT that flips a flag: sent twice it is undone, so a lost answer is not resent.
  const toggle = build({ endpoint: 'social_accounts.toggle', params: { account: 'a1' } });
  assert.equal(toggle.method, 'PUT');
  const a = await transportWith(['drop', 200]);
  assert.equal((await a.t.request(toggle).catch((e) => e)).reason, 'not_idempotent');
  assert.equal(a.calls.length, 1);
  // A create the core built with its key goes again with the same key, no option needed.
  const create = build({ endpoint: 'posts.create', body: { content: 'x' }, idempotency_key: 'k-built' });
  const b = await transportWith([503, [201, {}, '{}']]);
  assert.equal((await b.t.request(create)).status, 201);
  assert.deepEqual(b.calls.map((c) => c.init.headers['Idempotency-Key']), ['"k-built"', '"k-built"']);
  // A request built by hand is judged from what it sends: a key header makes a POST safe to resend.
  const c = await transportWith([500, 200]);
  await c.t.request({ ...req('POST', '{}'), headers: { Authorization: `Bearer ${KEY}`, 'idempotency-key': '"by-hand"' } });
  assert.equal(c.calls.length, 2);
});

test('402 is never retried, and surfaces as payment_required', async () => {
  const { t, calls } = await transportWith([[402, {}, '{"message":"Monthly AI credits exhausted"}'], 200]);
  const e = await t.request(req('GET')).catch((x) => x);
  assert.equal(e.kind, 'payment_required');
  assert.equal(e.message, 'Monthly AI credits exhausted');
  assert.equal(calls.length, 1);
});

test('a timeout aborts the fetch and is a typed error without the key or URL', async () => {
  const { t } = await transportWith(['hang', 'hang', 'hang', 'hang', 'drop'], { timeoutMs: 20 });
  const e = await t.request(req('GET')).catch((x) => x);
  assert.equal(e.kind, 'network'); // the last attempt was a drop
  const text = `${e.message} ${e.stack} ${JSON.stringify(e)}`;
  assert.ok(!text.includes(KEY));
  assert.ok(!text.includes('127.0.0.1'));
  const only = await transportWith(['hang'], { timeoutMs: 20 });
  const e2 = await only.t.request(req('GET')).catch((x) => x);
  assert.equal(e2.kind, 'timeout');
  assert.equal(e2.attempts, 5);
});

test('the emulator honours the header form the core builds ("quoted" structured string)', async () => {
  const core = await loadCore();
  const built = JSON.parse(core.buildRequest(JSON.stringify({ endpoint: 'posts.create', body: { content: 'x' }, idempotency_key: 'same-key' })));
  const header = built.headers['Idempotency-Key'];
  assert.equal(header, idempotencyHeader(core, 'same-key'));
  const h = await startEmulator();
  try {
    const body = { content: 'once', platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }] };
    const a = await h.api('POST', 'posts', { body, headers: { 'idempotency-key': header } });
    const b = await h.api('POST', 'posts', { body, headers: { 'idempotency-key': header } });
    assert.equal(a.status, 201);
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    assert.equal(b.body.id, a.body.id);
    // The same key written bare is the same key.
    const c = await h.api('POST', 'posts', { body, headers: { 'idempotency-key': 'same-key' } });
    assert.equal(c.body.id, a.body.id);
    const ws = h.emulator.store.state.workspaces.find((w) => w.id === IDS.ws1);
    assert.equal(ws.posts.filter((p) => p.content === 'once').length, 1);
  } finally {
    await h.close();
  }
});

test('the Idempotency-Key header is the core\'s: written as is, a key it cannot carry unchanged refused', async () => {
  const core = await loadCore();
  assert.equal(idempotencyHeader(core, 'k-1'), '"k-1"');
  for (const key of ['say "hi"', 'back\\slash', 'a b', '', 'k'.repeat(256)]) {
    assert.throws(() => idempotencyHeader(core, key), (e) => e instanceof CoreError && Object.keys(e.details.errors).join() === 'idempotency_key', key);
  }
  // The transport sends the core's header on every attempt, and never a refused key.
  const { t, calls } = await transportWith([503, 200]);
  await t.request(req('POST'), { idempotencyKey: 'k-1' });
  assert.deepEqual(calls.map((c) => c.init.headers['Idempotency-Key']), ['"k-1"', '"k-1"']);
  await assert.rejects(t.request(req('POST'), { idempotencyKey: 'k"2' }), CoreError);
  assert.equal(calls.length, 2);
});

test('a request that carries its own Idempotency-Key, in any letter case, keeps it: no second key is added, and it may go again', async () => {
  for (const name of ['idempotency-key', 'IDEMPOTENCY-KEY', 'Idempotency-Key']) {
    const { t, calls } = await transportWith([503, 201]);
    const own = { ...req('POST'), headers: { ...req('POST').headers, [name]: '"mine"' } };
    const r = await t.request(own, { idempotencyKey: 'k-1' });
    assert.equal(r.status, 201, name);
    assert.equal(calls.length, 2, `${name}: a keyed create is sent again after a 503`);
    for (const c of calls) {
      const keys = Object.entries(c.init.headers).filter(([h]) => h.toLowerCase() === 'idempotency-key');
      assert.deepEqual(keys, [[name, '"mine"']], name);
    }
  }
});

test('outbox: what a failure means is the core\'s: waits, conflicts, done', async () => {
  const answers = [
    { ok: false, stage: 'send', status: 503 }, // waits: still first in line
    { ok: false, stage: 'send', status: 404 }, // a delete of a post already gone: done
    { ok: false, stage: 'begin', status: 404 }, // no key yet for that workspace: waits
  ];
  let next = 0;
  const box = await createOutbox({ send: async () => answers[next] });
  const q = await box.enqueue('w1', { kind: 'posts.delete', post_id: 'p1' });
  await box.flush();
  assert.equal(box.pending().length, 1);
  next = 1;
  await box.flush();
  assert.deepEqual(await q.sent.then((r) => [r.ok, r.post_id]), [true, 'p1']);
  const u = await box.enqueue('w1', { kind: 'posts.update', post_id: 'p2', body: { content: 'mine' } });
  next = 2;
  await box.flush();
  assert.equal(box.pending().length, 1, 'an edit without a usable key waits');
  answers.push({ ok: false, status: 422, message: 'This post has already been processed.' });
  next = 3;
  await box.flush();
  assert.equal((await u.sent).ok, false);
  assert.deepEqual(box.problems().map((p) => [p.status, p.conflict, p.body.content]), [[422, true, 'mine']]);
  // A send that throws is a problem (nothing says it may be sent again), not a wait.
  const broken = await createOutbox({ send: async () => { throw new Error('The edit could not be sent.'); } });
  await broken.enqueue('w1', { kind: 'posts.update', post_id: 'p3', body: { content: 'x' } });
  await broken.flush();
  assert.deepEqual([broken.pending().length, broken.problems().length], [0, 1]);
});

test('outbox: an edit the server refuses with 501 or 505 is a problem with its text; a 503 waits', async () => {
  for (const status of [501, 505]) {
    let answer = { ok: false, stage: 'send', status: 503 };
    const box = await createOutbox({ send: async () => answer });
    const first = await box.enqueue('w1', { kind: 'posts.update', post_id: 'p1', body: { content: `mine ${status}` } });
    await box.enqueue('w1', { kind: 'posts.update', post_id: 'p2', body: { content: 'next' } });
    await box.flush();
    assert.equal(box.pending().length, 2, 'a 503 keeps it first in line');
    answer = { ok: false, stage: 'send', status, message: 'Not implemented.' };
    await box.flush();
    assert.deepEqual(await first.sent.then((r) => [r.ok, r.status]), [false, status]);
    assert.deepEqual(box.problems().map((p) => [p.status, p.conflict, p.body.content]), [[status, false, `mine ${status}`], [status, false, 'next']]);
    assert.equal(box.pending().length, 0, 'nothing waits behind a refusal');
  }
});

test('outbox: in order per workspace, kept across a reload, local ids rewritten', async () => {
  const storage = createMemoryOutboxStorage();
  let online = false;
  const seen = [];
  const send = async (e) => {
    if (!online) return { ok: false, transient: true, status: 0 };
    seen.push(`${e.workspace_id}:${e.kind}:${e.post_id ?? ''}:${e.body?.content ?? ''}`);
    return { ok: true, post_id: e.kind === 'posts.create' ? `srv-${e.body.content}` : e.post_id };
  };
  const first = await createOutbox({ storage, send });
  const c = await first.enqueue('w1', { kind: 'posts.create', body: { content: 'a' } });
  await first.enqueue('w1', { kind: 'posts.update', post_id: c.entry.local_id, body: { content: 'a2' } });
  await first.enqueue('w2', { kind: 'posts.create', body: { content: 'b' } });
  await first.flush();
  assert.equal(first.pending().length, 3); // offline: nothing dropped
  // "Reload": a new outbox over the same storage.
  const second = await createOutbox({ storage, send });
  assert.equal(second.pending().length, 3);
  assert.equal(second.pending()[0].idempotency_key, c.entry.idempotency_key); // same key after reload
  online = true;
  assert.equal(await second.flush(), 0);
  assert.deepEqual(seen.filter((s) => s.startsWith('w1')), ['w1:posts.create::a', 'w1:posts.update:srv-a:a2']);
  assert.equal(second.resolveId(c.entry.local_id), 'srv-a');
});

test('outbox: a 422 on a post that froze meanwhile is a conflict with the text kept', async () => {
  const send = async () => ({ ok: false, transient: false, status: 422, message: 'This post has already been processed.', errors: {} });
  const box = await createOutbox({ send });
  const q = await box.enqueue('w1', { kind: 'posts.update', post_id: 'p1', body: { status: 'draft', content: 'my words' } });
  await box.flush();
  const r = await q.sent;
  assert.equal(r.ok, false);
  const [p] = box.problems();
  assert.equal(p.conflict, true);
  assert.equal(p.body.content, 'my words');
  assert.equal(box.pending().length, 0);
});

test('the error kind and the decision to stop are one reading of the status (the core\'s table)', async () => {
  // A 3xx is an answer, not a failure.
  const moved = await transportWith([302]);
  assert.equal((await moved.t.request(req('GET'))).status, 302);
  const ex = await (await transportWith([[401, {}, '{"message":"Unauthenticated."}']])).t.exchange(req('GET'));
  assert.equal(ex.statusClass, 'credential_refused');
  assert.equal(ex.errorKind, 'http');
  for (const [answers, kind, cls, attempts] of [
    [[401], 'http', 'credential_refused', 1],
    [[408], 'http', 'passing', 5],
    [[503], 'http', 'passing', 5],
    [[501], 'http', 'refused', 1],
    [[[429, { 'retry-after': '0' }]], 'rate_limited', 'rate_limited', 5],
    [['drop'], 'network', 'passing', 5],
  ]) {
    const { t, calls } = await transportWith(answers);
    const e = await t.request(req('GET')).catch((x) => x);
    assert.ok(e instanceof TransportError, `${answers[0]}`);
    assert.equal(e.kind, kind, `${answers[0]}`);
    assert.equal(calls.length, attempts, `${answers[0]}`);
    assert.equal((await (await transportWith(answers)).t.exchange(req('GET'))).statusClass, cls, `${answers[0]}`);
  }
});
