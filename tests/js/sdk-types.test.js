// index.d.ts (and the modules it re-exports) is hand-written. The TypeScript compiler checks it (strict) together with
// tests/types/consumer.ts, which uses every export the way an application would; the names the
// declarations export and the names the SDK exports at run time must be the same set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as sdk from '../../web/sdk/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dtsPath = fileURLToPath(new URL('../../web/sdk/index.d.ts', import.meta.url));
const consumerPath = fileURLToPath(new URL('../types/consumer.ts', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// index.d.ts re-exports one module per part of the SDK (web/sdk/types/); the declared values are
// read from each of them.
const dts = readFileSync(dtsPath, 'utf8');
const parts = [...dts.matchAll(/^export \* from '(\.\/types\/[\w-]+)\.js';$/gm)].map((m) => new URL(`../../web/sdk/${m[1].slice(2)}.d.ts`, import.meta.url));
const declared = new Set(
  [dts, ...parts.map((u) => readFileSync(u, 'utf8'))]
    .flatMap((text) => [...text.matchAll(/^export (?:declare )?(?:function|class|const|let) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1])),
);
const consumer = readFileSync(consumerPath, 'utf8');
const valueImports = /^import \{([^}]*)\} from '\.\.\/\.\.\/web\/sdk\/index\.js';/m.exec(consumer);

test('tsc --strict accepts the declarations and a consumer that uses every export', async () => {
  const args = [tsc, '--noEmit', '--strict', '--pretty', 'false', '--target', 'es2022', '--lib', 'es2022,dom,dom.iterable',
    '--module', 'nodenext', '--moduleResolution', 'nodenext', dtsPath, consumerPath];
  const run = await promisify(execFile)(process.execPath, args, { cwd: root }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e) => ({ code: e.code, out: `${e.stdout}${e.stderr}` }),
  );
  assert.equal(run.code, 0, `tsc reported:\n${run.out}`);
  assert.doesNotMatch(run.out, /error TS\d+/);
});

test('the consumer imports every run-time export of the SDK', () => {
  assert.ok(valueImports, 'tests/types/consumer.ts imports the SDK values in one import statement');
  const used = new Set(valueImports[1].split(',').map((s) => s.trim()).filter(Boolean));
  for (const name of Object.keys(sdk)) assert.ok(used.has(name), `${name} is exported but the consumer does not use it`);
});

test('every declared value is exported by the SDK', () => {
  for (const name of declared) assert.ok(name in sdk, `${name} is declared in index.d.ts but not exported`);
});

test('every SDK export is declared in index.d.ts', () => {
  for (const name of Object.keys(sdk)) assert.ok(declared.has(name), `${name} is exported but not declared`);
});

test('the core loads in Node and answers', async () => {
  const v = await sdk.coreVersion();
  assert.match(v, /^\d+\.\d+\.\d+$/);
});
