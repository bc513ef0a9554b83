// The workspace client through the real WASM core, against an in-test server that follows
// docs/account-api.md and the documented REST subset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, createMemoryKeyStorage, WorkspaceError } from '../../web/sdk/index.js';
import { createFakeServer } from './workspaces-fake-server.js';
import { loadCore } from '../../web/sdk/core.js';

const base = 'http://trypost.test';

async function accountClient(options = {}) {
  const server = createFakeServer(options);
  const client = await createClient({ baseUrl: base, accountToken: server.accountToken, fetch: server.fetch, ...options });
  return { server, client };
}

function assertNoSecret(value, secrets) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const s of secrets) assert.equal(text.includes(s), false, 'a secret leaked');
}

test('create: the new workspace is active on return, the creator is its owner', async () => {
  const { server, client } = await accountClient();
  assert.equal(client.supports('workspace_lifecycle'), true);
  const seen = [];
  const unsubscribe = client.subscribe((state) => seen.push(state.active?.name));
  const a = await client.workspaces.create({ name: '  Client A  ' });
  assert.equal(a.name, 'Client A');
  assert.equal(client.activeWorkspace.id, a.id);
  assert.equal(client.activeWorkspace.role, 'owner');
  assert.equal(client.can('delete_workspace'), true);
  assert.ok(seen.includes('Client A'));
  const b = await client.workspaces.create({ name: 'Client B' });
  assert.equal(client.activeWorkspace.id, b.id);
  assert.deepEqual((await client.workspaces.list()).map((w) => w.name).sort(), ['Client A', 'Client B']);
  unsubscribe();
  const count = seen.length;
  client.switchWorkspace(a.id);
  assert.equal(seen.length, count, 'an unsubscribed listener is not called');
  // The create request carried the account token, never a workspace key.
  const create = server.log.find((r) => r.method === 'POST' && r.path === '/api/account/workspaces');
  assert.equal(create.auth, `Bearer ${server.accountToken}`);
  client.close();
});

test('create: an invalid name is refused by the core before anything is sent', async () => {
  const { server, client } = await accountClient();
  const before = server.log.length;
  for (const name of ['', '   ', 'x'.repeat(256)]) {
    await assert.rejects(client.workspaces.create({ name }), (e) => {
      assert.ok(e instanceof WorkspaceError);
      assert.equal(e.status, 422);
      assert.ok(e.errors.name.length === 1);
      return true;
    });
  }
  assert.equal(server.log.length, before);
  assert.equal((await client.workspaces.create({ name: 'é'.repeat(255) })).name.length, 255);
  client.close();
});

test('addWorkspace resolves the workspace with GET /api/workspace using that key', async () => {
  const server = createFakeServer({ accountApi: false });
  const { key } = server.addWorkspace({ name: 'Keyed', posts: 3 });
  const client = await createClient({ baseUrl: `${base}/api/`, fetch: server.fetch });
  const ws = await client.addWorkspace({ apiKey: key });
  assert.equal(ws.name, 'Keyed');
  assert.equal(ws.role, 'admin');
  assert.deepEqual(server.log.at(-1), { method: 'GET', path: '/api/workspace', auth: `Bearer ${key}` });
  assert.equal(client.activeWorkspace.id, ws.id);
  await assert.rejects(client.addWorkspace({ apiKey: 'tp_wrong' }), (e) => e.status === 401 && !e.message.includes('tp_wrong'));
  client.close();
});

test('posts.refresh walks every page of GET /api/posts (15 per page) for the active workspace', async () => {
  const server = createFakeServer({ accountApi: false });
  const { key } = server.addWorkspace({ name: 'Forty', posts: 40 });
  const client = await createClient({ baseUrl: base, fetch: server.fetch });
  await client.addWorkspace({ apiKey: key });
  const posts = await client.posts.refresh();
  assert.equal(posts.length, 40);
  assert.deepEqual(server.log.filter((r) => r.path.startsWith('/api/posts')).map((r) => r.path), [
    '/api/posts?page=1', '/api/posts?page=2', '/api/posts?page=3',
  ]);
  assert.equal(client.posts.list(), client.posts.list(), 'an unchanged list is not re-read');
  assert.equal(client.activeWorkspace.counts.posts, 40);
  client.close();
});

