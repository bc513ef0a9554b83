// RFC 9421's examples (tests/fixtures/rfc9421) through the WASM core, the SDK and `trypost sign`:
// every published signature verifies over the core's base with the Appendix B.1 keys (node:crypto),
// the HMAC example is reproduced, and a verifier keeps the signer's parameter order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, createPublicKey, verify, constants } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loadCore, parseCoreAnswer } from '../../web/sdk/core.js';
import { signRequest, signResponse, verifyRequest, verifyResponse } from '../../web/sdk/signing.js';

const dir = new URL('../fixtures/rfc9421/', import.meta.url);
const { cases } = JSON.parse(readFileSync(new URL('examples.json', dir), 'utf8'));
const SECRET = readFileSync(new URL('test-shared-secret.b64', dir), 'utf8').trim();
const bin = new URL('../../bin/trypost.js', import.meta.url).pathname;

function verifies(alg, keyName, base, signatureField) {
  const sig = Buffer.from(signatureField.slice(signatureField.indexOf('=:') + 2, -1), 'base64');
  const data = Buffer.from(base, 'ascii');
  if (alg === 'hmac-sha256') return createHmac('sha256', Buffer.from(SECRET, 'base64')).update(data).digest().equals(sig);
  const key = createPublicKey(readFileSync(new URL(`${keyName}.pub.pem`, dir)));
  if (alg === 'rsa-pss-sha512') return verify('sha512', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 }, sig);
  if (alg === 'ecdsa-p256-sha256') return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig);
  if (alg === 'ed25519') return verify(null, data, key, sig);
  throw new Error(`no verifier for ${alg}`);
}

test('every signed RFC 9421 example verifies over the base the core builds (node:crypto, Appendix B.1 keys)', async () => {
  const core = await loadCore();
  const signed = cases.filter((c) => c.signature);
  assert.ok(signed.length >= 14);
  for (const c of signed) {
    const out = parseCoreAnswer(core.buildSignatureBase(JSON.stringify({ ...c.message, signature_input: c.signature_input })));
    if (c.lines) assert.equal(out.signature_base, c.lines.join('\n'), `${c.section} ${c.name}`);
    assert.equal(verifies(c.alg, c.key, out.signature_base, c.signature), c.verifies !== false, `${c.section} ${c.name}`);
  }
});

test('the bases of sections 2.1-2.5 match the RFC line for line through the WASM core', async () => {
  const core = await loadCore();
  for (const c of cases.filter((x) => x.lines && !x.complete)) {
    const out = parseCoreAnswer(core.buildSignatureBase(JSON.stringify({ ...c.message, signature_input: c.signature_input })));
    const member = c.signature_input.slice(c.signature_input.indexOf('=') + 1);
    assert.equal(out.signature_base, `${c.lines.join('\n')}\n"@signature-params": ${member}`, `${c.section} ${c.name}`);
  }
});

test('B.2.5: the SDK signs the HMAC example and verifies it', async () => {
  const b25 = cases.find((c) => c.section === 'B.2.5');
  const out = await signRequest(b25.message, {
    keyId: 'test-shared-secret', secretBase64: SECRET, created: 1618884473, components: ['date', '@authority', 'content-type'], label: 'sig-b25',
  });
  assert.equal(out.signature, b25.signature);
  assert.equal(out.signature_base, b25.lines.join('\n'));
});

test('a verifier rebuilds the parameters in the order received (keyid before nonce)', async () => {
  const message = { method: 'GET', url: 'https://e.com/', headers: {} };
  const base = '"@method": GET\n"@signature-params": ("@method");created=1618884473;keyid="k";nonce="n"';
  const mac = createHmac('sha256', Buffer.from(SECRET, 'base64')).update(base).digest('base64');
  const headers = { 'Signature-Input': 'sig1=("@method");created=1618884473;keyid="k";nonce="n"', Signature: `sig1=:${mac}:` };
  const v = await verifyRequest({ ...message, headers }, { keys: { k: SECRET }, now: 1618884480, requiredComponents: ['@method'] });
  assert.deepEqual(v.ok, true, JSON.stringify(v));
  // The signer can choose that order too.
  const s = await signRequest(message, { keyId: 'k', secretBase64: SECRET, created: 1618884473, nonce: 'n', components: ['@method'], paramOrder: ['created', 'keyid', 'nonce'] });
  assert.equal(s.signature, headers.Signature);
});

