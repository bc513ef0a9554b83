// web/app/first-paint.js: the classic script that draws a returning visit's saved page before any
// module runs. It must draw only what main.js would draw now, and otherwise leave the page alone
// and announce the first paint's modules. Run here as the dashboard serves it (bundled, with the
// bundle's first-paint chunks written in), against stand-ins for the DOM and storage.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { bundleDashboard } from '../../server/dashboard-bundle.js';

let bundle;
let SOURCE;
before(async () => {
  bundle = await bundleDashboard(fileURLToPath(new URL('../../web/', import.meta.url)));
  SOURCE = bundle.files.get('first-paint.js').toString('utf8');
});
const SRC = 'http://127.0.0.1:5173/_v/abc123/app/first-paint.js';
const BASE = 'http://127.0.0.1:5173/_v/abc123/app/';
const today = () => new Date().toISOString().slice(0, 10);

const meta = (over = {}) => ({ active: 'ws-a', workspaces: [{ id: 'ws-a', name: 'A', permissions: { manage_posts: true } }, { id: 'ws-b', name: 'B', permissions: { manage_posts: false } }], ...over });
const paint = (page = {}, over = {}) => ({ workspace: 'ws-a', paint_key: 'k', view_text: '{}', page: { html: '<div class="shell"><p>Saved month</p></div>', base: BASE, day: today(), can_edit: true, ...page }, ...over });

// Runs the script once: -> what it did to #app, the head and the marks, and all of it in order
// (`log`). Timers of 0 ms run at once, longer ones after the frame (or without one: framesRun).
function run({ items = { 'trypost-first-paint': JSON.stringify(meta()), 'trypost-first-paint-month': JSON.stringify(paint()) }, storageThrows = false, src = SRC, framesRun = true, source = SOURCE } = {}) {
  const app = { innerHTML: '<main>Loading…</main>', children: [], dataset: {}, attrs: {}, setAttribute(k, v) { this.attrs[k] = v; } };
  Object.defineProperty(app, 'html', { get() { return this.innerHTML; } });
  const head = [];
  const marks = [];
  const frames = [];
  const later = [];
  const log = [];
  const describe = (el) => (el.rel ? `${el.rel} ${el.href}` : `script ${el.type} ${el.src}`);
  const document = {
    currentScript: { src },
    getElementById: (id) => (id === 'app' ? app : null),
    createElement: () => ({}),
    head: { append: (el) => { head.push(el); log.push(describe(el)); } },
  };
  const localStorage = { getItem: (k) => { if (storageThrows) throw new Error('SecurityError'); return items[k] ?? null; } };
  // innerHTML's children, as the parser would make them.
  let html = app.innerHTML;
  Object.defineProperty(app, 'innerHTML', { get: () => html, set: (v) => { html = v; app.children = [{ inert: false }, { inert: false }]; } });
  vm.runInNewContext(source, {
    document, localStorage, URL, JSON, Date,
    performance: { mark: (n) => { marks.push(n); log.push(n); } },
    requestAnimationFrame: (fn) => frames.push(fn),
    setTimeout: (fn, ms) => (ms ? later.push(fn) : fn()),
  });
  if (framesRun) for (const f of frames) f();
  for (const f of later) f();
  return { html, app, head: head.map(describe), marks, log };
}

test('the saved page of the open workspace, saved today by this version, is drawn inert and busy', () => {
  const r = run();
  assert.equal(r.html, '<div class="shell"><p>Saved month</p></div>');
  assert.ok(r.app.children.every((c) => c.inert), 'nothing answers before the live page is built');
  assert.equal(r.app.attrs['aria-busy'], 'true');
  assert.equal(r.app.dataset.saved, 'drawn', 'main.js is told to take it over');
  assert.deepEqual(r.marks, ['tp:first-paint-script', 'tp:snapshot-shown', 'tp:month-painted']);
  // No module preload competes with the first frame; the modules start once it is painted.
  assert.deepEqual(r.log.slice(-2), ['tp:month-painted', `script module ${BASE}main.js`]);
  assert.deepEqual(r.head, [`script module ${BASE}main.js`], 'main.js is started once');
});

