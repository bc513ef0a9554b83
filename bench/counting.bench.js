// Counting throughput on the 10,000-caption corpus of tests/js/counting-corpus.js, through the
// SDK's batch API (one crossing into WASM per batch) against the peers: twitter-text's
// parseTweet for x_post, Intl.Segmenter for bluesky_post.
import { createRequire } from 'node:module';
import { countTexts } from '../web/sdk/counting.js';
import { makeCorpus } from '../tests/js/counting-corpus.js';

const require = createRequire(import.meta.url);
const twitter = require('twitter-text');

// Best of several timed rounds, after a warm-up; texts per second.
async function throughput(fn, texts, rounds = 5) {
  await fn(texts);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    await fn(texts);
    best = Math.min(best, performance.now() - t0);
  }
  return texts.length / (best / 1000);
}

export async function run() {
  const corpus = makeCorpus(10000);
  const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
  let sink = 0;
  const tt = (texts) => {
    for (const t of texts) sink += twitter.parseTweet(t).weightedLength;
  };
  const seg = (texts) => {
    for (const t of texts) for (const _ of segmenter.segment(t)) sink++;
  };
  const ours = (type) => async (texts) => {
    const out = await countTexts(type, texts);
    sink += out[0];
  };
  const x = await throughput(ours('x_post'), corpus);
  const xPeer = await throughput(tt, corpus, 2);
  const b = await throughput(ours('bluesky_post'), corpus);
  const bPeer = await throughput(seg, corpus, 3);
  const cp = await throughput(ours('mastodon_post'), corpus);
  if (sink === -1) console.log(sink);
  return [
    { suite: 'counting', case: 'x_post weighted, 10k captions (batch)', value: x, unit: 'texts/s',
      peer: 'twitter-text parseTweet', peer_value: xPeer, ratio: x / xPeer, target: '>= 2x' },
    { suite: 'counting', case: 'bluesky_post graphemes, 10k captions (batch)', value: b, unit: 'texts/s',
      peer: 'Intl.Segmenter', peer_value: bPeer, ratio: b / bPeer, target: '>= 10x' },
    { suite: 'counting', case: 'code points (mastodon_post), 10k captions (batch)', value: cp, unit: 'texts/s' },
  ];
}
