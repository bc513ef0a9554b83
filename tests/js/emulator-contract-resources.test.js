// Contract tests for the emulator (docs/api-contract.md), in both modes: labels and signatures,
// social accounts, content types, metrics and preview, API keys. Each case names the rule it checks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IDS, TOKENS } from '../../server/emulator/test-harness.js';
import { ISO_UTC, contractSuite } from './emulator-contract-support.js';

contractSuite((env) => {
  const { api, draft } = env;

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
      const account = (id) => env.h.emulator.store.workspace(IDS.ws1).social_accounts.find((a) => a.id === id);
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
      await env.h.emulator.tick();
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
