// trypost count: a caption's length as the platform counts it.
import { createInterface } from 'node:readline';
import { parseCommandArgs, readStdin, UsageError } from '../args.js';
import { loadCore, parseCoreAnswer, CoreError } from '../../web/sdk/core.js';

export const summary = 'count a caption as the platform does (X weighted, Bluesky graphemes, ...)';
export const help = `usage: trypost count --type CONTENT_TYPE [--text TEXT]
       trypost count --jsonl

  --type T     a content type (x_post, bluesky_post, linkedin_post, ...)
  --text S     the text; without it the text is read whole from stdin
  --jsonl      read lines {"content_type": T, "text": S} from stdin and answer one line each,
               in order; a malformed line gets {"error": "..."} and the rest still run

prints {"content_type":T,"length":N,"max_length":M,"valid":bool}`;

// The core answers in the API's spelling; an error answer (unknown type) becomes a CoreError.
function countOne(core, contentType, text) {
  return parseCoreAnswer(core.countText(JSON.stringify({ content_type: contentType, text: text.toWellFormed?.() ?? text })));
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
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      let answer;
      try {
        const item = JSON.parse(line);
        if (!item || typeof item !== 'object' || Array.isArray(item)) throw new Error('expected an object {"content_type", "text"}');
        answer = core.countText(JSON.stringify({ content_type: item.content_type, text: typeof item.text === 'string' ? item.text.toWellFormed?.() ?? item.text : item.text }));
        JSON.parse(answer); // the core always answers JSON
      } catch (err) {
        answer = JSON.stringify({ error: `malformed line: ${err.message}` });
      }
      process.stdout.write(answer + '\n');
    }
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
