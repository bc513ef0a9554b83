// The list view as the widget draws it: the core's page of posts from a date on, grouped by day,
// with a "Show later posts" button while the core hands out a next cursor. A later page is
// appended to the list already in `body`.
import { dateFormat, dateOf } from '../sdk/calendar-dates.js';
import { el } from './dom.js';
import { postItem } from './post-item.js';

// -> the new list view, or null when the page was appended.
export function paintPostList(answer, body, append, item) {
  const items = Array.isArray(answer.items) ? answer.items : [];
  const longDate = dateFormat(item.locale, { dateStyle: 'full', timeZone: 'UTC' });
  let list = append ? body.querySelector('.list') : null;
  const fresh = !list;
  if (fresh) {
    list = el('ol', 'list');
    list.setAttribute('part', 'list');
    list.setAttribute('aria-labelledby', 'title');
  }
  let group = fresh ? null : list.lastElementChild;
  for (const entry of items) {
    if (!group || group.dataset.date !== entry.date) {
      group = el('li', 'list-day');
      group.dataset.date = entry.date;
      group.setAttribute('part', 'list-day');
      const h = el('h3', 'list-date', longDate.format(dateOf(entry.date)));
      h.setAttribute('part', 'list-date');
      const ul = el('ul', 'posts');
      group.append(h, ul);
      list.append(group);
    }
    group.lastElementChild.append(postItem(entry.post_id, answer, longDate.format(dateOf(entry.date)), item));
  }
  body.querySelector('.more-button')?.remove();
  const wrap = fresh ? el('div', 'list-view') : null;
  if (fresh) {
    if (!items.length) wrap.append(el('p', 'loading', 'No posts from this date on.'));
    wrap.append(list);
  }
  if (answer.next) {
    const more = el('button', 'more-button', 'Show later posts');
    more.type = 'button';
    more.setAttribute('part', 'more-button');
    more.dataset.cursor = answer.next;
    (wrap ?? body.querySelector('.list-view')).append(more);
  }
  return wrap;
}
