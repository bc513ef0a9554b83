// web/app/main.js imports some modules without taking a name from them: the custom elements the
// first paint draws (their definitions run on import). Read from the sources: that list must be
// exactly what the page needs, no module more or less.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { staticGraph } from './module-graph.js';

const APP = new URL('../../web/app/', import.meta.url);
const source = (m) => readFileSync(new URL(m, APP), 'utf8');
const MAIN = source('main.js');
const rel = (m) => m.replace(/^\.\//, '');
const named = [...MAIN.matchAll(/^import\s+[^'";]*?from\s+'([^']+)'/gm)].map((m) => rel(m[1]));
const bare = [...MAIN.matchAll(/^import\s+'([^']+)'/gm)].map((m) => rel(m[1]));
const graph = [...staticGraph('main.js')].filter((m) => m !== 'main.js');
const defines = (m) => [...source(m).matchAll(/customElements\.define\('([^']+)'/g)].map((d) => d[1]);
const creates = (m) => [...source(m).matchAll(/createElement\('(tp-[^']+)'\)/g)].map((d) => d[1]);
// What the page imports once the first paint is done (settings, the composer, the SDK with the core).
const later = [...source('deferred-modules.js').matchAll(/import\('([^']+)'\)/g)].map((m) => rel(m[1]));

test('a module main.js imports for effect only is a custom element the first paint draws', () => {
  const drawn = new Set(graph.flatMap(creates));
  const elements = bare.filter((m) => defines(m).length > 0);
  assert.ok(elements.length > 0 && named.length > 0);
  assert.deepEqual(bare.filter((m) => !elements.includes(m)), [], 'no import for effect only but an element definition');
  for (const m of elements) {
    assert.ok(defines(m).every((tag) => drawn.has(tag)), `${m} defines an element the first paint never creates`);
    assert.equal(later.includes(m), false, `${m} is one the page loads after the first paint`);
  }
  // And the element modules are not reached any other way: dropping one would leave its tag undefined.
  const withoutElements = staticGraph(...named);
  for (const m of elements) assert.equal(withoutElements.has(m), false, `${m} is imported elsewhere already`);
});

test('every element the first paint creates is defined in its graph, or by a module the page loads after it', () => {
  const defined = new Set([...graph, ...later].filter((m) => m.endsWith('.js') && !m.startsWith('../')).flatMap(defines));
  const drawn = [...new Set(graph.flatMap(creates))];
  assert.ok(drawn.includes('tp-calendar'));
  assert.deepEqual(drawn.filter((tag) => !defined.has(tag)), []);
});
