// The SDK's resource calls (web/sdk/resources.js) against the emulator: each call's happy path,
// a 422 with its field path, 403 for a Viewer, 404 for another workspace's id, and the rule that
// a call carries the key of the workspace that made it even when the user switches meanwhile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createClient, ApiError } from '../../web/sdk/index.js';
import { startEmulator, IDS, TOKENS, ACCOUNT_TOKENS } from '../../server/emulator/test-harness.js';

let h;
let post; // a draft in Alpha (ws1) on X and LinkedIn
let photo;
before(async () => {
  h = await startEmulator();
  photo = await readFile(new URL('../../server/fixtures/media/photo.jpg', import.meta.url));
  const r = await h.api('POST', 'posts', {
    body: { content: 'resources test', platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }, { social_account_id: IDS.linkedin, content_type: 'linkedin_post' }] },
  });
  assert.equal(r.status, 201);
  post = r.body.id;
});
after(() => h?.close());

// A client holding keys; `seen` records the Authorization of every request that left.
async function keyed(keys, options = {}) {
  const seen = [];
  const gate = { hold: null };
  const fetch = async (url, init = {}) => {
    const headers = new Headers(init.headers);
    seen.push({ url: String(url), method: init.method ?? 'GET', auth: headers.get('authorization') });
    if (gate.hold) await gate.hold;
    return globalThis.fetch(url, init);
  };
  const client = await createClient({ baseUrl: h.base, fetch, ...options });
  for (const k of keys) await client.addWorkspace({ apiKey: k });
  return { client, seen, gate };
}

const rejectsWith = (promise, check) =>
  assert.rejects(promise, (e) => {
    assert.ok(e instanceof ApiError, `expected ApiError, got ${e?.name}: ${e?.message}`);
    check(e);
    return true;
  });

test('labels: list, create, update, delete; the core checks the body first', async () => {
  const { client, seen } = await keyed([TOKENS.owner]);
  assert.deepEqual((await client.labels.list()).map((l) => l.id), [IDS.label1]);
  const made = await client.labels.create({ name: 'Sale', color: '#ff0000' });
  assert.equal(made.name, 'Sale');
  assert.ok(seen.at(-1).url.endsWith('/api/labels') && seen.at(-1).method === 'POST');
  const changed = await client.labels.update(made.id, { name: 'Sale 2', color: '#00ff00' });
  assert.equal(changed.color, '#00ff00');
  assert.equal(await client.labels.delete(made.id), null);
  assert.ok(!(await client.labels.list()).some((l) => l.id === made.id));
  // 422 by the core's rule, before anything leaves; the same field path the server uses.
  const before = seen.length;
  await rejectsWith(client.labels.create({ name: 'x', color: 'red' }), (e) => {
    assert.equal(e.status, 422);
    assert.equal(e.kind, 'validation');
    assert.deepEqual(e.fields, ['color']);
    assert.equal(e.local, true);
  });
  await rejectsWith(client.labels.update(IDS.label1, { name: 'only a name' }), (e) => assert.deepEqual(e.fields, ['color']));
  assert.equal(seen.length, before);
  // The server's 422 reads the same way: a boundary the client does not check (name 255 passes, 256 fails).
  const long = await client.labels.create({ name: 'n'.repeat(255), color: '#000000' });
  await client.labels.delete(long.id);
  await rejectsWith(client.labels.create({ name: 'n'.repeat(256), color: '#000000' }), (e) => {
    assert.equal(e.status, 422);
    assert.deepEqual(e.fields, ['name']);
  });
  // Another workspace's label is not found from here.
  await rejectsWith(client.labels.update(IDS.ws2label, { name: 'x', color: '#000000' }), (e) => assert.equal(e.kind, 'not_found'));
  await rejectsWith(client.labels.delete(IDS.ws2label), (e) => assert.equal(e.status, 404));
  client.close();
});

test('signatures: list, create, update, delete, with 422 field paths and 404 across workspaces', async () => {
  const { client } = await keyed([TOKENS.owner]);
  assert.deepEqual((await client.signatures.list()).map((s) => s.id), [IDS.sig1]);
  const made = await client.signatures.create({ name: 'Cheers', content: '— the team' });
  assert.equal((await client.signatures.update(made.id, { name: 'Cheers', content: 'bye' })).content, 'bye');
  assert.equal(await client.signatures.delete(made.id), null);
  await rejectsWith(client.signatures.create({ name: 'no content' }), (e) => {
    assert.equal(e.status, 422);
    assert.deepEqual(e.fields, ['content']);
  });
  await rejectsWith(client.signatures.update(IDS.ws2sig, { name: 'x', content: 'y' }), (e) => assert.equal(e.status, 404));
  client.close();
});

