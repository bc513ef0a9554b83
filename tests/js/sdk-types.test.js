// index.d.ts is hand-written; this keeps it honest: every value it declares exists at run time
// and every runtime export is declared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as sdk from '../../web/sdk/index.js';

const dts = readFileSync(new URL('../../web/sdk/index.d.ts', import.meta.url), 'utf8');
const declared = new Set(
  [...dts.matchAll(/^export (?:declare )?(?:function|class|const|let) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]),
);

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