test('posts.refresh fetches pages after the first in parallel, at most `concurrency` at once, in any order', async () => {
  const server = createFakeServer({ accountApi: false });
  const { key } = server.addWorkspace({ name: 'Many', posts: 200 }); // 14 pages
  let inFlight = 0;
  let most = 0;
  let n = 0;
  // Later pages answer first: each answer waits longer the earlier its page is.
  const fetch = async (input, init) => {
    const page = Number(new URL(input).searchParams.get('page') ?? 0);
    inFlight++;
    most = Math.max(most, inFlight);
    try {
      const res = await server.fetch(input, init);
      if (page > 1) await new Promise((r) => setTimeout(r, (20 - page) * 3 + (n++ % 3)));
      return res;
    } finally {
      inFlight--;
    }
  };
  const client = await createClient({ baseUrl: base, fetch });
  await client.addWorkspace({ apiKey: key });
  const posts = await client.posts.refresh({ concurrency: 4 });
  assert.equal(posts.length, 200);
  assert.equal(new Set(posts.map((p) => p.id)).size, 200);
  assert.equal(most, 4);
  const pages = server.log.filter((r) => r.path.startsWith('/api/posts')).map((r) => Number(r.path.split('=')[1]));
  assert.deepEqual([...pages].sort((a, b) => a - b), Array.from({ length: 14 }, (_, i) => i + 1));
  // The same list, in the same order, as a one-at-a-time walk.
  const again = await client.posts.refresh({ concurrency: 1 });
  assert.deepEqual(again.map((p) => p.id), posts.map((p) => p.id));
  client.close();
});

test('switching swaps the whole view; an answer that arrives after a switch lands in its own workspace', async () => {
  const server = createFakeServer({ accountApi: false });
  const a = server.addWorkspace({ name: 'A', posts: 20 });
  const b = server.addWorkspace({ name: 'B', posts: 2 });
  const client = await createClient({ baseUrl: base, fetch: server.fetch });
  const wa = await client.addWorkspace({ apiKey: a.key });
  const wb = await client.addWorkspace({ apiKey: b.key });
  client.switchWorkspace(wb.id);
  await client.posts.refresh();
  client.switchWorkspace(wa.id);
  server.hold();
  const pending = client.posts.refresh(); // begun for A
  client.switchWorkspace(wb.id); // the user moves on
  server.release();
  const aPosts = await pending;
  assert.equal(aPosts.length, 20);
  assert.ok(aPosts.every((p) => p.id.startsWith(`${wa.id}-`)));
  assert.equal(client.activeWorkspace.id, wb.id);
  const bPosts = client.posts.list();
  assert.equal(bPosts.length, 2);
  assert.ok(bPosts.every((p) => p.id.startsWith(`${wb.id}-`)));
  // Every posts request carried the key of the workspace it was begun for.
  for (const r of server.log.filter((x) => x.path.startsWith('/api/posts'))) assert.ok(r.auth === `Bearer ${a.key}` || r.auth === `Bearer ${b.key}`);
  assert.equal(server.log.filter((x) => x.path.startsWith('/api/posts') && x.auth === `Bearer ${b.key}`).length, 1);
  assert.throws(() => client.switchWorkspace('ws-nope'), (e) => e instanceof WorkspaceError && e.status === 404);
  client.close();
});

test('delete: owner only, exact name, removes everything, and a late answer is dropped', async () => {
  const { server, client } = await accountClient();
  const keep = await client.workspaces.create({ name: 'Keep' });
  const doomed = await client.workspaces.create({ name: 'Client B' });
  server.workspaces.get(doomed.id).posts = 30;
  await client.posts.refresh();
  for (const confirmName of ['client b', 'Client B ', undefined]) {
    const sent = server.log.length;
    await assert.rejects(client.workspaces.remove(doomed.id, { confirmName }), (e) => e.status === 422 && e.errors.confirm_name?.length === 1);
    assert.equal(server.log.length, sent, 'nothing was sent');
  }
  server.hold(1); // the refresh's first page stays in flight
  const late = client.posts.refresh();
  await client.workspaces.remove(doomed.id, { confirmName: 'Client B' });
  server.release(); // ...and arrives after the workspace is gone
  const result = await late;
  assert.deepEqual(result, []);
  assert.equal(client.activeWorkspace.id, keep.id);
  assert.deepEqual((await client.workspaces.list()).map((w) => w.id), [keep.id]);
  assert.equal(client.posts.list().length, 0);
  client.close();
});

