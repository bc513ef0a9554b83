// The widget proxy: short-lived read-only workspace tokens in, GETs with the real key out, CORS
// only for the configured agency origins.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { createWidgetProxy, signWidgetToken } from '../../server/proxy/index.js';
import { IDS, TOKENS, startEmulator } from '../../server/emulator/test-harness.js';

const secret = randomBytes(32);
const AGENCY = 'https://agency.example';
let up;
let server;
let base;
before(async () => {
  up = await startEmulator();
  const handle = createWidgetProxy({ upstream: up.base, keys: { [IDS.ws1]: TOKENS.owner, [IDS.ws2]: TOKENS.ws2 }, secret, origins: [AGENCY] });
  server = createServer((req, res) => { if (!handle(req, res)) { res.writeHead(404); res.end(); } });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}/widget-api/workspaces`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await up.close();
});

const now = () => Math.floor(Date.now() / 1000);
const token = (o = {}) => signWidgetToken({ workspaceId: IDS.ws1, secret, ttlSec: 300, nowSec: now(), ...o });
const get = (path, tok, headers = {}, method = 'GET') =>
  fetch(`${base}${path}`, { method, headers: { ...(tok ? { authorization: `Bearer ${tok}` } : {}), ...headers } });
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
function forge(header, claims, key = secret) {
  const h = b64(header);
  const c = b64(claims);
  return `${h}.${c}.${createHmac('sha256', key).update(`${h}.${c}`).digest('base64url')}`;
}

test('a fresh token reads its workspace through the proxy; pagination links point back at the proxy', async () => {
  const r = await get(`/${IDS.ws1}/workspace`, token());
  assert.equal(r.status, 200);
  assert.equal((await r.json()).id, IDS.ws1);
  const posts = await get(`/${IDS.ws1}/posts?page=1`, token());
  assert.equal(posts.status, 200);
  const body = await posts.json();
  assert.equal(body.meta.path, `${base}/${IDS.ws1}/posts`);
  assert.ok(!JSON.stringify(body).includes(TOKENS.owner));
  for (const p of ['/labels', '/social-accounts', '/content-types']) assert.equal((await get(`/${IDS.ws1}${p}`, token())).status, 200, p);
});

test('expired, tampered, wrongly signed, alg none, non-read and over-long tokens are 401', async () => {
  const bad = {
    missing: null,
    expired: token({ nowSec: now() - 400 }),
    tampered: (() => { const [h, , s] = token().split('.'); return `${h}.${b64({ sub: IDS.ws2, iat: now(), exp: now() + 300, scope: 'read' })}.${s}`; })(),
    otherSecret: forge({ alg: 'HS256', typ: 'JWT' }, { sub: IDS.ws1, iat: now(), exp: now() + 300, scope: 'read' }, randomBytes(32)),
    algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: IDS.ws1, iat: now(), exp: now() + 300, scope: 'read' })}.`,
    writeScope: forge({ alg: 'HS256', typ: 'JWT' }, { sub: IDS.ws1, iat: now(), exp: now() + 300, scope: 'write' }),
    tooLong: forge({ alg: 'HS256', typ: 'JWT' }, { sub: IDS.ws1, iat: now(), exp: now() + 86400, scope: 'read' }),
    garbage: 'not.a.jwt',
  };
  for (const [name, tok] of Object.entries(bad)) {
    const r = await get(`/${IDS.ws1}/posts`, tok);
    assert.equal(r.status, 401, name);
    assert.equal(typeof (await r.json()).message, 'string');
  }
  const ok = forge({ alg: 'HS256', typ: 'JWT' }, { sub: IDS.ws1, iat: now(), exp: now() + 3600, scope: 'read' });
  assert.equal((await get(`/${IDS.ws1}/posts`, ok)).status, 200, 'a one-hour token is the longest accepted');
});

test('a token for one workspace cannot read another (403)', async () => {
  const r = await get(`/${IDS.ws2}/posts`, token());
  assert.equal(r.status, 403);
  const own = await get(`/${IDS.ws2}/workspace`, token({ workspaceId: IDS.ws2 }));
  assert.equal((await own.json()).id, IDS.ws2);
});

