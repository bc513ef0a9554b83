// The emulator's verifier (an independent RFC 9421 reading) accepts what the SDK signs with
// component parameters (;bs, ;key, ;sf, @query-param;name) and the signer's parameter order, and
// refuses ;req on a request.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startEmulator, IDS } from '../../server/emulator/test-harness.js';
import { signRequest } from '../../web/sdk/signing.js';

describe('emulator: signature component parameters', () => {
  let h;
  const secret = randomBytes(32);
  before(async () => {
    h = await startEmulator({ requireSignatures: true, signingKeys: [{ keyid: 'k1', secret, workspace_id: IDS.ws1 }] });
  });
  after(() => h.close());

  const call = async (path, components, extraHeaders = {}, paramOrder) => {
    const url = `${h.base}/api/${path}`;
    const now = Math.floor(Date.now() / 1000);
    const signed = await signRequest({ method: 'GET', url, headers: extraHeaders }, {
      keyId: 'k1', secretBase64: secret.toString('base64'), created: now, expires: now + 60,
      nonce: randomBytes(8).toString('hex'), components: ['@method', '@authority', '@path', '@query', ...components], paramOrder,
    });
    return h.api('GET', path, { headers: signed.headers });
  };

  test('@query-param;name, ;bs (a Latin-1 value), ;key and ;sf on a dictionary, keyid first', async () => {
    const headers = { 'X-Trace': 'café', 'Example-Dict': ' a=1,   b=2;x=1;y=2,  c=(a   b   c)' };
    const r = await call('posts?page=1', ['"@query-param";name="page"', '"x-trace";bs', '"example-dict";key="c"', '"example-dict";sf'], headers,
      ['keyid', 'nonce', 'created', 'expires']);
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  test('a changed covered value is refused: another page, another dictionary member', async () => {
    const url = `${h.base}/api/posts?page=1`;
    const now = Math.floor(Date.now() / 1000);
    const signed = await signRequest({ method: 'GET', url, headers: { 'Example-Dict': 'a=1, b=2' } }, {
      keyId: 'k1', secretBase64: secret.toString('base64'), created: now, nonce: 'x1',
      components: ['@method', '@authority', '@path', '@query', '"@query-param";name="page"', '"example-dict";key="b"'],
    });
    const moved = await h.api('GET', 'posts?page=1', { headers: { ...signed.headers, 'Example-Dict': 'a=1, b=3' } });
    assert.equal(moved.status, 401);
  });

  test(';req on a request is refused (RFC 9421 section 2.4)', async () => {
    const url = `${h.base}/api/posts`;
    const now = Math.floor(Date.now() / 1000);
    // The core refuses to sign it; a hand-made Signature-Input still reaches the emulator.
    const signed = await signRequest({ method: 'GET', url }, { keyId: 'k1', secretBase64: secret.toString('base64'), created: now, nonce: 'r1' });
    const input = signed.headers['Signature-Input'].replace('"@query")', '"@query" "@method";req)');
    const r = await h.api('GET', 'posts', { headers: { ...signed.headers, 'Signature-Input': input } });
    assert.equal(r.status, 401);
    assert.match(r.body.message, /req/);
  });
});
