// The month (or any grid of whole weeks) as the widget draws it: a row of weekday names, then a
// row per week of day cells, each with its number, its posts and the core's "+N more". Which
// days, which posts and how many are the core's answer; names of days follow the locale (Intl).
import { dateFormat, dateOf } from '../sdk/calendar-dates.js';
import { el } from './dom.js';
import { postItem, moreButton } from './post-item.js';

// item: {locale, labelClass} for the posts; `today` is highlighted.
export function paintMonthGrid(answer, view, today, item) {
  const { locale } = item;
  const weeks = Array.isArray(answer.weeks) ? answer.weeks : [];
  const grid = el('div', `grid ${view}-view`);
  grid.setAttribute('role', 'grid');
  grid.setAttribute('aria-labelledby', 'title');
  grid.setAttribute('aria-readonly', 'true');
  grid.setAttribute('part', 'grid');
  const weekday = dateFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const weekdayLong = dateFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const longDate = dateFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  const head = el('div', 'row');
  head.setAttribute('role', 'row');
  for (const day of weeks[0]?.days ?? []) {
    const h = el('div', 'weekday', weekday.format(dateOf(day.date)));
    h.setAttribute('role', 'columnheader');
    h.setAttribute('part', 'weekday');
    h.setAttribute('aria-label', weekdayLong.format(dateOf(day.date)));
    head.append(h);
  }
  grid.append(head);
  for (const week of weeks) {
    const row = el('div', 'row');
    row.setAttribute('role', 'row');
    row.setAttribute('part', 'week');
    for (const day of week.days) {
      const d = dateOf(day.date);
      const outside = view === 'month' && day.in_month === false;
      const cell = el('div', `day${outside ? ' outside' : ''}${day.date === today ? ' today' : ''}`);
      cell.setAttribute('role', 'gridcell');
      cell.setAttribute('part', `day${outside ? ' day-outside' : ''}${day.date === today ? ' day-today' : ''}`);
      cell.dataset.date = day.date;
      cell.tabIndex = -1;
      const ids = Array.isArray(day.post_ids) ? day.post_ids : [];
      const hidden = Number(day.hidden) || 0;
      const total = ids.length + hidden;
      const spokenDate = longDate.format(d);
      const num = el('span', 'num', String(d.getUTCDate()));
      num.setAttribute('part', 'day-number');
      num.dataset.wd = weekday.format(d); // shown beside the number when the month is a list (narrow)
      num.setAttribute('aria-label', `${spokenDate}${day.date === today ? ', today' : ''}, ${total === 0 ? 'no posts' : total === 1 ? '1 post' : `${total} posts`}`);
      cell.append(num);
      if (ids.length) {
        const ul = el('ul', 'posts');
        ul.setAttribute('part', 'posts');
        for (const id of ids) ul.append(postItem(id, answer, '', item));
        cell.append(ul);
      }
      if (hidden > 0) cell.append(moreButton(hidden));
      row.append(cell);
    }
    grid.append(row);
  }
  return grid;
}
