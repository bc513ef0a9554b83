// <trypost-calendar>'s week view in Chromium: the time grid, overlap columns, busy hours, keys,
// and daylight-saving changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportSnapshot } from '../../web/sdk/index.js';
import { useWidgetServer, openExample, waitRendered } from './widget-support.js';

useWidgetServer();

async function weekSnapshot() {
  const at = (day, hm) => `2026-05-${day} ${hm}:00`;
  const times = [
    ['11', '09:40'], ['11', '09:55'], ['11', '10:05'], // one group of three, side by side
    ['11', '10:20'], // overlaps 09:55 and 10:05 (30 min each): goes into the column 09:40 freed
    ['11', '14:00'], // alone: full width
    ['13', '18:00'], ['13', '18:00'], ['13', '18:00'], ['13', '18:00'], ['13', '18:00'], // five in one hour: 2 shown, "+3 more"
    ['16', '23:45'],
  ];
  const posts = times.map(([day, hm], i) => ({
    id: String(900 + i), status: 'scheduled', content: `Week post ${i}`, scheduled_at: at(day, hm), published_at: null,
    platforms: [{ id: `wp-${i}`, platform: 'x', content_type: 'x_post', social_account: { id: 'acc-x' } }], labels: [],
  }));
  return JSON.stringify(await exportSnapshot({ workspace: { name: 'Week', brand: {} }, accounts: [{ id: 'acc-x', platform: 'x', display_name: 'X', username: '@x', is_active: true, status: 'connected' }], labels: [], posts }));
}

test('week view: a time grid with hours down the side, posts placed by time in overlap columns, keys and labels', async () => {
  const { page, problems } = await openExample({ snapshot: await weekSnapshot(), query: '?view=week&date=2026-05-13&time-zone=UTC&week-start=monday' });
  await waitRendered(page);
  const read = () => page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    const hour = root.querySelector('.hour').getBoundingClientRect().height;
    const columns = [...root.querySelectorAll('[role="gridcell"]')];
    return {
      title: root.querySelector('[part~="title"]').textContent,
      hours: [...root.querySelectorAll('.hour')].map((h) => h.textContent),
      headers: [...root.querySelectorAll('[role="columnheader"]')].map((h) => h.getAttribute('aria-label')),
      days: columns.map((c) => {
        const box = c.getBoundingClientRect();
        return {
          date: c.dataset.date,
          label: c.querySelector('.day-label')?.getAttribute('aria-label'),
          more: c.querySelector('[part~="more"]')?.textContent ?? null,
          posts: [...c.querySelectorAll('[part~="post"]')].map((p) => {
            const r = p.getBoundingClientRect();
            return {
              text: p.querySelector('.text').textContent,
              label: p.getAttribute('aria-label'),
              // in minutes from the column's top, and in fractions of the column's inner width
              at: Math.round(((r.top - box.top - c.clientTop) / hour) * 60),
              left: Math.round(((r.left - box.left - c.clientLeft) / c.clientWidth) * 100) / 100,
              width: Math.round(((r.width + 2) / c.clientWidth) * 100) / 100,
            };
          }),
        };
      }),
    };
  });
  const week = await read();
  assert.equal(week.title, 'May 11 – 17, 2026');
  assert.equal(week.hours.length, 24, 'one row per hour down the side');
  assert.match(week.hours[9], /9/);
  assert.equal(week.days.length, 7);
  assert.equal(week.headers[0], 'Monday, May 11, 2026');
  const mon = week.days[0];
  assert.equal(mon.label, 'Monday, May 11, 2026, 5 posts');
  assert.deepEqual(mon.posts.map((p) => [p.text, p.at, p.left, p.width]), [
    ['Week post 0', 9 * 60 + 40, 0, 0.33],
    ['Week post 1', 9 * 60 + 55, 0.33, 0.33],
    ['Week post 2', 10 * 60 + 5, 0.67, 0.33],
    ['Week post 3', 10 * 60 + 20, 0, 0.33],
    ['Week post 4', 14 * 60, 0, 1],
  ]);
  // Times follow the element's lang (en: a 12-hour clock, like the hour labels beside them).
  assert.match(mon.posts[0].label, /^Monday, May 11, 2026, 09:40\sAM, scheduled, on X, Week post 0$/);
  const wed = week.days[2];
  assert.equal(wed.posts.length, 2, 'an hour keeps two posts and a "+N more" for the rest');
  assert.equal(wed.more, '+3 more');
  assert.equal(wed.label, 'Wednesday, May 13, 2026, 5 posts');
  assert.deepEqual(week.days[5].posts.map((p) => p.at), [23 * 60 + 45]);
  assert.equal(week.days.filter((d) => d.posts.length === 0).length, 4);
  // Keyboard: one tab stop, on the date attribute's day; Enter on it shows the whole day.
  const focused = () => page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.activeElement?.dataset.date);
  await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelector('[role="gridcell"][tabindex="0"]').focus());
  assert.equal(await focused(), '2026-05-13');
  await page.keyboard.press('Enter');
  const expanded = (await read()).days[2];
  assert.equal(expanded.more, null);
  assert.deepEqual(expanded.posts.map((p) => [p.at, p.left, p.width]), [0, 1, 2, 3, 4].map((i) => [18 * 60, i / 5, 0.2]));
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), '2026-05-12');
  await page.keyboard.press('End');
  assert.equal(await focused(), '2026-05-17', 'End: the last day of the week (Monday start)');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), '2026-05-24', 'ArrowDown: a week on shows the next week');
  const next = await page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    return { title: root.querySelector('[part~="title"]').textContent, live: root.querySelector('[aria-live]').textContent, tabbable: root.querySelectorAll('[tabindex="0"]').length };
  });
  assert.deepEqual(next, { title: 'May 18 – 24, 2026', live: 'May 18 – 24, 2026', tabbable: 1 });
  assert.deepEqual(problems, []);
  await page.close();
});

