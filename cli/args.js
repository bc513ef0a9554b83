// A small wrapper over node:util parseArgs that turns its errors into usage errors (exit 2).
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  constructor(message) {
    super(message);
    this.exitCode = 2;
  }
}

export function parseCommandArgs(args, options) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values;
  } catch (err) {
    throw new UsageError(err.message);
  }
}

// Reads stdin whole (for commands that take one document) as UTF-8 text.
export async function readStdin() {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}
