// The first-paint record a remembered device keeps in Web Storage (web/app/post-cache.js): what a
// returning visit paints from before any request, so it must never be stale, damaged or too big.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPostCache, forgetFirstPaint } from '../../web/app/post-cache.js';

// localStorage's interface over a Map, with a quota in characters.
function fakeStorage(quota = Infinity) {
  const items = new Map();
  return {
    items,
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => {
      const used = [...items].reduce((n, [key, val]) => n + (key === k ? 0 : val.length), 0);
      if (used + String(v).length > quota) throw new DOMException('quota', 'QuotaExceededError');
      items.set(k, String(v));
    },
    removeItem: (k) => items.delete(k),
  };
}

const list = [{ id: 'ws-a', name: 'A', has_key: true }, { id: 'ws-b', name: 'B', has_key: false }];
const month = (n) => ({ paint_key: 'k', view_text: 'x'.repeat(n), total: 3, accounts: [], labels: [] });

test('the list, the open workspace and its month come back; a month of another workspace does not', () => {
  const storage = fakeStorage();
  const cache = openPostCache({ storage });
  assert.equal(cache.firstPaint(), null, 'nothing kept yet');
  cache.putMeta({ active: 'ws-a', workspaces: list });
  cache.putPaint('ws-a', month(10));
  const boot = cache.firstPaint();
  assert.deepEqual(boot.meta, { active: 'ws-a', workspaces: list });
  assert.equal(boot.paint.workspace, 'ws-a');
  assert.equal(boot.paint.view_text, 'x'.repeat(10));
  assert.match(boot.paint.saved_at, /^\d{4}-\d{2}-\d{2}T/);
  // Switched to B: A's month is not B's first paint.
  cache.putMeta({ active: 'ws-b', workspaces: list });
  assert.equal(cache.firstPaint().paint, null);
  assert.equal(cache.firstPaint().meta.active, 'ws-b');
});

test('a month over 1 MB is left out, the list is kept; a full quota leaves no old record behind', () => {
  const storage = fakeStorage();
  const cache = openPostCache({ storage });
  cache.putMeta({ active: 'ws-a', workspaces: list });
  cache.putPaint('ws-a', month(10));
  cache.putPaint('ws-a', month(1 << 20));
  const boot = cache.firstPaint();
  assert.equal(boot.paint, null, 'too big to read at every visit');
  assert.equal(boot.meta.active, 'ws-a');

  const tight = fakeStorage(5000);
  const small = openPostCache({ storage: tight });
  small.putMeta({ active: 'ws-a', workspaces: list });
  small.putPaint('ws-a', month(10));
  assert.ok(small.firstPaint().paint);
  small.putPaint('ws-a', month(8000)); // over the quota: the old month must not stay as if current
  assert.equal(small.firstPaint().paint, null);
  assert.equal(small.firstPaint().meta.active, 'ws-a');
});

test('the list is written on its own: a change of it does not rewrite the month', () => {
  const storage = fakeStorage();
  const writes = [];
  const setItem = storage.setItem;
  storage.setItem = (k, v) => {
    writes.push([k, v.length]);
    setItem(k, v);
  };
  const cache = openPostCache({ storage });
  cache.putPaint('ws-a', month(50_000));
  writes.length = 0;
  for (let i = 0; i < 5; i++) cache.putMeta({ active: 'ws-a', workspaces: list });
  assert.ok(writes.every(([, n]) => n < 1000), `bytes written per list change: ${writes.map(([, n]) => n).join(' ')}`);
  assert.equal(cache.firstPaint().paint.view_text.length, 50_000);
});

test('a damaged record or blocked storage is an ordinary visit; sign-out removes the record', () => {
  const storage = fakeStorage();
  storage.setItem('trypost-first-paint', '{"active":');
  assert.equal(openPostCache({ storage }).firstPaint(), null);
  const blocked = { getItem() { throw new DOMException('denied', 'SecurityError'); }, setItem() { throw new DOMException('denied', 'SecurityError'); }, removeItem() { throw new DOMException('denied', 'SecurityError'); } };
  const cache = openPostCache({ storage: blocked });
  assert.equal(cache.firstPaint(), null);
  assert.doesNotThrow(() => cache.putMeta({ active: 'ws-a', workspaces: list }));
  assert.doesNotThrow(() => forgetFirstPaint(blocked));

  const kept = openPostCache({ storage });
  kept.putMeta({ active: 'ws-a', workspaces: list });
  forgetFirstPaint(storage);
  assert.equal(kept.firstPaint(), null);
  assert.equal(storage.items.size, 0);
});
