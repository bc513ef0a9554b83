// The dev server's static files: a returning visit revalidates (304, no body) instead of
// downloading the dashboard's modules and the core again, and still gets an edited file at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync, utimesSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { bundleFiles, staticFiles, CSP } from '../../server/static.js';

// Serves a temporary folder holding `files` ({name: text}); answers {root, base}.
async function serveFolder(t, files, options) {
  const root = mkdtempSync(join(tmpdir(), 'trypost-static-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  const serve = staticFiles(root, '/', options);
  const server = createServer((req, res) => {
    if (!serve(req, res)) {
      res.writeHead(404);
      res.end();
    }
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });
  return { root, base: `http://127.0.0.1:${server.address().port}` };
}

test('a file is revalidated by its ETag: 304 while unchanged, 200 with the new text once edited', async (t) => {
  const { root, base } = await serveFolder(t, { 'module.js': 'export const a = 1;\n' });
  const file = join(root, 'module.js');
  const url = `${base}/module.js`;

  const first = await fetch(url);
  assert.equal(first.status, 200);
  assert.equal(await first.text(), 'export const a = 1;\n');
  assert.equal(first.headers.get('cache-control'), 'no-cache', 'always asked again, never used stale');
  const etag = first.headers.get('etag');
  assert.ok(etag);

  const again = await fetch(url, { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  assert.equal(again.headers.get('content-security-policy'), CSP);
  assert.equal((await fetch(url, { headers: { 'if-none-match': '"other"' } })).status, 200);

  writeFileSync(file, 'export const a = 22;\n');
  const later = new Date(Date.now() + 5000);
  utimesSync(file, later, later);
  const edited = await fetch(url, { headers: { 'if-none-match': etag } });
  assert.equal(edited.status, 200);
  assert.equal(await edited.text(), 'export const a = 22;\n');
  assert.notEqual(edited.headers.get('etag'), etag);
});

test('versioned: the page points at URLs of the tree\'s current version, cached for good; an edit gives new URLs', async (t) => {
  const { root, base } = await serveFolder(t, {
    'index.html': '<link rel="stylesheet" href="./app.css"><script type="module" src="./main.js"></script><a href="./other.html">x</a>',
    'main.js': 'export const a = 1;\n',
    'app.css': 'body{}\n',
  }, { versioned: true });
  const refs = async () => {
    const page = await fetch(`${base}/`);
    assert.equal(page.headers.get('cache-control'), 'no-cache', 'the page itself is always asked for');
    const html = await page.text();
    assert.match(html, /href="\.\/other\.html"/, 'links to other pages are left alone');
    assert.ok(html.endsWith('<a href="./other.html">x</a>'), 'the whole page arrives, though longer than its file');
    return { script: html.match(/src="([^"]+)"/)[1], style: html.match(/stylesheet" href="([^"]+)"/)[1] };
  };

  const first = await refs();
  assert.match(first.script, /^\/_v\/[0-9a-f]{16}\/main\.js$/);
  assert.equal(first.style, first.script.replace('main.js', 'app.css'), 'one version for the whole tree');
  const module = await fetch(base + first.script);
  assert.equal(await module.text(), 'export const a = 1;\n');
  assert.equal(module.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(module.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal(module.headers.get('content-security-policy'), CSP);
  assert.deepEqual(await refs(), first, 'unchanged tree, same URLs');

  writeFileSync(join(root, 'main.js'), 'export const a = 22;\n');
  const later = new Date(Date.now() + 5000);
  utimesSync(join(root, 'main.js'), later, later);
  const second = await refs();
  assert.notEqual(second.script, first.script);
  assert.equal(await (await fetch(base + second.script)).text(), 'export const a = 22;\n');
  const stale = await fetch(base + first.script);
  assert.equal(stale.headers.get('cache-control'), 'no-cache', 'an old version\'s URL is not cached for good');
  assert.equal((await fetch(`${base}/_v/${'0'.repeat(16)}/../../etc/passwd`)).status, 404);
  assert.equal((await fetch(`${base}/_v/nothing`)).status, 404);
});

test('an in-memory tree (the bundled dashboard) is served the same way, and rebuilt only when a page is asked for', async (t) => {
  let builds = 0;
  let text = 'export const a = 1;\n';
  const tree = () => {
    builds++;
    const files = new Map([['index.html', Buffer.from('<script src="./first-paint.js"></script><p>The end</p>')], ['first-paint.js', Buffer.from('1;')], ['main.js', Buffer.from(text)]]);
    return Promise.resolve({ files, version: `${text.length}`.padStart(16, '0') });
  };
  const serve = bundleFiles('/app/', tree);
  const server = createServer(async (req, res) => {
    if (!(await serve(req, res))) {
      res.writeHead(404);
      res.end();
    }
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}`;

  const page = await fetch(`${base}/app/`);
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  assert.equal(page.headers.get('content-security-policy'), CSP);
  const html = await page.text();
  assert.equal(html, '<script src="/app/_v/0000000000000020/first-paint.js"></script><p>The end</p>');
  const module = await fetch(`${base}/app/_v/0000000000000020/main.js`);
  assert.equal(await module.text(), 'export const a = 1;\n');
  assert.equal(module.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(module.headers.get('content-type'), 'text/javascript; charset=utf-8');
  const again = await fetch(`${base}/app/_v/0000000000000020/main.js`, { headers: { 'if-none-match': module.headers.get('etag') } });
  assert.equal(again.status, 304);
  assert.equal(builds, 1, 'files are served from the tree in hand');

  text = 'export const a = 22;\n';
  const next = await (await fetch(`${base}/app/index.html`)).text();
  assert.equal(builds, 2, 'a page load asks for the current tree');
  assert.match(next, /\/app\/_v\/0000000000000021\/first-paint\.js/);
  const stale = await fetch(`${base}/app/_v/0000000000000020/main.js`);
  assert.equal(stale.headers.get('cache-control'), 'no-cache', "an old version's URL is not cached for good");
  assert.equal((await fetch(`${base}/app/nothing.js`)).status, 404);
  assert.equal((await fetch(`${base}/other/`)).status, 404);
});
