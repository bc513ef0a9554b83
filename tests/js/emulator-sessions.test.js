// Device sessions and the demo connection of docs/account-api.md: a person's own role per
// workspace, one credential per device and workspace, sliding expiry, listed apart from API keys,
// revoked at sign-out; a demo social account, one per network on Cloud.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT_TOKENS as T, IDS, startEmulator } from '../../server/emulator/test-harness.js';

let h;
before(async () => { h = await startEmulator(); });
after(() => h.close());
const acc = (method, path, token, body) => h.api(method, `account/${path}`, { token, body });
const open = (token, body) => acc('POST', 'sessions', token, body);
const keyLists = async () => JSON.stringify([
  (await acc('GET', `workspaces/${IDS.ws1}/api-keys`, T.owner)).body, (await acc('GET', `workspaces/${IDS.ws2}/api-keys`, T.owner)).body,
  (await acc('GET', `workspaces/${IDS.ws1}/api-keys`, T.admin)).body,
]);

test('each person gets a session per workspace they belong to, with their own role, enforced on the workspace API', async () => {
  const owner = await open(T.owner, { device_id: 'device-owner-1', device_name: 'Chromium' });
  assert.equal(owner.status, 201);
  assert.deepEqual(owner.body.sessions.map((s) => [s.workspace_id, s.role]), [[IDS.ws1, 'owner'], [IDS.ws2, 'owner']]);
  for (const s of owner.body.sessions) assert.match(s.token, /^tps_/);
  const viewer = await open(T.viewer, { device_id: 'device-viewer-1' });
  assert.deepEqual(viewer.body.sessions.map((s) => [s.workspace_id, s.role]), [[IDS.ws1, 'viewer']]);
  const v = viewer.body.sessions[0].token;
  assert.equal((await h.api('GET', 'workspace', { token: v })).body.id, IDS.ws1);
  assert.equal((await h.api('GET', 'posts', { token: v })).status, 200);
  const refused = await h.api('POST', 'labels', { token: v, body: { name: 'Nope', color: '#000000' } });
  assert.equal(refused.status, 403, 'a viewer session cannot write');
  const member = (await open(T.member, { device_id: 'device-member-1' })).body.sessions[0].token;
  assert.equal((await h.api('GET', 'api-keys', { token: member })).status, 403, 'a member session cannot list keys');
  assert.equal((await h.api('POST', 'labels', { token: member, body: { name: 'Member label', color: '#000000' } })).status, 201);
  assert.deepEqual((await open(T.outsider, { device_id: 'device-outsider' })).body.sessions, []);
});

test('opening again on the same device reuses its live credential; after it ended, a new one replaces it; API key lists never change', async () => {
  const before = await keyLists();
  const first = (await open(T.admin, { device_id: 'device-admin-1' })).body.sessions;
  for (let i = 0; i < 3; i++) await open(T.admin, { device_id: 'device-admin-1' });
  const last = (await open(T.admin, { device_id: 'device-admin-1' })).body.sessions;
  assert.equal(last[0].token, first[0].token, 'the same credential, so two tabs of one browser keep working');
  assert.equal(last[0].id, first[0].id);
  assert.equal((await h.api('GET', 'workspace', { token: last[0].token })).status, 200);
  const stored = JSON.stringify(h.emulator.store.state);
  assert.equal(stored.includes(first[0].token), false, 'the emulator keeps no token in the clear');
  h.clock.advance(12 * 3600e3 + 1000);
  const renewed = (await open(T.admin, { device_id: 'device-admin-1' })).body.sessions;
  assert.notEqual(renewed[0].token, first[0].token, 'an expired credential is replaced by a new one');
  assert.equal((await h.api('GET', 'workspace', { token: first[0].token })).status, 401);
  const listed = (await acc('GET', 'sessions', T.admin)).body.filter((s) => s.device_id === 'device-admin-1');
  assert.deepEqual(listed.map((s) => s.workspace_id), [IDS.ws1], 'one for the device in its one workspace');
  assert.equal(JSON.stringify(listed).includes('tps_'), false, 'the list carries no token');
  assert.equal(await keyLists(), before);
  const keys = (await acc('GET', `workspaces/${IDS.ws1}/api-keys`, T.admin)).body;
  assert.equal(keys.some((k) => /session|dashboard/i.test(k.name)), false);
});

test('sign-out revokes every credential of the device, and only that device', async () => {
  const a = (await open(T.member, { device_id: 'device-member-a' })).body.sessions[0].token;
  const b = (await open(T.member, { device_id: 'device-member-b' })).body.sessions[0].token;
  assert.equal((await acc('DELETE', 'sessions/device-member-a', T.member)).status, 204);
  assert.equal((await h.api('GET', 'workspace', { token: a })).status, 401);
  assert.equal((await h.api('GET', 'workspace', { token: b })).status, 200);
  assert.equal((await acc('DELETE', 'sessions/device-member-a', T.member)).status, 404);
  assert.equal((await acc('DELETE', 'sessions/device-member-b', T.viewer)).status, 404, 'another person cannot revoke it');
});