test('writes and sensitive reads are refused, and nothing reaches the API', async () => {
  const before1 = (await up.api('GET', 'labels')).body.length;
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    const r = await fetch(`${base}/${IDS.ws1}/labels`, { method, headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', color: '#000000' }) });
    assert.equal(r.status, 403, method);
  }
  assert.equal((await up.api('GET', 'labels')).body.length, before1);
  for (const p of ['/api-keys', '/assets', `/assets/${IDS.asset1}`]) assert.equal((await get(`/${IDS.ws1}${p}`, token())).status, 403, p);
});

test('CORS headers only for the configured origins; preflight likewise', async () => {
  const yes = await get(`/${IDS.ws1}/workspace`, token(), { origin: AGENCY });
  assert.equal(yes.headers.get('access-control-allow-origin'), AGENCY);
  assert.match(yes.headers.get('vary'), /Origin/);
  const no = await get(`/${IDS.ws1}/workspace`, token(), { origin: 'https://evil.example' });
  assert.equal(no.headers.get('access-control-allow-origin'), null);
  const pre = await get(`/${IDS.ws1}/posts`, null, { origin: AGENCY, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' }, 'OPTIONS');
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get('access-control-allow-origin'), AGENCY);
  assert.match(pre.headers.get('access-control-allow-methods'), /GET/);
  assert.doesNotMatch(pre.headers.get('access-control-allow-methods'), /POST/);
  const preNo = await get(`/${IDS.ws1}/posts`, null, { origin: 'https://evil.example', 'access-control-request-method': 'GET' }, 'OPTIONS');
  assert.equal(preNo.status, 403);
  assert.equal(preNo.headers.get('access-control-allow-origin'), null);
});

test('trypost widget-token mints a token the proxy accepts', async () => {
  const bin = new URL('../../bin/trypost.js', import.meta.url).pathname;
  const r = spawnSync(process.execPath, [bin, 'widget-token', '--workspace', IDS.ws1, '--secret-base64', secret.toString('base64'), '--ttl', '120'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const tok = r.stdout.trim();
  const claims = JSON.parse(Buffer.from(tok.split('.')[1], 'base64url').toString());
  assert.deepEqual([claims.sub, claims.scope, claims.exp - claims.iat], [IDS.ws1, 'read', 120]);
  assert.equal((await get(`/${IDS.ws1}/workspace`, tok)).status, 200);
  const bad = spawnSync(process.execPath, [bin, 'widget-token', '--workspace', IDS.ws1, '--secret-base64', secret.toString('base64'), '--ttl', '3601'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
});

test('the core reads the token: the signature is judged before any claim, and each refusal says why', async () => {
  const claims = { sub: IDS.ws1, iat: now(), exp: now() + 300, scope: 'read' };
  const cases = [
    // A forged token with an expired claim learns only that the signature is wrong.
    ['forged and expired', forge({ alg: 'HS256' }, { ...claims, exp: now() - 10 }, randomBytes(32)), 401, 'The token signature is invalid.'],
    ['expired', forge({ alg: 'HS256' }, { ...claims, iat: now() - 400, exp: now() - 10 }), 401, 'The token has expired.'],
    ['not yet valid', forge({ alg: 'HS256' }, { ...claims, nbf: now() + 600 }), 401, 'The token is not valid yet.'],
    ['critical header', forge({ alg: 'HS256', crit: ['exp'] }, claims), 401, 'The token uses header extensions this proxy does not understand.'],
    ['exp as text', forge({ alg: 'HS256' }, { ...claims, exp: String(now() + 300) }), 401, "The token's exp claim must be a whole number of seconds."],
    ['another workspace', forge({ alg: 'HS256' }, { ...claims, sub: IDS.ws2 }), 403, 'This token is for another workspace.'],
  ];
  for (const [name, tok, status, message] of cases) {
    const r = await get(`/${IDS.ws1}/posts`, tok);
    assert.equal(r.status, status, name);
    assert.equal((await r.json()).message, message, name);
  }
  // Padding is not base64url: one token, one spelling.
  const [h, c, s] = token().split('.');
  const padded = `${h}${'='.repeat((4 - (h.length % 4)) % 4) || '=='}.${c}.${s}`;
  assert.equal((await get(`/${IDS.ws1}/posts`, padded)).status, 401);
  assert.equal((await get(`/${IDS.ws1}/posts`, token())).status, 200);
});
