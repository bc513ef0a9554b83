import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const bin = new URL('../../bin/trypost.js', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

export function trypost(args, input) {
  return spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });
}

test('trypost --version names the package and the core version', () => {
  const r = trypost(['--version']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^trypost ${pkg.version.replaceAll('.', '\\.')} \\(core [0-9.]+\\)\\n$`));
});

test('trypost --help lists usage and exits 0', () => {
  const r = trypost(['--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^usage: trypost <command>/);
});

test('an unknown command exits 2 with a usage line on stderr', () => {
  const r = trypost(['frobnicate']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command "frobnicate"/);
  assert.match(r.stderr, /usage: trypost/);
  assert.equal(r.stdout, '');
});
