// The calendar through the SDK and the CLI: view shapes, filters, move plans, snapshots, previews.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Calendar, CoreError, exportSnapshot, importSnapshot, planMove } from '../../web/sdk/index.js';

const bin = new URL('../../bin/trypost.js', import.meta.url).pathname;
const trypost = (args, input) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });

const platform = (account, p = 'x') => ({ id: `pp-${account}`, platform: p, content_type: p === 'x' ? 'x_post' : 'linkedin_post', social_account: { id: account } });
const label = (id, color = '#ef4444') => ({ id, name: `Label ${id}`, color });
const posts = [
  { id: '1', status: 'scheduled', content: 'Launch', scheduled_at: '2026-05-04 09:00:00', platforms: [platform('acc1')], labels: [label('red')] },
  { id: '2', status: 'scheduled', content: 'Teaser', scheduled_at: '2026-05-04T09:10:00Z', platforms: [platform('acc2', 'linkedin')], labels: [label('blue', '#3b82f6')] },
  { id: '3', status: 'draft', content: 'Idea', platforms: [platform('acc1')], labels: [] },
  { id: '4', status: 'published', content: 'Done', published_at: '2026-05-31 23:59:59', platforms: [platform('acc1')], labels: [label('red')] },
  { id: '5', status: 'scheduled', content: 'June', scheduled_at: '2026-06-01 00:00:00', platforms: [platform('acc1')], labels: [] },
];
const workspace = {
  workspace: { name: 'Acme <Studio>', logo_url: 'https://cdn.example/logo.png', brand: { primary: '#0f766e', background: '#fdf6e3', text: '#222222' } },
  accounts: [{ id: 'acc1', platform: 'x', display_name: 'Acme', username: '@acme', is_active: true, status: 'connected', access_token: 'secret-token-value' }],
  labels: [label('red'), label('blue', '#3b82f6')],
  posts,
};

test('trypost calendar --view month prints whole weeks, day cells and unscheduled ids', () => {
  const r = trypost(['calendar', '--view', 'month', '--date', '2026-05-15'], JSON.stringify({ posts }));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n').length, 1, 'one JSON line');
  const v = JSON.parse(r.stdout);
  assert.equal(v.view, 'month');
  assert.deepEqual(v.range, { start: '2026-04-27', end: '2026-05-31', start_utc: '2026-04-27T00:00:00Z', end_utc: '2026-06-01T00:00:00Z' });
  assert.equal(v.weeks.length, 5);
  assert.deepEqual(v.weeks.map((w) => w.iso_week), [18, 19, 20, 21, 22]);
  const day = (date) => v.weeks.flatMap((w) => w.days).find((d) => d.date === date);
  assert.deepEqual(day('2026-05-04').post_ids, ['1', '2']);
  assert.deepEqual(day('2026-05-31').post_ids, ['4']);
  assert.deepEqual(v.unscheduled, ['3']);
  assert.ok(!v.weeks.flatMap((w) => w.days).some((d) => d.post_ids.includes('5')), 'June 1 00:00 is outside May');
});