test('rename, logo and brand go through the account API; validation answers in the API shape first', async () => {
  const { server, client } = await accountClient();
  const ws = await client.workspaces.create({ name: 'Acme' });
  const updated = await client.workspaces.update(ws.id, {
    name: 'Acme Studio', logo: 'https://cdn.example.com/acme.png', brand: { tone: 'bold', primary_color: '#FF5500', font: 'Poppins' },
  });
  assert.equal(updated.name, 'Acme Studio');
  assert.equal(updated.logo_url, 'https://cdn.example.com/acme.png');
  assert.equal(updated.brand.tone, 'bold');
  assert.equal(updated.brand.image_style, 'cinematic');
  const put = server.log.find((r) => r.method === 'PUT');
  assert.equal(put.path, `/api/account/workspaces/${ws.id}/brand`);
  const sent = server.log.length;
  await assert.rejects(client.workspaces.update(ws.id, { brand: { tone: 'angry', text_color: 'black', content_language: 'fr' } }), (e) => {
    assert.deepEqual(Object.keys(e.errors).sort(), ['content_language', 'text_color', 'tone']);
    assert.match(e.message, /\(and 2 more errors\)$/);
    return true;
  });
  assert.equal(server.log.length, sent);
  client.close();
});

test('roles come from the one table in the core; a user holds different roles in different workspaces', async () => {
  const server = createFakeServer();
  server.addWorkspace({ name: 'Viewing', role: 'viewer' });
  server.addWorkspace({ name: 'Admin here', role: 'admin' });
  const client = await createClient({ baseUrl: base, accountToken: server.accountToken, fetch: server.fetch });
  const list = await client.workspaces.list();
  const viewer = list.find((w) => w.name === 'Viewing');
  const admin = list.find((w) => w.name === 'Admin here');
  client.switchWorkspace(viewer.id);
  assert.equal(client.can('view_posts'), true);
  assert.equal(client.can('comment'), true);
  assert.equal(client.can('manage_posts'), false);
  assert.equal(client.can('manage_settings'), false);
  await assert.rejects(client.workspaces.update(viewer.id, { name: 'x' }), (e) => e.status === 403);
  client.switchWorkspace(admin.id);
  assert.equal(client.can('manage_team'), true);
  assert.equal(client.can('billing'), false);
  assert.equal(client.can('delete_workspace'), false);
  assert.equal(client.can('no_such_action'), false);
  const table = client.permissionTable();
  assert.equal(table.actions.length, 14);
  assert.equal(table.matrix.member.manage_labels, true);
  client.close();
});

test('without the account API: lifecycle is unsupported with a clear error; switching and scoped calls work', async () => {
  const server = createFakeServer({ accountApi: false });
  const a = server.addWorkspace({ name: 'A', posts: 16 });
  const b = server.addWorkspace({ name: 'B', posts: 1 });
  const client = await createClient({ baseUrl: base, accountToken: 'some-session', fetch: server.fetch });
  assert.equal(client.supports('workspace_lifecycle'), false);
  await assert.rejects(client.workspaces.create({ name: 'New' }), (e) => e.status === 501 && /not supported by this server/.test(e.message));
  const wa = await client.addWorkspace({ apiKey: a.key });
  await client.addWorkspace({ apiKey: b.key });
  await assert.rejects(client.workspaces.remove(wa.id, { confirmName: 'A' }), /not supported by this server/);
  await assert.rejects(client.workspaces.update(wa.id, { name: 'A2' }), /not supported by this server/);
  client.switchWorkspace(wa.id);
  assert.equal((await client.posts.refresh()).length, 16);
  client.close();
});

test('a post cannot be moved or copied into another workspace', async () => {
  const server = createFakeServer({ accountApi: false });
  const a = server.addWorkspace({ name: 'A', posts: 2 });
  const b = server.addWorkspace({ name: 'B' });
  const client = await createClient({ baseUrl: base, fetch: server.fetch });
  await client.addWorkspace({ apiKey: a.key });
  const wb = await client.addWorkspace({ apiKey: b.key });
  const [first] = await client.posts.refresh();
  await assert.rejects(client.posts.moveTo(first.id, wb.id), (e) => e.status === 422 && /cannot be moved or copied/.test(e.message));
  client.close();
});

