// Prints the delivered WASM modules' sizes, raw and gzip, for every `npm run build`: the whole
// core the SDK loads (web/sdk/wasm/) and the calendar-only core the widget ships (build/wasm/,
// copied into dist/widget/ by scripts/build-widget.mjs).
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const modules = [
  ['web/sdk/wasm/', ['trypost-core.wasm', 'trypost-core.mjs']],
  ['build/wasm/', ['trypost-calendar-core.wasm', 'trypost-calendar-core.mjs']],
];
const rows = [];
for (const [dir, names] of modules) {
  for (const name of names) {
    if (!existsSync(root + dir + name)) continue;
    const bytes = readFileSync(root + dir + name);
    rows.push({ file: name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KiB';
console.log('size:   file                           raw        gzip');
for (const r of rows) console.log(`size:   ${r.file.padEnd(26)} ${kb(r.raw)} ${kb(r.gzip)}`);
