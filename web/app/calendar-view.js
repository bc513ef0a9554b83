// <tp-calendar>: paints the views the core's CalendarIndex answers (month, week, day, list) for
// the active workspace. Which posts fall on which day in which zone, "+N more", filters and facet
// counts are the core's; this element only draws them and turns gestures into move requests.
import { h, clear, uid } from './dom.js';
import { loadCore, parseCoreAnswer } from '../sdk/core.js';
import { clockChangeText } from '../sdk/calendar.js';
import { calendarWindow, englishDate as longDate, englishDay, englishMonth, englishWeekday, shiftDate, todayIn } from '../sdk/calendar-dates.js';
import { savedZone, saveZone, zonePicker } from './display-zone.js';
import { entryParts, entryName, clockText, timeText } from './calendar-entry.js';
import { CalendarMoves } from './calendar-moves.js';

// What a fresh element shows: the view a returning visit's saved first paint must match.
const startState = () => ({ view: 'month', date: todayIn('UTC'), zone: 'UTC', filters: { label: '', account: '', platform: '', status: '' } });

// The filter options drawn beside a view (ids and names only): part of what a paint depends on.
const filterLists = (d) => ({
  accounts: d.accounts.map((a) => ({ id: a.id, display_name: a.display_name, platform: a.platform })),
  labels: d.labels.map((l) => ({ id: l.id, name: l.name })),
});

export class CalendarView extends HTMLElement {
  state = startState();
  #data = null; // {calendar, posts: Map id->post, accounts, labels, canEdit, reason}
  #cursorPages = [];
  #gridId = uid('cal');
  #statuses = {}; // status -> the words people read, from the core's last view

