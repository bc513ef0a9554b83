// Character counting as each platform counts, asked of the core. countTexts crosses into the
// WASM module once per batch: the texts are joined, encoded straight into the module's memory
// with one TextEncoder.encodeInto, and their UTF-16 lengths tell the core where each one ends.
import { loadCore, parseCoreAnswer, CoreError } from './core.js';

const encoder = new TextEncoder();

function wellFormed(text) {
  return typeof text.toWellFormed === 'function' ? text.toWellFormed() : text;
}

// Counts every text for one content type; returns an Int32Array of lengths in the platform's
// unit (X weighted characters, Bluesky graphemes, code points elsewhere).
export async function countTexts(contentType, texts) {
  const core = await loadCore();
  const n = texts.length;
  const lengths = new Uint32Array(n);
  const parts = new Array(n);
  for (let i = 0; i < n; i++) {
    let t = texts[i];
    if (typeof t !== 'string') throw new TypeError(`texts[${i}] must be a string`);
    const len = t.length;
    // A lone high surrogate at the end could pair with the next text's start once joined;
    // TextEncoder would write it as U+FFFD anyway, so write that (same length, same bytes).
    if (len > 0) {
      const last = t.charCodeAt(len - 1);
      if (last >= 0xd800 && last <= 0xdbff) t = t.slice(0, -1) + '\uFFFD';
    }
    parts[i] = t;
    lengths[i] = len;
  }
  const joined = parts.join('');
  const maxBytes = joined.length * 3;
  const base = core.countBatchBuffer(maxBytes, n);
  if (!base) throw new CoreError('out of memory for a counting batch');
  const heap = core.HEAPU8; // read after the call: the buffer may have grown memory
  const { written } = encoder.encodeInto(joined, heap.subarray(base, base + maxBytes));
  const lengthsAt = base + ((written + 3) & ~3);
  new Uint32Array(heap.buffer, lengthsAt, n).set(lengths);
  if (!core.countBatchRun(contentType, written, n)) throw new CoreError(`unknown content type: ${contentType}`);
  // Counting may grow memory too (scratch buffers), which detaches the old view: look again.
  return new Int32Array(core.HEAPU8.buffer, lengthsAt + 4 * n, n).slice();
}

// One text: {content_type, length, max_length, valid}.
export async function count(contentType, text) {
  const core = await loadCore();
  if (typeof text !== 'string') throw new TypeError('text must be a string');
  return parseCoreAnswer(core.countText(JSON.stringify({ content_type: contentType, text: wellFormed(text) })));
}
