// The emulator counts X captions as X's own twitter-text does, so a caption the dashboard shows as
// fitting is scheduled and one over the limit is refused. Each caption holds text a hand-written
// link pattern gets wrong (file names, e-mail addresses, links followed by punctuation, emoji
// sequences), padded to exactly 280 and then 281 weighted characters by twitter-text's count.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { IDS, startEmulator } from '../../server/emulator/test-harness.js';

const twitter = createRequire(import.meta.url)('twitter-text');
const future = () => new Date(Date.now() + 2 * 86400000).toISOString().replace(/\.\d+Z$/, 'Z');

const TRICKY = [
  'the draft is in notes.txt and the script in node.js',
  'write to someone@example.com or ops@trypost.example',
  'read https://example.com/docs. Then reply.',
  'details (see https://example.com/a/b) and more',
  'short link example.com) closes a bracket',
  'emoji: 👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽 🇫🇷 ❤️',
  'mixed: café, 日本語, naïve, https://t.co/abc?x=1, #tag @handle',
];

// The caption grown with "a" until twitter-text weighs it `target`.
function padTo(text, target) {
  let s = `${text} `;
  while (twitter.parseTweet(s).weightedLength < target) s += 'a';
  assert.equal(twitter.parseTweet(s).weightedLength, target, `could not pad to ${target}: ${text}`);
  return s;
}

describe('emulator: X captions counted as twitter-text counts them', () => {
  let h;
  before(async () => {
    h = await startEmulator({ mode: 'self-hosted' });
  });
  after(() => h.close());

  const schedule = async (content) => {
    const d = await h.api('POST', 'posts', { body: { content: 'draft', platforms: [{ social_account_id: IDS.x, content_type: 'x_post' }] } });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    return h.api('PUT', `posts/${d.body.id}`, { body: { status: 'scheduled', scheduled_at: future(), content } });
  };

  for (const text of TRICKY) {
    test(`280 fits and 281 does not: ${text}`, async () => {
      const fits = padTo(text, 280);
      assert.equal(twitter.parseTweet(fits).valid, true);
      const a = await schedule(fits);
      assert.equal(a.status, 200, JSON.stringify(a.body));
      const over = `${fits}a`;
      assert.equal(twitter.parseTweet(over).valid, false);
      const b = await schedule(over);
      assert.equal(b.status, 422, JSON.stringify(b.body));
      assert.ok(b.body.errors.content);
    });
  }
});