test('keys stay out of summaries, lists, posts, errors and the console; memory storage by default', async () => {
  const calls = [];
  const original = { log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug };
  for (const k of Object.keys(original)) console[k] = (...args) => calls.push(args);
  try {
    const { server, client } = await accountClient();
    const ws = await client.workspaces.create({ name: 'Secretive' });
    server.workspaces.get(ws.id).posts = 5;
    const extra = server.addWorkspace({ name: 'Keyed', posts: 1 });
    await client.addWorkspace({ apiKey: extra.key });
    client.switchWorkspace(ws.id);
    const posts = await client.posts.refresh();
    const members = await client.workspaces.members(ws.id);
    assert.equal(members[0].role, 'owner');
    const errors = [];
    for (const attempt of [
      () => client.workspaces.remove(ws.id, { confirmName: 'nope' }),
      () => client.addWorkspace({ apiKey: `${extra.key}x` }),
      () => client.workspaces.update(ws.id, { brand: { website: 'not a url' } }),
    ]) await attempt().catch((e) => errors.push(`${e.message} ${JSON.stringify(e.errors)} ${e.stack}`));
    assert.equal(errors.length, 3);
    const secrets = [...server.keys.keys(), server.accountToken];
    assertNoSecret([client.activeWorkspace, await client.workspaces.list(), posts, members, errors, client.permissionTable()], secrets);
    assert.deepEqual(calls, []);
  } finally {
    Object.assign(console, original);
  }
});

test('keys held by a storage are restored at start; a key the server refuses is forgotten', async () => {
  const server = createFakeServer({ accountApi: false });
  const a = server.addWorkspace({ name: 'Remembered', posts: 1 });
  const storage = createMemoryKeyStorage();
  await storage.save('ws-001', a.key);
  await storage.save('ws-gone', 'tp_revoked');
  const client = await createClient({ baseUrl: base, fetch: server.fetch, storage });
  assert.equal(client.activeWorkspace.name, 'Remembered');
  assert.deepEqual((await storage.load()).map((e) => e.workspaceId), ['ws-001']);
  client.close();
});

test('after sign-in a listed workspace is active; one without a key gets one through the account API', async () => {
  const server = createFakeServer();
  const listed = server.addWorkspace({ name: 'Made elsewhere', posts: 17 });
  const storage = createMemoryKeyStorage();
  const client = await createClient({ baseUrl: base, accountToken: server.accountToken, fetch: server.fetch, storage });
  assert.equal(client.activeWorkspace.id, listed.id);
  assert.equal(client.activeWorkspace.has_key, false);
  await assert.rejects(client.posts.refresh(), (e) => e.status === 401 && /no API key/.test(e.message));
  const ws = await client.workspaces.issueKey(listed.id);
  assert.equal(ws.has_key, true);
  assert.equal((await client.posts.refresh()).length, 17);
  const [saved] = await storage.load();
  assert.equal(server.keys.get(saved.key), listed.id);
  assertNoSecret([ws, client.activeWorkspace], [saved.key]);
  client.close();
});

test('a refresh whose workspace is deleted between two pages ends quietly with nothing shown', async () => {
  const { server, client } = await accountClient();
  const keep = await client.workspaces.create({ name: 'Keep' });
  const doomed = await client.workspaces.create({ name: 'Doomed' });
  server.workspaces.get(doomed.id).posts = 40;
  server.hold(1, (path) => path === '/api/posts?page=2'); // page 1 lands, page 2 stays in flight
  const walk = client.posts.refresh();
  while (!server.log.some((r) => r.path === '/api/posts?page=2')) await new Promise((r) => setTimeout(r, 1));
  await client.workspaces.remove(doomed.id, { confirmName: 'Doomed' });
  server.release();
  assert.deepEqual(await walk, []);
  assert.equal(client.activeWorkspace.id, keep.id);
  client.close();
});

test('two refreshes of one workspace: the newer walk wins, the older one ends quietly', async () => {
  const server = createFakeServer({ accountApi: false });
  const a = server.addWorkspace({ name: 'A', posts: 31 });
  const client = await createClient({ baseUrl: base, fetch: server.fetch });
  await client.addWorkspace({ apiKey: a.key });
  const [older, newer] = await Promise.all([client.posts.refresh(), client.posts.refresh()]);
  assert.equal(newer.length, 31);
  assert.ok(older.length === 0 || older.length === 31);
  assert.equal(client.posts.list().length, 31);
  client.close();
});

test('schedule and publish now send the status the core names for each action', async () => {
  const core = await loadCore();
  let asked = 0;
  const counting = Object.create(core, { describePostActions: { value: (text) => { asked++; return core.describePostActions(text); } } });
  const { client } = await accountClient({ core: counting });
  await client.workspaces.create({ name: 'Client A' });
  const scheduled = await client.posts.schedule('p1', '2026-12-24 09:00:00', { content: 'later' });
  assert.deepEqual(scheduled.entry.body, { content: 'later', status: 'scheduled', scheduled_at: '2026-12-24 09:00:00' });
  const now = await client.posts.publishNow('p2');
  assert.equal(now.entry.body.status, 'publishing');
  assert.equal(asked, 2);
  await client.outbox.idle();
  client.close();
});
