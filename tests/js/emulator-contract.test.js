// Contract tests for the emulator, written from the API contract (docs/api-contract.md), over real
// HTTP on 127.0.0.1, in both modes. Each case names the rule it checks.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { IDS, TOKENS, multipart, startEmulator } from '../../server/emulator/test-harness.js';

const API_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;
const FINALIZED = 'This post has already been processed and cannot be re-published. Duplicate it to try again.';
const fixture = (name) => readFileSync(new URL(`../../server/fixtures/media/${name}`, import.meta.url));
const future = (days = 2) => new Date(Date.now() + days * 86400000).toISOString().replace(/\.\d+Z$/, 'Z');

for (const mode of ['self-hosted', 'cloud']) {
  describe(`emulator contract (${mode})`, () => {
    let h;
    let api;
    before(async () => {
      h = await startEmulator({ mode });
      api = h.api;
    });
    after(() => h.close());

    const draft = async (platforms = [{ social_account_id: IDS.x, content_type: 'x_post' }], extra = {}, token = TOKENS.owner) => {
      const r = await api('POST', 'posts', { token, body: { content: 'hello', platforms, ...extra } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body;
    };

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
        const p = await draft([{ social_account_id: IDS.pinterest, content_type: 'pinterest_pin' }], { media: [{ url: `${h.base}/fixtures/media/photo.jpg` }] });
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
        assert.equal(meta.path, `${h.base}/api/posts`);
        assert.equal(links.first, `${h.base}/api/posts?page=1`);
        assert.equal(links.prev, null);
        assert.equal(links.next, `${h.base}/api/posts?page=2`);
        assert.equal(links.last, `${h.base}/api/posts?page=${meta.last_page}`);
        assert.deepEqual(meta.links[0], { url: null, label: '&laquo; Previous', page: null, active: false });
        assert.deepEqual(meta.links[1], { url: `${h.base}/api/posts?page=1`, label: '1', page: 1, active: true });
        assert.deepEqual(meta.links.at(-1), { url: `${h.base}/api/posts?page=2`, label: 'Next &raquo;', page: 2, active: false });
        const times = data.map((p) => p.scheduled_at).filter(Boolean);
        assert.deepEqual(times, [...times].sort().reverse());
        const last = await api('GET', `posts?page=${meta.last_page}`);
        assert.equal(last.body.links.next, null);
        assert.equal(last.body.meta.to, meta.total);
        const empty = await api('GET', `posts?page=${meta.last_page + 1}`);
        assert.deepEqual([empty.body.data, empty.body.meta.from, empty.body.meta.to], [[], null, null]);
      });
    });

    describe('media', () => {
      const upload = (postId, bytes, name, token = TOKENS.owner) => {
        const m = multipart(bytes, name);
        return api('POST', `posts/${postId}/media`, { token, raw: m.raw, headers: m.headers });
      };
      test('multipart upload appends to media[]; PNG and WebP are stored as image/jpeg, GIF kept', async () => {
        const p = await draft();
        const a = await upload(p.id, fixture('photo.jpg'), 'photo.jpg');
        assert.equal(a.status, 200);
        assert.equal(a.body.media.length, 1);
        assert.match(a.body.media[0].path, /^medias\/[0-9a-f-]{36}\.jpg$/);
        const b = await upload(p.id, fixture('graphic.png'), 'graphic.png');
        assert.equal(b.body.media[1].mime_type, 'image/jpeg');
        const c = await upload(p.id, fixture('sticker.webp'), 'sticker.webp');
        assert.equal(c.body.media[2].mime_type, 'image/jpeg');
        const d = await upload(p.id, fixture('animation.gif'), 'animation.gif');
        assert.equal(d.body.media[3].mime_type, 'image/gif');
        const file = await fetch(a.body.media[0].url);
        assert.equal(file.status, 200);
        assert.deepEqual(Buffer.from(await file.arrayBuffer()), fixture('photo.jpg'));
      });
      test('the type comes from magic bytes: WebM and text are 422 on errors.media whatever the name', async () => {
        const p = await draft();
        for (const [name, as] of [['clip.webm', 'clip.mp4'], ['notes.txt', 'notes.jpg']]) {
          const r = await upload(p.id, fixture(name), as);
          assert.equal(r.status, 422);
          assert.ok(r.body.errors.media);
        }
        const none = await api('POST', `posts/${p.id}/media`, { raw: Buffer.from('x'), headers: { 'content-type': 'multipart/form-data; boundary=zz' } });
        assert.equal(none.status, 422);
      });
      test('image cap: 10,485,760 bytes pass, 10,485,761 fail', async () => {
        const p = await draft([{ social_account_id: IDS.bluesky, content_type: 'bluesky_post' }]);
        const big = Buffer.alloc(10485760, 0);
        fixture('photo.jpg').copy(big);
        assert.equal((await upload(p.id, big, 'big.jpg')).status, 200);
        const over = Buffer.concat([big, Buffer.from([0])]);
        const r = await upload(p.id, over, 'over.jpg');
        assert.equal(r.status, 422);
        assert.ok(r.body.errors.media);
      });
      test('the type must suit an enabled platform: image on tiktok_video 422, on tiktok_photo 200; PDF only where documents go', async () => {
        const vid = await draft([{ social_account_id: IDS.tiktok, content_type: 'tiktok_video' }]);
        const r = await upload(vid.id, fixture('photo.jpg'), 'p.jpg');
        assert.equal(r.status, 422);
        assert.deepEqual(r.body.errors.media, ['This file type is not supported by the platforms enabled on the post.']);
        const photo = await draft([{ social_account_id: IDS.tiktok, content_type: 'tiktok_photo' }]);
        assert.equal((await upload(photo.id, fixture('photo.jpg'), 'p.jpg')).status, 200);
        const li = await draft([{ social_account_id: IDS.linkedin, content_type: 'linkedin_post' }]);
        assert.equal((await upload(li.id, fixture('brochure.pdf'), 'b.pdf')).status, 200);
        const x = await draft();
        assert.equal((await upload(x.id, fixture('brochure.pdf'), 'b.pdf')).status, 422);
        assert.equal((await upload(x.id, fixture('photo.jpg'), 'p.jpg', TOKENS.viewer)).status, 403);
      });
      test('from-url: own fixtures attach, anything else lands in failed_urls; at most 10 urls', async () => {
        const p = await draft();
        const good = `${h.base}/fixtures/media/photo.jpg`;
        const urls = [{ url: good, alt: 'A photo' }, { url: 'https://example.com/remote.jpg' }, { url: `${h.base}/fixtures/media/notes.txt` }, { url: `${h.base}/fixtures/media/missing.jpg` }];
        const r = await api('POST', `posts/${p.id}/media/from-url`, { body: { urls } });
        assert.equal(r.status, 200);
        assert.equal(r.body.attached_count, 1);
        assert.deepEqual(r.body.failed_urls, urls.slice(1).map((u) => u.url));
        assert.equal(r.body.post.id, p.id);
        assert.deepEqual(r.body.post.media[0].meta, { alt_text: 'A photo' });
        const tooMany = await api('POST', `posts/${p.id}/media/from-url`, { body: { urls: Array.from({ length: 11 }, () => ({ url: good })) } });
        assert.equal(tooMany.status, 422);
        assert.ok(tooMany.body.errors.urls);
        const missing = await api('POST', `posts/${p.id}/media/from-url`, { body: {} });
        assert.deepEqual(missing.body.errors.urls, ['The urls field is required.']);
      });
      test('create with media[] downloads own-origin URLs; an unreachable URL is 422 on media.N.url', async () => {
        const p = await draft(undefined, { media: [{ url: `${h.base}/fixtures/media/photo.jpg`, meta: { alt_text: 'alt' } }] });
        assert.equal(p.media.length, 1);
        assert.deepEqual(p.media[0].meta, { alt_text: 'alt' });
        const r = await api('POST', 'posts', { body: { platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }], media: [{ url: 'https://example.com/x.jpg' }] } });
        assert.equal(r.status, 422);
        assert.ok(r.body.errors['media.0.url']);
      });
      test('from-asset copies the library item (with size and meta), is idempotent, and refuses logos and other workspaces', async () => {
        const p = await draft();
        const a = await api('POST', `posts/${p.id}/media/from-asset`, { body: { asset_id: IDS.asset1 } });
        assert.equal(a.status, 200);
        assert.equal(a.body.id, p.id, 'the Post comes back unwrapped');
        assert.equal(a.body.media[0].id, IDS.asset1);
        assert.equal(a.body.media[0].size, fixture('photo.jpg').length);
        assert.deepEqual(a.body.media[0].meta, { alt_text: 'Library alt' });
        const again = await api('POST', `posts/${p.id}/media/from-asset`, { body: { asset_id: IDS.asset1, alt: 'new alt' } });
        assert.equal(again.body.media.length, 1);
        assert.deepEqual(again.body.media[0].meta, { alt_text: 'Library alt' }, 'a repeat attach changes nothing');
        const q = await draft();
        const alt = await api('POST', `posts/${q.id}/media/from-asset`, { body: { asset_id: IDS.asset1, alt: 'Custom' } });
        assert.deepEqual(alt.body.media[0].meta, { alt_text: 'Custom' });
        for (const id of [IDS.logo, IDS.ws2asset, '0a200000-0000-4000-8000-00000000abcd']) {
          const r = await api('POST', `posts/${p.id}/media/from-asset`, { body: { asset_id: id } });
          assert.deepEqual([r.status, r.body.errors?.asset_id], [422, ['Asset not found.']]);
        }
        const notUuid = await api('POST', `posts/${p.id}/media/from-asset`, { body: { asset_id: 'abc' } });
        assert.equal(notUuid.status, 422);
        assert.equal((await api('POST', `posts/${p.id}/media/from-asset`, { token: TOKENS.viewer, body: { asset_id: IDS.asset1 } })).status, 403);
        const vid = await draft([{ social_account_id: IDS.tiktok, content_type: 'tiktok_video' }]);
        const mismatch = await api('POST', `posts/${vid.id}/media/from-asset`, { body: { asset_id: IDS.asset1 } });
        assert.deepEqual(mismatch.body.errors.asset_id, ['This file type is not supported by the platforms enabled on the post.']);
      });
    });

    describe('signed uploads', () => {
      const post = (url, bytes, name = 'f.jpg') => {
        const m = multipart(bytes, name);
        return fetch(url, { method: 'POST', headers: m.headers, body: m.raw });
      };
      test('201 once, 409 on reuse, no Bearer needed; a PNG reports image/jpeg and joins the asset library', async () => {
        const { upload_url: url, upload_token: token } = h.emulator.signUploadUrl(IDS.ws1, { origin: h.base });
        const r = await post(url, fixture('graphic.png'), 'croissant.png');
        assert.equal(r.status, 201);
        const body = await r.json();
        assert.deepEqual(Object.keys(body).sort(), ['media_id', 'mime_type', 'original_filename', 'type', 'upload_token']);
        assert.deepEqual([body.upload_token, body.type, body.mime_type, body.original_filename], [token, 'image', 'image/jpeg', 'croissant.png']);
        assert.equal((await post(url, fixture('photo.jpg'))).status, 409);
        const asset = await api('GET', `assets/${body.media_id}`);
        assert.equal(asset.status, 200);
        assert.equal(asset.body.original_filename, 'croissant.png');
      });
      test('403 for a tampered query or an expired URL; 404 for a token that is not a UUID', async () => {
        const { upload_url: url } = h.emulator.signUploadUrl(IDS.ws1, { origin: h.base });
        const tampered = url.replace(IDS.ws1, IDS.ws2);
        assert.equal((await post(tampered, fixture('photo.jpg'))).status, 403);
        const badSig = url.replace(/signature=([0-9a-f])/, (_, c) => `signature=${c === '0' ? '1' : '0'}`);
        assert.equal((await post(badSig, fixture('photo.jpg'))).status, 403);
        const old = h.emulator.signUploadUrl(IDS.ws1, { origin: h.base, ttlMs: -1000 });
        const expired = await post(old.upload_url, fixture('photo.jpg'));
        assert.equal(expired.status, 403);
        assert.deepEqual(await expired.json(), { message: 'Invalid signature.' });
        const notUuid = await post(`${h.base}/api/uploads/not-a-uuid?expires=1&workspace_id=x&signature=y`, fixture('photo.jpg'));
        assert.equal(notUuid.status, 404);
        const { upload_url: fresh } = h.emulator.signUploadUrl(IDS.ws1, { origin: h.base });
        assert.equal((await post(fresh, fixture('notes.txt'), 'n.txt')).status, 422);
      });
      test('a signed URL lives 15 minutes by default', async () => {
        const { expires_at: exp } = h.emulator.signUploadUrl(IDS.ws1, { origin: h.base });
        const minutes = (Date.parse(exp) - h.clock.now()) / 60000;
        assert.ok(minutes > 14.9 && minutes <= 15, String(minutes));
      });
    });

    describe('assets', () => {
      test('25 per page, newest first, no path, logos never listed; Viewer 403', async () => {
        for (let i = 0; i < 26; i++) {
          const { upload_url: url } = h.emulator.signUploadUrl(IDS.ws1, { origin: h.base });
          const m = multipart(fixture(i % 2 ? 'photo.jpg' : 'brochure.pdf'), `bulk-${i}.${i % 2 ? 'jpg' : 'pdf'}`);
          assert.equal((await fetch(url, { method: 'POST', headers: m.headers, body: m.raw })).status, 201);
          h.clock.advance(1000);
        }
        const r = await api('GET', 'assets');
        assert.equal(r.status, 200);
        assert.equal(r.body.meta.per_page, 25);
        assert.equal(r.body.data.length, 25);
        assert.equal(r.body.data[0].original_filename, 'bulk-25.jpg');
        assert.ok(r.body.data.every((a) => !('path' in a)));
        assert.deepEqual(Object.keys(r.body.data[0]).sort(), ['created_at', 'id', 'meta', 'mime_type', 'original_filename', 'size', 'type', 'url']);
        const all = [...r.body.data, ...(await api('GET', 'assets?page=2')).body.data];
        assert.ok(!all.some((a) => a.id === IDS.logo));
        assert.equal((await api('GET', `assets/${IDS.logo}`)).status, 404);
        assert.equal((await api('GET', `assets/${IDS.ws2asset}`)).status, 404);
        assert.equal((await api('GET', 'assets', { token: TOKENS.viewer })).status, 403);
        assert.equal((await api('GET', `assets/${IDS.asset1}`, { token: TOKENS.viewer })).status, 403);
      });
      test('search is a case-insensitive filename substring (max 255); type is image|video|document', async () => {
        const s = await api('GET', 'assets?search=TEAM-PH');
        assert.deepEqual(s.body.data.map((a) => a.id), [IDS.asset1]);
        const docs = await api('GET', 'assets?type=document');
        assert.ok(docs.body.data.length > 0 && docs.body.data.every((a) => a.type === 'document'));
        assert.equal((await api('GET', 'assets?type=gif')).status, 422);
        assert.equal((await api('GET', `assets?search=${'a'.repeat(256)}`)).status, 422);
        assert.equal((await api('GET', `assets?search=${'a'.repeat(255)}`)).status, 200);
      });
    });

    describe('labels and signatures', () => {
      test('labels: bare array latest first; name and #RRGGBB color required on create and update', async () => {
        const a = await api('POST', 'labels', { body: { name: 'First', color: '#aabbcc' } });
        assert.equal(a.status, 201);
        assert.deepEqual(Object.keys(a.body).sort(), ['color', 'created_at', 'id', 'name', 'updated_at']);
        const b = await api('POST', 'labels', { body: { name: 'Second', color: '#ABCDEF' } });
        const list = await api('GET', 'labels');
        assert.ok(Array.isArray(list.body));
        assert.deepEqual(list.body.slice(0, 2).map((l) => l.id), [b.body.id, a.body.id]);
        for (const color of ['red', '#abc', '#abcdeg', 'aabbcc']) {
          assert.equal((await api('POST', 'labels', { body: { name: 'n', color } })).status, 422, color);
        }
        assert.equal((await api('POST', 'labels', { body: { name: 'x'.repeat(256), color: '#000000' } })).status, 422);
        assert.equal((await api('POST', 'labels', { body: { name: 'x'.repeat(255), color: '#000000' } })).status, 201);
        assert.equal((await api('PUT', `labels/${a.body.id}`, { body: { name: 'Only name' } })).status, 422);
        const u = await api('PUT', `labels/${a.body.id}`, { body: { name: 'Renamed', color: '#000000' } });
        assert.deepEqual([u.status, u.body.name], [200, 'Renamed']);
        assert.equal((await api('PUT', `labels/${IDS.ws2label}`, { body: { name: 'x', color: '#000000' } })).status, 404);
        assert.equal((await api('POST', 'labels', { token: TOKENS.viewer, body: { name: 'v', color: '#000000' } })).status, 403);
      });
      test('deleting a label detaches it from posts; the posts stay', async () => {
        const l = await api('POST', 'labels', { body: { name: 'Temp', color: '#111111' } });
        const p = await draft(undefined, { label_ids: [l.body.id] });
        assert.equal((await api('DELETE', `labels/${l.body.id}`)).status, 204);
        const got = await api('GET', `posts/${p.id}`);
        assert.deepEqual([got.status, got.body.labels], [200, []]);
        assert.equal((await api('DELETE', `labels/${IDS.ws2label}`)).status, 404);
      });
      test('signatures: bare array latest first; name and content both required; delete 204', async () => {
        const a = await api('POST', 'signatures', { body: { name: 'Sig', content: 'Cheers' } });
        assert.equal(a.status, 201);
        assert.deepEqual(Object.keys(a.body).sort(), ['content', 'created_at', 'id', 'name', 'updated_at']);
        assert.equal((await api('GET', 'signatures')).body[0].id, a.body.id);
        assert.equal((await api('POST', 'signatures', { body: { name: 'no content' } })).status, 422);
        assert.equal((await api('PUT', `signatures/${a.body.id}`, { body: { content: 'only content' } })).status, 422);
        assert.equal((await api('PUT', `signatures/${a.body.id}`, { body: { name: 'N', content: 'C' } })).status, 200);
        assert.equal((await api('PUT', `signatures/${IDS.ws2sig}`, { body: { name: 'N', content: 'C' } })).status, 404);
        assert.equal((await api('DELETE', `signatures/${a.body.id}`, { token: TOKENS.viewer })).status, 403);
        assert.equal((await api('DELETE', `signatures/${a.body.id}`, { token: TOKENS.member })).status, 204);
        assert.equal((await api('GET', 'signatures', { token: TOKENS.viewer })).status, 200);
      });
    });

    describe('social accounts', () => {
      test('a bare array ordered by platform, without tokens', async () => {
        const r = await api('GET', 'social-accounts');
        const order = ['linkedin', 'linkedin-page', 'x', 'facebook', 'instagram', 'instagram-facebook', 'tiktok', 'youtube', 'threads', 'pinterest', 'bluesky', 'mastodon', 'telegram', 'discord'];
        const idx = r.body.map((a) => order.indexOf(a.platform));
        assert.deepEqual(idx, [...idx].sort((a, b) => a - b));
        assert.deepEqual(Object.keys(r.body[0]).sort(), ['display_name', 'id', 'is_active', 'platform', 'status', 'username']);
        assert.ok(!r.body.some((a) => a.id === IDS.ws2x));
      });
      test('toggle flips is_active for Owner/Admin; Member 403; another workspace 404 "Account not found."', async () => {
        const a = await api('PUT', `social-accounts/${IDS.facebook}/toggle`);
        assert.deepEqual([a.status, a.body.is_active], [200, false]);
        const b = await api('PUT', `social-accounts/${IDS.facebook}/toggle`, { token: TOKENS.admin });
        assert.equal(b.body.is_active, true);
        assert.equal((await api('PUT', `social-accounts/${IDS.facebook}/toggle`, { token: TOKENS.member })).status, 403);
        const c = await api('PUT', `social-accounts/${IDS.ws2x}/toggle`);
        assert.deepEqual([c.status, c.body], [404, { message: 'Account not found.' }]);
      });
      test('boards only for Pinterest and channels only for Discord (422 otherwise); ids are strings', async () => {
        const b = await api('GET', `social-accounts/${IDS.pinterest}/boards`);
        assert.equal(b.status, 200);
        assert.deepEqual(b.body, { boards: [{ id: '1234567890123456789', name: 'Ideas' }], truncated: false });
        assert.equal((await api('GET', `social-accounts/${IDS.x}/boards`)).status, 422);
        const c = await api('GET', `social-accounts/${IDS.discord}/channels`);
        assert.equal(c.status, 200);
        assert.ok(c.body.channels.every((ch) => typeof ch.id === 'string' && !ch.name.startsWith('#')));
        assert.equal((await api('GET', `social-accounts/${IDS.x}/channels`)).status, 422);
        assert.equal((await api('GET', `social-accounts/${IDS.ws2x}/boards`)).status, 404);
        assert.equal((await api('GET', `social-accounts/${IDS.pinterest}/boards`, { token: TOKENS.viewer })).status, 403);
      });
      test('upstream trouble: expired Pinterest token 401 on boards; Discord down 502; Pinterest limits relayed as 429', async () => {
        const account = (id) => h.emulator.store.workspace(IDS.ws1).social_accounts.find((a) => a.id === id);
        const pin = account(IDS.pinterest);
        const dis = account(IDS.discord);
        try {
          pin.status = 'token_expired';
          const a = await api('GET', `social-accounts/${IDS.pinterest}/boards`);
          assert.equal(a.status, 401);
          assert.equal(typeof a.body.message, 'string');
          pin.status = 'connected';
          pin.upstream = 'rate_limited';
          const b = await api('GET', `social-accounts/${IDS.pinterest}/boards`);
          assert.equal(b.status, 429);
          assert.ok(b.headers.get('retry-after'));
          dis.upstream = 'down';
          const c = await api('GET', `social-accounts/${IDS.discord}/channels`);
          assert.equal(c.status, 502);
          assert.equal(typeof c.body.message, 'string');
        } finally {
          pin.status = 'connected';
          delete pin.upstream;
          delete dis.upstream;
        }
      });
    });

    describe('content types, metrics, preview', () => {
      test('14 platform rows, 20 distinct content types, the documented LinkedIn row', async () => {
        const r = await api('GET', 'content-types');
        assert.equal(r.body.platforms.length, 14);
        const values = new Set(r.body.platforms.flatMap((p) => p.content_types.map((c) => c.value)));
        assert.equal(values.size, 20);
        for (const v of ['linkedin_carousel', 'instagram_carousel']) assert.ok(!values.has(v));
        const li = r.body.platforms.find((p) => p.platform === 'linkedin');
        assert.deepEqual([li.max_content_length, li.recommended_content_length, li.allowed_media_types, li.default_content_type], [3000, 1200, ['image', 'video', 'document'], 'linkedin_post']);
        const row = li.content_types[0];
        assert.deepEqual(
          [row.max_media_count, row.min_media_count, row.requires_media, row.accept_images, row.accept_videos, row.accept_documents, row.accepts_gif, row.forbids_mixed_media, row.max_video_duration_sec, row.max_image_bytes, row.max_video_bytes, row.max_document_bytes],
          [10, 0, false, true, true, true, false, true, 600, 5242880, 1073741824, 104857600],
        );
        const igf = r.body.platforms.find((p) => p.platform === 'instagram-facebook');
        assert.deepEqual(igf.content_types.map((c) => c.value), ['instagram_feed', 'instagram_reel', 'instagram_story']);
        assert.equal(r.body.platforms.find((p) => p.platform === 'x').max_content_length, 280);
      });
      test('metrics: not_published before, numbers after publishing; personal LinkedIn and TikTok unsupported', async () => {
        const p = await draft([{ social_account_id: IDS.x, content_type: 'x_post' }, { social_account_id: IDS.linkedin, content_type: 'linkedin_post' }]);
        const before1 = await api('GET', `posts/${p.id}/metrics`);
        assert.equal(before1.body.post_id, p.id);
        const x = (b) => b.platforms.find((e) => e.platform === 'x');
        assert.deepEqual(x(before1.body).metrics, { unsupported: true, reason: 'not_published' });
        assert.deepEqual(before1.body.platforms.find((e) => e.platform === 'linkedin').metrics, { unsupported: true, reason: 'platform_not_supported' });
        await api('PUT', `posts/${p.id}`, { body: { status: 'publishing' } });
        await h.emulator.tick();
        const after1 = await api('GET', `posts/${p.id}/metrics`);
        assert.ok(Array.isArray(x(after1.body).metrics));
        assert.ok(x(after1.body).metrics.every((m) => typeof m.label === 'string' && Number.isInteger(m.value)));
        assert.match(x(after1.body).platform_url, /^https:\/\//);
      });
      test('preview: per-platform sanitizing and lengths; x_post max 280, linkedin bold markers become Unicode bold', async () => {
        const p = await draft([{ social_account_id: IDS.x, content_type: 'x_post' }, { social_account_id: IDS.linkedin, content_type: 'linkedin_post' }], { content: 'Hi <b>Bold</b> &amp; more' });
        const r = await api('GET', `posts/${p.id}/preview`);
        assert.equal(r.status, 200);
        assert.equal(r.body.original_content, 'Hi <b>Bold</b> &amp; more');
        assert.equal(r.body.original_length, 25);
        const x = r.body.platforms.find((e) => e.platform === 'x');
        assert.deepEqual([x.sanitized_content, x.max_content_length, x.truncated, x.content_type], ['Hi <b>Bold</b> &amp; more', 280, false, 'x_post']);
        const li = r.body.platforms.find((e) => e.platform === 'linkedin');
        assert.equal(li.sanitized_content, 'Hi 𝗕𝗼𝗹𝗱 & more');
        assert.equal(li.sanitized_length, 14);
        assert.equal(li.max_content_length, 3000);
      });
    });

    describe('API keys', () => {
      test('list shows only the caller\'s keys, ISO times with +00:00, never the token', async () => {
        const r = await api('GET', 'api-keys');
        assert.equal(r.status, 200);
        assert.deepEqual(r.body.map((k) => k.name).sort(), ['old key', 'owner key']);
        for (const k of r.body) {
          assert.deepEqual(Object.keys(k).sort(), ['created_at', 'expires_at', 'id', 'last_used_at', 'name']);
          assert.match(k.created_at, ISO_UTC);
        }
        assert.match(r.body.find((k) => k.name === 'owner key').last_used_at, ISO_UTC);
        assert.equal(r.body.find((k) => k.name === 'old key').expires_at, '2020-01-01T00:00:00+00:00');
        assert.deepEqual((await api('GET', 'api-keys', { token: TOKENS.admin })).body.map((k) => k.name), ['admin key']);
      });
      test('create: Owner and Admin only (201 {token, plain_token}); the new key works; a date-only expiry ends that day', async () => {
        for (const token of [TOKENS.member, TOKENS.viewer]) {
          assert.equal((await api('POST', 'api-keys', { token, body: { name: 'k' } })).status, 403);
        }
        const day = new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10);
        const r = await api('POST', 'api-keys', { token: TOKENS.admin, body: { name: 'CI', expires_at: day } });
        assert.equal(r.status, 201);
        assert.deepEqual(Object.keys(r.body).sort(), ['plain_token', 'token']);
        assert.equal(r.body.token.expires_at, `${day}T23:59:59+00:00`);
        assert.equal((await api('GET', 'workspace', { token: r.body.plain_token })).status, 200);
        const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
        const bad = await api('POST', 'api-keys', { body: { name: 'k', expires_at: yesterday } });
        assert.deepEqual(bad.body.errors.expires_at, ['The expires at field must be a date after or equal to today.']);
        const today = new Date().toISOString().slice(0, 10);
        assert.equal((await api('POST', 'api-keys', { body: { name: 'k', expires_at: today } })).status, 201);
        assert.equal((await api('POST', 'api-keys', { body: { name: '' } })).status, 422);
      });
      test('delete answers 204 and the key is refused (401) right away', async () => {
        const r = await api('POST', 'api-keys', { body: { name: 'short-lived' } });
        const del = await api('DELETE', `api-keys/${r.body.token.id}`, { token: r.body.plain_token });
        assert.equal(del.status, 204);
        assert.equal((await api('GET', 'workspace', { token: r.body.plain_token })).status, 401);
        const other = (await api('GET', 'api-keys', { token: TOKENS.admin })).body[0];
        assert.equal((await api('DELETE', `api-keys/${other.id}`)).status, 404, 'another member\'s key is not visible');
      });
    });
  });
}