test('--max-rows cuts a cell and says how many are hidden; --week-start sunday shifts the grid', () => {
  const many = Array.from({ length: 6 }, (_, i) => ({ id: `m${i}`, status: 'scheduled', scheduled_at: `2026-05-06T1${i}:00:00Z` }));
  const cell = (args) => JSON.parse(trypost(['calendar', '--date', '2026-05-06', ...args], JSON.stringify(many)).stdout)
    .weeks.flatMap((w) => w.days).find((d) => d.date === '2026-05-06');
  assert.deepEqual(cell(['--max-rows', '6']), { date: '2026-05-06', post_ids: ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'], hidden: 0, in_month: true });
  assert.deepEqual(cell(['--max-rows', '5']).post_ids, ['m0', 'm1', 'm2', 'm3']);
  assert.equal(cell(['--max-rows', '5']).hidden, 2);
  const sun = JSON.parse(trypost(['calendar', '--date', '2026-05-06', '--week-start', 'sunday'], '[]').stdout);
  assert.equal(sun.weeks[0].days[0].date, '2026-04-26');
  assert.equal(sun.range.end, '2026-06-06');
});

test('week and day views place posts in time slots with overlap columns', () => {
  const w = JSON.parse(trypost(['calendar', '--view', 'week', '--date', '2026-05-06'], JSON.stringify({ posts })).stdout);
  assert.equal(w.weeks.length, 1);
  const mon = w.weeks[0].days[0];
  assert.deepEqual(mon.items.map((i) => [i.post_id, i.column, i.columns]), [['1', 0, 2], ['2', 1, 2]]);
  const d = JSON.parse(trypost(['calendar', '--view', 'day', '--date', '2026-05-04', '--duration', '10'], JSON.stringify({ posts })).stdout);
  assert.equal(d.view, 'day');
  assert.equal(d.date, '2026-05-04');
  assert.deepEqual(d.items.map((i) => [i.post_id, i.start, i.column, i.columns]), [
    ['1', '2026-05-04T09:00:00+00:00', 0, 1],
    ['2', '2026-05-04T09:10:00+00:00', 0, 1],
  ]);
});

test('filters combine with AND across kinds; the list view pages with next', () => {
  const ids = (args) => JSON.parse(trypost(['calendar', '--date', '2026-05-01', ...args], JSON.stringify({ posts })).stdout)
    .weeks.flatMap((w) => w.days).flatMap((d) => d.post_ids);
  assert.deepEqual(ids(['--filter-label', 'red']), ['1', '4']);
  assert.deepEqual(ids(['--filter-label', 'red', '--filter-label', 'blue']), ['1', '2', '4']);
  assert.deepEqual(ids(['--filter-label', 'red,blue']), ['1', '2', '4']);
  assert.deepEqual(ids(['--filter-label', 'red', '--filter-status', 'published']), ['4']);
  assert.deepEqual(ids(['--filter-platform', 'linkedin', '--filter-account', 'acc1']), []);
  const p1 = JSON.parse(trypost(['calendar', '--view', 'list', '--page-size', '2'], JSON.stringify({ posts })).stdout);
  assert.deepEqual(p1.items.map((i) => i.post_id), ['1', '2']);
  assert.equal(typeof p1.next, 'string');
  const p2 = JSON.parse(trypost(['calendar', '--view', 'list', '--page-size', '2', '--cursor', p1.next], JSON.stringify({ posts })).stdout);
  assert.deepEqual(p2.items.map((i) => i.post_id), ['4', '5']);
  assert.equal(p2.next, null);
});

test('calendar usage errors exit 2; damaged input exits 1 with the reason', () => {
  assert.equal(trypost(['calendar', '--view', 'year', '--date', '2026-05-01'], '[]').status, 2);
  assert.equal(trypost(['calendar', '--view', 'month'], '[]').status, 2);
  assert.equal(trypost(['calendar', '--date', '2026-05-01', '--tz', 'Mars/Base'], '[]').status, 2);
  assert.equal(trypost(['calendar', '--date', '2026-05-01', '--max-rows', 'many'], '[]').status, 2);
  const bad = trypost(['calendar', '--date', '2026-05-01'], '{"posts": [{"id": "1", "status": "queued"}]}');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /status/);
  assert.equal(bad.stdout, '');
  const cut = trypost(['calendar', '--date', '2026-05-01'], '{"posts": [');
  assert.equal(cut.status, 1);
  assert.match(cut.stderr, /not valid JSON/);
  const date = trypost(['calendar', '--date', '2026-02-30'], '[]');
  assert.equal(date.status, 1);
  assert.match(date.stderr, /real date/);
});

test('planMove: the PUT body when allowed, reasons when not, a same-minute warning', async () => {
  const cal = await Calendar.create({ posts });
  try {
    const now = '2026-05-01T12:00:00Z';
    const ok = cal.planMove({ post_id: '2', new_time: '2026-05-04T09:00:30Z', now, role: 'member' });
    assert.equal(ok.ok, true);
    assert.deepEqual(ok.request, { method: 'PUT', path: '/posts/2', body: { status: 'scheduled', scheduled_at: '2026-05-04T09:00:30Z' } });
    assert.deepEqual(ok.warnings, []);  // post 1 shares the minute but not the account
    const clash = cal.planMove({ post_id: '5', new_time: '2026-05-04T09:00:59Z', now, role: 'admin' });
    assert.deepEqual(clash.warnings.map((w) => w.post_ids), [['1']]);
    assert.equal(clash.ok, true);
    const no = cal.planMove({ post_id: '4', new_time: '2026-05-01T12:00:00Z', now, role: 'viewer' });
    assert.equal(no.ok, false);
    assert.deepEqual(no.reasons.map((r) => r.code), ['forbidden', 'not_editable', 'past_time']);
    assert.equal(no.request, undefined);
  } finally {
    cal.dispose();
  }
  const free = await planMove({ post: posts[2], new_time: '2030-01-01T00:00:00Z', can_edit: true });
  assert.equal(free.ok, true);
});

test('snapshots: exported without credentials, imported whole or refused with a clear message', async () => {
  const snap = await exportSnapshot(workspace);
  assert.equal(snap.format, 'trypost-calendar-snapshot');
  assert.equal(snap.version, 1);
  assert.equal(snap.workspace.brand.primary, '#0f766e');
  assert.ok(!JSON.stringify(snap).includes('secret-token-value'));
  assert.deepEqual(await importSnapshot(JSON.stringify(snap)), snap);
  await assert.rejects(importSnapshot(JSON.stringify({ ...snap, version: 2 })), (e) => e instanceof CoreError && /newer/.test(e.message));
  await assert.rejects(importSnapshot(JSON.stringify(snap).slice(0, 200)), /damaged/);
  await assert.rejects(importSnapshot(JSON.stringify({ ...snap, posts: snap.posts.slice(1) })), /damaged/);
  // The CLI reads a snapshot as readily as {"posts": [...]}.
  const r = trypost(['calendar', '--date', '2026-05-01', '--filter-label', 'blue'], JSON.stringify(snap));
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).weeks.flatMap((w) => w.days).flatMap((d) => d.post_ids), ['2']);
});

