// trypost count: a caption's length as the platform counts it.
import { parseCommandArgs, readStdin, UsageError } from '../args.js';
import { loadCore, parseCoreAnswer, CoreError } from '../../web/sdk/core.js';
import { readSync } from 'node:fs';

export const summary = 'count a caption as the platform does (X weighted, Bluesky graphemes, ...)';
export const help = `usage: trypost count --type CONTENT_TYPE [--text TEXT]
       trypost count --jsonl

  --type T     a content type (x_post, bluesky_post, linkedin_post, ...)
  --text S     the text; without it the text is read whole from stdin
  --jsonl      read lines {"content_type": T, "text": S} from stdin and answer one line each,
               in order (read and answered in batches of a few MB); a malformed line gets
               {"error": "..."} and the rest still run

prints {"content_type":T,"length":N,"max_length":M,"valid":bool}`;

// The core answers in the API's spelling; an error answer (unknown type) becomes a CoreError.
function countOne(core, contentType, text) {
  return parseCoreAnswer(core.countText(JSON.stringify({ content_type: contentType, text: text.toWellFormed?.() ?? text })));
}

const BATCH = 1 << 22;

// Reads stdin synchronously (a pipe opened non-blocking answers EAGAIN: wait a moment).
function readInto(buffer, offset, length) {
  for (;;) {
    try {
      return readSync(0, buffer, offset, length, null);
    } catch (err) {
      if (err.code === 'EOF') return 0;
      if (err.code !== 'EAGAIN') throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

// stdin is read straight into the core's buffer, a few MB at a time: each batch of whole lines is
// answered in one run and the answers go out in one write; an unfinished last line moves to the
// front for the next batch (the buffer doubles for a line longer than it).
function countLines(core) {
  let capacity = BATCH;
  let at = core.countLinesBuffer(capacity);
  let filled = 0;
  let eof = false;
  for (;;) {
    if (!at) throw new CoreError('out of memory for a counting batch');
    while (!eof && filled < capacity) {
      const n = readInto(core.HEAPU8, at + filled, capacity - filled);
      if (n === 0) eof = true;
      filled += n;
    }
    if (filled === 0) return;
    let cut = filled;
    if (!eof) {
      cut = core.HEAPU8.lastIndexOf(0x0a, at + filled - 1) - at + 1;
      if (cut <= 0) {
        capacity *= 2;
        at = core.countLinesBuffer(capacity);
        continue;
      }
    }
    const size = core.countLinesRun(cut);
    // Read HEAPU8 again: the run may have grown memory, which detaches the old view.
    const out = core.countLinesOutput();
    process.stdout.write(Buffer.from(core.HEAPU8.subarray(out, out + size)));
    core.HEAPU8.copyWithin(at, at + cut, at + filled);
    filled -= cut;
    if (eof && filled === 0) return;
  }
}

export async function run(args) {
  const opts = parseCommandArgs(args, {
    type: { type: 'string' },
    text: { type: 'string' },
    jsonl: { type: 'boolean' },
  });
  const core = await loadCore();
  if (opts.jsonl) {
    if (opts.type !== undefined || opts.text !== undefined) throw new UsageError('--jsonl takes no --type or --text');
    countLines(core);
    return 0;
  }
  if (opts.type === undefined) throw new UsageError('--type is required (or use --jsonl)');
  const text = opts.text ?? (await readStdin());
  let result;
  try {
    result = countOne(core, opts.type, text);
  } catch (err) {
    if (err instanceof CoreError && /content_type/.test(err.message)) throw new UsageError(`unknown --type "${opts.type}"`);
    throw err;
  }
  process.stdout.write(JSON.stringify(result) + '\n');
  return 0;
}
