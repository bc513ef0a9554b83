// The emulator's gates: the cloud 402, the 60/minute limiter (on an injected clock), Idempotency-Key,
// required RFC 9421 signatures, and fault injection.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClock, createManualClock } from '../../server/emulator/clock.js';
import { IDS, TOKENS, ACCOUNT_TOKENS, multipart, startEmulator, testSeed } from '../../server/emulator/test-harness.js';

const label = (i) => ({ name: `L${i}`, color: '#123456' });

describe('cloud mode 402 and self-hosted mode', () => {
  test('cloud: a lapsed plan is 402 on workspace routes; account routes still answer', async () => {
    const h = await startEmulator({ mode: 'cloud' });
    try {
      assert.equal((await h.api('GET', 'posts')).status, 200);
      await h.emulator.setAccount({ plan_status: 'past_due' });
      const r = await h.api('GET', 'posts');
      assert.equal(r.status, 402);
      assert.equal(typeof r.body.message, 'string');
      assert.equal((await h.api('GET', 'account/usage', { token: ACCOUNT_TOKENS.owner })).body.plan_status, 'past_due');
    } finally {
      await h.close();
    }
  });
  test('cloud: 2,499 pooled credits used pass, 2,500 is 402 "Monthly AI credits exhausted" with the reset time; the reset clears it', async () => {
    const clock = createClock(Date.UTC(2026, 4, 20, 12));
    const h = await startEmulator({ mode: 'cloud', clock });
    try {
      await h.emulator.setAccount({ credits_used: 2499 });
      assert.equal((await h.api('GET', 'workspace')).status, 200);
      await h.emulator.setAccount({ credits_used: 2500 });
      for (const token of [TOKENS.owner, TOKENS.ws2]) {
        const r = await h.api('GET', 'workspace', { token });
        assert.equal(r.status, 402, 'credits are pooled across the account\'s workspaces');
        assert.equal(r.body.message, 'Monthly AI credits exhausted');
        assert.equal(r.body.resets_at, '2026-06-01 00:00:00');
      }
      const usage = await h.api('GET', 'account/usage', { token: ACCOUNT_TOKENS.member });
      assert.deepEqual(usage.body, { mode: 'cloud', credits_used: 2500, credits_limit: 2500, resets_at: '2026-06-01 00:00:00', plan_status: 'active' });
      clock.set(Date.UTC(2026, 5, 1, 0, 0, 1));
      await h.emulator.tick();
      assert.equal((await h.api('GET', 'workspace')).status, 200);
    } finally {
      await h.close();
    }
  });
  test('cloud: a workspace of another account answers by that account\'s plan; its owner is not the emulated account\'s', async () => {
    const seed = testSeed();
    const other = '0b000000-0000-4000-8000-0000000000cc';
    const key = 'tp_test_gamma_key_0000000000000000000000007';
    seed.other_accounts = [{ id: other, name: 'Other account', owner: 'outsider@test.example', plan_status: 'past_due' }];
    seed.workspaces.push({ name: 'Gamma', account: other, api_keys: [{ name: 'gamma', user: 'outsider@test.example', plain_token: key }] });
    const clock = createClock(Date.UTC(2026, 4, 20, 12));
    const h = await startEmulator({ mode: 'cloud', seed, clock });
    try {
      assert.equal((await h.api('GET', 'workspace', { token: key })).status, 402);
      assert.equal((await h.api('GET', 'workspace')).status, 200, 'the emulated account is active');
      // The emulated account's owner does not own, or see, the other account's workspace.
      const mine = await h.api('GET', 'account/workspaces', { token: ACCOUNT_TOKENS.owner });
      assert.equal(mine.body.some((w) => w.name === 'Gamma'), false);
      const theirs = await h.api('GET', 'account/workspaces', { token: ACCOUNT_TOKENS.outsider });
      assert.deepEqual(theirs.body.map((w) => [w.name, w.role]), [['Gamma', 'owner']]);
      // Renewed: that workspace answers; the emulated account lapsing does not touch it.
      assert.ok(await h.emulator.setAccount({ plan_status: 'active' }, other));
      await h.emulator.setAccount({ plan_status: 'past_due' });
      assert.equal((await h.api('GET', 'workspace', { token: key })).status, 200);
      assert.equal((await h.api('GET', 'workspace')).status, 402);
      assert.equal(await h.emulator.setAccount({ plan_status: 'active' }, 'no-such-account'), null);
      // Its credits are its own, and reset on its own date.
      await h.emulator.setAccount({ plan_status: 'active' });
      await h.emulator.setAccount({ credits_used: 2500 }, other);
      assert.equal((await h.api('GET', 'workspace', { token: key })).body.message, 'Monthly AI credits exhausted');
      assert.equal((await h.api('GET', 'workspace')).status, 200);
      clock.set(Date.UTC(2026, 5, 1, 0, 0, 1));
      await h.emulator.tick();
      assert.equal((await h.api('GET', 'workspace', { token: key })).status, 200);
    } finally {
      await h.close();
    }
  });
  test('self-hosted: never 402, whatever the plan and credits', async () => {
    const h = await startEmulator({ mode: 'self-hosted' });
    try {
      await h.emulator.setAccount({ plan_status: 'past_due', credits_used: 999999 });
      assert.equal((await h.api('GET', 'posts')).status, 200);
      assert.equal((await h.api('POST', 'labels', { body: label(1) })).status, 201);
      const usage = await h.api('GET', 'account/usage', { token: ACCOUNT_TOKENS.owner });
      assert.equal(usage.body.mode, 'self-hosted');
    } finally {
      await h.close();
    }
  });
});

