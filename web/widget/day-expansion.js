// A crowded day shown whole where it is: a month cell's every post (the core's list view from
// that date, cut at the next day), or a week column's (the core's day view, uncapped).
import { el } from './dom.js';
import { postItem } from './post-item.js';
import { timeItems } from './week-grid.js';

// with: {ask(query) -> the core's answer, query(view, date) -> the element's query, item}.
// -> what to announce.
export function expandDay(cell, { ask, query, item }) {
  if (cell.classList.contains('timecol')) return expandTimeColumn(cell, { ask, query, item });
  const date = cell.dataset.date;
  const shown = cell.querySelectorAll('[part~="post"]').length;
  const hidden = Number(/\d+/.exec(cell.querySelector('.more')?.textContent ?? '')?.[0] ?? 0);
  const q = query('list', date);
  delete q.cursor;
  delete q.max_rows;
  q.page_size = shown + hidden;
  const answer = ask(q);
  const ul = cell.querySelector('.posts') ?? cell.appendChild(el('ul', 'posts'));
  ul.setAttribute('part', 'posts');
  ul.replaceChildren(...(answer.items ?? []).filter((i) => i.date === date).map((i) => postItem(i.post_id, answer, '', item)));
  cell.querySelector('.more')?.remove();
  cell.classList.add('expanded');
  return `${ul.children.length} posts on ${cell.querySelector('.num').getAttribute('aria-label').split(',').slice(0, -1).join(',')}`;
}

function expandTimeColumn(cell, { ask, query, item }) {
  const q = query('day', cell.dataset.date);
  delete q.max_rows;
  q.max_columns = 0;
  q.max_per_hour = 0;
  const answer = ask(q);
  const items = Array.isArray(answer.items) ? answer.items : [];
  const spoken = cell.querySelector('.day-label').getAttribute('aria-label').split(',').slice(0, -1).join(',');
  cell.querySelector('.posts')?.remove();
  for (const more of cell.querySelectorAll('.more')) more.remove();
  if (items.length) cell.append(timeItems(items, answer, spoken, item));
  cell.classList.add('expanded');
  return `${items.length} posts on ${spoken}`;
}