// Daylight saving in the week grid (Europe/Paris, 2026): every day keeps the same 24 clock hours
// under the one hour axis, so a 10:00 post sits level with the other days' 10:00 and with the
// "10" label; the change is marked and spoken.
test('week view across daylight-saving changes: posts at their wall-clock time, the jump marked and spoken', async () => {
  const post = (id, at) => ({ id, status: 'scheduled', content: `DST ${id}`, scheduled_at: at, published_at: null,
    platforms: [{ id: `dp-${id}`, platform: 'x', content_type: 'x_post', social_account: { id: 'acc-x' } }], labels: [] });
  const posts = [
    post('sat10', '2026-03-28 09:00:00'), // 10:00 CET
    post('sun0330', '2026-03-29 01:30:00'), // 03:30 CEST, just after the jump
    post('sun10', '2026-03-29 08:00:00'), // 10:00 CEST
    post('first0230', '2026-10-25 00:30:00'), // 02:30 CEST
    post('second0230', '2026-10-25 01:30:00'), // 02:30 CET, an hour later
  ];
  const snap = JSON.stringify(await exportSnapshot({ workspace: { name: 'DST', brand: {} }, accounts: [{ id: 'acc-x', platform: 'x', display_name: 'X', username: '@x', is_active: true, status: 'connected' }], labels: [], posts }));
  const read = (page) => page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    const hours = [...root.querySelectorAll('.hour')];
    const hour = hours[0].getBoundingClientRect().height;
    return [...root.querySelectorAll('[role="gridcell"]')].map((c) => {
      const box = c.getBoundingClientRect();
      const minuteOf = (r) => Math.round(((r.top - box.top - c.clientTop) / hour) * 60);
      return {
        date: c.dataset.date,
        label: c.querySelector('.day-label').getAttribute('aria-label'),
        height: Math.round(box.height / hour),
        changes: [...c.querySelectorAll('[part~="clock-change"]')].map((l) => minuteOf(l.getBoundingClientRect())),
        posts: [...c.querySelectorAll('[part~="post"]')].map((p) => {
          const r = p.getBoundingClientRect();
          return [p.querySelector('.text').textContent, minuteOf(r), Math.round(((r.left - box.left - c.clientLeft) / c.clientWidth) * 100) / 100];
        }),
        // the hour label level with each post, read from the side
        labels: [...c.querySelectorAll('[part~="post"]')].map((p) => {
          const top = p.getBoundingClientRect().top;
          return hours.find((h) => Math.abs(h.getBoundingClientRect().top - top) < 2 || (h.getBoundingClientRect().top <= top && h.getBoundingClientRect().bottom > top))?.textContent;
        }),
      };
    });
  });
  const { page, problems } = await openExample({ snapshot: snap, query: '?view=week&date=2026-03-29&time-zone=Europe/Paris&week-start=monday&max-rows=0' });
  await waitRendered(page);
  const spring = await read(page);
  const sat = spring.find((d) => d.date === '2026-03-28');
  const sun = spring.find((d) => d.date === '2026-03-29');
  assert.deepEqual(sat.posts, [['DST sat10', 600, 0]]);
  assert.deepEqual(sun.posts, [['DST sun0330', 210, 0], ['DST sun10', 600, 0]], 'Sunday 10:00 is level with Saturday 10:00');
  assert.equal(sun.labels[1], sat.labels[0]);
  assert.match(sun.labels[1], /10/);
  assert.match(sun.labels[0], /3/);
  assert.equal(sun.height, sat.height, 'a 23-hour day is drawn on the same 24 clock hours');
  assert.deepEqual(sun.changes, [180]);
  assert.deepEqual(sat.changes, []);
  assert.match(sun.label, /clocks go forward 1 hour at 02:00\sAM/);
  assert.doesNotMatch(sat.label, /clocks/);
  await page.evaluate(() => document.querySelector('trypost-calendar').setAttribute('date', '2026-10-25'));
  await page.waitForFunction(() => document.querySelector('trypost-calendar').shadowRoot.querySelector('[data-date="2026-10-25"]'));
  const autumn = (await read(page)).find((d) => d.date === '2026-10-25');
  assert.deepEqual(autumn.posts, [['DST first0230', 150, 0], ['DST second0230', 150, 0.5]], 'both 02:30s in the repeated hour, side by side');
  assert.deepEqual(autumn.changes, [120]);
  assert.match(autumn.label, /clocks go back 1 hour at 03:00\sAM/);
  assert.deepEqual(problems, []);
  await page.close();
});
