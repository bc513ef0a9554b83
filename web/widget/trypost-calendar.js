// <trypost-calendar>: a read-only content calendar for agency sites, in a shadow root.
// It fetches posts (a snapshot file, or the widget proxy with a short-lived token), hands them to
// the WASM core once, and paints the month/week/list views the core returns. Every calendar rule
// (grid, zone lens, "+N more", filters, date steps) is the core's; this file only does I/O, DOM
// and keys. Nothing here throws at the host page: failures become a message inside the element
// and an `error` event.
import { Calendar } from '../sdk/calendar.js';
import { dateFormat, dateOf, shiftDate, todayIn } from '../sdk/calendar-dates.js';
import { WIDGET_CSS, brandCss } from './styles.js';
import { el, sheetFor } from './dom.js';
import { WidgetError } from './widget-error.js';
import { fetchEndpoint, fetchSnapshot } from './post-source.js';
import { paintMonthGrid } from './month-grid.js';
import { paintWeekGrid, scrollWeek } from './week-grid.js';
import { paintPostList } from './post-list.js';
import { expandDay } from './day-expansion.js';
import { MonthStrip } from './month-strip.js';
import { viewQuery } from './view-query.js';

export { WidgetError };

const VIEWS = new Set(['month', 'week', 'list']);
const DATA_ATTRS = new Set(['src', 'endpoint', 'token']);

let baseSheet = null;
export class TrypostCalendar extends HTMLElement {
  static observedAttributes = ['src', 'endpoint', 'token', 'view', 'date', 'week-start', 'time-zone', 'max-rows', 'labels', 'lang', 'prepare'];

