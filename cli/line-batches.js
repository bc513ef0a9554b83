// JSON-lines input read in batches of whole lines, so the core is crossed once per batch (not per
// line) and memory stays bounded on inputs of any size.
const NEWLINE = 0x0a;

function countNewlines(bytes) {
  let n = 0;
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

// Yields {bytes, firstLine}: Buffers of about `batchBytes` ending at a line end (the last one may
// not), and the 1-based number of their first line.
export async function* lineBatches(stream, batchBytes = 1 << 22) {
  let pending = [];
  let pendingBytes = 0;
  let line = 1;
  for await (const chunk of stream) {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes < batchBytes) continue;
    const joined = Buffer.concat(pending, pendingBytes);
    const cut = joined.lastIndexOf(NEWLINE) + 1;
    if (cut === 0) {
      pending = [joined];
      continue;
    }
    const bytes = joined.subarray(0, cut);
    yield { bytes, firstLine: line };
    line += countNewlines(bytes);
    pending = [joined.subarray(cut)];
    pendingBytes = joined.length - cut;
  }
  if (pendingBytes > 0) yield { bytes: Buffer.concat(pending, pendingBytes), firstLine: line };
}
