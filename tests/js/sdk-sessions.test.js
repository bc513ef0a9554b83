// createClient({accountToken}) works on device sessions (docs/account-api.md): every workspace
// of the person opens with their own role, signing in again adds no credential, sign-out revokes
// the device's, and a refused credential holds edits (never "offline") until one works again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, createMemoryOutboxStorage } from '../../web/sdk/index.js';
import { ACCOUNT_TOKENS as T, IDS, startEmulator } from '../../server/emulator/test-harness.js';

let h;
before(async () => { h = await startEmulator(); });
after(() => h?.close());

const fast = { sleep: async () => {}, timeoutMs: 5000 };
// A fetch that remembers the workspace credentials it sent (the session tokens).
function recorder() {
  const rec = { bearers: new Set() };
  rec.fetch = async (url, init = {}) => {
    const auth = new Headers(init.headers).get('authorization') ?? '';
    if (auth.startsWith('Bearer tps_')) rec.bearers.add(auth.slice(7));
    return globalThis.fetch(url, init);
  };
  return rec;
}
const signIn = (token, extra = {}) => createClient({ baseUrl: h.base, accountToken: token, transport: fast, onlineEvents: new EventTarget(), ...extra });
const keyLists = async () => {
  const out = [];
  for (const ws of [IDS.ws1, IDS.ws2]) out.push((await h.api('GET', `account/workspaces/${ws}/api-keys`, { token: T.owner })).body);
  out.push((await h.api('GET', `account/workspaces/${IDS.ws1}/api-keys`, { token: T.admin })).body);
  return JSON.stringify(out);
};

test('each role opens every workspace it belongs to with its own role, and its permissions come from the core', async () => {
  const want = {
    owner: [[IDS.ws1, 'owner'], [IDS.ws2, 'owner']], admin: [[IDS.ws1, 'admin']], member: [[IDS.ws1, 'member']], viewer: [[IDS.ws1, 'viewer']],
  };
  for (const [role, expected] of Object.entries(want)) {
    const client = await signIn(T[role], { deviceId: `device-role-${role}` });
    const known = client.workspaces.known();
    assert.deepEqual(known.map((w) => [w.id, w.role]), expected, role);
    assert.ok(known.every((w) => w.has_key), `${role}: every workspace is open`);
    client.switchWorkspace(IDS.ws1);
    const table = client.permissionTable().matrix[role];
    assert.equal(client.can('manage_posts'), table.manage_posts);
    assert.equal(client.can('manage_api_keys'), table.manage_api_keys);
    // Reading works for everyone; writing only where the role allows (the core refuses first).
    assert.ok((await client.labels.list()).length >= 1);
    if (role === 'viewer') await assert.rejects(client.labels.create({ name: 'Nope', color: '#000000' }), (e) => e.status === 403);
    else assert.equal((await client.labels.create({ name: `By ${role}`, color: '#000000' })).name, `By ${role}`);
    await client.sessions.signOut();
    client.close();
  }
});

test('three sign-in/sign-out cycles leave every API key list as it was; signing in again on a device replaces its session', async () => {
  const before = await keyLists();
  const rec = recorder();
  for (let i = 0; i < 3; i++) {
    const client = await signIn(T.owner, { deviceId: 'device-cycles-0001', fetch: rec.fetch });
    await client.posts.refresh();
    const listed = (await client.sessions.list()).filter((s) => s.device_id === 'device-cycles-0001');
    assert.deepEqual(listed.map((s) => s.workspace_id).sort(), [IDS.ws1, IDS.ws2].sort(), 'one session per workspace for the device');
    assert.equal(await client.sessions.signOut(), true);
    client.close();
  }
  assert.equal(await keyLists(), before);
  assert.ok(rec.bearers.size >= 3);
  for (const token of rec.bearers) assert.equal((await h.api('GET', 'workspace', { token })).status, 401, 'signed out: refused');
  // Without signing out, a second sign-in on the same device still holds one session per workspace.
  const a = await signIn(T.admin, { deviceId: 'device-again-0001' });
  const b = await signIn(T.admin, { deviceId: 'device-again-0001' });
  assert.equal((await b.sessions.list()).filter((s) => s.device_id === 'device-again-0001').length, 1);
  // Two tabs of one browser (one device): the second sign-in does not stop the first.
  a.switchWorkspace(IDS.ws1);
  assert.ok((await a.labels.list()).length >= 1);
  assert.deepEqual(a.needsSignIn(), []);
  await b.sessions.signOut();
  a.close();
  b.close();
});

test('the device id is kept in Web Storage when none is given', async () => {
  const kept = new Map();
  const webStorage = { getItem: (k) => kept.get(k) ?? null, setItem: (k, v) => kept.set(k, v) };
  const a = await signIn(T.member, { webStorage });
  const b = await signIn(T.member, { webStorage });
  assert.equal(a.sessions.deviceId, b.sessions.deviceId);
  assert.equal([...kept.values()][0], a.sessions.deviceId);
  assert.equal((await b.sessions.list()).filter((s) => s.device_id === a.sessions.deviceId).length, 1);
  await b.sessions.signOut();
  a.close();
  b.close();
});

