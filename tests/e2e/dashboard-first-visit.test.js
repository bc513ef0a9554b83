// A first visit to a workspace with many pages of posts: the month on screen is painted from the
// pages that hold it before the walk over every page, then the full list takes over.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDashboardPage, signIn } from './dashboard-support.js';

const TOKEN = 'acct_first_visit_owner_0123456789ab';
const POSTS = 600; // 3 a day from 100 days ago to 99 days ahead: 40 pages of 15
const ACC = '10000000-0000-4000-8000-000000000077';
const seed = {
  account: { id: '00000000-0000-4000-8000-0000000000aa', name: 'First visit', owner: 'owner@first.test', plan_status: 'active', credits_used: 0 },
  users: [{ id: '00000000-0000-4000-8000-0000000000a1', name: 'Owner', email: 'owner@first.test', account_token: TOKEN }],
  workspaces: [{
    id: '77777777-7777-4777-8777-777777777777', name: 'Big One', members: [],
    social_accounts: [{ id: ACC, platform: 'x', display_name: 'Big', username: '@big', is_active: true, status: 'connected' }],
    posts: Array.from({ length: POSTS }, (_, i) => {
      const day = Math.floor(i / 3) - 100;
      return { content: `Big ${i}`, status: day < 0 ? 'published' : 'scheduled', scheduled_at: `{{day${day < 0 ? day : `+${day}`}}} ${String(9 + (i % 3) * 3).padStart(2, '0')}:00:00`, platforms: [{ account: ACC }] };
    }),
  }],
};

let ctx;
after(() => ctx?.close());

test('first visit to a 40-page workspace: the month is painted from its own pages, then every post arrives', async () => {
  ctx = await openDashboardPage({ seed });
  const { page, dash, problems } = ctx;
  // What the page shows at the moment of its first painted month, and which pages were asked for
  // by then (Resource Timing of the page's own requests).
  await page.addInitScript(() => {
    performance.setResourceTimingBufferSize(2000);
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      if (name === 'tp:month-painted' && !window.__firstPaint) {
        window.__firstPaint = {
          grid: document.querySelector('[role="grid"]')?.innerText ?? '',
          status: [...document.querySelectorAll('[role="status"]')].map((e) => e.textContent).join(' | '),
          pages: [...new Set(performance.getEntriesByType('resource').map((e) => /\/api\/posts\?page=(\d+)/.exec(e.name)?.[1]).filter(Boolean))].length,
        };
      }
      return mark(name, ...rest);
    };
  });
  await signIn(page, dash.url, TOKEN);
  await page.waitForFunction(() => performance.getEntriesByName('tp:all-posts-painted').length > 0, null, { timeout: 60_000 });
  const first = await page.evaluate(() => window.__firstPaint);
  assert.ok(first, 'a month was painted first');
  assert.match(first.status, /Showing this month's posts; loading the rest \(40 pages\)/);
  assert.ok(first.pages > 0 && first.pages < 40, `the month came from ${first.pages} of 40 pages`);
  // Today's posts (i = 300, 301, 302) were on that first month grid.
  for (const n of [300, 301, 302]) assert.match(first.grid, new RegExp(`Big ${n}\\b`));
  // Then the walk: every page, and the full list replaces the month's.
  const all = await page.evaluate(() => [...new Set(performance.getEntriesByType('resource').map((e) => /\/api\/posts\?page=(\d+)/.exec(e.name)?.[1]).filter(Boolean))].length);
  assert.equal(all, 40);
  await page.getByRole('status').filter({ hasText: `All ${POSTS} posts loaded.` }).waitFor();
  await page.getByRole('grid').getByRole('button', { name: /Big 301\b/ }).waitFor();
  assert.deepEqual(problems, []);
});
