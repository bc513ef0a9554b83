// The words a person reads for a post status come from the core's one table, carried by the
// calendar view's answer: the dashboard's entry names and status filter, the widget's spoken
// entries and the offline preview's rows all say the same words. Run against a small stand-in
// for the DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './fake-element.js'; // the DOM stand-in the entry builders need
import { Calendar, displayNames } from '../../web/sdk/index.js';
import { previewData } from '../../web/sdk/preview-file.js';
import { postItem } from '../../web/widget/post-item.js';
import { entryName } from '../../web/app/calendar-entry.js';


const post = (id, status, at) => ({
  id, status, content: `Post ${id}`, scheduled_at: at, labels: [],
  platforms: [{ id: `pp${id}`, platform: 'linkedin-page', content_type: 'linkedin_page_post', social_account: { id: 'acc1' } }],
});
const posts = [post('1', 'partially_published', '2026-05-11 09:30:00'), post('2', 'scheduled', '2026-05-12 10:00:00'), post('3', 'draft', '2026-05-13 11:00:00')];
const query = { view: 'month', date: '2026-05-11', details: true, time_zone: 'UTC' };

test('every view names each status the filter offers, in its order, by the core\'s words', async () => {
  const cal = await Calendar.create({ posts });
  try {
    const words = (await displayNames()).statuses;
    for (const view of ['month', 'week', 'day', 'list']) {
      const answer = cal.view({ ...query, view });
      assert.deepEqual(answer.statuses, words, view);
      assert.deepEqual(Object.keys(answer.statuses), ['draft', 'scheduled', 'publishing', 'published', 'partially_published', 'failed'], view);
    }
    assert.equal(words.partially_published, 'partially published');
    // A view asked for without details (a count, a window) stays without the words.
    assert.equal(cal.view({ view: 'month', date: '2026-05-11' }).statuses, undefined);
  } finally {
    cal.dispose();
  }
});

test('the dashboard and the widget say a post\'s status in the same words, from the view', async () => {
  const cal = await Calendar.create({ posts });
  try {
    const answer = cal.view(query);
    const names = { networks: answer.networks, labels: answer.labels, statuses: answer.statuses };
    for (const [id, words] of [['1', 'partially published'], ['2', 'scheduled'], ['3', 'draft']]) {
      const info = answer.posts[id];
      const dashboard = entryName({ time: info.time, text: `Post ${id}`, status: info.status, platforms: info.platforms }, names, 'UTC');
      assert.match(dashboard, new RegExp(`^\\d\\d:\\d\\d Post ${id}, ${words} \\(UTC\\); to LinkedIn page$`));
      const widget = postItem(id, answer, '', { locale: 'en-GB', labelClass: () => 'label' }).getAttribute('aria-label');
      assert.match(widget, new RegExp(`^\\d\\d:\\d\\d, ${words}, on LinkedIn page, Post ${id}$`));
    }
  } finally {
    cal.dispose();
  }
});

test('the offline preview\'s periods carry the same words', async () => {
  const cal = await Calendar.create({ posts });
  try {
    const { data } = previewData(cal, { workspace: { name: 'Acme' } }, { date: '2026-05-11', time_zone: 'UTC' });
    assert.ok(data.views.length > 0);
    const words = (await displayNames()).statuses;
    for (const v of data.views) assert.deepEqual(v.statuses, words);
  } finally {
    cal.dispose();
  }
});
