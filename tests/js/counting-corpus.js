import { mulberry32 as rng } from '../../server/seeded-random.js';
export { rng };
// A seeded corpus of captions for the counting tests and benchmark: URLs with and without a
// scheme, emoji sequences of every kind, CJK, Hangul, combining marks (composed and not), other
// scripts and newlines, joined by spaces, newlines, punctuation or nothing at all.

// Emoji sequences twitter-text 3.1 (through twemoji-parser 11) parses as one emoji.
export const KNOWN_EMOJI = [
  '😀', '🔥', '😷', '🐱', '💩', '🎉', '🙏', '☺', '☺️', '❤️', '❤', '✨', '⌚', '☕', '✅', '©️', '®️', '™️',
  '#️⃣', '*️⃣', '0️⃣', '1️⃣', '9️⃣', '1⃣', // keycaps, with and without FE0F
  '🇺🇸', '🇯🇵', '🇩🇪', '🇫🇷', '🇧🇷', '🇺🇦', '🇰🇷', '🇪🇺', // flags
  '👍🏽', '👋🏿', '🙋🏽', '💃🏾', '🧕🏾', '✌🏻', '👶🏼', // skin-tone modifiers
  '👨‍👩‍👧‍👦', '👩‍💻', '👨‍🎤', '🏳️‍🌈', '🏴‍☠️', '👩‍❤️‍👨', '👨‍👨‍👦', '🏃‍♀️', '🏌️‍♂️', '👨🏽‍🚀', '👁‍🗨', '👩🏽‍🦰', // ZWJ
  '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', // tag sequences (England, Scotland)
];

// Sequences newer than twitter-text's emoji list (or forms it lacks): X's library weighs their
// parts one by one, the core follows Unicode 17 and counts each as one emoji (2).
export const NEWER_THAN_TWITTER_TEXT = [
  '🧑🏿‍💻', // technologist, skin tone (Emoji 12.1 / 13)
  '🧑‍💻', // technologist (Emoji 12.1)
  '🐦‍🔥', // phoenix (Emoji 15.1)
  '❤️‍🔥', // heart on fire (Emoji 13.1)
  '🧑‍🤝‍🧑', // people holding hands (Emoji 12)
  '🫱🏻‍🫲🏿', // handshake, two skin tones (Emoji 14)
  '🙂‍↔️', // head shaking horizontally (Emoji 15.1)
  '🧑‍🧑‍🧒', // family: adult, adult, child (Emoji 15.1)
  '🤝🏽', // handshake with a skin tone (modifier base since Emoji 14)
  '🏳️‍⚧️', // transgender flag (Emoji 13)
  '👁️‍🗨️', // eye in speech bubble, fully qualified (twemoji 11 lists only the bare form)
];

const WORDS = ['hello', 'world', 'Launch', 'day', 'the', 'new', 'release', 'is', 'live', 'check', 'this', 'out',
  'café', 'naïve', 'Ångström', 'Привет', 'мир', 'Καλημέρα', 'שלום', 'مرحبا', 'नमस्ते', 'क्षत्रिय', 'สวัสดี',
  '2026', '#launch', '@trypost', '$TRY', 'e.g.', 'v1.2.3', 'file.txt', 'a.b', 'end.', 'Mr.Smith'];
const CJK = ['故人西辞黄鹤楼', '烟花三月下扬州', 'こんにちは', 'カタカナ', '한국어', '안녕하세요', '漢字', '，', '。', '「引用」'];
// Decomposed or oddly ordered text that NFC changes (X counts after NFC).
const DECOMPOSED = ['cafe\u0301', 'A\u030A', 'e\u0301\u0301', 'a\u0307\u0323', 'a\u0323\u0307', '\u1100\u1161',
  '\u1100\u1161\u11A8', '\u110B\u1175', 'o\u0308\u0304', '\u0915\u093C', 'ﬁ', '\uF900', 'Å'];
const MARKS = ['\u0301', '\u0300', '\u0308', '\u0323', '\u0345', '\u20DD', '\u0489', '\u05B7', '\u093F'];
const URLS_WITH_SCHEME = ['https://example.com', 'http://www.twitter.com/jack', 'https://t.co/abc123',
  'https://t.co/AbC9?x=1', 'https://sub.domain.co.uk/path?q=1&r=2#frag', 'https://example.com/path_(with)_parens',
  'HTTPS://EXAMPLE.COM/UPPER', 'http://localhost.localdomain', 'https://trypost.app/blog/2026/hello-world.',
  'https://example.org:8080/a/b', 'https://例え.jp/パス', 'http://xn--bcher-kva.example', 'https://a.b.c.d.museum/',
  'https://example.com/?q=a,b', 'https://www.example.co/', 'http://foo.bar/@user/', 'https://x.com/i/status/1'];
const URLS_WITHOUT_SCHEME = ['example.com', 'www.example.org/about', 'foo.bar.io', 'nic.xyz', 'test.co',
  'trypost.app/pricing', 'blog.example.com/a-b_c?d=e', 'shop.example.de', 'example.com:3000', 'github.io',
  'domain.com.', '.example.com', 'under_score.com', 'x.co.uk/p', 'café.fr', 'bücher.de', 'ex-ample.net/(a)'];
const SEPARATORS = [' ', ' ', ' ', '\n', '\r\n', ', ', '. ', ' - ', '', '\t', '\u3000'];


export function makeCorpus(count = 10000, seed = 20261127, { newerShare = 0.15 } = {}) {
  const r = rng(seed);
  const pick = (arr) => arr[Math.floor(r() * arr.length)];
  const texts = [];
  for (let i = 0; i < count; i++) {
    const tokens = 3 + Math.floor(r() * 40);
    const withNewer = r() < newerShare;
    let s = '';
    for (let k = 0; k < tokens; k++) {
      const x = r();
      let tok;
      if (x < 0.30) tok = pick(WORDS);
      else if (x < 0.40) tok = pick(CJK);
      else if (x < 0.47) tok = pick(DECOMPOSED);
      else if (x < 0.52) tok = pick(WORDS) + pick(MARKS);
      else if (x < 0.60) tok = pick(URLS_WITH_SCHEME);
      else if (x < 0.68) tok = pick(URLS_WITHOUT_SCHEME);
      else if (x < 0.90) tok = pick(KNOWN_EMOJI);
      else if (x < 0.93 && withNewer) tok = pick(NEWER_THAN_TWITTER_TEXT);
      else tok = pick(WORDS);
      s += (k ? pick(SEPARATORS) : '') + tok;
    }
    texts.push(s);
  }
  return texts;
}

export function containsNewer(text) {
  return NEWER_THAN_TWITTER_TEXT.some((e) => text.includes(e));
}
