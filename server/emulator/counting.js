// Caption length as the platforms count it: X with X's own twitter-text library (weighted
// characters, links as 23, emoji as 2), Bluesky in grapheme clusters, everyone else in Unicode
// code points. twitter-text is a dev dependency: the emulator is a development tool and never
// ships, and the core (the product's counter) carries its own reading of the same rules.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const twitter = require('twitter-text');
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function captionLength(text, platform) {
  const s = text ?? '';
  if (platform === 'x') return twitter.parseTweet(s).weightedLength;
  if (platform === 'bluesky') return [...graphemes.segment(s)].length;
  return [...s].length;
}
export const codePoints = (s) => [...(s ?? '')].length;
