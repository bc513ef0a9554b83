// The "requests and signing" bindings as the Store and client will call them: JSON text in,
// JSON text out, errors as values, and the module still answering after malformed input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, parseCoreAnswer, CoreError } from '../../web/sdk/core.js';

const call = async (name, arg) => parseCoreAnswer((await loadCore())[name](typeof arg === 'string' ? arg : JSON.stringify(arg)));

test('buildRequest: endpoint description to method, URL, headers, body', async () => {
  const r = await call('buildRequest', { endpoint: 'posts.update', base: 'https://app.trypost.it', params: { post: 'a/b' }, body: { status: 'draft' } });
  assert.equal(r.method, 'PUT');
  assert.equal(r.url, 'https://app.trypost.it/api/posts/a%2Fb');
  assert.deepEqual(r.headers, { Accept: 'application/json', 'Content-Type': 'application/json' });
  assert.equal(r.body, '{"status":"draft"}');
  assert.equal(r.idempotent, true);
  assert.equal(r.auth, 'workspace_key');
  const list = parseCoreAnswer((await loadCore()).listEndpoints());
  assert.equal(list.endpoints.filter((e) => !e.name.startsWith('account.')).length, 30);
  await assert.rejects(call('buildRequest', { endpoint: 'posts.get' }), CoreError);
});

test('parseResponse: pages expose the next page; failures carry their meaning', async () => {
  const page = {
    data: [],
    links: { first: null, last: null, prev: null, next: null },
    meta: { current_page: 1, from: null, to: null, last_page: 1, per_page: 15, total: 0, path: 'x', links: [] },
  };
  const ok = await call('parseResponse', { endpoint: 'posts.list', status: 200, body: JSON.stringify(page) });
  assert.equal(ok.ok, true);
  assert.equal(ok.page.next_page, null);
  const pin = await call('parseResponse', { endpoint: 'social_accounts.boards', status: 401, body: '{"message":"Token expired"}' });
  assert.equal(pin.failure.kind, 'pinterest_token_expired');
  const core = await loadCore();
  const same = JSON.parse(core.parseResponseParts(JSON.stringify({ endpoint: 'posts.list', status: 200 }), JSON.stringify(page)));
  assert.deepEqual(same, ok);
  const html = await call('parseResponse', { endpoint: 'posts.get', status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html>' });
  assert.equal(html.failure.reason, 'html');
});

test('decideRetry: POST without key is not retried; 429 honours Retry-After', async () => {
  assert.equal((await call('decideRetry', { status: 503, method: 'POST', attempt: 1, random: 0 })).retry, false);
  const rl = await call('decideRetry', { status: 429, idempotent: false, attempt: 1, retry_after: '3', random: 0.9 });
  assert.deepEqual([rl.retry, rl.delay_ms], [true, 3000]);
  assert.equal((await call('decideRetry', { status: 402, idempotent: true, attempt: 1 })).reason, 'payment_required');
});

test('the module keeps answering after malformed input to every binding', async () => {
  const core = await loadCore();
  for (const name of ['buildRequest', 'parseResponse', 'decideRetry', 'buildSignatureBase', 'parseSignatureInput']) {
    for (const junk of ['', '{', '[]', 'null', '{"a":' + '['.repeat(5000)]) {
      const answer = JSON.parse(core[name](junk));
      assert.equal(typeof answer.error, 'string', `${name} on ${junk.slice(0, 10)}`);
    }
  }
  const deep = JSON.parse(core.parseResponse(JSON.stringify({ endpoint: 'posts.get', status: 200, body: '['.repeat(100000) })));
  assert.equal(deep.failure.reason, 'too_deep');
  assert.match(core.version(), /^\d+\.\d+\.\d+$/);
});
