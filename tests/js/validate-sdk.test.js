// The SDK's posts module: the same rules through the WASM core, one call per user action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentTypes, metaCatalog, validatePostRequest, applySignatures, validateLabel, validateSignature, previewPost } from '../../web/sdk/index.js';

test('contentTypes() has the 14 platform rows and the documented LinkedIn numbers', async () => {
  const { platforms } = await contentTypes();
  assert.equal(platforms.length, 14);
  const linkedin = platforms.find((p) => p.platform === 'linkedin');
  assert.equal(linkedin.max_content_length, 3000);
  assert.equal(linkedin.content_types[0].max_document_bytes, 104857600);
  const meta = await metaCatalog();
  assert.equal(meta.platforms.find((p) => p.platform === 'pinterest').meta.find((k) => k.key === 'title').max_length, 100);
});

test('validatePostRequest() predicts a 422 with the dotted path, and a Date works as now', async () => {
  const workspace = { social_accounts: [{ id: 'a', platform: 'tiktok', is_active: true }], labels: [], posts: [] };
  const body = { content: 'x'.repeat(10001), platforms: [{ social_account_id: 'a', content_type: 'tiktok_video', meta: { privacy_level: 'EVERYONE' } }] };
  const r = await validatePostRequest({ workspace, method: 'POST', body, now: new Date('2026-05-10T12:00:00Z') });
  assert.equal(r.status, 422);
  assert.deepEqual(Object.keys(r.errors).sort(), ['content', 'platforms.0.meta.privacy_level']);
  assert.equal(r.message, 'The content field must not be greater than 10000 characters. (and 1 more error)');
});

test('applySignatures(), validateLabel(), validateSignature(), previewPost()', async () => {
  assert.equal(await applySignatures('Hello\n', ['-- Ana', { content: '#news' }]), 'Hello\n\n-- Ana\n\n#news');
  assert.equal((await validateLabel({ name: 'Promo', color: '#4f46e5' })).status, 201);
  assert.deepEqual((await validateLabel({ name: 'Promo', color: 'blue' }, 'PUT')).errors, { color: ['The color field must be a valid hexadecimal color.'] });
  assert.equal((await validateSignature({ name: 'n'.repeat(256), content: 'c' })).status, 422);
  const preview = await previewPost({ id: 'p', content: 'a'.repeat(281), status: 'draft',
    platforms: [{ id: 'pp', platform: 'x', content_type: 'x_post', enabled: true }] });
  assert.equal(preview.platforms[0].over_limit, true);
  assert.equal(preview.platforms[0].sanitized_length, 281);
});