test('social accounts: list, toggle (twice), Pinterest boards, Discord channels; wrong platform is a 422', async () => {
  const { client } = await keyed([TOKENS.owner]);
  const list = await client.socialAccounts.list();
  assert.ok(list.some((a) => a.id === IDS.pinterest));
  const off = await client.socialAccounts.toggle(IDS.facebook);
  assert.equal(off.is_active, false);
  assert.equal((await client.socialAccounts.toggle(IDS.facebook)).is_active, true);
  const boards = await client.socialAccounts.boards(IDS.pinterest);
  assert.deepEqual(boards.boards, [{ id: '1234567890123456789', name: 'Ideas' }]);
  assert.equal(typeof boards.truncated, 'boolean');
  const channels = await client.socialAccounts.channels(IDS.discord);
  assert.ok(Array.isArray(channels.channels));
  await rejectsWith(client.socialAccounts.boards(IDS.x), (e) => {
    assert.equal(e.status, 422);
    assert.equal(e.kind, 'validation');
  });
  await rejectsWith(client.socialAccounts.channels(IDS.x), (e) => assert.equal(e.status, 422));
  await rejectsWith(client.socialAccounts.toggle(IDS.ws2x), (e) => {
    assert.equal(e.status, 404);
    assert.equal(e.message, 'Account not found.');
  });
  client.close();
});

test('media by URL: progress queued, sending, done; partial success; 422 names urls.N.url', async () => {
  const { client } = await keyed([TOKENS.owner]);
  const stages = [];
  const out = await client.media.attachFromUrl(post, [{ url: `${h.base}/fixtures/media/photo.jpg`, alt: 'A photo' }, `${h.base}/fixtures/media/notes.txt`], {
    onProgress: (p) => stages.push(p.stage),
  });
  assert.deepEqual(stages, ['queued', 'sending', 'done']);
  assert.equal(out.attached_count, 1);
  assert.deepEqual(out.failed_urls, [`${h.base}/fixtures/media/notes.txt`]);
  assert.equal(out.post.media.at(-1).meta.alt_text, 'A photo');
  const failed = [];
  await rejectsWith(client.media.attachFromUrl(post, ['not a url'], { onProgress: (p) => failed.push(p) }), (e) => {
    assert.equal(e.status, 422);
    assert.deepEqual(e.fields, ['urls.0.url']);
  });
  assert.deepEqual(failed.map((p) => p.stage), ['queued', 'sending', 'failed']);
  assert.ok(failed.at(-1).error instanceof ApiError);
  // 10 URLs pass the count rule, 11 do not.
  const eleven = Array.from({ length: 11 }, () => `${h.base}/fixtures/media/notes.txt`);
  await rejectsWith(client.media.attachFromUrl(post, eleven), (e) => assert.deepEqual(e.fields, ['urls']));
  assert.equal((await client.media.attachFromUrl(post, eleven.slice(1))).failed_urls.length, 10);
  await rejectsWith(client.media.attachFromUrl(IDS.ws2post, [`${h.base}/fixtures/media/photo.jpg`]), (e) => assert.equal(e.status, 404));
  client.close();
});

test('media upload: streamed bytes report real progress; the FormData path reports stages', async () => {
  const { client } = await keyed([TOKENS.owner]);
  const file = new Blob([photo], { type: 'image/jpeg' });
  const seen = [];
  const updated = await client.media.upload(post, file, { filename: 'photo.jpg', streaming: true, onProgress: (p) => seen.push(p) });
  assert.ok(updated.media.some((m) => m.original_filename === 'photo.jpg'));
  assert.equal(seen[0].stage, 'queued');
  assert.equal(seen.at(-1).stage, 'done');
  const sending = seen.filter((p) => p.stage === 'sending').map((p) => p.loaded);
  assert.ok(sending.length >= 2, 'several progress reports while the body streams');
  assert.deepEqual(sending, [...sending].sort((a, b) => a - b), 'loaded only grows');
  assert.equal(sending.at(-1), photo.length);
  assert.equal(seen.at(-1).loaded, seen.at(-1).total);

  const staged = [];
  await client.media.upload(post, file, { filename: 'again.jpg', streaming: false, onProgress: (p) => staged.push(p.stage) });
  assert.deepEqual(staged, ['queued', 'sending', 'done']);
  // A text file is refused with the server's media field.
  await rejectsWith(client.media.upload(post, new Blob(['hello'], { type: 'text/plain' }), { filename: 'notes.txt' }), (e) => {
    assert.equal(e.status, 422);
    assert.deepEqual(e.fields, ['media']);
  });
  await rejectsWith(client.media.upload(IDS.ws2post, file), (e) => assert.equal(e.status, 404));
  client.close();
});