describe('rate limiting', () => {
  let h;
  let clock;
  before(async () => {
    clock = createManualClock(Date.UTC(2026, 0, 1));
    h = await startEmulator({ rateLimit: 60, clock });
  });
  after(() => h.close());
  test('60 requests a minute per workspace; the 61st is 429 with Retry-After; the window reopens', async () => {
    let last;
    for (let i = 0; i < 60; i++) {
      last = await h.api('GET', 'workspace');
      assert.equal(last.status, 200, `request ${i + 1}`);
    }
    assert.equal(last.headers.get('x-ratelimit-limit'), '60');
    assert.equal(last.headers.get('x-ratelimit-remaining'), '0');
    clock.advance(20000);
    const over = await h.api('GET', 'workspace');
    assert.equal(over.status, 429);
    assert.deepEqual(over.body, { message: 'Too Many Attempts.' });
    assert.equal(over.headers.get('retry-after'), '40');
    assert.equal((await h.api('GET', 'workspace', { token: TOKENS.member })).status, 429, 'keyed by workspace, not by key');
    assert.equal((await h.api('GET', 'workspace', { token: TOKENS.ws2 })).status, 200, 'another workspace has its own budget');
    clock.advance(40000);
    assert.equal((await h.api('GET', 'workspace')).status, 200);
  });
});

describe('signed upload throttle', () => {
  test('signed uploads are limited per workspace of the signed URL (429 with Retry-After)', async () => {
    const h = await startEmulator({ rateLimit: 60, uploadWorkspaceLimit: 2, clock: createManualClock(Date.now()) });
    try {
      const photo = readFileSync(new URL('../../server/fixtures/media/photo.jpg', import.meta.url));
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const { upload_url: url } = h.emulator.signUploadUrl(IDS.ws1, { origin: h.base });
        const m = multipart(photo, 'p.jpg');
        const r = await fetch(url, { method: 'POST', headers: m.headers, body: m.raw });
        statuses.push(r.status);
        if (r.status === 429) assert.equal(r.headers.get('retry-after'), '60');
      }
      assert.deepEqual(statuses, [201, 201, 429]);
    } finally {
      await h.close();
    }
  });
});

describe('Idempotency-Key', () => {
  let h;
  before(async () => { h = await startEmulator(); });
  after(() => h.close());
  test('the same key and body replay the first answer without a duplicate; a different body is refused', async () => {
    const headers = { 'idempotency-key': 'k-1' };
    const body = { platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }], content: 'once' };
    const a = await h.api('POST', 'posts', { body, headers });
    const b = await h.api('POST', 'posts', { body, headers });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.deepEqual(b.body, a.body);
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    const list = await h.api('GET', 'posts');
    assert.equal(list.body.data.filter((p) => p.content === 'once').length, 1);
    const c = await h.api('POST', 'posts', { body: { ...body, content: 'twice' }, headers });
    assert.equal(c.status, 422);
    const other = await h.api('POST', 'posts', { body, headers: { 'idempotency-key': 'k-2' } });
    assert.notEqual(other.body.id, a.body.id);
    const l1 = await h.api('POST', 'labels', { body: label(9), headers: { 'idempotency-key': 'lab' } });
    const l2 = await h.api('POST', 'labels', { body: label(9), headers: { 'idempotency-key': 'lab' } });
    assert.equal(l2.body.id, l1.body.id);
    assert.equal((await h.api('GET', 'labels')).body.filter((l) => l.name === 'L9').length, 1);
    const w2 = await h.api('POST', 'labels', { token: TOKENS.ws2, body: label(9), headers: { 'idempotency-key': 'lab' } });
    assert.notEqual(w2.body.id, l1.body.id, 'keys are scoped to the workspace');
  });
  test('a dropped answer (drop-after) retried with its key gets the original result', async () => {
    const h2 = await startEmulator({ faults: { script: [{ kind: 'drop-after', match: 'POST /api/labels' }] } });
    try {
      const headers = { 'idempotency-key': 'retry-me' };
      await assert.rejects(h2.api('POST', 'labels', { body: label(5), headers }));
      const again = await h2.api('POST', 'labels', { body: label(5), headers });
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal((await h2.api('GET', 'labels')).body.filter((l) => l.name === 'L5').length, 1);
    } finally {
      await h2.close();
    }
  });
});

