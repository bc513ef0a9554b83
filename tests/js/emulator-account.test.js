// The account endpoints of docs/account-api.md: account tokens, workspaces, brand, members,
// invites, roles, workspace keys and usage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT_TOKENS as T, IDS, startEmulator } from '../../server/emulator/test-harness.js';

let h;
before(async () => { h = await startEmulator(); });
after(() => h.close());
const acc = (method, path, token, body) => h.api(method, `account/${path}`, { token, body });
const API_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

test('an account token is required (401); a workspace key is not an account token', async () => {
  assert.equal((await acc('GET', 'me', null)).status, 401);
  assert.equal((await acc('GET', 'me', 'acct_nope')).status, 401);
  const r = await acc('GET', 'me', T.owner);
  assert.deepEqual(r.body, { id: IDS.owner, name: 'Olga Owner', email: 'owner@test.example', account_id: IDS.account, is_owner: true, can_create_workspaces: true });
  assert.deepEqual([(await acc('GET', 'me', T.member)).body.is_owner, (await acc('GET', 'me', T.member)).body.can_create_workspaces], [false, false]);
});

test('workspaces: the owner sees all with role owner; others see theirs with their role; others are 404', async () => {
  const own = await acc('GET', 'workspaces', T.owner);
  assert.deepEqual(own.body.map((w) => [w.id, w.role]), [[IDS.ws1, 'owner'], [IDS.ws2, 'owner']]);
  const w = own.body[0];
  assert.deepEqual(Object.keys(w).sort(), ['brand', 'created_at', 'id', 'logo_url', 'name', 'role', 'updated_at']);
  assert.deepEqual(Object.keys(w.brand).sort(), ['background_color', 'content_language', 'description', 'font', 'image_style', 'primary_color', 'text_color', 'tone', 'voice_notes', 'website']);
  assert.deepEqual([w.brand.image_style, w.brand.font, w.brand.content_language], ['cinematic', 'Inter', 'en']);
  assert.match(w.created_at, API_TIME);
  assert.deepEqual((await acc('GET', 'workspaces', T.viewer)).body.map((x) => [x.id, x.role]), [[IDS.ws1, 'viewer']]);
  assert.deepEqual((await acc('GET', 'workspaces', T.outsider)).body, []);
  assert.equal((await acc('GET', `workspaces/${IDS.ws2}`, T.member)).status, 404);
  assert.equal((await acc('GET', `workspaces/${IDS.ws1}`, T.member)).body.role, 'member');
});

test('create workspace: account owner only; 201 with the workspace, no key made, the session of the device that names itself, which works', async () => {
  assert.equal((await acc('POST', 'workspaces', T.admin, { name: 'Nope' })).status, 403);
  assert.equal((await acc('POST', 'workspaces', T.owner, { name: '   ' })).status, 422);
  assert.equal((await acc('POST', 'workspaces', T.owner, { name: 'x'.repeat(256) })).status, 422);
  const r = await acc('POST', 'workspaces', T.owner, { name: '  Gamma  ' });
  assert.equal(r.status, 201);
  assert.equal(r.body.workspace.name, 'Gamma');
  assert.equal(r.body.workspace.role, 'owner');
  assert.equal(r.body.api_key, undefined, 'no API key is made for the creator');
  assert.equal(r.body.session, undefined, 'no device named, no session');
  assert.deepEqual((await acc('GET', `workspaces/${r.body.workspace.id}/api-keys`, T.owner)).body, []);
  assert.equal((await acc('DELETE', `workspaces/${r.body.workspace.id}`, T.owner, { confirm_name: 'Gamma' })).status, 204);
  const again = await acc('POST', 'workspaces', T.owner, { name: 'Gamma', device_id: 'device-create-1' });
  assert.deepEqual([again.body.session.workspace_id, again.body.session.role], [again.body.workspace.id, 'owner']);
  r.body = again.body;
  r.body.api_key = { plain_token: again.body.session.token };
  const ws = await h.api('GET', 'workspace', { token: r.body.api_key.plain_token });
  assert.deepEqual([ws.status, ws.body.id], [200, r.body.workspace.id]);
  const del = await acc('DELETE', `workspaces/${r.body.workspace.id}`, T.owner, { confirm_name: 'gamma' });
  assert.equal(del.status, 422);
  assert.ok(del.body.errors.confirm_name);
  assert.equal((await acc('DELETE', `workspaces/${r.body.workspace.id}`, T.owner, { confirm_name: 'Gamma' })).status, 204);
  assert.equal((await h.api('GET', 'workspace', { token: r.body.api_key.plain_token })).status, 401, 'its sessions go with it');
});

