// Contract tests for the emulator, written from the API contract (docs/api-contract.md), over real
// HTTP on 127.0.0.1, in both modes. Each case names the rule it checks. This file: auth, routing
// and error shapes, posts, pagination; media and uploads are in emulator-contract-media.test.js,
// the other resources in emulator-contract-resources.test.js.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IDS, TOKENS } from '../../server/emulator/test-harness.js';
import { API_TIME, FINALIZED, contractSuite, future } from './emulator-contract-support.js';

contractSuite((env) => {
  const { api, draft } = env;

  describe('auth, routing, error shapes', () => {
    test('a missing, unknown or expired key is 401 {"message":"Unauthenticated."}', async () => {
      for (const token of [null, 'tp_nope', TOKENS.expired]) {
        const r = await api('GET', 'workspace', { token });
        assert.equal(r.status, 401);
        assert.deepEqual(r.body, { message: 'Unauthenticated.' });
      }
    });
    test('an unknown route is 404 and a wrong method 405, each with a message', async () => {
      const a = await api('GET', 'nothing-here');
      assert.equal(a.status, 404);
      assert.equal(typeof a.body.message, 'string');
      const b = await api('DELETE', 'workspace');
      assert.equal(b.status, 405);
      assert.match(b.body.message, /Supported methods: GET, HEAD/);
      assert.equal(b.headers.get('allow'), 'GET, HEAD', 'a 405 carries Allow (RFC 9110 §15.5.6)');
    });
    test('GET /workspace is {id, name, created_at, updated_at} of the key\'s workspace', async () => {
      const r = await api('GET', 'workspace');
      assert.equal(r.status, 200);
      assert.deepEqual(Object.keys(r.body).sort(), ['created_at', 'id', 'name', 'updated_at']);
      assert.equal(r.body.id, IDS.ws1);
      assert.match(r.body.created_at, API_TIME);
      assert.equal((await api('GET', 'workspace', { token: TOKENS.ws2 })).body.id, IDS.ws2);
    });
    test('a 422 names the first error, then "(and N more errors)", with errors{} by dotted path', async () => {
      const r = await api('POST', 'posts', { body: { platforms: [{}], content: 5 } });
      assert.equal(r.status, 422);
      const all = Object.values(r.body.errors).flat();
      assert.ok(all.length >= 3);
      assert.equal(r.body.message, `${all[0]} (and ${all.length - 1} more errors)`);
      assert.deepEqual(r.body.errors['platforms.0.social_account_id'], ['The platforms.0.social account id field is required.']);
      const one = await api('POST', 'labels', { body: { color: '#112233' } });
      assert.deepEqual(one.body, { message: 'The name field is required.', errors: { name: ['The name field is required.'] } });
      const two = await api('POST', 'labels', { body: {} });
      assert.match(two.body.message, /\(and 1 more error\)$/);
    });
  });
  describe('posts', () => {
    test('create answers 201 with a draft in the Post shape; scheduled_at is kept but does not schedule', async () => {
      const when = future(3);
      const p = await draft([{ social_account_id: IDS.x, content_type: 'x_post', meta: { bogus: 1 } }], { scheduled_at: when, label_ids: [IDS.label1] });
      assert.equal(p.status, 'draft');
      assert.equal(p.scheduled_at, when.replace('T', ' ').replace('Z', ''));
      assert.equal(p.published_at, null);
      assert.deepEqual(p.media, []);
      assert.match(p.created_at, API_TIME);
      assert.match(p.updated_at, API_TIME);
      assert.equal(p.platforms.length, 1);
      const e = p.platforms[0];
      assert.equal(e.platform, 'x');
      assert.equal(e.status, 'pending');
      assert.equal(e.enabled, true);
      assert.deepEqual(e.meta, {}, 'unknown meta keys are dropped');
      assert.equal(e.social_account.id, IDS.x);
      const got = await api('GET', `posts/${p.id}`);
      assert.equal(got.status, 200);
      assert.deepEqual(got.body.labels.map((l) => l.id), [IDS.label1]);
    });
    test('content defaults to "" and may hold 10,000 characters but not 10,001', async () => {
      const p = await draft(undefined, { content: undefined });
      assert.equal(p.content, '');
      await draft(undefined, { content: 'a'.repeat(10000) });
      const r = await api('POST', 'posts', { body: { content: 'a'.repeat(10001), platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }] } });
      assert.equal(r.status, 422);
      assert.deepEqual(Object.keys(r.body.errors), ['content']);
    });
    test('create needs at least one platform with an active account of this workspace and a fitting content type', async () => {
      const cases = [
        [{ platforms: [] }, 'platforms'],
        [{ platforms: [{ social_account_id: IDS.threadsInactive, content_type: 'threads_post' }] }, 'platforms.0.social_account_id'],
        [{ platforms: [{ social_account_id: IDS.ws2x, content_type: 'x_post' }] }, 'platforms.0.social_account_id'],
        [{ platforms: [{ social_account_id: IDS.x, content_type: 'linkedin_post' }] }, 'platforms.0.content_type'],
        [{ platforms: [{ social_account_id: IDS.x, content_type: 'linkedin_carousel' }] }, 'platforms.0.content_type'],
        [{ platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }], scheduled_at: '2020-01-01T00:00:00Z' }, 'scheduled_at'],
        [{ platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }], label_ids: [IDS.ws2label] }, 'label_ids.0'],
      ];
      for (const [body, field] of cases) {
        const r = await api('POST', 'posts', { body });
        assert.equal(r.status, 422, field);
        assert.ok(r.body.errors[field], `${field}: ${JSON.stringify(r.body)}`);
      }
    });
    test('Instagram content types fit both Instagram flavours; meta on create keeps documented keys only', async () => {
      const p = await draft([{ social_account_id: IDS.instagram, content_type: 'instagram_story', meta: { aspect_ratio: '4:5', extra: true } }]);
      assert.deepEqual(p.platforms[0].meta, { aspect_ratio: '4:5' });
      const bad = await api('POST', 'posts', { body: { platforms: [{ social_account_id: IDS.tiktok, content_type: 'tiktok_video', meta: { privacy_level: 'EVERYONE' } }] } });
      assert.equal(bad.status, 422);
      assert.ok(bad.body.errors['platforms.0.meta.privacy_level']);
    });
    test('a Viewer may read posts but not create, update or delete them (403)', async () => {
      const p = await draft();
      assert.equal((await api('GET', `posts/${p.id}`, { token: TOKENS.viewer })).status, 200);
      assert.equal((await api('GET', 'posts', { token: TOKENS.viewer })).status, 200);
      const c = await api('POST', 'posts', { token: TOKENS.viewer, body: { platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }] } });
      assert.deepEqual([c.status, c.body.message], [403, 'This action is unauthorized.']);
      assert.equal((await api('PUT', `posts/${p.id}`, { token: TOKENS.viewer, body: { status: 'draft' } })).status, 403);
      assert.equal((await api('DELETE', `posts/${p.id}`, { token: TOKENS.viewer })).status, 403);
      assert.equal((await api('POST', 'posts', { token: TOKENS.member, body: { platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }] } })).status, 201);
    });
    test('another workspace\'s post is 404 on every post route, never 403', async () => {
      for (const [m, path, body] of [
        ['GET', `posts/${IDS.ws2post}`], ['PUT', `posts/${IDS.ws2post}`, { status: 'draft' }], ['DELETE', `posts/${IDS.ws2post}`],
        ['GET', `posts/${IDS.ws2post}/metrics`], ['GET', `posts/${IDS.ws2post}/preview`],
        ['POST', `posts/${IDS.ws2post}/media/from-url`, { urls: [] }], ['POST', `posts/${IDS.ws2post}/media/from-asset`, { asset_id: IDS.asset1 }],
      ]) {
        for (const token of [TOKENS.owner, TOKENS.viewer]) {
          const r = await api(m, path, { body, token });
          assert.equal(r.status, 404, `${m} ${path}`);
          assert.equal(typeof r.body.message, 'string');
        }
      }
    });
    test('update: status is required; scheduling needs a future scheduled_at', async () => {
      const p = await draft();
      const a = await api('PUT', `posts/${p.id}`, { body: { content: 'x' } });
      assert.equal(a.status, 422);
      assert.ok(a.body.errors.status);
      const b = await api('PUT', `posts/${p.id}`, { body: { status: 'scheduled' } });
      assert.deepEqual(b.body.errors.scheduled_at, ['The scheduled at field is required when status is scheduled.']);
      const c = await api('PUT', `posts/${p.id}`, { body: { status: 'scheduled', scheduled_at: '2020-05-01T10:00:00Z' } });
      assert.deepEqual(c.body.errors.scheduled_at, ['The scheduled at field must be a date after now.']);
      const when = future(5);
      const d = await api('PUT', `posts/${p.id}`, { body: { status: 'scheduled', scheduled_at: when.replace('Z', '+02:00') } });
      assert.equal(d.status, 200);
      assert.equal(d.body.status, 'scheduled');
      const expected = new Date(Date.parse(when) - 2 * 3600000).toISOString().slice(0, 19).replace('T', ' ');
      assert.equal(d.body.scheduled_at, expected, 'input offsets are converted to UTC output');
      const e = await api('PUT', `posts/${p.id}`, { body: { status: 'scheduled', content: 'still scheduled' } });
      assert.equal(e.status, 200, 'a stored future scheduled_at is reused');
      const f = await api('PUT', `posts/${p.id}`, { body: { status: 'draft' } });
      assert.equal(f.body.status, 'draft');
    });
    test('update merges meta: null deletes a key, unknown keys are dropped; unlisted entries are disabled', async () => {
      const p = await draft([
        { social_account_id: IDS.pinterest, content_type: 'pinterest_pin', meta: { board_id: '1', title: 'T', link: 'https://a.example' } },
        { social_account_id: IDS.x, content_type: 'x_post' },
      ]);
      const pin = p.platforms.find((e) => e.platform === 'pinterest');
      const r = await api('PUT', `posts/${p.id}`, { body: { status: 'draft', platforms: [{ id: pin.id, meta: { title: null, link: 'https://b.example', nope: 1 } }] } });
      assert.equal(r.status, 200);
      const got = r.body.platforms.find((e) => e.id === pin.id);
      assert.deepEqual(got.meta, { board_id: '1', link: 'https://b.example' });
      assert.equal(r.body.platforms.find((e) => e.platform === 'x').enabled, false);
      const none = await api('PUT', `posts/${p.id}`, { body: { status: 'draft', platforms: [] } });
      assert.ok(none.body.platforms.every((e) => !e.enabled), 'platforms: [] disables every entry');
      const bad = await api('PUT', `posts/${p.id}`, { body: { status: 'draft', platforms: [{ id: IDS.x }] } });
      assert.ok(bad.body.errors['platforms.0.id'], 'an id that is not an entry of this post');
    });
    test('required meta is checked at schedule/publish only for submitted rows', async () => {
      const p = await draft([{ social_account_id: IDS.pinterest, content_type: 'pinterest_pin' }], { media: [{ url: `${env.h.base}/fixtures/media/photo.jpg` }] });
      const id = p.platforms[0].id;
      const r = await api('PUT', `posts/${p.id}`, { body: { status: 'scheduled', scheduled_at: future(), platforms: [{ id }] } });
      assert.equal(r.status, 422);
      assert.deepEqual(r.body.errors['platforms.0.meta.board_id'], ['The platforms.0.meta.board id field is required.']);
      const ok = await api('PUT', `posts/${p.id}`, { body: { status: 'scheduled', scheduled_at: future() } });
      assert.equal(ok.status, 200, 'without platforms[] the stored meta is not re-checked');
    });
    test('the caption cap is checked at schedule: x_post takes 280 but not 281', async () => {
      const p = await draft(undefined, { content: 'a'.repeat(281) });
      const r = await api('PUT', `posts/${p.id}`, { body: { status: 'scheduled', scheduled_at: future() } });
      assert.equal(r.status, 422);
      assert.ok(r.body.errors.content);
      const ok = await api('PUT', `posts/${p.id}`, { body: { status: 'scheduled', scheduled_at: future(), content: 'a'.repeat(280) } });
      assert.equal(ok.status, 200);
    });
    test('publishing sets the post and its enabled entries to publishing; a finalized post is frozen (422)', async () => {
      const p = await draft();
      const r = await api('PUT', `posts/${p.id}`, { body: { status: 'publishing' } });
      assert.equal(r.status, 200);
      assert.equal(r.body.status, 'publishing');
      assert.equal(r.body.platforms[0].status, 'publishing');
      const again = await api('PUT', `posts/${p.id}`, { body: { status: 'draft' } });
      assert.deepEqual(again.body, { message: FINALIZED });
      assert.equal(again.status, 422);
      const attach = await api('POST', `posts/${p.id}/media/from-asset`, { body: { asset_id: IDS.asset1 } });
      assert.deepEqual([attach.status, attach.body.message], [422, FINALIZED]);
    });
    test('delete answers 204 with an empty body; the post is gone', async () => {
      const p = await draft();
      const r = await api('DELETE', `posts/${p.id}`);
      assert.equal(r.status, 204);
      assert.equal(r.body, null);
      assert.equal((await api('GET', `posts/${p.id}`)).status, 404);
    });
  });
  describe('pagination', () => {
    test('GET /posts pages 15 at a time, newest scheduled_at first, with Laravel links and meta', async () => {
      const { body: before1 } = await api('GET', 'posts');
      const need = Math.max(0, 31 - before1.meta.total);
      for (let i = 0; i < need; i++) await draft(undefined, { scheduled_at: future(10 + i) });
      const r = await api('GET', 'posts');
      assert.equal(r.status, 200);
      const { data, links, meta } = r.body;
      assert.equal(data.length, 15);
      assert.equal(meta.per_page, 15);
      assert.equal(meta.current_page, 1);
      assert.equal(meta.from, 1);
      assert.equal(meta.to, 15);
      assert.equal(meta.last_page, Math.ceil(meta.total / 15));
      assert.equal(meta.path, `${env.h.base}/api/posts`);
      assert.equal(links.first, `${env.h.base}/api/posts?page=1`);
      assert.equal(links.prev, null);
      assert.equal(links.next, `${env.h.base}/api/posts?page=2`);
      assert.equal(links.last, `${env.h.base}/api/posts?page=${meta.last_page}`);
      assert.deepEqual(meta.links[0], { url: null, label: '&laquo; Previous', page: null, active: false });
      assert.deepEqual(meta.links[1], { url: `${env.h.base}/api/posts?page=1`, label: '1', page: 1, active: true });
      assert.deepEqual(meta.links.at(-1), { url: `${env.h.base}/api/posts?page=2`, label: 'Next &raquo;', page: 2, active: false });
      const times = data.map((p) => p.scheduled_at).filter(Boolean);
      assert.deepEqual(times, [...times].sort().reverse());
      const last = await api('GET', `posts?page=${meta.last_page}`);
      assert.equal(last.body.links.next, null);
      assert.equal(last.body.meta.to, meta.total);
      const empty = await api('GET', `posts?page=${meta.last_page + 1}`);
      assert.deepEqual([empty.body.data, empty.body.meta.from, empty.body.meta.to], [[], null, null]);
    });
  });
});
