// Group commit and atomic files, in-process: each commit() covers every mutation made before it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskPersistence } from '../../server/emulator/persistence.js';
import { Store, emptyState } from '../../server/emulator/store.js';

test('sequential and concurrent commits each leave the state on disk; no temp file remains', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trypost-store-'));
  try {
    const p = new DiskPersistence(dir);
    const store = new Store(p, emptyState(Date.now()));
    const onDisk = () => JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));
    store.state.account.name = 'one';
    await store.commit();
    assert.equal(onDisk().account.name, 'one');
    store.state.account.name = 'two';
    await store.commit();
    assert.equal(onDisk().account.name, 'two');
    const waits = [];
    for (let i = 0; i < 20; i++) {
      store.state.account.credits_used = i;
      waits.push(store.commit().then(() => assert.ok(onDisk().account.credits_used >= i, `commit ${i} is durable when it resolves`)));
    }
    await Promise.all(waits);
    assert.equal(onDisk().account.credits_used, 19);
    assert.ok(store.commits < 22, `concurrent callers share writes (${store.commits} writes)`);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a start removes temp files left by a crash and keeps the last complete state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trypost-store-'));
  try {
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ version: 1, marker: 'complete' }));
    writeFileSync(join(dir, 'state.json.123.1.tmp'), '{"version":1,"mark');
    const p = new DiskPersistence(dir);
    assert.equal(p.load().marker, 'complete');
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