test('in a tab that makes no frames (opened in the background) the modules still start', () => {
  const r = run({ framesRun: false });
  assert.equal(r.app.dataset.saved, 'drawn');
  assert.equal(r.marks.includes('tp:month-painted'), false);
  assert.deepEqual(r.head, [`script module ${BASE}main.js`]);
});

// The bundled main.js's static imports, read from its text, followed through every chunk: what
// the first paint needs.
const firstPaintGraph = () => {
  const seen = new Set();
  const walk = (file) => {
    for (const m of bundle.files.get(file).toString('utf8').matchAll(/\bimport\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+)["']/g)) {
      if (!seen.has(m[1])) {
        seen.add(m[1]);
        walk(m[1]);
      }
    }
  };
  walk('main.js');
  return [...seen];
};

test('the first paint is main.js and a few chunks, every one of them in the bundle', () => {
  const graph = firstPaintGraph();
  assert.ok(graph.length >= 1 && graph.length <= 8, `main.js imports ${graph.length} chunks`);
  for (const m of graph) assert.ok(bundle.files.has(m), m);
  assert.ok(bundle.files.has('wasm/trypost-core.wasm') && bundle.files.has('wasm/trypost-core.mjs'), 'the core beside the chunks');
});

// Preloads are named beside the script, in the version it was served from.
const notDrawn = (r, src = SRC) => {
  assert.equal(r.html, '<main>Loading…</main>', 'the page is left as it was');
  assert.equal(r.app.dataset.saved, undefined);
  assert.equal(r.marks.includes('tp:month-painted'), false);
  // main.js at once, with exactly its static import graph preloaded beside it: a module left out
  // is found one level at a time.
  assert.deepEqual(r.head.filter((h) => h.startsWith('script')), [`script module ${new URL('main.js', src).href}`]);
  assert.deepEqual(r.head.filter((h) => !h.startsWith('script')).sort(), firstPaintGraph().map((m) => `modulepreload ${new URL(m, src).href}`).sort());
};

test('nothing is drawn from a page that another version of the app saved', () => {
  const src = 'http://127.0.0.1:5173/_v/def456/app/first-paint.js';
  notDrawn(run({ src }), src);
});

test('nothing is drawn from a page saved on another day (the month it opens has moved on)', () => {
  const items = { 'trypost-first-paint': JSON.stringify(meta()), 'trypost-first-paint-month': JSON.stringify(paint({ day: '2020-01-31' })) };
  notDrawn(run({ items }));
});

test('nothing is drawn for another workspace, or when the role no longer matches what was drawn', () => {
  notDrawn(run({ items: { 'trypost-first-paint': JSON.stringify(meta({ active: 'ws-b' })), 'trypost-first-paint-month': JSON.stringify(paint()) } }));
  notDrawn(run({ items: { 'trypost-first-paint': JSON.stringify(meta()), 'trypost-first-paint-month': JSON.stringify(paint({ can_edit: false })) } }));
  notDrawn(run({ items: { 'trypost-first-paint': JSON.stringify(meta({ active: 'ws-gone' })), 'trypost-first-paint-month': JSON.stringify(paint()) } }));
});

test('a record without a page, damaged, missing, or storage that refuses: nothing is drawn', () => {
  notDrawn(run({ items: { 'trypost-first-paint': JSON.stringify(meta()), 'trypost-first-paint-month': JSON.stringify(paint({}, { page: null })) } }));
  notDrawn(run({ items: { 'trypost-first-paint': JSON.stringify(meta()), 'trypost-first-paint-month': '{"workspace":"ws-a","page":{"html":' } }));
  notDrawn(run({ items: { 'trypost-first-paint': JSON.stringify(meta()), 'trypost-first-paint-month': JSON.stringify(paint({ html: 42 })) } }));
  notDrawn(run({ items: {} }));
  notDrawn(run({ storageThrows: true }));
});

test('the sources served as they are (not bundled) still start main.js, without preloads', () => {
  const source = readFileSync(new URL('../../web/app/first-paint.js', import.meta.url), 'utf8');
  const r = run({ items: {}, source });
  assert.deepEqual(r.head, [`script module ${BASE}main.js`]);
});