test('media from the asset library; preview; metrics; get', async () => {
  const { client } = await keyed([TOKENS.owner]);
  const withAsset = await client.media.attachAsset(post, IDS.asset1);
  assert.ok(withAsset.media.some((m) => m.id === IDS.asset1));
  await rejectsWith(client.media.attachAsset(post, IDS.ws2asset), (e) => {
    assert.equal(e.status, 422);
    assert.deepEqual(e.fields, ['asset_id']);
  });
  const preview = await client.posts.preview(post);
  assert.equal(preview.post_id, post);
  assert.deepEqual(preview.platforms.map((p) => p.max_content_length).sort((a, b) => a - b), [280, 3000]);
  const metrics = await client.posts.metrics(post);
  assert.equal(metrics.post_id, post);
  assert.ok(metrics.platforms.every((p) => p.metrics.unsupported === true));
  assert.equal((await client.posts.get(post)).id, post);
  for (const call of [client.posts.preview, client.posts.metrics, client.posts.get]) {
    await rejectsWith(call(IDS.ws2post), (e) => assert.equal(e.kind, 'not_found'));
  }
  client.close();
});

test('API keys: list, create (the plain key once, never kept), delete; 422 on the name', async () => {
  const { client, seen } = await keyed([TOKENS.owner]);
  const before = await client.apiKeys.list();
  assert.ok(before.every((k) => !('plain_token' in k) && !('token' in k)));
  const made = await client.apiKeys.create({ name: 'CI', expiresAt: '2099-12-31' });
  assert.equal(typeof made.plain_token, 'string');
  assert.equal(made.token.name, 'CI');
  // The new key works on its own, and the SDK kept no copy of it anywhere it can be read.
  assert.equal((await h.api('GET', 'workspace', { token: made.plain_token })).status, 200);
  const visible = JSON.stringify([client.activeWorkspace, client.permissionTable(), client.posts.list(), client.outbox.pending(), seen]);
  assert.equal(visible.includes(made.plain_token), false);
  assert.ok((await client.apiKeys.list()).some((k) => k.id === made.token.id));
  assert.equal(await client.apiKeys.delete(made.token.id), null);
  assert.equal((await h.api('GET', 'workspace', { token: made.plain_token })).status, 401);
  await rejectsWith(client.apiKeys.create({ name: '' }), (e) => {
    assert.equal(e.status, 422);
    assert.deepEqual(e.fields, ['name']);
  });
  client.close();
});

test('content types: the 14 platform rows', async () => {
  const { client } = await keyed([TOKENS.viewer]);
  const ct = await client.contentTypes.list();
  assert.equal(ct.platforms.length, 14);
  client.close();
});

test('a Viewer is refused every write with 403 forbidden (server-side when only a key is known)', async () => {
  const { client } = await keyed([TOKENS.viewer]);
  const calls = [
    () => client.labels.create({ name: 'v', color: '#000000' }),
    () => client.labels.update(IDS.label1, { name: 'v', color: '#000000' }),
    () => client.labels.delete(IDS.label1),
    () => client.signatures.create({ name: 'v', content: 'v' }),
    () => client.signatures.delete(IDS.sig1),
    () => client.socialAccounts.toggle(IDS.x),
    () => client.socialAccounts.boards(IDS.pinterest),
    () => client.socialAccounts.channels(IDS.discord),
    () => client.media.attachFromUrl(post, [`${h.base}/fixtures/media/photo.jpg`]),
    () => client.media.upload(post, new Blob([photo], { type: 'image/jpeg' })),
    () => client.media.attachAsset(post, IDS.asset1),
    () => client.apiKeys.create({ name: 'v' }),
  ];
  for (const call of calls) {
    await rejectsWith(call(), (e) => {
      assert.equal(e.status, 403);
      assert.equal(e.kind, 'forbidden');
    });
  }
  // Reading is allowed.
  assert.ok((await client.labels.list()).length >= 1);
  assert.ok((await client.posts.preview(post)).platforms.length === 2);
  client.close();
});

