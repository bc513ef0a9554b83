// trypost count: one answer per text, JSON lines in order, usage errors exit 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const bin = new URL('../../bin/trypost.js', import.meta.url).pathname;
const trypost = (args, input) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });

test('count --type --text prints length, max_length and valid', () => {
  const r = trypost(['count', '--type', 'x_post', '--text', 'Hi http://test.co']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { content_type: 'x_post', length: 26, max_length: 280, valid: true });
  assert.match(r.stdout, /^\{"content_type":"x_post","length":26,"max_length":280,"valid":true\}\n$/);
});

test('count reads the text from stdin when --text is absent', () => {
  const at = trypost(['count', '--type', 'bluesky_post'], '👨‍👩‍👧'.repeat(300));
  assert.equal(at.status, 0, at.stderr);
  assert.deepEqual(JSON.parse(at.stdout), { content_type: 'bluesky_post', length: 300, max_length: 300, valid: true });
  const over = trypost(['count', '--type', 'bluesky_post'], '👨‍👩‍👧'.repeat(301));
  assert.equal(JSON.parse(over.stdout).valid, false);
});

test('count --jsonl answers each line in order; a malformed line gets an error line', () => {
  const input = [
    JSON.stringify({ content_type: 'x_post', text: '漢'.repeat(140) }),
    'this is not json',
    JSON.stringify({ content_type: 'fax', text: 'a' }),
    JSON.stringify({ content_type: 'x_post' }),
    JSON.stringify({ content_type: 'mastodon_post', text: 'a'.repeat(501) }),
  ].join('\n') + '\n';
  const r = trypost(['count', '--jsonl'], input);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 5);
  assert.deepEqual(lines[0], { content_type: 'x_post', length: 280, max_length: 280, valid: true });
  assert.match(lines[1].error, /malformed/);
  assert.match(lines[2].error, /content_type/);
  assert.match(lines[3].error, /text/);
  assert.deepEqual(lines[4], { content_type: 'mastodon_post', length: 501, max_length: 500, valid: false });
});

test('an unknown --type, or none, is a usage error (exit 2)', () => {
  const r = trypost(['count', '--type', 'fax', '--text', 'a']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown --type "fax"/);
  assert.equal(r.stdout, '');
  assert.equal(trypost(['count', '--text', 'a']).status, 2);
  assert.equal(trypost(['count', '--type', 'x_post', '--bogus']).status, 2);
});

test('count --jsonl over several batches answers every line as the single count does', async () => {
  const { makeCorpus } = await import('./counting-corpus.js');
  const texts = makeCorpus(30000, 7);  // about 9 MB: three batches
  const types = ['x_post', 'bluesky_post', 'mastodon_post'];
  const input = texts.map((text, i) => JSON.stringify({ content_type: types[i % 3], text })).join('\n') + '\n';
  assert.ok(Buffer.byteLength(input) > 1 << 23);
  const r = spawnSync(process.execPath, [bin, 'count', '--jsonl'], { input, encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, texts.length);
  const { countTexts } = await import('../../web/sdk/counting.js');
  for (const [k, type] of types.entries()) {
    const mine = texts.filter((_, i) => i % 3 === k);
    const lengths = await countTexts(type, mine);
    const answered = lines.filter((_, i) => i % 3 === k).map((l) => JSON.parse(l).length);
    assert.deepEqual(answered, [...lengths], type);
  }
});
