// Caption length as the platforms count it: X weighs characters (twitter-text v3 ranges, URLs 23,
// emoji 2), Bluesky counts grapheme clusters, everyone else counts Unicode code points.
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const LIGHT = [[0x0000, 0x10ff], [0x2000, 0x200d], [0x2010, 0x201f], [0x2032, 0x2037]];
const URL_RE = /(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s]*)?/gi;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

function weightedX(text) {
  let t = text.normalize('NFC');
  let total = 0;
  t = t.replace(URL_RE, () => { total += 23; return ''; });
  for (const { segment } of graphemes.segment(t)) {
    if (EMOJI.test(segment)) { total += 2; continue; }
    for (const ch of segment) {
      const cp = ch.codePointAt(0);
      total += LIGHT.some(([a, b]) => cp >= a && cp <= b) ? 1 : 2;
    }
  }
  return total;
}

export function captionLength(text, platform) {
  const s = text ?? '';
  if (platform === 'x') return weightedX(s);
  if (platform === 'bluesky') return [...graphemes.segment(s)].length;
  return [...s].length;
}
export const codePoints = (s) => [...(s ?? '')].length;