test('with the account API, a Viewer is refused by the core before anything is sent', async () => {
  const { client, seen } = await keyed([TOKENS.viewer], { accountToken: ACCOUNT_TOKENS.viewer });
  client.switchWorkspace(IDS.ws1);
  assert.equal(client.activeWorkspace.role, 'viewer');
  const before = seen.length;
  for (const call of [() => client.labels.create({ name: 'v', color: '#000000' }), () => client.team.invite({ email: 'x@y.z', role: 'member' }), () => client.apiKeys.list()]) {
    await rejectsWith(call(), (e) => {
      assert.equal(e.status, 403);
      assert.equal(e.local, true);
    });
  }
  assert.equal(seen.length, before);
  assert.ok((await client.team.list()).members.length >= 4);
  client.close();
});

test('team and invites through the account API: invite, cancel, role, 422 paths, accept and decline', async () => {
  const { client } = await keyed([], { accountToken: ACCOUNT_TOKENS.owner });
  client.switchWorkspace(IDS.ws1);
  const inv = await client.team.invite({ email: 'outsider@test.example', role: 'member' });
  assert.equal(inv.status, 'pending');
  await rejectsWith(client.team.invite({ email: 'not-an-email', role: 'member' }), (e) => assert.deepEqual(e.fields, ['email']));
  await rejectsWith(client.team.invite({ email: 'a@b.example', role: 'owner' }), (e) => assert.deepEqual(e.fields, ['role']));
  await rejectsWith(client.team.invite({ email: 'outsider@test.example', role: 'viewer' }), (e) => assert.equal(e.status, 422));
  const second = await client.team.invite({ email: 'someone@test.example', role: 'viewer' });
  assert.equal(await client.team.cancelInvite(second.id), null);
  const member = (await client.team.list()).members.find((m) => m.role === 'member');
  assert.equal((await client.team.updateRole(member.user_id, 'viewer')).role, 'viewer');
  await client.team.updateRole(member.user_id, 'member');
  // The invitee's own session accepts; a second answer to the same invite is refused.
  const outsider = await createClient({ baseUrl: h.base, accountToken: ACCOUNT_TOKENS.outsider });
  const joined = await outsider.invites.accept(inv.id);
  assert.equal(joined.id, IDS.ws1);
  assert.equal(joined.role, 'member');
  await rejectsWith(outsider.invites.decline(inv.id), (e) => assert.equal(e.status, 422));
  const third = await client.in(IDS.ws2).team.invite({ email: 'outsider@test.example', role: 'admin' });
  assert.equal(await outsider.invites.decline(third.id), null);
  assert.ok(!(await client.in(IDS.ws2).team.list()).members.some((m) => m.email === 'outsider@test.example'));
  // Team keys of the account API, for this workspace.
  const key = await client.team.apiKeys.create({ name: 'team CI' });
  assert.ok((await client.team.apiKeys.list()).some((k) => k.id === key.token.id));
  await client.team.apiKeys.delete(key.token.id);
  outsider.close();
  client.close();
});

test('without an account API the account calls say "unsupported" and send nothing', async () => {
  const { client, seen } = await keyed([TOKENS.owner]);
  const before = seen.length;
  await rejectsWith(client.team.list(), (e) => {
    assert.equal(e.kind, 'unsupported');
    assert.equal(e.local, true);
  });
  assert.equal(seen.length, before);
  client.close();
});

test('every call carries the key of the workspace that made it, even after a switch', async () => {
  const { client, seen, gate } = await keyed([TOKENS.owner, TOKENS.ws2]);
  const a = IDS.ws1;
  const b = IDS.ws2;
  const calls = {
    'labels.list': () => client.labels.list(),
    'labels.create': () => client.labels.create({ name: 'switch', color: '#123456' }),
    'signatures.list': () => client.signatures.list(),
    'socialAccounts.list': () => client.socialAccounts.list(),
    'socialAccounts.boards': () => client.socialAccounts.boards(IDS.pinterest),
    'media.attachFromUrl': () => client.media.attachFromUrl(post, [`${h.base}/fixtures/media/photo.jpg`]),
    'media.upload': () => client.media.upload(post, new Blob([photo], { type: 'image/jpeg' }), { filename: 's.jpg' }),
    'posts.preview': () => client.posts.preview(post),
    'posts.metrics': () => client.posts.metrics(post),
    'apiKeys.list': () => client.apiKeys.list(),
    'contentTypes.list': () => client.contentTypes.list(),
  };
  for (const [name, call] of Object.entries(calls)) {
    client.switchWorkspace(a);
    let release;
    gate.hold = new Promise((r) => (release = r));
    const from = seen.length;
    const pending = call();
    client.switchWorkspace(b); // the user moves on while the request is in flight
    await new Promise((r) => setTimeout(r, 5));
    release();
    gate.hold = null;
    const out = await pending;
    assert.ok(out, `${name} answered`);
    const sent = seen.slice(from);
    assert.ok(sent.length >= 1, `${name} sent a request`);
    for (const s of sent) assert.equal(s.auth, `Bearer ${TOKENS.owner}`, `${name} used the key of Alpha`);
    assert.equal(client.activeWorkspace.id, b);
  }
  // The labels it listed are Alpha's, not Beta's.
  client.switchWorkspace(a);
  const p = client.labels.list();
  client.switchWorkspace(b);
  assert.ok((await p).every((l) => l.id !== IDS.ws2label));
  // client.in(id) names a workspace explicitly.
  assert.deepEqual((await client.in(b).labels.list()).map((l) => l.id), [IDS.ws2label]);
  assert.equal(seen.at(-1).auth, `Bearer ${TOKENS.ws2}`);
  client.close();
});

