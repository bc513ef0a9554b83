#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.js module, prints one table and writes
// bench/results.json. Each module exports `async function run()` returning rows:
// {suite, case, value, unit, peer?, peer_value?, ratio?, target?}
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const rows = [];
for (const f of files) {
  const mod = await import(pathToFileURL(dir + f).href);
  process.stderr.write(`bench: ${f}\n`);
  for (const row of await mod.run()) rows.push({ file: f, ...row });
}

const fmt = (v) => (typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3)) : v ?? '');
const header = ['suite', 'case', 'value', 'unit', 'peer', 'peer value', 'ratio', 'target'];
const table = rows.map((r) => [r.suite, r.case, fmt(r.value), r.unit, r.peer ?? '', fmt(r.peer_value), r.ratio ? `${fmt(r.ratio)}x` : '', r.target ?? '']);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => String(t[i]).length)));
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const t of table) console.log(line(t));

writeFileSync(
  new URL('results.json', import.meta.url),
  JSON.stringify(
    { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, rows },
    null,
    2,
  ) + '\n',
);
console.log(`\nwrote bench/results.json (${rows.length} rows)`);
