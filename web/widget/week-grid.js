// The week as a time grid: hours down the side, one column per day, each post placed at the
// minute its wall clock shows, with the core's overlap column (column of columns). Positions are
// custom properties set through the CSSOM (allowed under style-src 'self'); the CSS turns them
// into top/height/left/width. Every day has the same 24 clock hours, so the hour labels hold
// across a daylight-saving change; the change itself is a dashed line and is spoken.
import { clockChangeText } from '../sdk/calendar.js';
import { clockFormat, dateFormat, dateOf } from '../sdk/calendar-dates.js';
import { el } from './dom.js';
import { postItem, moreButton } from './post-item.js';

// Where the week grid opens when the week's first post is later: the working day is in view.
const WEEK_SCROLL_HOUR = 8;

// item: {locale, labelClass} for the posts. -> {grid, dates (the days drawn)}.
export function paintWeekGrid(answer, today, item) {
  const { locale } = item;
  const days = Array.isArray(answer.weeks?.[0]?.days) ? answer.weeks[0].days : [];
  const weekday = dateFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const longDate = dateFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  const hourFmt = dateFormat(locale, { hour: '2-digit', timeZone: 'UTC' });
  const grid = el('div', 'grid week-view');
  grid.setAttribute('role', 'grid');
  grid.setAttribute('aria-labelledby', 'title');
  grid.setAttribute('aria-readonly', 'true');
  grid.setAttribute('part', 'grid');
  const head = el('div', 'week-row');
  head.setAttribute('role', 'row');
  const corner = el('div', 'gutter');
  corner.setAttribute('aria-hidden', 'true');
  head.append(corner);
  for (const day of days) {
    const d = dateOf(day.date);
    const h = el('div', `weekday${day.date === today ? ' today' : ''}`);
    h.setAttribute('role', 'columnheader');
    h.setAttribute('part', 'weekday');
    h.setAttribute('aria-label', longDate.format(d));
    h.append(el('span', 'weekday-name', weekday.format(d)), el('span', 'num', String(d.getUTCDate())));
    head.append(h);
  }
  const scroller = el('div', 'timegrid');
  scroller.setAttribute('part', 'timegrid');
  const body = el('div', 'week-row');
  body.setAttribute('role', 'row');
  const hours = el('div', 'gutter hours');
  hours.setAttribute('aria-hidden', 'true');
  for (let h = 0; h < 24; h++) {
    const hour = el('div', 'hour');
    hour.append(el('span', 'hour-label', hourFmt.format(Date.UTC(2000, 0, 1, h))));
    hours.append(hour);
  }
  body.append(hours);
  const dates = [];
  let earliest = Infinity;
  for (const day of days) {
    const items = Array.isArray(day.items) ? day.items : [];
    const hidden = Number(day.items_hidden) || 0;
    const cell = el('div', `day timecol${day.date === today ? ' today' : ''}`);
    cell.setAttribute('role', 'gridcell');
    cell.setAttribute('part', `day day-column${day.date === today ? ' day-today' : ''}`);
    cell.dataset.date = day.date;
    cell.tabIndex = -1;
    const total = items.length + hidden;
    const spokenDate = longDate.format(dateOf(day.date));
    const changes = Array.isArray(day.clock_changes) ? day.clock_changes : [];
    const changeTexts = changes.map((c) => clockChangeText(c, clockFormat(locale)));
    const label = el('span', 'sr-only day-label');
    label.setAttribute('aria-label', `${spokenDate}${day.date === today ? ', today' : ''}, ${total === 0 ? 'no posts' : total === 1 ? '1 post' : `${total} posts`}${changeTexts.map((t) => `, ${t}`).join('')}`);
    cell.append(label);
    changes.forEach((c, i) => {
      const line = el('div', 'clock-change');
      line.setAttribute('part', 'clock-change');
      line.setAttribute('aria-hidden', 'true');
      line.title = changeTexts[i];
      line.style.setProperty('--tp-at', String(Math.min(1440, Math.max(0, Number(c.to_minute) || 0))));
      cell.append(line);
    });
    if (items.length) cell.append(timeItems(items, answer, spokenDate, item));
    if (items.length) earliest = Math.min(earliest, Number(items[0].minute) || 0);
    // Posts cut in a busy hour get a "+N more" at that hour; the rest (overlap columns) at the top.
    const hourMore = Array.isArray(day.hour_more) ? day.hour_more : [];
    let inHours = 0;
    for (const slot of hourMore) {
      const n = Number(slot.hidden) || 0;
      inHours += n;
      // Its text is in a span: the button keeps the grid's em, so the hour's position holds.
      const more = moreButton(n);
      more.classList.add('hour-more');
      more.replaceChildren(el('span', 'more-text', `+${n} more`));
      more.style.setProperty('--tp-hour', String(Math.min(23, Math.max(0, Number(slot.hour) || 0))));
      cell.append(more);
    }
    if (hidden - inHours > 0) cell.append(moreButton(hidden - inHours));
    body.append(cell);
    dates.push(day.date);
  }
  scroller.append(body);
  grid.append(head, scroller);
  grid.dataset.scrollMinute = String(Math.min(Number.isFinite(earliest) ? earliest : 0, WEEK_SCROLL_HOUR * 60));
  return { grid, dates };
}

// A day's posts placed by minute and overlap column.
export function timeItems(items, answer, spokenDate, item) {
  const ul = el('ul', 'posts timed');
  ul.setAttribute('part', 'posts');
  for (const entry of items) {
    const li = postItem(entry.post_id, answer, spokenDate, item);
    const start = Number(entry.minute) || 0;
    const end = Number(entry.end_minute) || start + 30;
    const columns = Math.max(1, Number(entry.columns) || 1);
    li.classList.add('timed');
    li.style.setProperty('--tp-start', String(start));
    li.style.setProperty('--tp-length', String(Math.max(1, end - start)));
    li.style.setProperty('--tp-column', String(Math.min(Number(entry.column) || 0, columns - 1)));
    li.style.setProperty('--tp-columns', String(columns));
    ul.append(li);
  }
  return ul;
}

// Opens the week at its first post, or at the working day when the first post is later.
export function scrollWeek(grid) {
  const scroller = grid.querySelector('.timegrid');
  const hour = grid.querySelector('.hour');
  if (!scroller || !hour) return;
  const minute = Number(grid.dataset.scrollMinute) || 0;
  // Narrow, the whole grid is the scroller (days scroll sideways under the hours and the header).
  const vertical = scroller.scrollHeight > scroller.clientHeight ? scroller : grid;
  vertical.scrollTop = Math.max(0, (minute / 60) * hour.offsetHeight - hour.offsetHeight / 2);
  // Narrow, the days scroll sideways: the focused day's column comes into view, beside the hours.
  const day = grid.querySelector('.timecol[tabindex="0"]');
  if (day && grid.scrollWidth > grid.clientWidth) {
    const gutter = grid.querySelector('.gutter')?.getBoundingClientRect().width ?? 0;
    grid.scrollLeft += day.getBoundingClientRect().left - grid.getBoundingClientRect().left - gutter;
  }
}