test('a session expires 12 h after its last use; each use renews it', async () => {
  const s = (await open(T.viewer, { device_id: 'device-viewer-exp' })).body.sessions[0];
  h.clock.advance(11 * 3600e3);
  assert.equal((await h.api('GET', 'workspace', { token: s.token })).status, 200);
  h.clock.advance(11 * 3600e3);
  assert.equal((await h.api('GET', 'workspace', { token: s.token })).status, 200, 'renewed by the use 11 h ago');
  const listed = (await acc('GET', 'sessions', T.viewer)).body.find((x) => x.device_id === 'device-viewer-exp');
  assert.ok(listed.last_used_at);
  h.clock.advance(12 * 3600e3 + 1000);
  assert.equal((await h.api('GET', 'workspace', { token: s.token })).status, 401);
  assert.equal((await acc('GET', 'sessions', T.viewer)).body.some((x) => x.device_id === 'device-viewer-exp'), false);
});

test('bad input names the field; a removed member loses the session; a role change applies at once', async () => {
  const bad = await open(T.owner, {});
  assert.equal(bad.status, 422);
  assert.ok(bad.body.errors.device_id);
  assert.equal((await open(T.owner, { device_id: 'device-x', workspace_id: '0c000000-0000-4000-8000-0000000000ee' })).status, 404);
  const only = await open(T.owner, { device_id: 'device-one', workspace_id: IDS.ws2 });
  assert.deepEqual(only.body.sessions.map((s) => s.workspace_id), [IDS.ws2]);
  const m = (await open(T.member, { device_id: 'device-member-role' })).body.sessions[0].token;
  assert.equal((await acc('PUT', `workspaces/${IDS.ws1}/members/${IDS.member}`, T.owner, { role: 'viewer' })).status, 200);
  assert.equal((await h.api('POST', 'labels', { token: m, body: { name: 'Now a viewer', color: '#000000' } })).status, 403);
  assert.equal((await acc('PUT', `workspaces/${IDS.ws1}/members/${IDS.member}`, T.owner, { role: 'member' })).status, 200);
  assert.equal((await acc('DELETE', `workspaces/${IDS.ws1}/members/${IDS.viewer}`, T.owner)).status, 204);
  const gone = (await acc('GET', 'sessions', T.viewer)).body;
  assert.deepEqual(gone, []);
});

test('demo connection: owner and admin connect an active account at once; member refused; one per network on Cloud', async () => {
  const c = await acc('POST', `workspaces/${IDS.ws2}/social-accounts`, T.owner, { platform: 'linkedin', display_name: 'Beta Co', username: 'beta-co' });
  assert.equal(c.status, 201);
  assert.deepEqual([c.body.platform, c.body.display_name, c.body.username, c.body.is_active, c.body.status], ['linkedin', 'Beta Co', 'beta-co', true, 'connected']);
  const listed = await h.api('GET', 'social-accounts', { token: (await open(T.owner, { device_id: 'device-owner-2', workspace_id: IDS.ws2 })).body.sessions[0].token });
  assert.ok(listed.body.some((a) => a.id === c.body.id && a.is_active));
  assert.equal((await acc('POST', `workspaces/${IDS.ws1}/social-accounts`, T.member, { platform: 'x', display_name: 'M', username: 'm' })).status, 403);
  const bad = await acc('POST', `workspaces/${IDS.ws2}/social-accounts`, T.owner, { platform: 'myspace', display_name: '', username: 'u' });
  assert.equal(bad.status, 422);
  assert.ok(bad.body.errors.platform && bad.body.errors.display_name);
  const again = await acc('POST', `workspaces/${IDS.ws2}/social-accounts`, T.owner, { platform: 'linkedin', display_name: 'Beta Company', username: 'beta-co' });
  assert.deepEqual([again.status, again.body.id, again.body.display_name], [200, c.body.id, 'Beta Company'], 'the same account again is updated, not duplicated');
  // Self-hosted has no cap.
  assert.equal((await acc('POST', `workspaces/${IDS.ws2}/social-accounts`, T.owner, { platform: 'x', display_name: 'Second X', username: '@second' })).status, 201);
});

test('on Cloud a second account of the same network is refused (LinkedIn page and Discord may repeat)', async () => {
  const cloud = await startEmulator({ mode: 'cloud' });
  try {
    const post = (body) => cloud.api('POST', `account/workspaces/${IDS.ws2}/social-accounts`, { token: T.owner, body });
    const dup = await post({ platform: 'x', display_name: 'Another X', username: '@another' });
    assert.equal(dup.status, 422);
    assert.match(dup.body.errors.platform[0], /already has an account on X/);
    assert.equal((await post({ platform: 'linkedin', display_name: 'Beta', username: 'beta' })).status, 201);
    assert.equal((await post({ platform: 'linkedin', display_name: 'Beta 2', username: 'beta2' })).status, 422);
    assert.equal((await post({ platform: 'discord', display_name: 'Server 1', username: 's1' })).status, 201);
    assert.equal((await post({ platform: 'discord', display_name: 'Server 2', username: 's2' })).status, 201);
  } finally {
    await cloud.close();
  }
});

test('workspace names are unique in an account: a duplicate is refused at the name field, in any case', async () => {
  const dup = await acc('POST', 'workspaces', T.owner, { name: '  alpha ' });
  assert.equal(dup.status, 422);
  assert.match(dup.body.errors.name[0], /already has a workspace named "Alpha"/);
  const rename = await acc('PATCH', `workspaces/${IDS.ws2}`, T.owner, { name: 'ALPHA' });
  assert.equal(rename.status, 422);
  assert.ok(rename.body.errors.name);
  assert.equal((await acc('PATCH', `workspaces/${IDS.ws1}`, T.owner, { name: 'Alpha' })).status, 200, 'its own name is kept');
});
