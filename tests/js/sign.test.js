// RFC 9421 Appendix B.2.5 through the CLI, and the CLI's promise never to print the secret.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const bin = new URL('../../bin/trypost.js', import.meta.url).pathname;
const run = (args, input, env = {}) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, ...env } });

// RFC 9421 B.1.5 shared secret and the B.2 test-request.
const SECRET = 'uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ==';
const TEST_REQUEST = {
  method: 'POST',
  url: 'https://example.com/foo?param=Value&Pet=dog',
  headers: {
    Host: 'example.com',
    Date: 'Tue, 20 Apr 2021 02:07:55 GMT',
    'Content-Type': 'application/json',
    'Content-Digest': 'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
    'Content-Length': '18',
  },
  body: '{"hello": "world"}',
};
const B25_ARGS = ['sign', '--key-id', 'test-shared-secret', '--secret-base64', SECRET, '--created', '1618884473',
  '--components', '"date" "@authority" "content-type"', '--label', 'sig-b25'];

test('RFC 9421 B.2.5: base, Signature-Input and Signature reproduced exactly', () => {
  const r = run(B25_ARGS, JSON.stringify(TEST_REQUEST));
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const out = JSON.parse(lines[0]);
  assert.deepEqual(Object.keys(out).sort(), ['signature', 'signature_base', 'signature_input']);
  assert.equal(out.signature_base, [
    '"date": Tue, 20 Apr 2021 02:07:55 GMT',
    '"@authority": example.com',
    '"content-type": application/json',
    '"@signature-params": ("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret"',
  ].join('\n'));
  assert.equal(out.signature_input, 'sig-b25=("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret"');
  assert.equal(out.signature, 'sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:');
  assert.ok(!r.stdout.includes(SECRET));
});

test('the secret can come from the environment, and the answer is the same', () => {
  const args = B25_ARGS.filter((a, i) => a !== '--secret-base64' && B25_ARGS[i - 1] !== '--secret-base64');
  const r = run(args, JSON.stringify(TEST_REQUEST), { TRYPOST_SECRET_BASE64: SECRET });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).signature, 'sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:');
});

test('a different secret gives a different signature over the same base', () => {
  const other = Buffer.alloc(64, 7).toString('base64');
  const r = run(B25_ARGS.map((a) => (a === SECRET ? other : a)), JSON.stringify(TEST_REQUEST));
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.notEqual(out.signature, 'sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:');
  assert.match(out.signature_base, /^"date": Tue/);
});

test('defaults: @method @authority @path @query, plus content-digest for a body; options land in Signature-Input', () => {
  const req = { method: 'PUT', url: 'https://app.trypost.it/api/posts/p1?x=1', headers: {}, body: '{"status":"draft"}' };
  const r = run(['sign', '--key-id', 'k1', '--secret-base64', SECRET, '--created', '1700000000', '--expires', '1700000300',
    '--nonce', 'n-1'], JSON.stringify(req));
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.signature_input,
    'sig1=("@method" "@authority" "@path" "@query" "content-digest");created=1700000000;expires=1700000300;nonce="n-1";keyid="k1"');
  const digest = 'sha-256=:' + (await_digest(req.body)) + ':';
  assert.equal(out.signature_base, [
    '"@method": PUT',
    '"@authority": app.trypost.it',
    '"@path": /api/posts/p1',
    '"@query": ?x=1',
    `"content-digest": ${digest}`,
    `"@signature-params": ${out.signature_input.slice('sig1='.length)}`,
  ].join('\n'));
});

function await_digest(text) {
  // An independent SHA-256 (node:crypto) to check the WebCrypto digest the signer added.
  return spawnSync(process.execPath, ['-e', `process.stdout.write(require('node:crypto').createHash('sha256').update(${JSON.stringify(text)}).digest('base64'))`], { encoding: 'utf8' }).stdout;
}

test('the secret never appears in error text, whatever goes wrong', () => {
  const secret = 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=';
  const cases = [
    [['sign', '--key-id', 'k', '--secret-base64', secret], 'not json'],
    [['sign', '--key-id', 'k', '--secret-base64', secret], JSON.stringify({ method: 'GET', url: '/relative' })],
    [['sign', '--key-id', 'k', '--secret-base64', secret, '--components', '"date"'], JSON.stringify({ method: 'GET', url: 'https://e.com/' })],
    [['sign', '--key-id', 'k', secret], '{}'],
    [['sign', '--key-id', 'k', `--secret-base64=${secret}`, '--bogus'], '{}'],
    [['sign', '--key-id', 'k', '--secret-base64', `${secret}!`], JSON.stringify({ method: 'GET', url: 'https://e.com/' })],
    [['sign', '--key-id', 'k', '--secret-base64', secret, '--created', secret], '{}'],
  ];
  for (const [args, input] of cases) {
    const r = run(args, input);
    assert.notEqual(r.status, 0, `should fail: ${args.join(' ')}`);
    assert.ok(r.stderr.length > 0);
    assert.ok(!r.stderr.includes(secret) && !r.stdout.includes(secret), `secret leaked for ${args.join(' ')}: ${r.stderr}`);
  }
});

test('usage errors exit 2, bad input exits 1', () => {
  assert.equal(run(['sign', '--secret-base64', SECRET], '{}').status, 2);
  assert.equal(run(['sign', '--key-id', 'k'], '{}', { TRYPOST_SECRET_BASE64: '' }).status, 2);
  assert.equal(run(['sign', '--key-id', 'k', '--secret-base64', SECRET, '--created', '-1'], '{}').status, 2);
  assert.equal(run(['sign', '--key-id', 'k', '--secret-base64', SECRET], '[1]').status, 1);
  const missing = run(['sign', '--key-id', 'k', '--secret-base64', SECRET, '--components', '"date"'],
    JSON.stringify({ method: 'GET', url: 'https://e.com/' }));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /date/);
});

test('trypost sign --help documents the options', () => {
  const r = run(['sign', '--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /--secret-base64/);
  assert.match(run(['--help']).stdout, /sign/);
});