test('no key for the workspace: a typed 401 before anything is sent; a revoked key reads key_invalid', async () => {
  // Listed by the account API, but neither a key nor a session (sessions: false) to reach it.
  const { client, seen } = await keyed([], { accountToken: ACCOUNT_TOKENS.member, sessions: false });
  client.switchWorkspace(IDS.ws1);
  const before = seen.length;
  await rejectsWith(client.labels.list(), (e) => {
    assert.equal(e.status, 401);
    assert.equal(e.local, true);
  });
  assert.equal(seen.length, before);
  client.close();
  const owner = await keyed([TOKENS.owner]);
  const made = await owner.client.apiKeys.create({ name: 'short-lived' });
  const other = await keyed([made.plain_token]);
  await owner.client.apiKeys.delete(made.token.id);
  await rejectsWith(other.client.labels.list(), (e) => {
    assert.equal(e.kind, 'key_invalid');
    assert.equal(e.workspaceKeyNeedsAttention, true);
    assert.equal(e.message.includes(made.plain_token), false);
  });
  owner.client.close();
  other.client.close();
});

test('429: the notice lasts until the request held by it tries again, whatever else answers meanwhile', async () => {
  const limited = await startEmulator({ rateLimit: 2 });
  try {
    // The transport's waits are held until released; the server's minute is moved by hand.
    const held = [];
    let t = Date.now();
    const transport = { sleep: (ms) => new Promise((resolve) => held.push(() => { t += ms; resolve(); })), now: () => t, timeoutMs: 5000 };
    const client = await createClient({ baseUrl: limited.base, transport });
    await client.addWorkspace({ apiKey: TOKENS.owner });
    await client.addWorkspace({ apiKey: TOKENS.ws2 });
    const events = [];
    client.onNetwork((e) => { if (e.kind.startsWith('rate')) events.push(e.kind); });
    await client.in(IDS.ws1).labels.list();
    const waiting = client.in(IDS.ws1).labels.list(); // over the limit: held on its Retry-After
    while (!held.length) await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(events, ['rate']);
    // Another workspace answers meanwhile: the first request is still waiting, so is the notice.
    assert.ok((await client.in(IDS.ws2).labels.list()).length >= 0);
    assert.deepEqual(events, ['rate'], 'an unrelated answer does not end the wait');
    // The minute is over: the held request tries again, succeeds, and the notice goes.
    limited.clock.advance(61_000);
    held.shift()();
    assert.ok((await waiting).length >= 1);
    assert.deepEqual(events, ['rate', 'rate-clear']);
    client.close();
  } finally {
    await limited.close();
  }
});

test('429: after the transport has waited and retried, the error says rate_limited and how long', async () => {
  const limited = await startEmulator({ rateLimit: 2 });
  try {
    // The transport's clock is fake: it waits out Retry-After at once, while the server's minute goes on.
    const slept = [];
    let t = Date.now();
    const transport = { sleep: async (ms) => { slept.push(ms); t += ms; }, now: () => t, timeoutMs: 5000 };
    const client = await createClient({ baseUrl: limited.base, transport });
    await client.addWorkspace({ apiKey: TOKENS.owner });
    await client.labels.list(); // the second request of this minute: still allowed
    await rejectsWith(client.labels.list(), (e) => {
      assert.equal(e.status, 429);
      assert.equal(e.kind, 'rate_limited');
      assert.ok(e.retryAfterSeconds > 0);
    });
    assert.ok(slept.length >= 1 && slept.every((ms) => ms > 0), 'it waited before each retry');
    client.close();
  } finally {
    await limited.close();
  }
});