test('trypost preview writes one self-contained HTML file whose CSP forbids the network', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trypost-preview-'));
  try {
    const snap = await exportSnapshot(workspace);
    const out = join(dir, 'p.html');
    const r = trypost(['preview', '--date', '2026-05-10', '--out', out], JSON.stringify(snap));
    assert.equal(r.status, 0, r.stderr);
    const info = JSON.parse(r.stdout);
    assert.equal(info.periods, 2); // May and June 2026
    const html = readFileSync(out, 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
    assert.match(csp, /^default-src 'none'/);
    assert.doesNotMatch(csp, /https?:|\*/);
    assert.doesNotMatch(html, /<(?:script|link|img|iframe)[^>]+(?:src|href)=/i, 'nothing is loaded from elsewhere');
    assert.ok(!html.includes('<Studio>'), 'markup in data is escaped');
    assert.ok(html.includes('#0f766e'));
    const newer = trypost(['preview', '--date', '2026-05-10', '--out', join(dir, 'q.html')], JSON.stringify({ ...snap, version: 9 }));
    assert.equal(newer.status, 1);
    assert.match(newer.stderr, /newer/);
    assert.equal(trypost(['preview', '--date', '2026-05-10'], '{}').status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('malformed input is refused as a value and the index keeps answering', async () => {
  const cal = await Calendar.create({ posts });
  try {
    for (const bad of ['', '{', 'null', '{"posts": 5}', '{"posts": [{"id": 1}]}', '[{"id":"x","status":"draft","scheduled_at":"2026-13-01"}]']) {
      assert.throws(() => cal.load(bad), CoreError, bad);
    }
    assert.equal(cal.size, 5, 'the refused loads left the posts in place');
    for (const q of [{ view: 'month' }, { view: 'month', date: '2026-5-1' }, { view: 'month', date: '2026-05-01', max_rows: -1 },
      { view: 'list', cursor: 'x' }, { view: 'month', date: '2026-05-01', zone: { transitions: [{ at_utc: 'later', offset_seconds: 0 }] } }]) {
      assert.throws(() => cal.view(q), CoreError, JSON.stringify(q));
    }
    assert.throws(() => cal.view({ view: 'month', date: '2026-05-01', time_zone: 'Nowhere/Land' }), RangeError);
    assert.equal(cal.view({ view: 'month', date: '2026-05-01' }).weeks.length, 5);
  } finally {
    cal.dispose();
  }
});

test('upsert: an edited post moves and a new one appears, the rest untouched; a damaged one changes nothing', async () => {
  const cal = await Calendar.create({ posts });
  const day = (v, date) => v.weeks.flatMap((w) => w.days).find((d) => d.date === date);
  const month = () => cal.view({ view: 'month', date: '2026-05-15', details: true });
  const summary = cal.upsert([
    { ...posts[0], scheduled_at: '2026-05-20T09:00:00Z', content: 'Launch, moved' },
    { id: '6', status: 'scheduled', content: 'New', scheduled_at: '2026-05-04T08:00:00Z', platforms: [platform('acc3')], labels: [label('green', '#22c55e')] },
  ]);
  assert.equal(summary.posts, 6);
  assert.equal(cal.size, 6);
  assert.deepEqual(summary.label_list.map((l) => l.id).sort(), ['blue', 'green', 'red']);
  let v = month();
  assert.deepEqual(day(v, '2026-05-04').post_ids, ['6', '2']);
  assert.deepEqual(day(v, '2026-05-20').post_ids, ['1']);
  assert.equal(v.posts['1'].excerpt, 'Launch, moved');
  assert.equal(v.counts.accounts.acc3, 1);
  // One post alone is taken too.
  cal.upsert({ ...posts[2], scheduled_at: '2026-05-21 10:00:00', status: 'scheduled' });
  v = month();
  assert.deepEqual(day(v, '2026-05-21').post_ids, ['3']);
  assert.deepEqual(v.unscheduled, []);
  // Refused whole, with the field: nothing of the list is applied.
  assert.throws(() => cal.upsert([{ ...posts[1], scheduled_at: '2026-05-22T09:00:00Z' }, { ...posts[3], status: 'on_fire' }]), (err) => err instanceof CoreError && /1\.status/.test(JSON.stringify(err.details ?? null) + err.message));
  assert.deepEqual(day(month(), '2026-05-04').post_ids, ['6', '2']);
  assert.throws(() => cal.upsert('[{'), CoreError);
  // A deleted post goes from its day and from the counts; numbers and unknown ids are fine.
  const after = cal.remove([6, 'nope']);
  assert.equal(after.posts, 5);
  v = month();
  assert.deepEqual(day(v, '2026-05-04').post_ids, ['2']);
  assert.equal(v.counts.accounts.acc3, undefined);
  assert.equal(cal.remove('3').posts, 4);
  assert.deepEqual(day(month(), '2026-05-21').post_ids, []);
  assert.throws(() => cal.remove([{ id: 1 }]), CoreError);
  assert.equal(cal.size, 4);
  cal.dispose();
});
