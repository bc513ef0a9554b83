// trypost validate: the CLI face of the post rules. One answer line per request line, in order;
// a malformed line answers {"error"} and the batch goes on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const bin = new URL('../../bin/trypost.js', import.meta.url).pathname;
const run = (args, input) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });

const now = '2026-05-10T12:00:00Z';
const workspace = {
  social_accounts: [
    { id: 'acc-x', platform: 'x', display_name: 'X', username: '@x', is_active: true, status: 'connected' },
    { id: 'acc-pin', platform: 'pinterest', display_name: 'P', username: 'p', is_active: true, status: 'connected' },
    { id: 'acc-off', platform: 'x', display_name: 'Off', username: 'off', is_active: false, status: 'connected' },
  ],
  labels: [{ id: 'lab-1', name: 'Promo', color: '#4f46e5' }],
  posts: [
    {
      id: 'post-1', content: 'Pin me', status: 'draft', scheduled_at: null, labels: [],
      media: [{ id: 'm1', url: 'https://cdn.example.com/a.jpg', type: 'image', mime_type: 'image/jpeg', size: 1000 }],
      platforms: [{ id: 'pp-1', platform: 'pinterest', content_type: 'pinterest_pin', meta: {}, status: 'pending',
        enabled: true, social_account: { id: 'acc-pin' } }],
    },
    { id: 'post-done', content: 'x', status: 'published', media: [], labels: [],
      platforms: [{ id: 'pp-2', platform: 'x', content_type: 'x_post', enabled: true }] },
  ],
};
const line = (o) => JSON.stringify({ workspace, now, ...o });
const parseLines = (out) => out.trimEnd().split('\n').map((l) => JSON.parse(l));

test('validate --jsonl answers each line in order, with the API status and Laravel messages', () => {
  const input = [
    line({ method: 'POST', body: { content: 'Hi', platforms: [{ social_account_id: 'acc-x', content_type: 'x_post' }] } }),
    line({ method: 'POST', body: { content: 'a'.repeat(10001), platforms: [{ social_account_id: 'acc-off', content_type: 'x_post' }] } }),
    line({ method: 'PUT', post_id: 'post-1', body: { status: 'publishing', platforms: [{ id: 'pp-1' }] } }),
    line({ method: 'PUT', post_id: 'post-1', body: { status: 'publishing', platforms: [{ id: 'pp-1', meta: { board_id: '42' } }] } }),
    line({ method: 'PUT', post_id: 'post-done', body: { status: 'draft' } }),
    line({ method: 'POST', body: { platforms: [{ social_account_id: 'acc-x', content_type: 'x_post' }], scheduled_at: '2026-05-10T13:59:59+02:00' } }),
  ].join('\n') + '\n';
  const r = run(['validate', '--jsonl'], input);
  assert.equal(r.status, 0, r.stderr);
  const out = parseLines(r.stdout);
  assert.equal(out.length, 6);
  assert.deepEqual(out[0], { valid: true, status: 201, message: '', errors: {} });
  assert.equal(out[1].status, 422);
  assert.equal(out[1].message, 'The content field must not be greater than 10000 characters. (and 1 more error)');
  assert.deepEqual(out[1].errors['platforms.0.social_account_id'], ['The selected platforms.0.social account id is invalid.']);
  assert.deepEqual(out[2].errors, { 'platforms.0.meta.board_id': ['The platforms.0.meta.board id field is required.'] });
  assert.deepEqual(out[3], { valid: true, status: 200, message: '', errors: {} });
  assert.equal(out[4].message, 'This post has already been processed and cannot be re-published. Duplicate it to try again.');
  assert.equal(out[4].status, 422);
  assert.deepEqual(out[5].errors.scheduled_at, ['The scheduled at field must be a date after now.']);
});

test('a malformed line answers {"error"} on its own line and the rest still run', () => {
  const good = line({ method: 'POST', body: { platforms: [{ social_account_id: 'acc-x', content_type: 'x_post' }] } });
  const r = run(['validate', '--jsonl'], `${good}\n{"workspace": oops\n${JSON.stringify({ method: 'DELETE', body: {}, now })}\n${good}\n`);
  assert.equal(r.status, 0, r.stderr);
  const out = parseLines(r.stdout);
  assert.equal(out.length, 4);
  assert.equal(out[0].valid, true);
  assert.match(out[1].error, /^line 2: malformed JSON/);
  assert.match(out[2].error, /^line 3: method/);
  assert.equal(out[3].valid, true);
});

test('without --jsonl, one request answers with notices, dropped meta keys and the body to send', () => {
  const body = { platforms: [{ social_account_id: 'acc-pin', content_type: 'pinterest_pin', meta: { board_id: '1', privacy_level: 'SELF_ONLY' } }] };
  const r = run(['validate'], line({ method: 'POST', body }));
  assert.equal(r.status, 0, r.stderr);
  const [out] = parseLines(r.stdout);
  assert.equal(out.valid, true);
  assert.deepEqual(out.dropped, ['platforms.0.meta.privacy_level']);
  assert.deepEqual(out.body.platforms[0].meta, { board_id: '1' });
});

test('validate --catalog prints the content-type catalog; a bad flag is a usage error', () => {
  const r = run(['validate', '--catalog']);
  assert.equal(r.status, 0, r.stderr);
  const catalog = JSON.parse(r.stdout);
  assert.equal(catalog.platforms.length, 14);
  assert.equal(run(['validate', '--nope']).status, 2);
  assert.match(run(['--help']).stdout, /validate/);
});

test('validate --jsonl numbers lines across its input batches', () => {
  const good = line({ method: 'POST', body: { platforms: [{ social_account_id: 'acc-x', content_type: 'x_post' }] } });
  const n = Math.ceil((1 << 21) / good.length);  // past the 1 MB batch
  const input = `${Array(n).fill(good).join('\n')}\n{"oops"\n${good}\n`;
  const r = run(['validate', '--jsonl'], input);
  assert.equal(r.status, 0, r.stderr);
  const out = parseLines(r.stdout);
  assert.equal(out.length, n + 2);
  assert.match(out[n].error, new RegExp(`^line ${n + 1}: malformed JSON`));
  assert.equal(out[n + 1].valid, true);
});
