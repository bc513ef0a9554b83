// Hostile sizes through the SDK and the WASM core: a 100 MB body and 10 000-deep nesting, fed to
// response parsing and to snapshot import. Each is refused by the limit it breaks, with a message
// naming that limit, and the module answers an ordinary request right after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, exportSnapshot, importSnapshot, CoreError } from '../../web/sdk/index.js';

const MB = 1024 * 1024;
const hundredMegabytes = () => `{"data":"${'x'.repeat(100 * MB)}"}`;
const nested = (depth) => '['.repeat(depth) + ']'.repeat(depth);
const meta = JSON.stringify({ endpoint: 'posts.list', status: 200 });
const smallWorkspace = { workspace: { name: 'W' }, accounts: [], labels: [], posts: [] };

async function stillAnswers(core) {
  const ok = JSON.parse(core.parseResponseParts(JSON.stringify({ endpoint: 'labels.list', status: 200 }),
    '[{"id":"l1","name":"Promo","color":"#4f46e5"}]'));
  assert.equal(ok.ok, true);
  assert.equal(ok.data.length, 1);
  const snap = await importSnapshot(await exportSnapshot(smallWorkspace));
  assert.equal(snap.workspace.name, 'W');
}

test('response parsing refuses a 100 MB body as too large, naming the byte limit', async () => {
  const core = await loadCore();
  const out = JSON.parse(core.parseResponseParts(meta, hundredMegabytes()));
  assert.equal(out.ok, false);
  assert.equal(out.failure.kind, 'malformed');
  assert.equal(out.failure.reason, 'too_large');
  assert.match(out.failure.message, /larger than 8388608 bytes/);
  await stillAnswers(core);
});

test('response parsing refuses 10 000-deep nesting as too deep, naming the depth limit', async () => {
  const core = await loadCore();
  const out = JSON.parse(core.parseResponseParts(meta, nested(10000)));
  assert.equal(out.ok, false);
  assert.equal(out.failure.reason, 'too_deep');
  assert.match(out.failure.message, /deeper than 64 levels/);
  await stillAnswers(core);
});

test('snapshot import refuses a 100 MB file and 10 000-deep nesting, naming the limit', async () => {
  await assert.rejects(importSnapshot(hundredMegabytes()), (e) => e instanceof CoreError && /limit of 67108864 bytes/.test(e.message));
  await assert.rejects(importSnapshot(nested(10000)), (e) => e instanceof CoreError && /limit of 64 levels/.test(e.message));
  const file = JSON.stringify(await exportSnapshot(smallWorkspace));
  const deepMeta = `{"deep":${nested(10000)},${file.slice(1)}`;
  await assert.rejects(importSnapshot(deepMeta), /limit of 64 levels/);
  await stillAnswers(await loadCore());
});
