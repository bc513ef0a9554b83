// Prints the delivered WASM module's sizes, raw and gzip, for every `npm run build`.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../web/sdk/wasm/', import.meta.url));
const rows = [];
for (const name of ['trypost-core.wasm', 'trypost-core.mjs']) {
  if (!existsSync(dir + name)) continue;
  const bytes = readFileSync(dir + name);
  rows.push({ file: name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KiB';
console.log('size:   file                       raw        gzip');
for (const r of rows) console.log(`size:   ${r.file.padEnd(22)} ${kb(r.raw)} ${kb(r.gzip)}`);