test('rename and brand: owner and admin; member and viewer 403; brand rules', async () => {
  assert.equal((await acc('PATCH', `workspaces/${IDS.ws1}`, T.member, { name: 'X' })).status, 403);
  const r = await acc('PATCH', `workspaces/${IDS.ws1}`, T.admin, { name: 'Alpha Co', logo_url: 'https://cdn.example/logo.png' });
  assert.deepEqual([r.status, r.body.name, r.body.logo_url, r.body.role], [200, 'Alpha Co', 'https://cdn.example/logo.png', 'admin']);
  assert.equal((await h.api('GET', 'workspace')).body.name, 'Alpha Co');
  const b = await acc('PUT', `workspaces/${IDS.ws1}/brand`, T.owner, { tone: 'bold', primary_color: '#FF0000', font: 'Poppins', content_language: 'pt-BR', description: 'd'.repeat(2000) });
  assert.equal(b.status, 200);
  assert.deepEqual([b.body.brand.tone, b.body.brand.primary_color, b.body.brand.font, b.body.brand.content_language], ['bold', '#FF0000', 'Poppins', 'pt-BR']);
  for (const bad of [{ tone: 'angry' }, { image_style: 'watercolor' }, { font: 'Comic Sans' }, { content_language: 'fr' }, { primary_color: 'red' }, { description: 'd'.repeat(2001) }, { website: 'not a url' }, { image_style: null }]) {
    const x = await acc('PUT', `workspaces/${IDS.ws1}/brand`, T.owner, bad);
    assert.equal(x.status, 422, JSON.stringify(bad));
    assert.ok(x.body.errors[Object.keys(bad)[0]]);
  }
  assert.equal((await acc('PUT', `workspaces/${IDS.ws1}/brand`, T.viewer, { tone: 'bold' })).status, 403);
  assert.equal((await acc('DELETE', `workspaces/${IDS.ws1}`, T.admin, { confirm_name: 'Alpha Co' })).status, 403);
});

test('members and invites: invite, cancel, accept, decline', async () => {
  const m = await acc('GET', `workspaces/${IDS.ws1}/members`, T.viewer);
  assert.equal(m.status, 200);
  assert.deepEqual(m.body.members.map((x) => [x.user_id, x.role]), [[IDS.owner, 'owner'], [IDS.admin, 'admin'], [IDS.member, 'member'], [IDS.viewer, 'viewer']]);
  assert.deepEqual(Object.keys(m.body.members[0]).sort(), ['email', 'name', 'role', 'user_id']);
  assert.equal((await acc('POST', `workspaces/${IDS.ws1}/invites`, T.member, { email: 'outsider@test.example', role: 'member' })).status, 403);
  for (const bad of [{ email: 'nope', role: 'member' }, { email: 'x@y.example', role: 'owner' }, { email: 'member@test.example', role: 'viewer' }]) {
    assert.equal((await acc('POST', `workspaces/${IDS.ws1}/invites`, T.admin, bad)).status, 422, JSON.stringify(bad));
  }
  const inv = await acc('POST', `workspaces/${IDS.ws1}/invites`, T.admin, { email: 'outsider@test.example', role: 'viewer' });
  assert.equal(inv.status, 201);
  assert.deepEqual([inv.body.email, inv.body.role, inv.body.status], ['outsider@test.example', 'viewer', 'pending']);
  assert.equal((await acc('POST', `workspaces/${IDS.ws1}/invites`, T.admin, { email: 'outsider@test.example', role: 'member' })).status, 422, 'one pending invite per email');
  assert.deepEqual((await acc('GET', `workspaces/${IDS.ws1}/members`, T.owner)).body.invites.map((i) => i.id), [inv.body.id]);
  assert.equal((await acc('POST', `invites/${inv.body.id}/accept`, T.member)).status, 404, 'only the invitee');
  const ok = await acc('POST', `invites/${inv.body.id}/accept`, T.outsider);
  assert.deepEqual([ok.status, ok.body.id, ok.body.role], [200, IDS.ws1, 'viewer']);
  assert.equal((await acc('POST', `invites/${inv.body.id}/decline`, T.outsider)).status, 422, 'no longer pending');
  assert.deepEqual((await acc('GET', 'workspaces', T.outsider)).body.map((w) => w.id), [IDS.ws1]);

  const inv2 = await acc('POST', `workspaces/${IDS.ws2}/invites`, T.owner, { email: 'outsider@test.example', role: 'member' });
  assert.equal((await acc('POST', `invites/${inv2.body.id}/decline`, T.outsider)).status, 204);
  assert.equal((await acc('POST', `invites/${inv2.body.id}/accept`, T.outsider)).status, 422);
  const inv3 = await acc('POST', `workspaces/${IDS.ws2}/invites`, T.owner, { email: 'new@test.example', role: 'admin' });
  assert.equal((await acc('DELETE', `workspaces/${IDS.ws2}/invites/${inv3.body.id}`, T.owner)).status, 204);
  assert.deepEqual((await acc('GET', `workspaces/${IDS.ws2}/members`, T.owner)).body.invites, []);
  assert.equal((await acc('DELETE', `workspaces/${IDS.ws2}/invites/${inv3.body.id}`, T.owner)).status, 404);
});

