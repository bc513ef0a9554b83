// The scheduler: due posts go to publishing, then to published / partially_published / failed by
// the configured per-account outcomes (docs/api-contract.md#lifecycle).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createClock } from '../../server/emulator/clock.js';
import { IDS, startEmulator } from '../../server/emulator/test-harness.js';

let h;
let clock;
before(async () => {
  clock = createClock();
  h = await startEmulator({ clock });
});
after(() => h.close());

const iso = (ms) => new Date(ms).toISOString();
async function scheduled(platforms, extra = {}) {
  const p = await h.api('POST', 'posts', { body: { content: 'due soon', platforms, ...extra } });
  assert.equal(p.status, 201, JSON.stringify(p.body));
  const r = await h.api('PUT', `posts/${p.body.id}`, { body: { status: 'scheduled', scheduled_at: iso(clock.now() + 60000) } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}
const get = async (id) => (await h.api('GET', `posts/${id}`)).body;

test('a post is not touched before its time; once due it shows publishing for one tick, then published', async () => {
  const p = await scheduled([{ social_account_id: IDS.x, content_type: 'x_post' }]);
  await h.emulator.tick();
  assert.equal((await get(p.id)).status, 'scheduled');
  clock.advance(61000);
  await h.emulator.tick();
  const mid = await get(p.id);
  assert.equal(mid.status, 'publishing');
  assert.equal(mid.platforms[0].status, 'publishing');
  await h.emulator.tick();
  const done = await get(p.id);
  assert.equal(done.status, 'published');
  assert.match(done.published_at, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  assert.equal(done.platforms[0].status, 'published');
  assert.match(done.platforms[0].platform_url, /^https:\/\/x\.com\//);
  assert.equal(done.platforms[0].error_message, null);
});

test('some entries fail: partially_published, no post published_at, the error on the failed entry', async () => {
  await h.emulator.setOutcome(IDS.facebook, 'fail:Rate limit exceeded');
  const p = await scheduled([{ social_account_id: IDS.x, content_type: 'x_post' }, { social_account_id: IDS.facebook, content_type: 'facebook_post' }]);
  clock.advance(61000);
  await h.emulator.tick();
  await h.emulator.tick();
  const done = await get(p.id);
  assert.equal(done.status, 'partially_published');
  assert.equal(done.published_at, null);
  const fb = done.platforms.find((e) => e.platform === 'facebook');
  assert.deepEqual([fb.status, fb.error_message, fb.platform_url], ['failed', 'Rate limit exceeded', null]);
  assert.equal(done.platforms.find((e) => e.platform === 'x').status, 'published');
  await h.emulator.setOutcome(IDS.facebook, 'success');
});

test('every entry fails: failed; a Pinterest entry without board_id fails with the documented message', async () => {
  const p = await h.api('POST', 'posts', { body: { content: 'pin', platforms: [{ social_account_id: IDS.pinterest, content_type: 'pinterest_pin' }], media: [{ url: `${h.base}/fixtures/media/photo.jpg` }] } });
  await h.api('PUT', `posts/${p.body.id}`, { body: { status: 'publishing' } });
  await h.emulator.tick();
  const done = await get(p.body.id);
  assert.equal(done.status, 'failed');
  assert.equal(done.platforms[0].error_message, 'Pinterest board_id is required');
});

test('disabled entries are not published and do not count', async () => {
  await h.emulator.setOutcome(IDS.facebook, 'fail');
  const p = await h.api('POST', 'posts', { body: { content: 'x only', platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }, { social_account_id: IDS.facebook, content_type: 'facebook_post' }] } });
  const x = p.body.platforms.find((e) => e.platform === 'x');
  await h.api('PUT', `posts/${p.body.id}`, { body: { status: 'publishing', platforms: [{ id: x.id }] } });
  await h.emulator.tick();
  const done = await get(p.body.id);
  assert.equal(done.status, 'published');
  assert.equal(done.platforms.find((e) => e.platform === 'facebook').status, 'pending');
  await h.emulator.setOutcome(IDS.facebook, 'success');
});

test('the interval runs ticks on its own', async () => {
  const h2 = await startEmulator({ tickMs: 20 });
  try {
    const p = await h2.api('POST', 'posts', { body: { content: 'auto', platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }] } });
    await h2.api('PUT', `posts/${p.body.id}`, { body: { status: 'publishing' } });
    let status;
    for (let i = 0; i < 100 && status !== 'published'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = (await h2.api('GET', `posts/${p.body.id}`)).body.status;
    }
    assert.equal(status, 'published');
  } finally {
    await h2.close();
  }
});

test('the control route ticks and sets outcomes over HTTP', async () => {
  const r = await h.api('POST', '/_emulator/tick', { token: null });
  assert.equal(r.status, 200);
  assert.deepEqual(Object.keys(r.body).sort(), ['promoted', 'settled']);
  const o = await h.api('PUT', `/_emulator/outcomes/${IDS.x}`, { token: null, body: { outcome: 'fail:Token expired' } });
  assert.equal(o.status, 200);
  const p = await h.api('POST', 'posts', { body: { content: 'x', platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }] } });
  await h.api('PUT', `posts/${p.body.id}`, { body: { status: 'publishing' } });
  await h.api('POST', '/_emulator/tick', { token: null });
  const done = await get(p.body.id);
  assert.deepEqual([done.status, done.platforms[0].error_message], ['failed', 'Token expired']);
});
