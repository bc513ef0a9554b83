// What the dashboard announces at once after its first paint (deferred-modules.js, REST): the
// modules behind the SDK, the composer, settings, the first visit's month and the remembered
// session, each once. A module left out is found one import level later, a round of fetch and
// parse on a first visit; one of the first paint's is fetched already.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { staticGraph } from './module-graph.js';

const SOURCE = readFileSync(new URL('../../web/app/deferred-modules.js', import.meta.url), 'utf8');

// The REST list as written, and the modules loadRest and session() import.
const listed = () => {
  const start = SOURCE.indexOf('const REST = [');
  assert.ok(start >= 0, 'deferred-modules.js keeps its REST list');
  return [...SOURCE.slice(start, SOURCE.indexOf('];', start)).matchAll(/'([^']+)'/g)].map((m) => m[1].replace(/^\.\//, ''));
};
const entries = () => [...SOURCE.matchAll(/import\('([^']+)'\)/g)].map((m) => m[1].replace(/^\.\//, ''));

test('after the first paint, the rest of the module graph is announced in one round', () => {
  const firstPaint = staticGraph('main.js');
  const rest = [...staticGraph(...entries())].filter((m) => !firstPaint.has(m));
  // The WASM core's glue is imported by core.js when the core loads, not statically.
  const expected = [...rest, '../sdk/wasm/trypost-core.mjs'].sort();
  assert.ok(entries().includes('../sdk/index.js') && entries().includes('session.js'), 'the SDK and the session are among the entries');
  assert.deepEqual([...listed()].sort(), expected);
  assert.equal(new Set(listed()).size, listed().length, 'each module once');
});
