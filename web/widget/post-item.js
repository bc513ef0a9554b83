// One post as the widget shows it (its time, a badge per network, its label colour and its text,
// and a name that says all of it), and the "+N more" button of a crowded day or hour.
import { clockText, networkMark } from '../sdk/calendar-dates.js';
import { el } from './dom.js';

const HEX = /^#[0-9a-f]{6}$/i;

// `spokenDate` starts the post's accessible name where the day is not said around it;
// `labelClass(colour)` -> the class carrying that label colour.
export function postItem(id, answer, spokenDate, { locale, labelClass }) {
  const info = answer.posts?.[id] ?? {};
  const li = el('li', `post ${info.status ?? ''}`);
  li.setAttribute('part', `post post-${info.status ?? 'unknown'}`);
  const labelIds = Array.isArray(info.labels) ? info.labels : [];
  const labels = labelIds.map((l) => answer.labels?.[l]).filter(Boolean);
  const colour = labels.find((l) => HEX.test(l.color ?? ''))?.color;
  if (colour) li.classList.add(labelClass(colour));
  const time = clockText(info.time, locale);
  if (time) li.append(el('span', 'time', time));
  // A badge per network it goes to; the names people use come with the core's view.
  const platforms = Array.isArray(info.platforms) ? info.platforms.map(String) : [];
  const nets = platforms.map((p) => answer.networks?.[p] ?? p);
  platforms.forEach((platform, i) => {
    const name = nets[i];
    // The mark is drawn by CSS: the entry's text stays its time and words (find in page, names);
    // it is the dashboard's mark for the same network.
    const b = el('span', 'net');
    b.dataset.mark = networkMark(platform);
    b.dataset.platform = platform;
    b.setAttribute('part', 'network');
    b.setAttribute('aria-hidden', 'true');
    b.title = name;
    li.append(b);
  });
  li.append(el('span', 'text', info.excerpt || '(no text)'));
  // Its status in the core's words (the view's "statuses"), as the dashboard says it.
  const spoken = [spokenDate, time, answer.statuses?.[info.status] ?? info.status, nets.length && `on ${nets.join(', ')}`, labels.length ? `labels ${labels.map((l) => l.name).join(', ')}` : '', info.excerpt || 'no text']
    .filter(Boolean).join(', ');
  li.setAttribute('aria-label', spoken);
  li.title = info.excerpt ?? '';
  return li;
}

// Shows the whole day. Out of the tab order (the grid keeps one tab stop): Enter or Space on the
// focused day presses it.
export function moreButton(hidden) {
  const more = el('button', 'more', `+${hidden} more`);
  more.type = 'button';
  more.tabIndex = -1;
  more.setAttribute('part', 'more');
  more.setAttribute('aria-label', `${hidden} more ${hidden === 1 ? 'post' : 'posts'}: show all`);
  return more;
}