  #root;
  #title;
  #live;
  #body;
  #months; // MonthStrip: the shown grid and the months built ahead of it, in columns
  #message;
  #prev;
  #next;
  #today;
  #themeSheet;
  #labelSheet;
  #labelClasses = new Map(); // label colour -> class name with a rule in #labelSheet
  #calendar = null; // the engine once started and loaded
  #engine = null;
  #labels = [];
  #date = null; // the shown period's anchor date (null: the date attribute, else today)
  #focusDate = null;
  #prepareQueued = false;
  #listCursor = null;
  #generation = 0;
  #abort = null;
  #loadQueued = false;
  #renderQueued = false;
  #state = 'idle';
  #lastError = null;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    try {
      baseSheet ??= sheetFor(WIDGET_CSS);
      this.#themeSheet = sheetFor(':host {}');
      this.#labelSheet = sheetFor('');
      shadow.adoptedStyleSheets = [baseSheet, this.#themeSheet, this.#labelSheet];
    } catch {
      // No constructable stylesheets (very old engines): the calendar still works, unstyled.
    }
    this.#root = el('div', 'root');
    this.#root.setAttribute('part', 'container');
    const header = el('div', 'header');
    header.setAttribute('part', 'header');
    this.#prev = this.#navButton('‹', 'previous', () => this.#step(-1));
    this.#title = el('h2', 'title');
    this.#title.setAttribute('part', 'title');
    this.#title.id = 'title';
    this.#next = this.#navButton('›', 'next', () => this.#step(1));
    this.#today = this.#navButton('Today', 'today', () => this.#goTo(todayIn(this.#zone())));
    header.append(this.#title, this.#prev, this.#today, this.#next);
    this.#live = el('div', 'sr-only');
    this.#live.setAttribute('aria-live', 'polite');
    this.#live.setAttribute('aria-atomic', 'true');
    this.#live.setAttribute('part', 'announcer');
    this.#message = el('div', 'message');
    this.#message.setAttribute('role', 'alert');
    this.#message.setAttribute('part', 'message');
    this.#message.hidden = true;
    this.#body = el('div', 'body');
    this.#body.setAttribute('part', 'body');
    const strip = el('div', 'strip');
    strip.append(el('div', 'loading', 'Loading calendar…'));
    this.#body.append(strip);
    this.#months = new MonthStrip(this.#body, strip);
    this.#body.addEventListener('keydown', (e) => this.#guard(() => this.#onKey(e)));
    this.#body.addEventListener('click', (e) => this.#guard(() => this.#onClick(e)));
    this.#root.append(header, this.#live, this.#message, this.#body);
    shadow.append(this.#root);
  }

  // 'idle' | 'loading' | 'ready' | 'error'
  get state() {
    return this.#state;
  }

  get lastError() {
    return this.#lastError;
  }

  // The date of the period shown (YYYY-MM-DD).
  get shownDate() {
    return this.#anchor();
  }

  connectedCallback() {
    if (!this.#calendar && this.#state !== 'loading') this.#queueLoad();
  }

  // Removed from the page: stop fetching and free the core's index (WASM memory is not collected
  // by the garbage collector). Put back, the element loads again.
  disconnectedCallback() {
    this.#generation++;
    this.#abort?.abort();
    this.#engine?.then((calendar) => calendar.dispose(), () => {});
    this.#engine = null;
    this.#calendar = null;
    this.#months.disconnect();
    this.#state = 'idle';
  }

  // One engine per connected element (a promise, so a load can start it before it needs it).
  #startEngine() {
    this.#engine ??= Calendar.create(undefined, {}).catch((err) => {
      this.#engine = null;
      throw new WidgetError('core', 'The calendar engine could not start in this browser.', { cause: String(err?.message ?? err) });
    });
    return this.#engine;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (DATA_ATTRS.has(name)) {
      this.#queueLoad();
      return;
    }
    if (name === 'date') this.#date = null;
    if (name === 'date' || name === 'view') this.#listCursor = null;
    this.#months.drop();
    this.#queueRender();
  }

  // Re-fetch the data (e.g. after handing the element a new token).
  reload() {
    this.#queueLoad();
  }

  #navButton(text, which, action) {
    const b = el('button', `nav nav-${which}`, text);
    b.type = 'button';
    b.setAttribute('part', `nav-button nav-${which}`);
    b.addEventListener('click', () => this.#guard(action));
    return b;
  }

  #guard(fn) {
    try {
      const r = fn();
      if (r && typeof r.catch === 'function') r.catch((err) => this.#fail(err));
    } catch (err) {
      this.#fail(err);
    }
  }

  #queueLoad() {
    if (this.#loadQueued) return;
    this.#loadQueued = true;
    queueMicrotask(() => {
      this.#loadQueued = false;
      if (this.isConnected) this.#guard(() => this.#load());
    });
  }

  #queueRender() {
    if (this.#renderQueued || !this.#calendar) return;
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      this.#guard(() => this.#render());
    });
  }

  #view() {
    const v = (this.getAttribute('view') ?? 'month').toLowerCase();
    return VIEWS.has(v) ? v : 'month';
  }

  #zone() {
    return this.getAttribute('time-zone') || 'UTC';
  }

  #locale() {
    const lang = this.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en';
    try {
      dateFormat(lang, { timeZone: 'UTC' });
      return lang;
    } catch {
      return 'en'; // a malformed lang tag
    }
  }

  #anchor() {
    if (this.#date) return this.#date;
    const attr = this.getAttribute('date');
    return dateOf(attr) ? attr : todayIn(this.#zone());
  }

  // What a post needs to be drawn: the reader's locale and the classes of label colours.
  #item() {
    return { locale: this.#locale(), labelClass: (colour) => this.#labelClass(colour) };
  }

  async #load() {
    const generation = ++this.#generation;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const src = this.getAttribute('src');
    const endpoint = this.getAttribute('endpoint');
    if (!src && !endpoint) return;
    this.#setState('loading');
    // The engine starts while the posts download: neither waits for the other.
    const engine = this.#startEngine();
    engine.catch(() => {}); // reported below, once the download has settled
    try {
      const doc = src ? await fetchSnapshot(src, abort.signal) : await fetchEndpoint(endpoint, this.getAttribute('token'), abort.signal);
      if (generation !== this.#generation) return;
      const calendar = await engine;
      if (generation !== this.#generation) return;
      this.#calendar = calendar;
      let summary;
      try {
        summary = calendar.load(doc.posts);
      } catch (err) {
        throw new WidgetError('bad-data', 'This calendar file is damaged or not a TryPost calendar.', { reason: err?.message, errors: err?.details?.errors });
      }
      // A snapshot's name, brand and labels come back from the core with the load.
      this.#labels = doc.labels ?? (Array.isArray(summary?.label_list) ? summary.label_list : []);
      this.#themeSheet?.replaceSync(brandCss(doc.brand ?? summary?.workspace?.brand));
      this.#months.drop();
      this.#message.hidden = true;
      this.#setState('ready');
      const named = doc.workspace ?? summary?.workspace;
      this.dispatchEvent(new CustomEvent('load', { detail: { summary, workspace: named ? { name: named.name } : undefined } }));
      this.#render();
    } catch (err) {
      if (err?.name === 'AbortError' || generation !== this.#generation) return;
      this.#fail(err);
    }
  }

  #setState(state) {
    this.#state = state;
    this.#root.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
  }

  #fail(err) {
    const e = err instanceof WidgetError ? err
      : err instanceof RangeError ? new WidgetError('bad-attribute', `This calendar's settings are not valid: ${err.message}`)
      : new WidgetError('internal', 'The calendar could not be shown.', { cause: String(err?.message ?? err) });
    this.#lastError = e;
    this.#setState('error');
    this.#message.textContent = e.message;
    this.#message.hidden = false;
    this.#months.drop();
    if (!this.#calendar || e.code !== 'bad-attribute') this.#months.element.replaceChildren();
    try {
      this.dispatchEvent(new CustomEvent('error', { detail: { code: e.code, message: e.message, details: e.details } }));
    } catch {
      // a host listener's own failure is reported by the browser; it must not loop back here
    }
  }

  #query(view, date) {
    return viewQuery(this, view, date, { zone: this.#zone(), labels: this.#labels, listCursor: this.#listCursor });
  }

  #ask(query) {
    try {
      return this.#calendar.view(query);
    } catch (err) {
      if (err instanceof RangeError) throw err;
      throw new WidgetError('bad-attribute', `This calendar's settings are not valid: ${err?.message ?? err}`, { errors: err?.details?.errors });
    }
  }

  #render({ append = false, focus = false, announce = false } = {}) {
    if (!this.#calendar) return;
    const started = performance.now();
    const view = this.#view();
    const date = this.#anchor();
    const locale = this.#locale();
    const key = view === 'month' ? this.#monthKey(date, locale) : null;
    const ready = key ? this.#months.prepared.get(key) : undefined;
    const answer = ready?.answer ?? this.#ask(this.#query(view, date));
    const content = ready ? null : this.#paint(view, answer, append);
    this.#title.textContent = this.#titleFor(view, date, answer, locale);
    this.#message.hidden = true;
    this.#setState('ready');
    if (ready) {
      this.#months.reveal(key, ready.grid, ready.answer);
      this.#setTabStop(ready.grid);
    } else if (content) {
      this.#months.show(content, key, answer);
      if (view === 'week') scrollWeek(content);
    }
    if (key && announce) this.#queuePrepare();
    // The cue for a new period moves the title only (Web Animations: no style attribute, no forced
    // layout). Fading the whole grid made every frame of the fade repaint hundreds of posts, which
    // cost more than drawing the month; skipped for reduced motion.
    if (announce && !matchMedia('(prefers-reduced-motion: reduce)').matches && this.#title.animate) {
      this.#title.animate([{ opacity: 0.3, transform: 'translateY(-3px)' }, { opacity: 1, transform: 'none' }], { duration: 160, easing: 'ease-out' });
    }
    if (announce) this.#live.textContent = this.#title.textContent;
    if (focus) this.#focusCell();
    this.dispatchEvent(new CustomEvent('render', { detail: { view, date, ms: performance.now() - started } }));
  }

  // The view's drawing (a list page appended to the list shown: null).
  #paint(view, answer, append) {
    const item = this.#item();
    if (view === 'list') return paintPostList(answer, this.#body, append, item);
    const today = todayIn(this.#zone());
    if (view === 'week') {
      const { grid, dates } = paintWeekGrid(answer, today, item);
      const wanted = [this.#focusDate, today, this.#anchor()].find((x) => x && dates.includes(x)) ?? dates[0];
      this.#focusDate = wanted;
      const active = grid.querySelector(`[data-date="${wanted}"]`);
      if (active) active.tabIndex = 0;
      return grid;
    }
    const grid = paintMonthGrid(answer, view, today, item);
    this.#setTabStop(grid);
    return grid;
  }

  #titleFor(view, date, answer, locale) {
    const d = dateOf(date);
    if (view === 'month') return dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
    if (view === 'week' && answer.range) {
      const f = dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
      return f.formatRange(dateOf(answer.range.start), dateOf(answer.range.end));
    }
    return `From ${dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d)}`;
  }

  // One class per label colour, its rule in the element's own adopted sheet: chips of one colour
  // share their style (an inline style on each would make every chip's style its own).
  #labelClass(colour) {
    const key = colour.toLowerCase();
    let name = this.#labelClasses.get(key);
    if (!name) {
      name = `label-${this.#labelClasses.size}`;
      this.#labelClasses.set(key, name);
      this.#labelSheet?.insertRule(`.${name} { --tp-label: ${key}; }`, this.#labelSheet.cssRules.length);
    }
    return name;
  }

  // Roving tabindex: exactly one day of the shown grid is in the tab order.
  #setTabStop(grid) {
    const cells = [...grid.querySelectorAll('[role="gridcell"]')];
    const dates = cells.map((c) => c.dataset.date);
    const wanted = [this.#focusDate, todayIn(this.#zone()), this.#anchor()].find((x) => x && dates.includes(x))
      ?? cells.find((c) => !c.classList.contains('outside'))?.dataset.date ?? dates[0];
    this.#focusDate = wanted;
    for (const c of cells) c.tabIndex = c.dataset.date === wanted ? 0 : -1;
  }

  // What decides a month grid's drawing, but its month: the query without the date, today (the
  // highlighted day), the locale.
  #monthKey(date, locale) {
    const { date: _omit, ...rest } = this.#query('month', date);
    return `${date.slice(0, 7)}|${JSON.stringify(rest)}|${todayIn(this.#zone())}|${locale}`;
  }

  // The months after and before the one with `date` (their 1st), as the core steps them.
  #around(date) {
    return [1, -1].map((step) => shiftDate(this.#calendar.core, date, { view: 'month', step }));
  }

  // After a user moves between months: build the months on either side when the page is idle,
  // one per idle slot, and lay them out there (not in the frame of the next click).
  #queuePrepare() {
    if ((this.getAttribute('prepare') ?? '').toLowerCase() === 'none') {
      this.#prune();
      return;
    }
    if (this.#prepareQueued) return;
    this.#prepareQueued = true;
    const idle = typeof requestIdleCallback === 'function' ? (f) => requestIdleCallback(f, { timeout: 1000 }) : (f) => setTimeout(f, 50);
    // A failure here is not the user's: stop preparing; the click builds its month as usual.
    const step = () => {
      try {
        this.#prepareStep(idle, step);
      } catch {
        this.#prepareQueued = false;
      }
    };
    idle(step);
  }

  // Months no longer next to the shown one go.
  #prune() {
    const key = this.#months.shownKey;
    if (!key || !this.#calendar) return;
    this.#months.prune(new Set(this.#around(`${key.slice(0, 7)}-01`).map((d) => d.slice(0, 7))));
  }

  #prepareStep(idle, step) {
    // prepare="none" set while a step waited for idle time: nothing more is built.
    const off = (this.getAttribute('prepare') ?? '').toLowerCase() === 'none';
    if (off || !this.#calendar || this.#view() !== 'month' || !this.#months.shownKey || !this.isConnected) {
      this.#prepareQueued = false;
      return;
    }
    this.#prune();
    const locale = this.#locale();
    for (const other of this.#around(this.#anchor())) {
      const key = this.#monthKey(other, locale);
      if (this.#months.prepared.has(key)) continue;
      const answer = this.#ask(this.#query('month', other));
      this.#months.add(key, paintMonthGrid(answer, 'month', todayIn(this.#zone()), this.#item()), answer);
      idle(step);
      return;
    }
    this.#prepareQueued = false;
  }

  #onClick(e) {
    const more = e.target.closest?.('.more-button');
    if (more) {
      this.#listCursor = more.dataset.cursor;
      this.#render({ append: true });
      this.#body.querySelector('.list .list-day:last-child')?.focus?.();
      return;
    }
    const cell = e.target.closest?.('[role="gridcell"]');
    if (!cell) return;
    this.#moveFocus(cell.dataset.date, false);
    if (e.target.closest('.more')) this.#expandDay(cell);
  }

  #expandDay(cell) {
    this.#live.textContent = expandDay(cell, { ask: (q) => this.#ask(q), query: (view, date) => this.#query(view, date), item: this.#item() });
  }

  // Previous and next: a week by 7 days, a month (and the list) to the 1st of a month.
  #step(direction) {
    const view = this.#view() === 'week' ? 'week' : 'month';
    this.#goTo(shiftDate(this.#calendar.core, this.#anchor(), { view, step: direction }));
  }

  #goTo(date, { focus = false } = {}) {
    this.#date = date;
    this.#listCursor = null;
    this.#focusDate = focus ? date : null; // without a key, the tab stop goes to today or the date
    this.#render({ focus, announce: true });
  }

  #focusCell() {
    const cell = this.#months.shown()?.querySelector(`[role="gridcell"][data-date="${this.#focusDate}"]`);
    cell?.focus();
  }

  #moveFocus(date, focus = true) {
    const cells = [...(this.#months.shown()?.querySelectorAll('[role="gridcell"]') ?? [])];
    const target = cells.find((c) => c.dataset.date === date);
    if (!target) {
      // Beyond the grid: show the period holding that date, then focus it.
      this.#goTo(date, { focus: true });
      return;
    }
    for (const c of cells) c.tabIndex = c === target ? 0 : -1;
    this.#focusDate = date;
    if (focus) target.focus();
  }

  #onKey(e) {
    const cell = e.target.closest?.('[role="gridcell"]');
    if (!cell || e.altKey || e.ctrlKey || e.metaKey) return;
    if ((e.key === 'Enter' || e.key === ' ') && cell.querySelector('.more')) {
      e.preventDefault();
      this.#expandDay(cell);
      return;
    }
    const row = [...cell.parentElement.children].filter((c) => c.getAttribute('role') === 'gridcell');
    const col = row.indexOf(cell);
    const years = e.shiftKey ? 12 : 1;
    const by = {
      ArrowLeft: { days: -1 }, ArrowRight: { days: 1 }, ArrowUp: { days: -7 }, ArrowDown: { days: 7 },
      Home: { days: -col }, End: { days: row.length - 1 - col }, PageUp: { months: -years }, PageDown: { months: years },
    }[e.key];
    if (!by) return;
    const target = shiftDate(this.#calendar.core, cell.dataset.date, by);
    e.preventDefault();
    if (this.#view() === 'month' && (e.key === 'PageUp' || e.key === 'PageDown')) {
      this.#goTo(target, { focus: true });
      return;
    }
    // Moving into a day of another month shows that month (the grid's outside days included).
    const cellInfo = this.#months.shown()?.querySelector(`[data-date="${target}"]`);
    if (this.#view() === 'month' && cellInfo?.classList.contains('outside')) {
      this.#goTo(target, { focus: true });
      return;
    }
    this.#moveFocus(target);
  }
}

if (!customElements.get('trypost-calendar')) customElements.define('trypost-calendar', TrypostCalendar);