test('B.2.2 with a tag and B.2.1 with the signer\'s order, from the SDK (HMAC over the RFC\'s bases)', async () => {
  for (const section of ['B.2.1', 'B.2.2']) {
    const c = cases.find((x) => x.section === section);
    const member = c.signature_input.slice(c.signature_input.indexOf('=') + 1);
    const components = section === 'B.2.1' ? [] : ['@authority', 'content-digest', '"@query-param";name="Pet"'];
    const out = await signRequest(c.message, {
      keyId: 'test-key-rsa-pss', secretBase64: SECRET, created: 1618884473, components, label: c.signature_input.split('=')[0],
      nonce: section === 'B.2.1' ? 'b3k2pp5k7z-50gnwp.yemd' : undefined, tag: section === 'B.2.2' ? 'header-example' : undefined,
      paramOrder: ['created', 'keyid', 'nonce', 'tag'],
    });
    assert.equal(out.signature_input, c.signature_input, section);
    assert.equal(out.signature_base, c.lines.join('\n'), section);
    assert.ok(out.signature_base.endsWith(member));
  }
});

test('a response signed with its request (;req) verifies, and fails when the request differs', async () => {
  const request = { method: 'POST', url: 'https://example.com/foo', headers: { 'Signature-Input': 'sig1=("@method");created=1', Signature: 'sig1=:AAAA:' } };
  const response = { status: 201, headers: { 'Content-Type': 'application/json' }, body: '{"ok":true}' };
  const options = { keyId: 'srv', secretBase64: SECRET, created: 1618884473, tag: 'reply',
    components: ['@status', 'content-type', 'content-digest', '"@method";req', '"signature";req;key="sig1"'] };
  const out = await signResponse(response, request, options);
  assert.match(out.signature_base, /^"@status": 201\n/);
  assert.match(out.signature_base, /\n"signature";req;key="sig1": :AAAA:\n/);
  const keys = { keys: { srv: SECRET }, now: 1618884480 };
  assert.equal((await verifyResponse({ ...response, headers: out.headers }, request, keys)).ok, true);
  const other = { ...request, method: 'PUT' };
  assert.equal((await verifyResponse({ ...response, headers: out.headers }, other, keys)).reason, 'bad_signature');
  await assert.rejects(signRequest(request, { ...options, alg: 'ed25519' }), /hmac-sha256/);
});

test('trypost sign: --tag, --alg, --param-order, and a response with its request', () => {
  const b22 = cases.find((x) => x.section === 'B.2.2');
  const run = (args, input) => spawnSync(process.execPath, [bin, 'sign', '--key-id', 'test-key-rsa-pss', '--created', '1618884473', ...args],
    { input: JSON.stringify(input), encoding: 'utf8', env: { ...process.env, TRYPOST_SECRET_BASE64: SECRET } });
  const r = run(['--tag', 'header-example', '--label', 'sig-b22', '--components', '"@authority" "content-digest" "@query-param";name="Pet"'], b22.message);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).signature_base, b22.lines.join('\n'));
  const ordered = run(['--alg', 'hmac-sha256', '--nonce', 'n', '--param-order', 'keyid,alg,nonce', '--components', '"@method"'], b22.message);
  assert.equal(JSON.parse(ordered.stdout).signature_input, 'sig1=("@method");keyid="test-key-rsa-pss";alg="hmac-sha256";nonce="n";created=1618884473');
  const response = run(['--components', '"@status" "@method";req'], { status: 200, headers: {}, request: b22.message });
  assert.equal(response.status, 0, response.stderr);
  assert.equal(JSON.parse(response.stdout).signature_base, '"@status": 200\n"@method";req: POST\n"@signature-params": ("@status" "@method";req);created=1618884473;keyid="test-key-rsa-pss"');
  const badAlg = run(['--alg', 'rsa-pss-sha512'], b22.message);
  assert.notEqual(badAlg.status, 0);
  assert.match(badAlg.stderr, /hmac-sha256/);
});

test('a non-ASCII header is refused by name unless covered with ;bs', async () => {
  const req = { method: 'GET', url: 'https://e.com/', headers: { 'X-Name': 'café' } };
  await assert.rejects(signRequest(req, { keyId: 'k', secretBase64: SECRET, components: ['@method', 'x-name'] }), /x-name/);
  const ok = await signRequest(req, { keyId: 'k', secretBase64: SECRET, created: 1, components: ['@method', '"x-name";bs'] });
  assert.match(ok.signature_base, /"x-name";bs: :Y2Fm6Q==:/);
});
