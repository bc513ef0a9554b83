// The network badges of a calendar entry, in the widget (web/widget/post-item.js) and on the
// dashboard (web/app/calendar-entry.js): a badge per network the post goes to, its mark taken
// from the network's API name through the one table both use, and the network's words (the
// core's) in its title and in the entry's accessible name. Run against a small stand-in for the DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeElement } from './fake-element.js';
import { displayNames } from '../../web/sdk/index.js';
import { networkMark } from '../../web/sdk/calendar-dates.js';
import { postItem } from '../../web/widget/post-item.js';
import { entryParts } from '../../web/app/calendar-entry.js';


const badges = (li) => li.children.filter((c) => c.className === 'net');
const item = (platforms, networks) => postItem('1', {
  posts: { 1: { status: 'scheduled', time: '09:30', platforms, labels: [], excerpt: 'Hello' } },
  networks, labels: {},
}, '', { locale: 'en-GB', labelClass: () => 'label' });

test('a badge per network, its mark from the network and its title the words people use', async () => {
  const names = (await displayNames()).platforms;
  const li = item(['linkedin-page', 'x', 'instagram-facebook'], names);
  assert.deepEqual(badges(li).map((b) => [b.dataset.platform, b.dataset.mark, b.title]),
    [['linkedin-page', 'in', 'LinkedIn page'], ['x', 'X', 'X'], ['instagram-facebook', 'IG', 'Instagram (Facebook login)']]);
  assert.match(li.getAttribute('aria-label'), /on LinkedIn page, X, Instagram \(Facebook login\)/);
  // Every network the core knows has a mark of its own table entry (one or two signs), and the
  // two LinkedIn networks and the two Instagram logins share theirs.
  for (const p of Object.keys(names)) assert.match(networkMark(p), /^(?:[A-Za-z]{1,2}|@)$/, p);
  assert.equal(new Set(Object.keys(names).map(networkMark)).size, Object.keys(names).length - 2);
});

test('the dashboard and the widget draw the same mark for every network', async () => {
  const names = (await displayNames()).platforms;
  const platforms = Object.keys(names);
  const widget = badges(item(platforms, names)).map((b) => [b.dataset.platform, b.dataset.mark]);
  const marks = entryParts({ time: '09:30', text: 'Hello', platforms }, { networks: names })
    .flat(Infinity).filter((n) => n instanceof FakeElement && n.className === 'post-marks')[0].children.flat(Infinity);
  assert.deepEqual(marks.map((b) => [b.className.replace('net net-', ''), b.dataset.mark]), widget);
});

test('the mark follows the network, not its words: a reworded name keeps the badge', () => {
  const li = item(['x', 'facebook', 'linkedin'], { x: 'Twitter', facebook: 'Meta page', linkedin: 'LI' });
  assert.deepEqual(badges(li).map((b) => b.dataset.mark), ['X', 'f', 'in']);
  assert.deepEqual(badges(li).map((b) => b.title), ['Twitter', 'Meta page', 'LI']);
});
