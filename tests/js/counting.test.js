// Counting through the SDK against the peers users compare with: twitter-text's parseTweet for
// x_post and Intl.Segmenter for bluesky_post, on a seeded corpus of 10,000 captions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { countTexts, count } from '../../web/sdk/index.js';
import { makeCorpus, containsNewer, rng, KNOWN_EMOJI, NEWER_THAN_TWITTER_TEXT } from './counting-corpus.js';

const require = createRequire(import.meta.url);
const twitter = require('twitter-text');
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const graphemes = (s) => {
  let n = 0;
  for (const _ of segmenter.segment(s)) n++;
  return n;
};

const corpus = makeCorpus(10000);

test('the corpus mixes what it claims to', () => {
  assert.equal(corpus.length, 10000);
  const share = (re) => corpus.filter((t) => re.test(t)).length;
  assert.ok(share(/https?:\/\//i) > 5000);
  assert.ok(share(/(^|[\s,])(example\.com|foo\.bar\.io|nic\.xyz|test\.co)/) > 1000);
  assert.ok(share(/\u200D/) > 3000); // ZWJ sequences
  assert.ok(share(/\p{Regional_Indicator}{2}/u) > 1000); // flags
  assert.ok(share(/\p{Emoji_Modifier}/u) > 1000); // skin tones
  assert.ok(share(/\u20E3/) > 1000); // keycaps
  assert.ok(share(/\p{Script=Han}/u) > 1000);
  assert.ok(share(/\p{M}/u) > 3000); // combining marks
  assert.ok(share(/\n/) > 3000);
  assert.ok(corpus.filter((t) => t.normalize('NFC') !== t).length > 1000);
});

test('the emoji lists are honest: twitter-text weighs known sequences 2, newer ones more', async () => {
  for (const e of KNOWN_EMOJI) assert.equal(twitter.parseTweet(e).weightedLength, 2, `twitter-text should know ${e}`);
  for (const e of NEWER_THAN_TWITTER_TEXT) assert.ok(twitter.parseTweet(e).weightedLength > 2, `twitter-text already knows ${e}`);
  const ours = await countTexts('x_post', [...KNOWN_EMOJI, ...NEWER_THAN_TWITTER_TEXT]);
  assert.ok(ours.every((n) => n === 2));
});

test('x_post: the core agrees with twitter-text parseTweet on every corpus text without newer emoji', async () => {
  const got = await countTexts('x_post', corpus);
  let compared = 0;
  const mismatches = [];
  for (let i = 0; i < corpus.length; i++) {
    if (containsNewer(corpus[i])) continue;
    compared++;
    const want = twitter.parseTweet(corpus[i]).weightedLength;
    if (got[i] !== want) mismatches.push({ text: corpus[i], got: got[i], want });
  }
  assert.ok(compared > 8000, `compared ${compared}`);
  assert.deepEqual(mismatches.slice(0, 5), []);
});

test('x_post: newer emoji sequences count 2 each, where twitter-text counts their parts', async () => {
  const texts = corpus.filter(containsNewer);
  assert.ok(texts.length > 300, `only ${texts.length} texts with newer sequences`);
  const got = await countTexts('x_post', texts);
  // Replacing each newer sequence by an emoji twitter-text knows (also 2) must give our count.
  const byLength = [...NEWER_THAN_TWITTER_TEXT].sort((a, b) => b.length - a.length);
  for (let i = 0; i < texts.length; i++) {
    let replaced = texts[i];
    for (const e of byLength) replaced = replaced.replaceAll(e, '😀');
    assert.equal(got[i], twitter.parseTweet(replaced).weightedLength, texts[i]);
    assert.notEqual(got[i], twitter.parseTweet(texts[i]).weightedLength, texts[i]);
  }
});

test('bluesky_post: the core agrees with Intl.Segmenter on every corpus text', async () => {
  const got = await countTexts('bluesky_post', corpus);
  const mismatches = [];
  for (let i = 0; i < corpus.length; i++) {
    const want = graphemes(corpus[i]);
    if (got[i] !== want) mismatches.push({ text: corpus[i], got: got[i], want });
  }
  assert.deepEqual(mismatches.slice(0, 5), []);
});

test('other content types count code points', async () => {
  const got = await countTexts('mastodon_post', corpus.slice(0, 2000));
  for (let i = 0; i < got.length; i++) assert.equal(got[i], [...corpus[i]].length);
});

test('validate.yml WeightedTweetsWithDiscountedEmojiCounterTest through the SDK', async () => {
  const yml = readFileSync(new URL('../fixtures/twitter-text/validate.yml', import.meta.url), 'utf8');
  const section = yml.slice(yml.indexOf('  WeightedTweetsWithDiscountedEmojiCounterTest:'));
  const body = section.slice(0, section.indexOf('\n  ', 10) === -1 ? undefined : section.search(/\n  [A-Za-z]/));
  const texts = [...body.matchAll(/^ {6}text: (".*")$/gm)].map((m) => JSON.parse(m[1]));
  const lengths = [...body.matchAll(/^ {8}weightedLength: (\d+)$/gm)].map((m) => Number(m[1]));
  assert.equal(texts.length, 22);
  assert.equal(lengths.length, 22);
  const got = await countTexts('x_post', texts);
  assert.deepEqual([...got], lengths);
});

test('boundaries: at the limit valid, one more not', async () => {
  const cases = [
    ['x_post', 'a', 280],
    ['x_post', '漢', 140], // CJK weighs 2
    ['bluesky_post', '👨‍👩‍👧', 300], // one grapheme each
    ['linkedin_post', 'é', 3000],
    ['mastodon_post', 'a', 500],
    ['telegram_post', 'a', 4096],
    ['youtube_short', '😀', 100], // one code point each
  ];
  for (const [type, unit, n] of cases) {
    const at = await count(type, unit.repeat(n));
    const over = await count(type, unit.repeat(n + 1));
    assert.equal(at.valid, true, `${type} at limit`);
    assert.equal(over.valid, false, `${type} over limit`);
    assert.equal(over.length, at.length + (type === 'x_post' && unit === '漢' ? 2 : 1));
    assert.equal(at.max_length, over.max_length);
  }
  const x = await count('x_post', 'https://example.com/' + 'a'.repeat(4000));
  assert.equal(x.length, 23); // URLs count 23 however long (up to twitter-text's 4096)
});

test('countTexts: edge texts and errors', async () => {
  const texts = ['', '\uD83D', '\uDE00x', 'a\uD83D', '\uDE00', '😀'];
  const got = await countTexts('mastodon_post', texts);
  assert.deepEqual([...got], [0, 1, 2, 2, 1, 1]);
  await assert.rejects(countTexts('fax', ['a']), /unknown content type/);
  await assert.rejects(count('fax', 'a'), /unknown content_type/);
  assert.deepEqual(await count('x_post', 'hi'), { content_type: 'x_post', length: 2, max_length: 280, valid: true });
});

test('x_post: URL-shaped noise agrees with twitter-text (the regex replay, edge by edge)', async () => {
  // Pieces that sit on the edges of twitter-text's URL expression: schemes, dots, TLDs and
  // near-TLDs, ports, paths with parens, queries, t.co slugs, punycode, IDNA dots, Latin and
  // Cyrillic path letters, underscores in labels, characters that may not precede a URL.
  const pieces = ['http://', 'https://', 'HTTPS://', 'www.', 'a', 'ab', 'x1', 'é', 'ж', '中', '😀', '.', '.', '.',
    'com', 'co', 'COM', 'uk', 'io', 'jp', 'xyz', 'museum', 'vermögensberatung', 'コム', 'онлайн', 'xn--p1ai',
    'xn--', 'comx', 'con', '/', '/', '(', ')', '?', '=', '&', '#', '-', '_', '@', ':', '8080', ',', ';', '!',
    "'", '~', '|', '$', '%20', '–', ' ', ' ', '\n', 't.co/', 'abc', '。', '\u200F', '\u202A', '#tag', '@user'];
  const r = rng(7);
  const texts = [];
  for (let i = 0; i < 5000; i++) {
    let s = '';
    const n = 2 + Math.floor(r() * 14);
    for (let k = 0; k < n; k++) s += pieces[Math.floor(r() * pieces.length)];
    texts.push(s);
  }
  const got = await countTexts('x_post', texts);
  const mismatches = [];
  for (let i = 0; i < texts.length; i++) {
    const want = twitter.parseTweet(texts[i]).weightedLength;
    if (got[i] !== want) mismatches.push({ text: texts[i], got: got[i], want });
  }
  assert.deepEqual(mismatches.slice(0, 5), []);
});

test('countTexts survives memory growth inside one batch (a huge text after small ones)', async () => {
  const big = 'x.co '.repeat(400000) + 'é\u0301'.repeat(200000); // NFC and URL scratch grow memory
  const got = await countTexts('x_post', ['a', big, 'b']);
  assert.equal(got[0], 1);
  assert.equal(got[2], 1);
  assert.equal(got[1], 400000 * 23 + 400000 + 200000 * 2);
});
