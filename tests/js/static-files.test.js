// The dev server's static files: a returning visit revalidates (304, no body) instead of
// downloading the dashboard's modules and the core again, and still gets an edited file at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync, utimesSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { staticFiles, CSP } from '../../server/static.js';

test('a file is revalidated by its ETag: 304 while unchanged, 200 with the new text once edited', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'trypost-static-'));
  const file = join(root, 'module.js');
  writeFileSync(file, 'export const a = 1;\n');
  const serve = staticFiles(root, '/');
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
  const url = `http://127.0.0.1:${server.address().port}/module.js`;

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