  #moves = new CalendarMoves(this, {
    data: () => this.#data,
    zone: () => this.state.zone,
    // What is on screen is no longer the core's answer: not to be reused for a later paint.
    forget: () => {
      if (this.#data) this.#painted.delete(this.#data.posts);
      this.#shown = null;
    },
  });

  constructor() {
    super();
    this.#listen();
    this.#moves.listen();
  }

  connectedCallback() {
    this.classList.add('calendar');
    if (!this.#data) this.renderLoading();
  }

  renderLoading() {
    this.#shown = null;
    clear(this, h('p', { class: 'visually-hidden', role: 'status', text: 'Loading the calendar…' }), this.#skeleton());
    this.setAttribute('aria-busy', 'true');
  }

  #skeleton() {
    const sk = h('div', { class: 'skeleton-grid', 'aria-hidden': 'true' });
    for (let i = 0; i < 35; i++) sk.append(h('div', { class: 'skeleton' }));
    return sk;
  }

  setData(data) {
    // Label and account ids belong to one workspace: their filters do not carry over a switch.
    if (this.#data && data.wsId !== this.#data.wsId) this.state.filters = { ...this.state.filters, label: '', account: '' };
    // Each workspace shows its times in the zone chosen for it on this device.
    if (data.wsId !== this.#data?.wsId) this.state.zone = savedZone(data.wsId);
    this.#data = data;
    this.#cursorPages = [];
    this.render();
  }

  query(extra = {}) {
    const f = this.state.filters;
    const filters = {};
    if (f.label) filters.labels = [f.label];
    if (f.account) filters.accounts = [f.account];
    if (f.platform) filters.platforms = [f.platform];
    if (f.status) filters.statuses = [f.status];
    return { view: this.state.view, date: this.state.date, time_zone: this.state.zone, week_start: 'monday', max_rows: this.state.view === 'month' ? 4 : 0, details: true, filters, ...extra };
  }

  // The last painted DOM per loaded post set (a workspace's posts Map is replaced on every
  // reload): switching back to a workspace whose posts and view did not change reuses its nodes.
  #painted = new WeakMap();
  // What is on screen: {key, text (the core's answer), lists, total, nodes}.
  #shown = null;

  #keyFor(state, d) {
    return `${JSON.stringify(state)}|${d.canEdit}|${todayIn(state.zone)}${d.queued?.size ? `|queued:${[...d.queued].join(',')}` : ''}`;
  }

  // A month saved by paintRecord on an earlier visit, drawn before the core is loaded. `data` is
  // what setData takes, minus the calendar and the posts. False (nothing drawn) when the record is
  // not the view this element would show now.
  showSaved(record, data) {
    const d = { ...data, calendar: null, saved: record, accounts: record.accounts, labels: record.labels, posts: { size: record.total, get: () => undefined } };
    if (record.paint_key !== this.#keyFor(this.state, d)) return false;
    this.#savedNav = record.nav ?? null;
    this.setData(d);
    return true;
  }

  // The key of what is on screen when it is what a fresh visit opens (else null): whether the
  // screen still shows a record taken earlier, without building the record again.
  get paintKey() {
    const d = this.#data;
    const s = this.#shown;
    return d?.calendar && s && s.key === this.#keyFor(startState(), d) ? s.key : null;
  }

  // The first-paint record for the device cache (post-cache.js): the core's answer on screen and
  // what drawing it needs, when the screen shows what a fresh visit opens; otherwise null.
  get paintRecord() {
    const key = this.paintKey;
    if (!key) return null;
    const d = this.#data;
    const s = this.#shown;
    // Where the month's buttons go, so they work on a returning visit before the core is loaded.
    const { view, date } = this.state;
    const { previous, next } = calendarWindow(d.calendar.core, { view, date, week_start: 'monday' });
    return { paint_key: key, date, view_text: s.text, total: s.total, nav: { view, date, previous, next }, ...filterLists(d) };
  }

  render() {
    this.removeAttribute('aria-busy');
    const d = this.#data;
    if (!d) return this.renderLoading();
    const focusKey = document.activeElement && this.contains(document.activeElement) ? document.activeElement.dataset.focusKey : null;
    const paintKey = this.#keyFor(this.state, d);
    const painted = this.#painted.get(d.posts);
    // A time grid shown again at the same days keeps where it was scrolled to.
    const oldGrid = this.querySelector('.grid-week, .grid-day');
    const keepTop = oldGrid && this.#timelineAt === `${this.state.view}|${this.state.date}` ? oldGrid.scrollTop : null;
    if (painted && painted.key === paintKey && !focusKey) {
      this.replaceChildren(...painted.nodes);
      this.#shown = painted.shown;
      this.#focusDate = this.querySelector('[role=gridcell][tabindex="0"]')?.dataset.date ?? this.#focusDate;
      this.#openTimeline(keepTop);
      return;
    }
    let text = null;
    let problem = null;
    if (d.calendar) {
      try {
        performance.mark('tp:view-start');
        text = d.calendar.viewText(this.query());
        performance.mark('tp:view-done');
      } catch (err) {
        problem = err.message;
      }
    } else if (d.saved?.paint_key === paintKey) text = d.saved.view_text;
    else {
      // Only the saved month can be drawn without the core: another view keeps the toolbar and
      // waits for it (the data that follows repaints in the state asked for).
      this.#shown = null;
      clear(this, this.#toolbar(), h('p', { class: 'visually-hidden', role: 'status', text: 'Loading the calendar…' }), this.#skeleton());
      this.setAttribute('aria-busy', 'true');
      return;
    }
    const lists = JSON.stringify(filterLists(d));
    const s = this.#shown;
    if (text !== null && s && s.text === text && s.key === paintKey && s.lists === lists && s.total === d.posts.size
      && s.nodes.length === this.childNodes.length && s.nodes.every((n, i) => n === this.childNodes[i])) {
      // The core answered exactly what is drawn (a month painted from the saved answer): the nodes
      // stay, and so do focus and scroll.
      this.#painted.set(d.posts, { key: paintKey, nodes: s.nodes, shown: s });
      return;
    }
    let view;
    if (text !== null) {
      try {
        view = parseCoreAnswer(text);
      } catch (err) {
        problem = err.message;
      }
    }
    const body = problem ? h('p', { class: 'error', role: 'alert', text: `This view cannot be shown: ${problem}` }) : this.#body(view);
    clear(this, this.#toolbar(view), this.#filters(view), body, view ? this.#keysHint(view) : null, view ? this.#unscheduled(view) : null);
    this.#shown = view ? { key: paintKey, text, lists, total: d.posts.size, nodes: [...this.childNodes] } : null;
    this.#painted.set(d.posts, { key: paintKey, nodes: [...this.childNodes], shown: this.#shown });
    this.#openTimeline(keepTop);
    if (focusKey) this.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: Boolean(this.#timelineAt) });
  }

  // Week and day views scroll inside their grid (24 hours are taller than a screen). A grid opens
  // an hour before its first post, or at 07:00 when there is none earlier, as calendars do; shown
  // again at the same days, it stays where it was.
  #timelineAt = null;
  #openTimeline(keepTop) {
    const grid = this.querySelector('.grid-week, .grid-day');
    this.#timelineAt = grid ? `${this.state.view}|${this.state.date}` : null;
    const cell = grid?.querySelector('.day.timeline');
    if (!cell || grid.scrollHeight <= grid.clientHeight) return;
    if (keepTop !== null) {
      grid.scrollTop = keepTop;
      return;
    }
    const first = Math.min(8 / 24, ...[...grid.querySelectorAll('.post.timed')].map((b) => Number(b.style.getPropertyValue('--top'))));
    const head = grid.querySelector('.row.head');
    // Half a rem more, so the hour's label (centred on its line) is not cut.
    grid.scrollTop = cell.offsetTop + Math.max(0, first - 1 / 24) * cell.offsetHeight - (head?.offsetHeight ?? 0) - 8;
  }

  #set(patch) {
    if (patch.zone && patch.zone !== this.state.zone) saveZone(this.#data?.wsId, patch.zone);
    Object.assign(this.state, patch);
    this.render();
    this.dispatchEvent(new CustomEvent('calendar-state', { bubbles: true, detail: this.state }));
  }

  #title(view) {
    const { view: kind, date } = this.state;
    if (kind === 'month') return englishMonth(date);
    if (kind === 'day') return longDate(date);
    // A week's first day (Monday: week_start in query()), from the core's answer when there is one.
    if (kind === 'week') return `Week of ${englishDay(view?.weeks?.[0]?.days?.[0]?.date ?? this.#window(date)?.first ?? date)}`;
    return `Posts from ${longDate(date)}`;
  }

  // The days around `date` in the week view, as the core counts them (null before it is loaded).
  #window(date) {
    const core = this.#data?.calendar?.core;
    return core ? calendarWindow(core, { view: 'week', date, week_start: 'monday' }) : null;
  }

  // The date `by` ({days} | {months} | {view, step}) from `date`, as the core steps it. Before the
  // core is loaded (a saved first paint): the saved month's buttons go where the core said when
  // it was saved; anything else once the core is in.
  #savedNav = null;
  #shifted(date, by, then) {
    const core = this.#data?.calendar?.core;
    const nav = this.#savedNav;
    if (core) then(shiftDate(core, date, by));
    else if (nav && nav.date === date && nav.view === by.view && Math.abs(by.step) === 1) then(by.step < 0 ? nav.previous : nav.next);
    else loadCore().then((c) => then(shiftDate(c, date, by)));
  }

  #toolbar(shown) {
    const { view, zone } = this.state;
    const views = ['month', 'week', 'day', 'list'].map((v) => h('button', {
      type: 'button', 'aria-pressed': String(view === v), 'data-focus-key': `view-${v}`, onclick: () => this.#set({ view: v }), text: v[0].toUpperCase() + v.slice(1),
    }));
    return h('div', { class: 'cal-toolbar' },
      h('div', { class: 'cal-nav', role: 'group', 'aria-label': 'Dates' },
        h('button', { type: 'button', 'data-focus-key': 'today', onclick: () => this.#set({ date: todayIn(this.state.zone) }), text: 'Today' }),
        h('button', { type: 'button', 'aria-label': 'Previous', 'data-focus-key': 'prev', disabled: view === 'list', onclick: () => this.#shifted(this.state.date, { view, step: -1 }, (date) => this.#set({ date })), text: '‹' }),
        h('button', { type: 'button', 'aria-label': 'Next', 'data-focus-key': 'next', disabled: view === 'list', onclick: () => this.#shifted(this.state.date, { view, step: 1 }, (date) => this.#set({ date })), text: '›' }),
        h('h2', { class: 'cal-title', id: `${this.#gridId}-title`, 'aria-live': 'polite', text: this.#title(shown) })),
      h('div', { class: 'cal-views', role: 'group', 'aria-label': 'View' }, views),
      zonePicker(zone, (z) => this.#set({ zone: z })));
  }

  #filters(view) {
    const d = this.#data;
    // The statuses offered and their words are the core's (each view's "statuses"); a view that
    // cannot be shown keeps the last ones, so a chosen status stays chosen.
    if (view?.statuses) this.#statuses = view.statuses;
    const counts = view?.counts ?? {};
    const make = (key, label, options) => {
      const sel = h('select', { id: uid('flt'), 'data-focus-key': `f-${key}`, onchange: (e) => this.#set({ filters: { ...this.state.filters, [key]: e.target.value } }) },
        h('option', { value: '', text: 'All' }),
        options.map(([value, text, n]) => h('option', { value, text: n === undefined ? text : `${text} (${n})` })));
      sel.value = this.state.filters[key];
      return h('div', { class: 'filter' }, h('label', { for: sel.id, text: label }), sel);
    };
    const platforms = [...new Set(d.accounts.map((a) => a.platform))];
    const active = Object.values(this.state.filters).filter(Boolean).length;
    if (this.filtersOpen === undefined) this.filtersOpen = window.matchMedia('(min-width: 761px)').matches;
    const box = h('details', { class: 'filters-box', open: this.filtersOpen || active > 0, ontoggle: () => { this.filtersOpen = box.open; } },
      h('summary', { text: active ? `Filters (${active} on)` : 'Filters' }));
    box.append(h('div', { class: 'cal-filters', role: 'group', 'aria-label': 'Filters' },
      make('label', 'Label', d.labels.map((l) => [String(l.id), l.name, counts.labels?.[l.id] ?? 0])),
      make('account', 'Account', d.accounts.map((a) => [String(a.id), `${a.display_name} (${d.names?.platforms?.[a.platform] ?? a.platform})`, counts.accounts?.[a.id] ?? 0])),
      make('platform', 'Platform', platforms.map((p) => [p, d.names?.platforms?.[p] ?? p, counts.platforms?.[p] ?? 0])),
      make('status', 'Status', Object.entries(this.#statuses).map(([s, words]) => [s, words, counts.statuses?.[s] ?? 0]))));
    return box;
  }

  #zoneLabel() {
    return this.state.zone === 'UTC' ? 'UTC' : this.state.zone;
  }

  #postButton(id, info, date, view = null) {
    // The core's details carry what a button shows; the full post is only a fallback.
    const post = info?.excerpt !== undefined && info?.status ? undefined : this.#data.posts.get(String(id));
    const entry = {
      time: timeText(info?.time), text: info?.excerpt ?? post?.content ?? '', status: info?.status ?? post?.status ?? '',
      platforms: info?.platforms ?? (post?.platforms ?? []).map((p) => p.platform), labels: info?.labels ?? [],
      queued: this.#data.queued?.get(String(id)) ?? null,
    };
    // The whole text, when the posts are at hand (the core's excerpt stops at 80 characters).
    const full = this.#data.posts instanceof Map ? this.#data.posts.get(String(id))?.content : null;
    const status = entry.status;
    const movable = this.#data.canEdit && info?.editable === true && Boolean(info?.at);
    const names = { networks: view?.networks ?? {}, labels: view?.labels ?? {}, statuses: view?.statuses ?? {} };
    // Its gestures are handled once for the whole calendar (see #listen): a month has ~100 of
    // these, and four listeners each were a good part of building one.
    return h('button', {
      type: 'button', class: `post status-${status}${entry.queued ? ' queued' : ''}`, draggable: movable ? 'true' : null,
      // What the button shows comes first, whole (label in name); networks, labels and the zone after.
      'aria-label': entryName(entry, names, this.#zoneLabel()),
      title: full || entry.text || null,
      'aria-keyshortcuts': movable ? 'Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown' : null,
      dataset: { postId: String(id), date: date ?? '', focusKey: `post-${id}`, ...(movable ? { at: info.at } : {}) },
    }, entryParts(entry, names));
  }

  // One listener per gesture for everything the calendar draws, so nodes carry none of their own
  // and a saved paint's nodes work as they are (the moves' own: calendar-moves.js).
  #listen() {
    const post = (e) => e.target.closest?.('button.post');
    this.addEventListener('click', (e) => {
      const b = post(e);
      if (b) {
        this.dispatchEvent(new CustomEvent('open-post', { bubbles: true, detail: { id: b.dataset.postId } }));
        return;
      }
      const more = e.target.closest?.('button.more');
      if (more) this.#set({ view: 'day', date: more.closest('[role=gridcell]').dataset.date });
    });
    this.addEventListener('keydown', (e) => {
      const b = post(e);
      if (!b) {
        if (e.target.closest?.('[role=grid]')) this.#gridKey(e);
        return;
      }
      if (e.key === 'Escape' && b.closest('[role=gridcell]')) {
        e.preventDefault();
        b.closest('[role=gridcell]').focus();
        return;
      }
      this.#moves.key(e, b);
    });
  }

  // The page shows a move the core has planned at once, and says when it has its answer.
  showMoving(id, newTime) {
    this.#moves.showMoving(id, newTime);
  }

  moveSettled(id, newTime) {
    this.#moves.settled(id, newTime);
  }

  #today = '';
  #focusDate = '';
  #hourScale = false; // the first timeline cell of a render carries the hour marks

  // Arrow keys move between days (the grid pattern); Enter goes into the day's posts. Leaving
  // the range shown moves the view along. Alt+arrows on a post move the post instead.
  #gridKey(e) {
    const cellEl = e.target.closest?.('[role=gridcell]');
    if (!cellEl || e.target !== cellEl || e.altKey) return;
    const date = cellEl.dataset.date;
    const wide = this.state.view === 'day' ? 1 : 7;
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -wide, ArrowDown: wide }[e.key];
    let by = null;
    if (step !== undefined) by = { days: step };
    else if (e.key === 'Home' || e.key === 'End') {
      const row = [...cellEl.parentElement.querySelectorAll('[role=gridcell]')];
      e.preventDefault();
      this.#focusOn((e.key === 'Home' ? row[0] : row.at(-1)).dataset.date);
      return;
    } else if (e.key === 'PageUp' || e.key === 'PageDown') {
      by = { view: 'month', step: e.key === 'PageUp' ? -1 : 1 };
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      cellEl.querySelector('button')?.focus();
      return;
    } else return;
    e.preventDefault();
    this.#shifted(date, by, (target) => this.#focusOn(target));
  }

  // The day cell of `target` takes the focus; a day outside the days shown moves the view there.
  #focusOn(target) {
    this.#focusDate = target;
    const next = this.querySelector(`[role=gridcell][data-date="${target}"]`);
    if (next) {
      for (const c of this.querySelectorAll('[role=gridcell][tabindex="0"]')) c.setAttribute('tabindex', '-1');
      next.setAttribute('tabindex', '0');
      next.focus();
    } else {
      this.state.date = target;
      this.render();
      this.querySelector(`[role=gridcell][data-date="${target}"]`)?.focus();
    }
  }

  #cell(day, view, { showMore = true } = {}) {
    const n = day.post_ids.length + (day.hidden ?? 0);
    const cell = h('div', {
      role: 'gridcell', tabindex: day.date === this.#focusDate ? '0' : '-1', 'data-focus-key': `cell-${day.date}`, class: `day${day.in_month === false ? ' out' : ''}${day.date === this.#today ? ' today' : ''}`,
      dataset: { date: day.date },
    },
    // Named by its content (no aria-label over it): the date and count said first, then its posts,
    // so the name holds every word the cell shows (WCAG 2.5.3, label in name).
    h('span', { class: 'day-num', 'aria-hidden': 'true', text: String(Number(day.date.slice(8))) }),
    h('span', { class: 'visually-hidden', text: `${longDate(day.date)}, ${n === 0 ? 'no posts' : n === 1 ? '1 post' : `${n} posts`}` }));
    if (Array.isArray(day.items) && view.view !== 'month') {
      // The core's time grid: the wall-clock minute of the day and the overlap column, placed
      // through CSS variables. Every day has 24 clock hours (a daylight-saving jump is marked).
      cell.classList.add('timeline');
      const minutes = 1440;
      if (this.#hourScale) {
        this.#hourScale = false;
        for (let hr = 1; hr < 24; hr++) {
          const mark = h('span', { class: 'hour', 'aria-hidden': 'true', text: clockText(hr * 60) });
          mark.style.setProperty('--top', String((hr * 60) / minutes));
          cell.append(mark);
        }
      }
      for (const c of day.clock_changes ?? []) {
        const text = clockChangeText(c);
        const mark = h('span', { class: 'clock-change', role: 'note', text: text[0].toUpperCase() + text.slice(1) });
        mark.style.setProperty('--top', String(c.to_minute / minutes));
        cell.append(mark);
      }
      for (const item of day.items) {
        const b = this.#postButton(item.post_id, view.posts?.[item.post_id], day.date, view);
        b.classList.add('timed');
        b.style.setProperty('--top', String(item.minute / minutes));
        b.style.setProperty('--len', String(Math.max(item.end_minute - item.minute, 1) / minutes));
        b.style.setProperty('--col', String(item.column));
        b.style.setProperty('--cols', String(item.columns || 1));
        cell.append(b);
      }
    } else {
      for (const id of day.post_ids) cell.append(this.#postButton(id, view.posts?.[id], day.date, view));
    }
    if (showMore && day.hidden > 0) {
      cell.append(h('button', { type: 'button', class: 'more', 'data-focus-key': `more-${day.date}`, 'aria-label': `+${day.hidden} more on ${longDate(day.date)}`, text: `+${day.hidden} more` }));
    }
    return cell;
  }

  #body(view) {
    this.#hourScale = true;
    this.#today = todayIn(this.state.zone);
    const total = this.#data.posts.size;
    if (total === 0) {
      return h('div', { class: 'empty' },
        h('h3', { text: 'No posts yet' }),
        h('p', { text: this.#data.canEdit ? 'Write your first post with "New post"; it will appear here on its day.' : 'Posts will appear here once your team schedules them.' }));
    }
    if (view.view === 'list') return this.#list(view);
    const grid = h('div', { role: 'grid', class: `grid grid-${view.view}`, 'aria-labelledby': `${this.#gridId}-title`, 'aria-readonly': String(!this.#data.canEdit) });
    const shown = view.view === 'day' ? [view.date] : view.weeks.flatMap((w) => w.days.map((d) => d.date));
    if (!shown.includes(this.#focusDate)) this.#focusDate = shown.includes(this.state.date) ? this.state.date : shown.includes(this.#today) ? this.#today : (view.weeks?.flatMap((w) => w.days).find((d) => d.in_month !== false)?.date ?? shown[0]);
    if (view.view === 'day') {
      const day = { date: view.date, post_ids: view.items.map((i) => i.post_id), items: view.items, minutes: view.minutes, hidden: view.hidden };
      grid.append(h('div', { role: 'row', class: 'row' }, this.#cell(day, view, { showMore: false })));
      // Said above the grid (a grid holds only rows): an empty day, or posts too crowded to draw.
      const notes = [];
      if (!view.items.length && !(view.hidden > 0)) notes.push(h('p', { class: 'hint day-note', text: `No posts on ${longDate(view.date)}.${this.#data.canEdit ? ' "New post" adds one.' : ''}` }));
      if (view.hidden > 0) notes.push(h('p', { class: 'hint day-note', text: `${view.hidden} more posts overlap and are not drawn.` }));
      return notes.length ? h('div', {}, notes, grid) : grid;
    }
    // A week's header also carries the dates: its grid scrolls, and the days' own numbers with it.
    // The columns are the core's days of the first week, so they follow its week start.
    const week = view.view === 'week';
    grid.append(h('div', { role: 'row', class: 'row head' }, (view.weeks[0]?.days ?? []).map((d) => h('div', {
      role: 'columnheader', class: `wd${week && d.date === this.#today ? ' today' : ''}`,
      text: week ? `${englishWeekday(d.date)} ${Number(d.date.slice(8))}` : englishWeekday(d.date),
    }))));
    for (const week of view.weeks) {
      grid.append(h('div', { role: 'row', class: 'row' }, week.days.map((day) => this.#cell(day, view, { showMore: view.view === 'month' }))));
    }
    return grid;
  }

  #list(view) {
    const list = h('ol', { class: 'post-list', 'aria-label': 'Posts in time order' });
    let lastDate = null;
    for (const item of view.items) {
      if (item.date !== lastDate) {
        list.append(h('li', { class: 'list-date' }, h('h3', { text: longDate(item.date) })));
        lastDate = item.date;
      }
      list.append(h('li', {}, this.#postButton(item.post_id, view.posts?.[item.post_id], item.date, view)));
    }
    const nav = h('div', { class: 'list-nav' });
    if (view.next) nav.append(h('button', { type: 'button', onclick: () => { this.#cursorPages.push(view.next); this.#renderListPage(); }, text: 'Later posts' }));
    return h('div', {}, list, nav);
  }

  #renderListPage() {
    const view = this.#data.calendar.view(this.query({ cursor: this.#cursorPages.at(-1), page_size: 50 }));
    const body = this.#list(view);
    this.#shown = null;
    this.querySelector('.post-list')?.parentElement?.replaceWith(body);
  }

  // The keyboard's ways, said once under the grid (each post also carries aria-keyshortcuts).
  #keysHint(view) {
    if (view.view === 'list' || !this.#data.posts.size) return null;
    const move = !this.#data.canEdit ? '' : view.view === 'month'
      ? ' Alt+arrows move a post by a day or a week.'
      : ' Alt+Left/Right move a post by a day, Alt+Up/Down by a quarter hour.';
    return h('p', { class: 'hint keys-hint', text: `Keyboard: arrows move between days, Enter goes into a day's posts, Escape comes back.${move}` });
  }

  #unscheduled(view) {
    const ids = view.unscheduled ?? [];
    if (!ids.length) return null;
    return h('section', { class: 'unscheduled', 'aria-label': 'Unscheduled drafts' },
      h('h3', { text: `Unscheduled drafts (${ids.length + (view.unscheduled_hidden ?? 0)})` }),
      h('div', { class: 'unscheduled-list' }, ids.map((id) => this.#postButton(id, view.posts?.[id] ?? { excerpt: this.#data.posts.get(String(id))?.content?.slice(0, 80), status: 'draft', time: 'No time' }, null, view))));
  }
}

customElements.define('tp-calendar', CalendarView);
