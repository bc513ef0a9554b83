// client.sessions.end(deviceId): a person signs another of their devices out from here. Every
// session of that device ends (all workspaces), its queued edits stay on it and go out once it
// signs in again, a device already signed out answers false, and this device keeps signOut().
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, createMemoryOutboxStorage, ApiError } from '../../web/sdk/index.js';
import { ACCOUNT_TOKENS as T, IDS, startEmulator } from '../../server/emulator/test-harness.js';

let h;
before(async () => { h = await startEmulator(); });
after(() => h?.close());

const fast = { sleep: async () => {}, timeoutMs: 5000 };
const signIn = (token, extra = {}) => createClient({ baseUrl: h.base, accountToken: token, transport: fast, onlineEvents: new EventTarget(), ...extra });
const devicesOf = async (client) => [...new Set((await client.sessions.list()).map((s) => s.device_id))].sort();

test('ending another device signs it out of every workspace; its queued edit waits there and goes out after it signs in again', async () => {
  const here = await signIn(T.owner, { deviceId: 'device-here-0001', deviceName: 'Firefox on Linux' });
  const outbox = createMemoryOutboxStorage();
  const there = await signIn(T.owner, { deviceId: 'device-there-001', deviceName: 'Safari on iOS', outboxStorage: outbox });
  assert.equal(here.supports('device_sessions'), true);
  assert.deepEqual(await devicesOf(here), ['device-here-0001', 'device-there-001']);

  assert.equal(await here.sessions.end('device-there-001'), true);
  assert.deepEqual(await devicesOf(here), ['device-here-0001'], 'no session of that device is left, in any workspace');
  // This device keeps working.
  here.switchWorkspace(IDS.ws2);
  assert.ok(Array.isArray(await here.labels.list()));
  assert.deepEqual(here.needsSignIn(), []);

  // The other device's next edit is refused: it waits there and the workspace needs signing in again.
  there.switchWorkspace(IDS.ws1);
  const queued = await there.posts.create({ content: 'written on the phone', platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }] });
  await there.posts.flush(IDS.ws1);
  assert.deepEqual(there.needsSignIn(), [IDS.ws1]);
  assert.equal(there.outbox.pending(IDS.ws1).length, 1, 'the edit is kept on that device');
  assert.deepEqual(there.outbox.problems(), []);
  const posts = () => h.emulator.store.state.workspaces.find((w) => w.id === IDS.ws1).posts.filter((p) => p.content === 'written on the phone');
  assert.equal(posts().length, 0);
  // Signing in again there sends it.
  await there.sessions.open();
  await there.posts.flush(IDS.ws1);
  assert.equal((await queued.sent).ok, true);
  assert.equal(posts().length, 1);
  assert.equal(there.outbox.pending().length, 0);

  await here.sessions.signOut();
  await there.sessions.signOut();
  here.close();
  there.close();
});

test('a device already signed out answers false; this device is refused (signOut is its way) and keeps its sessions', async () => {
  const here = await signIn(T.viewer, { deviceId: 'device-viewer-01' });
  const there = await signIn(T.viewer, { deviceId: 'device-viewer-02' });
  // Any role may sign its own devices out.
  assert.equal(await here.sessions.end('device-viewer-02'), true);
  assert.equal(await here.sessions.end('device-viewer-02'), false, 'already signed out');
  assert.equal(await here.sessions.end('device-never-seen'), false);
  await assert.rejects(here.sessions.end('device-viewer-01'), (e) => e instanceof TypeError && /signOut/.test(e.message));
  await assert.rejects(here.sessions.end(''), TypeError);
  assert.deepEqual(await devicesOf(here), ['device-viewer-01']);
  // Another person's device is not theirs to end: the server finds no session of this person there.
  const other = await signIn(T.member, { deviceId: 'device-member-01' });
  assert.equal(await here.sessions.end('device-member-01'), false);
  assert.deepEqual(await devicesOf(other), ['device-member-01'], 'the member stays signed in');
  await here.sessions.signOut();
  await other.sessions.signOut();
  here.close();
  there.close();
  other.close();
});

test('no answer from the server rejects with a network ApiError and ends nothing; without sessions it is not offered', async () => {
  let cut = false;
  const fetch = async (url, init = {}) => {
    if (cut && (init.method ?? 'GET') === 'DELETE') throw new TypeError('fetch failed');
    return globalThis.fetch(url, init);
  };
  const here = await signIn(T.admin, { deviceId: 'device-admin-001', fetch });
  const there = await signIn(T.admin, { deviceId: 'device-admin-002' });
  cut = true;
  await assert.rejects(here.sessions.end('device-admin-002'), (e) => e instanceof ApiError && e.kind === 'network' && e.status === 0);
  assert.deepEqual(await devicesOf(here), ['device-admin-001', 'device-admin-002'], 'nothing ended');
  cut = false;
  assert.equal(await here.sessions.end('device-admin-002'), true);
  await here.sessions.signOut();
  here.close();
  there.close();

  const keysOnly = await signIn(T.owner, { sessions: false });
  assert.equal(keysOnly.supports('device_sessions'), false);
  await assert.rejects(keysOnly.sessions.end('device-admin-002'), TypeError);
  keysOnly.close();
});
