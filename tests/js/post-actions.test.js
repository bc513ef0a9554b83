// What the composer offers and sends for each action is the core's answer through the SDK.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { postActions, planPostAction, CoreError } from '../../web/sdk/index.js';

test('drafts and scheduled posts can change; sent or sending posts cannot', async () => {
  assert.deepEqual(await postActions('draft'), { editable: true, deletable: true, actions: ['save', 'schedule', 'publish'], sends: { save: 'draft', schedule: 'scheduled', publish: 'publishing' } });
  assert.deepEqual(await postActions('scheduled'), { editable: true, deletable: true, actions: ['save', 'draft', 'publish'], sends: { save: 'scheduled', draft: 'draft', publish: 'publishing' } });
  for (const s of ['publishing', 'published', 'partially_published', 'failed']) assert.equal((await postActions(s)).editable, false, s);
  assert.deepEqual((await postActions()).actions, ['draft', 'schedule', 'publish']);
});

test('a post being published cannot be deleted; a sent one can, and each frozen post says why', async () => {
  const sending = await postActions('publishing');
  assert.equal(sending.deletable, false);
  assert.match(sending.why_frozen, /being published right now/);
  const failed = await postActions('failed');
  assert.equal(failed.deletable, true);
  assert.match(failed.why_frozen, /^This post failed to publish, so it can no longer be changed\. .*duplicate it as a new post\.$/);
});

const body = { content: 'Hi', scheduled_at: '2026-12-24T09:00:00Z', platforms: [{ social_account_id: 'a1', meta: { first_comment: 'x' } }] };

test('moving a scheduled post to drafts sends status draft and no time', async () => {
  const { update } = await planPostAction({ action: 'draft', status: 'scheduled', body });
  assert.equal(update.status, 'draft');
  assert.equal('scheduled_at' in update, false);
  assert.equal(update.content, 'Hi');
});

test('a new scheduled post is a create, then an update to scheduled at its time', async () => {
  const plan = await planPostAction({ action: 'schedule', body, platforms: ['pp1'] });
  assert.deepEqual(plan.create, body);
  assert.deepEqual(plan.then, { status: 'scheduled', scheduled_at: body.scheduled_at, platforms: [{ id: 'pp1', meta: { first_comment: 'x' } }] });
  assert.equal(plan.unfinished, 'Saved as a draft, not scheduled');
});

test('a new post published now is created without a time', async () => {
  const plan = await planPostAction({ action: 'publish', body });
  assert.equal('scheduled_at' in plan.create, false);
  assert.equal(plan.then.status, 'publishing');
});

test('a published post cannot be saved', async () => {
  await assert.rejects(planPostAction({ action: 'save', status: 'published', body }), (err) => err instanceof CoreError && err.details.status === 422);
});
