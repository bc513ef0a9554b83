// The SDK's signing and verification: WebCrypto HMAC and digest over the core's signature base.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { signRequest, verifyRequest, contentDigest, base64ToBytes, makeNonce } from '../../web/sdk/signing.js';
import * as sdk from '../../web/sdk/index.js';

const SECRET = 'uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ==';
const RFC_REQUEST = {
  method: 'POST',
  url: 'https://example.com/foo?param=Value&Pet=dog',
  headers: { Date: 'Tue, 20 Apr 2021 02:07:55 GMT', 'Content-Type': 'application/json' },
};
const NOW = 1_800_000_000;

function trypostRequest() {
  return {
    method: 'PUT',
    url: 'https://app.trypost.it/api/posts/9b2e7a4c?page=1',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: '{"status":"scheduled","scheduled_at":"2026-05-10T15:30:00Z"}',
  };
}

async function signed(overrides = {}) {
  const req = trypostRequest();
  const out = await signRequest(req, { keyId: 'ws-key-1', secretBase64: SECRET, created: NOW, expires: NOW + 300, nonce: 'n-42', ...overrides });
  return { ...req, headers: out.headers, out };
}

test('the SDK exports signing and reproduces RFC 9421 B.2.5', async () => {
  assert.equal(sdk.signRequest, signRequest);
  const out = await signRequest(RFC_REQUEST, {
    keyId: 'test-shared-secret', secretBase64: SECRET, created: 1618884473, components: ['date', '@authority', 'content-type'], label: 'sig-b25',
  });
  assert.equal(out.signature, 'sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:');
  assert.equal(out.headers.Signature, out.signature);
  assert.equal(out.headers['Signature-Input'], 'sig-b25=("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret"');
  // The published signature verifies with the published key.
  const verdict = await verifyRequest({ ...RFC_REQUEST, headers: out.headers },
    { keys: { 'test-shared-secret': SECRET }, now: 1618884473 + 5, requiredComponents: ['date', '@authority', 'content-type'] });
  assert.deepEqual(verdict.ok, true, JSON.stringify(verdict));
});

