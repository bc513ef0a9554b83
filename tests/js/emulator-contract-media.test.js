// Contract tests for the emulator (docs/api-contract.md), in both modes: media on a post, signed
// uploads and the asset library. Each case names the rule it checks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IDS, TOKENS, multipart } from '../../server/emulator/test-harness.js';
import { contractSuite, fixture } from './emulator-contract-support.js';

contractSuite((env) => {
  const { api, draft } = env;

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
      const good = `${env.h.base}/fixtures/media/photo.jpg`;
      const urls = [{ url: good, alt: 'A photo' }, { url: 'https://example.com/remote.jpg' }, { url: `${env.h.base}/fixtures/media/notes.txt` }, { url: `${env.h.base}/fixtures/media/missing.jpg` }];
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
      const p = await draft(undefined, { media: [{ url: `${env.h.base}/fixtures/media/photo.jpg`, meta: { alt_text: 'alt' } }] });
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
      const { upload_url: url, upload_token: token } = env.h.emulator.signUploadUrl(IDS.ws1, { origin: env.h.base });
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
      const { upload_url: url } = env.h.emulator.signUploadUrl(IDS.ws1, { origin: env.h.base });
      const tampered = url.replace(IDS.ws1, IDS.ws2);
      assert.equal((await post(tampered, fixture('photo.jpg'))).status, 403);
      const badSig = url.replace(/signature=([0-9a-f])/, (_, c) => `signature=${c === '0' ? '1' : '0'}`);
      assert.equal((await post(badSig, fixture('photo.jpg'))).status, 403);
      const old = env.h.emulator.signUploadUrl(IDS.ws1, { origin: env.h.base, ttlMs: -1000 });
      const expired = await post(old.upload_url, fixture('photo.jpg'));
      assert.equal(expired.status, 403);
      assert.deepEqual(await expired.json(), { message: 'Invalid signature.' });
      const notUuid = await post(`${env.h.base}/api/uploads/not-a-uuid?expires=1&workspace_id=x&signature=y`, fixture('photo.jpg'));
      assert.equal(notUuid.status, 404);
      const { upload_url: fresh } = env.h.emulator.signUploadUrl(IDS.ws1, { origin: env.h.base });
      assert.equal((await post(fresh, fixture('notes.txt'), 'n.txt')).status, 422);
    });
    test('a signed URL lives 15 minutes by default', async () => {
      const { expires_at: exp } = env.h.emulator.signUploadUrl(IDS.ws1, { origin: env.h.base });
      const minutes = (Date.parse(exp) - env.h.clock.now()) / 60000;
      assert.ok(minutes > 14.9 && minutes <= 15, String(minutes));
    });
  });
  describe('assets', () => {
    test('25 per page, newest first, no path, logos never listed; Viewer 403', async () => {
      for (let i = 0; i < 26; i++) {
        const { upload_url: url } = env.h.emulator.signUploadUrl(IDS.ws1, { origin: env.h.base });
        const m = multipart(fixture(i % 2 ? 'photo.jpg' : 'brochure.pdf'), `bulk-${i}.${i % 2 ? 'jpg' : 'pdf'}`);
        assert.equal((await fetch(url, { method: 'POST', headers: m.headers, body: m.raw })).status, 201);
        env.h.clock.advance(1000);
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
});
