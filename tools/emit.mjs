// What the table generators share: C++ array text and writing the generated pair of files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const hex = (v) => `0x${v.toString(16)}u`;
export const hex64 = (v) => `0x${v.toString(16)}ull`;
export const dec = (v) => `${v}`;

// `const <type> <name>[] = {...};` with `perLine` values a line, plus `const std::size_t
// <countName> = N;` when a count name is given. C++ has no empty arrays: an empty table holds
// one zero that its count leaves out.
export function table(type, name, values, perLine, fmt, countName) {
  const lines = [];
  for (let i = 0; i < values.length; i += perLine) lines.push(`  ${values.slice(i, i + perLine).map(fmt).join(', ')},`);
  if (!lines.length) lines.push('  0,');
  const count = countName ? `\nconst std::size_t ${countName} = ${values.length};` : '';
  return `const ${type} ${name}[] = {\n${lines.join('\n')}\n};${count}`;
}

export function writeGenerated(files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}