test('a revoked session holds a queued edit (never offline), says which workspace, and sends it after signing in again', async () => {
  const storage = createMemoryOutboxStorage();
  const first = await signIn(T.owner, { deviceId: 'device-revoke-01', outboxStorage: storage });
  first.switchWorkspace(IDS.ws1);
  const made = await (await first.posts.create({ content: 'to be edited', platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }] })).sent;
  assert.equal(made.ok, true);
  const post = { id: made.post_id };
  const events = [];
  first.onNetwork((e) => events.push(e));
  // Revoked elsewhere (another tab signed this device out).
  assert.equal((await h.api('DELETE', 'account/sessions/device-revoke-01', { token: T.owner })).status, 204);
  const when = `${new Date(Date.now() + 5 * 86400e3).toISOString().slice(0, 10)} 09:15:00`;
  const queued = await first.posts.schedule(post.id, when);
  await first.posts.flush(IDS.ws1);
  assert.equal(first.outbox.pending(IDS.ws1).length, 1, 'the edit waits');
  assert.deepEqual(first.outbox.problems(), []);
  assert.deepEqual(first.needsSignIn(), [IDS.ws1]);
  assert.ok(events.some((e) => e.kind === 'credential' && e.workspaceId === IDS.ws1));
  assert.equal(events.some((e) => e.kind === 'offline'), false);
  first.close();
  // A reload: the same device signs in again, with the same outbox storage.
  const second = await signIn(T.owner, { deviceId: 'device-revoke-01', outboxStorage: storage });
  await second.posts.flush(IDS.ws1);
  assert.equal(second.outbox.pending().length, 0);
  assert.deepEqual(second.outbox.problems(), []);
  const onServer = h.emulator.store.state.workspaces.find((w) => w.id === IDS.ws1).posts.find((p) => p.id === post.id);
  assert.deepEqual([onServer.status, new Date(onServer.scheduled_at).toISOString().slice(0, 19).replace('T', ' ')], ['scheduled', when]);
  void queued;
  await second.sessions.signOut();
  second.close();
});

test('a session that stops working is opened again on the same client with sessions.open()', async () => {
  const client = await signIn(T.member, { deviceId: 'device-reopen-01' });
  client.switchWorkspace(IDS.ws1);
  h.clock.advance(12 * 3600e3 + 5000); // idle past the sliding expiry
  await assert.rejects(client.labels.list(), (e) => e.status === 401);
  assert.deepEqual(client.needsSignIn(), [IDS.ws1]);
  assert.deepEqual(await client.sessions.open(), [IDS.ws1]);
  assert.deepEqual(client.needsSignIn(), []);
  assert.ok((await client.labels.list()).length >= 1);
  await client.sessions.signOut();
  client.close();
});

test('a new workspace works on the device session (no key is made), connects an account and schedules a post', async () => {
  const client = await signIn(T.owner, { deviceId: 'device-create-01' });
  const ws = await client.workspaces.create({ name: 'Fresh' });
  assert.equal(ws.has_key, true);
  client.switchWorkspace(ws.id);
  assert.deepEqual(await client.team.apiKeys.list(), []);
  const x = await client.socialAccounts.connect({ platform: 'x', displayName: 'Fresh on X', username: '@fresh' });
  assert.equal(x.is_active, true);
  const when = new Date(Date.now() + 3 * 86400e3).toISOString().slice(0, 10) + ' 10:00:00';
  const body = { content: 'First post', platforms: [{ social_account_id: x.id, content_type: 'x_post' }] };
  const created = await (await client.posts.create(body)).sent;
  assert.equal(created.ok, true, JSON.stringify(created));
  const sent = await (await client.posts.schedule(created.post_id, when)).sent;
  assert.equal(sent.ok, true, JSON.stringify(sent));
  const onServer = h.emulator.store.state.workspaces.find((w) => w.id === ws.id).posts;
  assert.deepEqual(onServer.map((p) => p.status), ['scheduled']);
  await client.sessions.signOut();
  client.close();
});

test('sessions: false keeps to keys; a server without the account API keeps working by key', async () => {
  const client = await signIn(T.owner, { sessions: false });
  assert.equal(client.sessions.deviceId, null);
  assert.ok(client.workspaces.known().every((w) => !w.has_key));
  client.close();
  const byKey = await createClient({ baseUrl: h.base, transport: fast, onlineEvents: new EventTarget() });
  const added = await byKey.addWorkspace({ apiKey: 'tp_test_viewer_key_00000000000000000000004' });
  assert.equal(added.id, IDS.ws1);
  byKey.close();
});