test('roles: admins change roles and remove members; the owner is fixed (422); removal ends access', async () => {
  const r = await acc('PUT', `workspaces/${IDS.ws1}/members/${IDS.outsider}`, T.admin, { role: 'member' });
  assert.deepEqual([r.status, r.body.role, r.body.user_id], [200, 'member', IDS.outsider]);
  assert.equal((await acc('PUT', `workspaces/${IDS.ws1}/members/${IDS.outsider}`, T.admin, { role: 'owner' })).status, 422);
  assert.equal((await acc('PUT', `workspaces/${IDS.ws1}/members/${IDS.owner}`, T.admin, { role: 'viewer' })).status, 422);
  assert.equal((await acc('DELETE', `workspaces/${IDS.ws1}/members/${IDS.owner}`, T.admin)).status, 422);
  assert.equal((await acc('PUT', `workspaces/${IDS.ws1}/members/${IDS.outsider}`, T.member, { role: 'admin' })).status, 403);
  const key = await acc('POST', `workspaces/${IDS.ws1}/api-keys`, T.admin, { name: 'k' });
  assert.equal(key.status, 201);
  assert.equal((await acc('DELETE', `workspaces/${IDS.ws1}/members/${IDS.outsider}`, T.admin)).status, 204);
  assert.equal((await acc('GET', `workspaces/${IDS.ws1}`, T.outsider)).status, 404);
  assert.equal((await acc('DELETE', `workspaces/${IDS.ws1}/members/${IDS.outsider}`, T.admin)).status, 404);
});

test('workspace keys: owner/admin list their own, create (201), delete (204, then 401)', async () => {
  assert.equal((await acc('GET', `workspaces/${IDS.ws1}/api-keys`, T.member)).status, 403);
  const before1 = (await acc('GET', `workspaces/${IDS.ws1}/api-keys`, T.admin)).body;
  const k = await acc('POST', `workspaces/${IDS.ws1}/api-keys`, T.admin, { name: 'Zapier', expires_at: '2999-01-01T00:00:00Z' });
  assert.equal(k.status, 201);
  assert.equal(k.body.token.expires_at, '2999-01-01T00:00:00+00:00');
  const after1 = (await acc('GET', `workspaces/${IDS.ws1}/api-keys`, T.admin)).body;
  assert.equal(after1.length, before1.length + 1);
  assert.equal(after1[0].id, k.body.token.id, 'latest first');
  assert.equal((await h.api('GET', 'workspace', { token: k.body.plain_token })).status, 200);
  assert.equal((await acc('POST', `workspaces/${IDS.ws1}/api-keys`, T.admin, {})).status, 422);
  assert.equal((await acc('DELETE', `workspaces/${IDS.ws1}/api-keys/${k.body.token.id}`, T.owner)).status, 404, 'only the caller\'s own keys');
  assert.equal((await acc('DELETE', `workspaces/${IDS.ws1}/api-keys/${k.body.token.id}`, T.admin)).status, 204);
  assert.equal((await h.api('GET', 'workspace', { token: k.body.plain_token })).status, 401);
});

test('usage: self-hosted reports no limit', async () => {
  const u = await acc('GET', 'usage', T.viewer);
  assert.deepEqual(Object.keys(u.body).sort(), ['credits_limit', 'credits_used', 'mode', 'plan_status', 'resets_at']);
  assert.equal(u.body.mode, 'self-hosted');
  assert.equal(u.body.credits_limit, null);
});