test('content digest is RFC 9530 sha-256 over the exact body bytes', async () => {
  assert.equal(await contentDigest('{"hello": "world"}'), 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:');
  assert.equal(await contentDigest(new TextEncoder().encode('{"hello": "world"}'), 'sha-512'),
    'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:');
});

test('a signed TryPost request verifies, and its HMAC matches an independent one', async () => {
  const req = await signed();
  assert.match(req.headers['Content-Digest'], /^sha-256=:/);
  const mac = createHmac('sha256', Buffer.from(SECRET, 'base64')).update(req.out.signature_base).digest('base64');
  assert.equal(req.out.signature, `sig1=:${mac}:`);
  const v = await verifyRequest(req, { keys: { 'ws-key-1': SECRET }, now: NOW + 10 });
  assert.equal(v.ok, true, JSON.stringify(v));
  assert.equal(v.params.nonce, 'n-42');
});

test('tampering fails verification: path, query, method, body, covered header, digest header', async () => {
  const keys = { 'ws-key-1': SECRET };
  const check = async (mutate, reason) => {
    const req = await signed({ components: ['@method', '@authority', '@path', '@query', 'content-digest', 'content-type'] });
    mutate(req);
    const v = await verifyRequest(req, { keys, now: NOW + 10 });
    assert.equal(v.ok, false);
    assert.equal(v.reason, reason);
  };
  await check((r) => { r.url = r.url.replace('/posts/9b2e7a4c', '/posts/00000000'); }, 'bad_signature');
  await check((r) => { r.url = r.url.replace('page=1', 'page=2'); }, 'bad_signature');
  await check((r) => { r.method = 'DELETE'; }, 'bad_signature');
  await check((r) => { r.url = r.url.replace('app.trypost.it', 'evil.example'); }, 'bad_signature');
  await check((r) => { r.body = r.body.replace('scheduled"', 'publishing"'); }, 'digest_mismatch');
  await check((r) => { r.headers['Content-Type'] = 'text/plain'; }, 'bad_signature');
  await check((r) => { r.headers['Content-Digest'] = 'sha-256=:AAAA:'; }, 'digest_mismatch');
  await check((r) => { r.headers.Signature = r.headers.Signature.replace(/.:$/, 'A:'); }, 'bad_signature');
  await check((r) => { r.headers['Signature-Input'] = r.headers['Signature-Input'].replace('nonce="n-42"', 'nonce="n-43"'); }, 'bad_signature');
});

test('verification refuses stale, future, expired, unknown-key and under-covered signatures', async () => {
  const keys = { 'ws-key-1': SECRET };
  const req = await signed();
  assert.equal((await verifyRequest(req, { keys, now: NOW + 301 })).reason, 'expired');
  assert.equal((await verifyRequest(req, { keys, now: NOW - 61 })).reason, 'created_in_future');
  assert.equal((await verifyRequest(req, { keys: { other: SECRET }, now: NOW })).reason, 'unknown_key');
  const wrongSecret = Buffer.alloc(32, 1).toString('base64');
  assert.equal((await verifyRequest(req, { keys: { 'ws-key-1': wrongSecret }, now: NOW })).reason, 'bad_signature');
  const noExpiry = await signed({ expires: undefined });
  assert.equal((await verifyRequest(noExpiry, { keys, now: NOW + 301 })).reason, 'too_old');
  const thin = await signed({ components: ['@method', '@path'] });
  assert.equal((await verifyRequest(thin, { keys, now: NOW })).reason, 'components_not_covered');
  assert.equal((await verifyRequest(trypostRequest(), { keys, now: NOW })).reason, 'unsigned');
  const garbage = { ...req, headers: { ...req.headers, 'Signature-Input': 'sig1=(' } };
  assert.equal((await verifyRequest(garbage, { keys, now: NOW })).reason, 'malformed_signature_fields');
});

test('Signature-Input parsed by the core round-trips to the same field', async () => {
  const core = await sdk.loadCore();
  const field = 'sig1=("@method" "@authority" "@path" "@query" "content-digest");created=1700000000;expires=1700000300;nonce="n-1";keyid="k1"';
  const parsed = JSON.parse(core.parseSignatureInput(JSON.stringify({ signature_input: field })));
  assert.equal(parsed.signatures.length, 1);
  const s = parsed.signatures[0];
  assert.deepEqual(s.params, { created: 1700000000, expires: 1700000300, nonce: 'n-1', keyid: 'k1' });
  assert.equal(`${s.label}=${s.signature_params}`, field);
  const bad = JSON.parse(core.parseSignatureInput(JSON.stringify({ signature_input: 'sig1=("a" ' })));
  assert.equal(typeof bad.error, 'string');
});

test('a secret that is not base64 is refused without being quoted', async () => {
  const secret = 'not base64 at all!';
  await assert.rejects(signRequest(RFC_REQUEST, { keyId: 'k', secretBase64: secret }), (err) => {
    assert.equal(err.code, 'bad_base64');
    assert.ok(!err.message.includes(secret));
    return true;
  });
  assert.throws(() => base64ToBytes('abc', 'x'));
  assert.equal(base64ToBytes('AQID').length, 3);
  assert.match(makeNonce(), /^[A-Za-z0-9_-]{22}$/);
});

test('a non-string body is serialized once and handed back so the bytes sent are the bytes signed', async () => {
  const out = await signRequest({ method: 'POST', url: 'https://app.trypost.it/api/labels', headers: {}, body: { name: 'Promo', color: '#4f46e5' } },
    { keyId: 'k', secretBase64: SECRET, created: NOW });
  assert.equal(out.body, '{"name":"Promo","color":"#4f46e5"}');
  assert.equal(out.headers['Content-Digest'], await contentDigest(out.body));
});