// A signer written straight from RFC 9421 §2.5 / RFC 9530, independent of the verifier.
function sign({ method, url, body, keyid, secret, created, expires, nonce, components }) {
  const u = new URL(url);
  const headers = {};
  const comps = components ?? ['@method', '@authority', '@path', '@query', ...(body ? ['content-digest'] : [])];
  if (body) headers['content-digest'] = `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
  const params = `(${comps.map((c) => `"${c}"`).join(' ')});created=${created};expires=${expires};keyid="${keyid}";nonce="${nonce}";alg="hmac-sha256"`;
  const value = (c) => ({ '@method': method, '@authority': u.host, '@path': u.pathname, '@query': u.search || '?' })[c] ?? headers[c];
  const base = [...comps.map((c) => `"${c}": ${value(c)}`), `"@signature-params": ${params}`].join('\n');
  headers['signature-input'] = `sig1=${params}`;
  headers.signature = `sig1=:${createHmac('sha256', secret).update(base).digest('base64')}:`;
  return headers;
}

describe('required RFC 9421 signatures', () => {
  let h;
  const secret = randomBytes(32);
  const now = () => Math.floor(Date.now() / 1000);
  before(async () => {
    h = await startEmulator({ requireSignatures: true, signingKeys: [{ keyid: 'k1', secret, workspace_id: IDS.ws1 }] });
  });
  after(() => h.close());
  const call = (method, path, { body, tweak = (x) => x, ...opts } = {}) => {
    const url = `${h.base}/api/${path}`;
    const text = body === undefined ? undefined : JSON.stringify(body);
    const headers = tweak(sign({ method, url, body: text, keyid: 'k1', secret, created: now(), expires: now() + 60, nonce: randomBytes(8).toString('hex'), ...opts }));
    return h.api(method, path, { raw: text, headers: { ...headers, ...(text ? { 'content-type': 'application/json' } : {}) } });
  };
  test('a signed GET and a signed POST with content-digest pass; an unsigned request is 401', async () => {
    assert.equal((await call('GET', 'posts?page=1')).status, 200);
    assert.equal((await call('POST', 'labels', { body: label(1) })).status, 201);
    assert.equal((await h.api('GET', 'posts')).status, 401);
  });
  test('refused: replayed nonce, tampered body, expired, stale created, missing @query, unknown key, other workspace', async () => {
    const nonce = 'fixed-nonce';
    assert.equal((await call('GET', 'labels', { nonce })).status, 200);
    assert.equal((await call('GET', 'labels', { nonce })).status, 401, 'replay');
    const tampered = await call('POST', 'labels', { body: label(2), tweak: (hd) => ({ ...hd, 'content-digest': `sha-256=:${createHash('sha256').update('{}').digest('base64')}:` }) });
    assert.equal(tampered.status, 401);
    assert.equal((await call('GET', 'labels', { expires: now() - 1 })).status, 401);
    assert.equal((await call('GET', 'labels', { created: now() - 3600, expires: now() + 60 })).status, 401);
    assert.equal((await call('GET', 'labels', { components: ['@method', '@authority', '@path'] })).status, 401);
    assert.equal((await call('GET', 'labels', { keyid: 'nope' })).status, 401);
    const noDigest = await call('POST', 'labels', { body: label(3), components: ['@method', '@authority', '@path', '@query'] });
    assert.equal(noDigest.status, 401, 'a body must be covered by content-digest');
    const wrongWs = sign({ method: 'GET', url: `${h.base}/api/labels`, keyid: 'k1', secret, created: now(), expires: now() + 60, nonce: 'w2' });
    assert.equal((await h.api('GET', 'labels', { token: TOKENS.ws2, headers: wrongWs })).status, 401);
  });
  test('the signature binds the query: the same headers on another page are refused', async () => {
    const url = `${h.base}/api/posts?page=1`;
    const headers = sign({ method: 'GET', url, keyid: 'k1', secret, created: now(), expires: now() + 60, nonce: 'q1' });
    assert.equal((await h.api('GET', 'posts?page=2', { headers })).status, 401);
  });
});

describe('fault injection', () => {
  test('a script answers 500, 429, latency and a dropped connection in order, then passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faults-'));
    const file = join(dir, 'script.json');
    writeFileSync(file, JSON.stringify(['500', '429', { kind: 'latency:150' }, 'drop']));
    const h = await startEmulator({ faults: file });
    try {
      const a = await h.api('GET', 'workspace');
      assert.deepEqual([a.status, typeof a.body.message], [500, 'string']);
      const b = await h.api('GET', 'workspace');
      assert.equal(b.status, 429);
      assert.ok(b.headers.get('retry-after'));
      const t0 = Date.now();
      assert.equal((await h.api('GET', 'workspace')).status, 200);
      assert.ok(Date.now() - t0 >= 140);
      await assert.rejects(h.api('GET', 'workspace'));
      assert.equal((await h.api('GET', 'workspace')).status, 200);
    } finally {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test('by rate: the same seed gives the same sequence; rate=0 never fails', async () => {
    const run = async (spec) => {
      const h = await startEmulator({ faults: spec });
      const out = [];
      try {
        for (let i = 0; i < 30; i++) out.push(await h.api('GET', 'workspace').then((r) => r.status, () => 'drop'));
      } finally {
        await h.close();
      }
      return out;
    };
    const a = await run('rate=0.3,kinds=429:500:drop,seed=7');
    const b = await run('rate=0.3,kinds=429:500:drop,seed=7');
    assert.deepEqual(a, b);
    assert.ok(a.some((s) => s !== 200) && a.some((s) => s === 200));
    assert.deepEqual(new Set(a.filter((s) => s !== 200)).size > 1, true);
    assert.ok((await run('rate=0,seed=1')).every((s) => s === 200));
  });
});

describe('CORS on the emulator', () => {
  test('only configured origins get CORS headers and preflight answers', async () => {
    const h = await startEmulator({ corsOrigins: ['http://127.0.0.1:5173'] });
    try {
      const yes = await h.api('GET', 'workspace', { headers: { origin: 'http://127.0.0.1:5173' } });
      assert.equal(yes.headers.get('access-control-allow-origin'), 'http://127.0.0.1:5173');
      const no = await h.api('GET', 'workspace', { headers: { origin: 'https://elsewhere.example' } });
      assert.equal(no.headers.get('access-control-allow-origin'), null);
      const pre = await fetch(`${h.base}/api/posts`, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'POST' } });
      assert.equal(pre.status, 204);
      assert.match(pre.headers.get('access-control-allow-headers'), /Idempotency-Key/);
    } finally {
      await h.close();
    }
  });
});

describe('media by URL allow-list', () => {
  test('another origin is downloaded only when allow-listed', async () => {
    const cdn = await startEmulator();
    const open = await startEmulator({ allowMediaOrigins: [cdn.base] });
    const closed = await startEmulator();
    try {
      const url = `${cdn.base}/fixtures/media/photo.jpg`;
      for (const [h, attached] of [[open, 1], [closed, 0]]) {
        const p = await h.api('POST', 'posts', { body: { platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }] } });
        const r = await h.api('POST', `posts/${p.body.id}/media/from-url`, { body: { urls: [{ url }] } });
        assert.equal(r.status, 200);
        assert.equal(r.body.attached_count, attached);
        assert.deepEqual(r.body.failed_urls, attached ? [] : [url]);
      }
    } finally {
      await Promise.all([cdn.close(), open.close(), closed.close()]);
    }
  });
});

describe('RFC 9421 signature base', () => {
  test('reproduces RFC 9421 Appendix B.2.5 (hmac-sha256, test-shared-secret) byte for byte', async () => {
    const { parseDictionary, signatureBase } = await import('../../server/emulator/http-signatures.js');
    const req = {
      method: 'POST', url: '/foo?param=Value&Pet=dog',
      headers: { host: 'example.com', date: 'Tue, 20 Apr 2021 02:07:55 GMT', 'content-type': 'application/json' },
    };
    const si = parseDictionary('sig-b25=("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret"').get('sig-b25');
    const secret = Buffer.from('uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ==', 'base64');
    const sig = createHmac('sha256', secret).update(signatureBase(req, si)).digest('base64');
    assert.equal(sig, 'pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=');
    assert.deepEqual([si.params.created, si.params.keyid], [1618884473, 'test-shared-secret']);
  });
});
