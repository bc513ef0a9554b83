// <trypost-calendar>: a read-only content calendar for agency sites, in a shadow root.
// It fetches posts (a snapshot file, or the widget proxy with a short-lived token), hands them to
// the WASM core once, and paints the month/week/list views the core returns. Every calendar rule
// (grid, zone lens, "+N more", filters) is the core's; this file only does I/O, DOM and keys.
// Nothing here throws at the host page: failures become a message inside the element and an
// `error` event.
import { Calendar, clockChangeText } from '../sdk/calendar.js';
import { WIDGET_CSS } from './styles.js';

const VIEWS = new Set(['month', 'week', 'list']);
// A time of day in the reader's locale and its own hour cycle ("03:30 PM" in English, "15:30" in
// French), the same for posts, hour labels and clock changes (and in the dashboard and the
// offline preview): the core hands over "HH:MM".
const hourMinuteFmt = (locale) => fmt(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
function clockText(hhmm, locale) {
  const m = /^(\d{1,2}):(\d{2})/.exec(hhmm ?? '');
  return m ? hourMinuteFmt(locale).format(Date.UTC(2000, 0, 1, Number(m[1]), Number(m[2]))) : (hhmm ?? '');
}
const DATA_ATTRS = new Set(['src', 'endpoint', 'token']);
const HEX = /^#[0-9a-f]{6}$/i;
const PAGE_CONCURRENCY = 4;
// Week time grid: overlapping posts share a day column up to this many ways; the rest are
// counted in "+N more", which shows the whole day uncapped.
const WEEK_COLUMNS = 3;
// ...and an hour holds at most this many, its own "+N more" included (the core's max_per_hour),
// so a day of 30 posts stays readable instead of splitting into slivers.
const WEEK_PER_HOUR = 3;
// Where the week grid opens when the week's first post is later: the working day is in view.
const WEEK_SCROLL_HOUR = 8;

let baseSheet = null;
function sheetFor(css) {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

export class WidgetError extends Error {
  constructor(code, message, details) {
    super(message);
    this.name = 'WidgetError';
    this.code = code;
    this.details = details;
  }
}

const pad2 = (n) => String(n).padStart(2, '0');
const ymd = (d) => `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
const utcDate = (text) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
};
// Key navigation only: a date N days on, and the same day-of-month in another month (clamped).
const addDays = (text, n) => ymd(new Date(utcDate(text).getTime() + n * 86_400_000));
function addMonths(text, n) {
  const d = utcDate(text);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return ymd(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))));
}

// Intl formatters are costly to build (tens of ms per render otherwise): one per (locale, options).
const formatCache = new Map();
function fmt(locale, options) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    if (formatCache.size > 64) formatCache.clear();
    formatCache.set(key, f);
  }
  return f;
}

// Today's date in a zone, asked a few times per switch: kept until the minute ends (a local
// date only ever changes on a minute boundary).
const todayCache = new Map();
function todayIn(timeZone) {
  const now = Date.now();
  const cached = todayCache.get(timeZone);
  if (cached && now < cached.until) return cached.value;
  try {
    const parts = fmt('en-CA', { timeZone: timeZone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(now));
    const get = (t) => parts.find((p) => p.type === t).value;
    const value = `${get('year')}-${get('month')}-${get('day')}`;
    todayCache.set(timeZone, { value, until: now - (now % 60000) + 60000 });
    return value;
  } catch {
    return ymd(new Date());
  }
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

// Brand colours from a snapshot ({primary, background, text}) or the API's workspace brand
// profile ({primary_color, ...}); anything that is not #RRGGBB is ignored.
function brandCss(brand) {
  if (!brand || typeof brand !== 'object') return ':host {}';
  const pick = (...names) => names.map((n) => brand[n]).find((v) => typeof v === 'string' && HEX.test(v));
  const vars = [
    ['--tp-brand-primary', pick('primary', 'primary_color')],
    ['--tp-brand-bg', pick('background', 'background_color')],
    ['--tp-brand-fg', pick('text', 'text_color')],
  ].filter(([, v]) => v);
  return `:host { ${vars.map(([k, v]) => `${k}: ${v};`).join(' ')} }`;
}

function httpError(status, what) {
  if (status === 401) return new WidgetError('unauthorized', 'This calendar link has expired. Reload the page to see it again.', { status });
  if (status === 403) return new WidgetError('forbidden', 'This calendar is not available here.', { status });
  if (status === 404) return new WidgetError('not-found', 'This calendar could not be found.', { status });
  if (status === 429) return new WidgetError('rate-limited', 'Too many requests. Try again in a minute.', { status });
  return new WidgetError('http', `The calendar could not be loaded (${what} answered ${status}).`, { status });
}

async function fetchOk(url, init, what) {
  let res;
  try {
    res = await fetch(url, init);
  } catch (err) {
    if (err?.name === 'AbortError') throw err;
    throw new WidgetError('network', 'The calendar could not be reached. Check the connection and try again.', { cause: String(err?.message ?? err) });
  }
  if (!res.ok) throw httpError(res.status, what);
  return res;
}

async function readJson(res, what) {
  const text = await res.text();
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    throw new WidgetError('bad-data', `The calendar data is damaged (${what} is not JSON).`);
  }
}

export class TrypostCalendar extends HTMLElement {
  static observedAttributes = ['src', 'endpoint', 'token', 'view', 'date', 'week-start', 'time-zone', 'max-rows', 'labels', 'lang', 'prepare'];

  #root;
  #title;
  #live;
  #body;
  #strip; // the body's only child: the shown grid and the prepared ones, in columns
  #stripFit = null; // ResizeObserver: the body follows the shown grid's height
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
  // Month grids built ahead while the page is idle, for the months before and after the shown one,
  // kept side by side with the shown grid in a strip inside the clipped body, laid out, painted and
  // hidden from assistive technology (class "prepared", aria-hidden, no tab stop): a switch to one
  // of them moves the strip (a compositor transform) and sets the body's height; no grid changes
  // style, so the frame of the click restyles, lays out and repaints nothing of the months.
  // Keyed by everything that changes a month's drawing.
  #prepared = new Map(); // key -> {grid, answer}
  #shownKey = null;
  #shownAnswer = null;
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
    this.#strip = el('div', 'strip');
    this.#strip.append(el('div', 'loading', 'Loading calendar…'));
    this.#body.append(this.#strip);
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
    this.#stripFit?.disconnect();
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
    this.#dropPrepared();
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
      fmt(lang, { timeZone: 'UTC' });
      return lang;
    } catch {
      return 'en'; // a malformed lang tag
    }
  }

  #anchor() {
    if (this.#date) return this.#date;
    const attr = this.getAttribute('date');
    return utcDate(attr) ? attr : todayIn(this.#zone());
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
      const doc = src ? await this.#fetchSnapshot(src, abort.signal) : await this.#fetchEndpoint(endpoint, abort.signal);
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
      this.#dropPrepared();
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

  // The file's text goes to the core as it is: the core checks it and hands back its name,
  // brand and labels with the load summary.
  async #fetchSnapshot(src, signal) {
    const url = new URL(src, document.baseURI);
    const res = await fetchOk(url, { signal, credentials: 'same-origin', headers: { accept: 'application/json' } }, 'the calendar file');
    return { posts: await res.text() };
  }

  // The widget proxy: {endpoint}/posts?page=N (every page), /labels and /workspace.
  async #fetchEndpoint(endpoint, signal) {
    const base = new URL(endpoint.replace(/\/+$/, '') + '/', document.baseURI);
    const token = this.getAttribute('token');
    if (!token) throw new WidgetError('unauthorized', 'This calendar needs an access token.');
    const init = { signal, credentials: 'omit', headers: { accept: 'application/json', authorization: `Bearer ${token}` } };
    const get = async (path) => (await readJson(await fetchOk(new URL(path, base), init, 'the calendar server'), 'the answer')).value;
    const [first, labels, workspace] = await Promise.all([
      get('posts?page=1'),
      get('labels'),
      get('workspace').catch((err) => (err instanceof WidgetError && err.code === 'forbidden' ? null : Promise.reject(err))),
    ]);
    if (!Array.isArray(first?.data)) throw new WidgetError('bad-data', 'The calendar server sent an unexpected answer.');
    const lastPage = Math.min(Number(first.meta?.last_page) || 1, 1000);
    const pages = [first.data];
    let nextPage = 2;
    const worker = async () => {
      while (nextPage <= lastPage) {
        const n = nextPage++;
        const page = await get(`posts?page=${n}`);
        pages[n - 1] = Array.isArray(page?.data) ? page.data : [];
      }
    };
    await Promise.all(Array.from({ length: PAGE_CONCURRENCY }, worker));
    const seen = new Set();
    const posts = pages.flat().filter((p) => (p && !seen.has(p.id) ? seen.add(p.id) : false));
    const labelList = Array.isArray(labels) ? labels : Array.isArray(labels?.data) ? labels.data : [];
    return {
      posts: { posts, labels: labelList },
      labels: labelList,
      brand: workspace?.brand,
      workspace: workspace ? { name: workspace.name } : undefined,
    };
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
    this.#dropPrepared();
    if (!this.#calendar || e.code !== 'bad-attribute') this.#strip.replaceChildren();
    try {
      this.dispatchEvent(new CustomEvent('error', { detail: { code: e.code, message: e.message, details: e.details } }));
    } catch {
      // a host listener's own failure is reported by the browser; it must not loop back here
    }
  }

  #labelFilter() {
    const raw = this.getAttribute('labels');
    if (!raw) return undefined;
    const wanted = raw.split(',').map((s) => s.trim()).filter(Boolean);
    if (!wanted.length) return undefined;
    return wanted.map((w) => this.#labels.find((l) => l?.id === w)?.id
      ?? this.#labels.find((l) => typeof l?.name === 'string' && l.name.toLowerCase() === w.toLowerCase())?.id
      ?? w);
  }

  #query(view, date) {
    const q = { view, date, details: true, time_zone: this.#zone() };
    const ws = (this.getAttribute('week-start') ?? '').toLowerCase();
    if (ws) q.week_start = ws;
    const rows = this.getAttribute('max-rows');
    if (rows !== null && rows !== '') q.max_rows = /^\d+$/.test(rows) ? Number(rows) : rows;
    else if (view === 'month') q.max_rows = 4;
    const labels = this.#labelFilter();
    if (labels) q.filters = { labels };
    if (view === 'week') {
      q.max_columns = WEEK_COLUMNS;
      q.max_per_hour = WEEK_PER_HOUR;
    }
    if (view === 'list') {
      q.page_size = 50;
      if (this.#listCursor) q.cursor = this.#listCursor;
    }
    return q;
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
    const ready = key ? this.#prepared.get(key) : undefined;
    const answer = ready?.answer ?? this.#ask(this.#query(view, date));
    const content = ready ? null : view === 'list' ? this.#paintList(answer, locale, append)
      : view === 'week' ? this.#paintWeek(answer, locale) : this.#paintGrid(answer, view, locale);
    this.#title.textContent = this.#titleFor(view, date, answer, locale);
    this.#message.hidden = true;
    this.#setState('ready');
    if (ready) {
      this.#reveal(key, ready.grid);
      this.#shownAnswer = ready.answer;
    } else if (content) {
      this.#prepared.clear();
      this.#shownKey = key;
      this.#shownAnswer = answer;
      if (key) content.dataset.key = key;
      this.#strip.replaceChildren(content);
      this.#place(content);
      if (view === 'week') this.#scrollWeek(content);
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

  #titleFor(view, date, answer, locale) {
    const d = utcDate(date);
    if (view === 'month') return fmt(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
    if (view === 'week' && answer.range) {
      const f = fmt(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
      return f.formatRange(utcDate(answer.range.start), utcDate(answer.range.end));
    }
    return `From ${fmt(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d)}`;
  }

  #postItem(id, answer, longDate) {
    const info = answer.posts?.[id] ?? {};
    const li = el('li', `post ${info.status ?? ''}`);
    li.setAttribute('part', `post post-${info.status ?? 'unknown'}`);
    const labelIds = Array.isArray(info.labels) ? info.labels : [];
    const labels = labelIds.map((l) => answer.labels?.[l]).filter(Boolean);
    const colour = labels.find((l) => HEX.test(l.color ?? ''))?.color;
    if (colour) li.classList.add(this.#labelClass(colour));
    const time = clockText(info.time, this.#locale());
    if (time) li.append(el('span', 'time', time));
    // A badge per network it goes to; the names people use come with the core's view.
    const nets = (Array.isArray(info.platforms) ? info.platforms : []).map((p) => answer.networks?.[p] ?? p);
    for (const name of nets) {
      // The mark is drawn by CSS: the entry's text stays its time and words (find in page, names).
      const b = el('span', 'net');
      b.dataset.mark = name === 'LinkedIn page' || name === 'LinkedIn' ? 'in' : name.split(/[\s(]/)[0].slice(0, 2);
      b.setAttribute('part', 'network');
      b.setAttribute('aria-hidden', 'true');
      b.title = name;
      li.append(b);
    }
    li.append(el('span', 'text', info.excerpt || '(no text)'));
    const platforms = nets.join(', ');
    const spoken = [longDate, time, info.status, platforms && `on ${platforms}`, labels.length ? `labels ${labels.map((l) => l.name).join(', ')}` : '', info.excerpt || 'no text']
      .filter(Boolean).join(', ');
    li.setAttribute('aria-label', spoken);
    li.title = info.excerpt ?? '';
    return li;
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

  #paintGrid(answer, view, locale, { ahead = false } = {}) {
    const weeks = Array.isArray(answer.weeks) ? answer.weeks : [];
    const today = todayIn(this.#zone());
    const grid = el('div', `grid ${view}-view`);
    grid.setAttribute('role', 'grid');
    grid.setAttribute('aria-labelledby', 'title');
    grid.setAttribute('aria-readonly', 'true');
    grid.setAttribute('part', 'grid');
    const weekday = fmt(locale, { weekday: 'short', timeZone: 'UTC' });
    const weekdayLong = fmt(locale, { weekday: 'long', timeZone: 'UTC' });
    const longDate = fmt(locale, { dateStyle: 'full', timeZone: 'UTC' });
    const head = el('div', 'row');
    head.setAttribute('role', 'row');
    for (const day of weeks[0]?.days ?? []) {
      const h = el('div', 'weekday', weekday.format(utcDate(day.date)));
      h.setAttribute('role', 'columnheader');
      h.setAttribute('part', 'weekday');
      h.setAttribute('aria-label', weekdayLong.format(utcDate(day.date)));
      head.append(h);
    }
    grid.append(head);
    const dates = [];
    for (const week of weeks) {
      const row = el('div', 'row');
      row.setAttribute('role', 'row');
      row.setAttribute('part', 'week');
      for (const day of week.days) {
        const d = utcDate(day.date);
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
          for (const id of ids) ul.append(this.#postItem(id, answer, ''));
          cell.append(ul);
        }
        if (hidden > 0) cell.append(this.#moreButton(hidden));
        row.append(cell);
        dates.push(day.date);
      }
      grid.append(row);
    }
    if (!ahead) this.#setTabStop(grid);
    return grid;
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

  // The visible grid and its prepared neighbours are columns of the strip; showing one moves the
  // strip and sets the body's height. Grids far from the new month are removed later, while idle.
  #reveal(key, grid) {
    const old = this.#shown();
    if (old && old !== grid) {
      const oldKey = old.dataset.key;
      if (oldKey && !old.querySelector('.expanded')) {
        this.#hide(old);
        this.#prepared.set(oldKey, { grid: old, answer: this.#shownAnswer });
      } else {
        old.remove();
      }
    }
    this.#prepared.delete(key);
    grid.classList.remove('prepared');
    grid.removeAttribute('aria-hidden');
    this.#shownKey = key;
    this.#setTabStop(grid);
    this.#place(grid);
  }

  #hide(grid) {
    grid.classList.add('prepared');
    grid.setAttribute('aria-hidden', 'true');
    for (const c of grid.querySelectorAll('[tabindex="0"]')) c.tabIndex = -1;
  }

  // Shows `grid` (a child of the strip): the strip moves to its column and the body takes its
  // height (observed, so an expanded day or a narrower page is followed).
  #place(grid) {
    const index = [...this.#strip.children].indexOf(grid);
    const alone = this.#strip.children.length <= 1;
    this.#strip.style.transform = `translateX(${-100 * Math.max(0, index)}%)`;
    this.#stripFit?.disconnect();
    if (alone || typeof ResizeObserver !== 'function') {
      this.#body.style.height = '';
      return;
    }
    const known = grid.dataset.height;
    if (known) this.#body.style.height = `${known}px`;
    this.#stripFit ??= new ResizeObserver((entries) => {
      const box = entries.at(-1)?.borderBoxSize?.[0];
      const h = box ? box.blockSize : entries.at(-1)?.target.offsetHeight;
      if (h) this.#body.style.height = `${h}px`;
    });
    this.#stripFit.observe(grid);
  }

  #shown() {
    return [...this.#strip.children].find((c) => !c.classList.contains('prepared')) ?? null;
  }

  #dropPrepared() {
    for (const { grid } of this.#prepared.values()) grid.remove();
    this.#prepared.clear();
    const shown = this.#shown();
    if (shown) this.#place(shown);
  }

  // Grids of months no longer next to the shown one go (while idle: removing a laid-out month is
  // not free), and the strip is put back on the shown grid's column.
  #prune() {
    const key = this.#shownKey;
    if (!key) return;
    const month = key.slice(0, 7);
    const near = new Set([addMonths(`${month}-01`, -1).slice(0, 7), addMonths(`${month}-01`, 1).slice(0, 7)]);
    let removed = false;
    for (const [k, entry] of this.#prepared) {
      if (!near.has(k.slice(0, 7))) {
        this.#prepared.delete(k);
        entry.grid.remove();
        removed = true;
      }
    }
    const shown = this.#shown();
    if (removed && shown) this.#place(shown);
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

  #prepareStep(idle, step) {
    const shownKey = this.#shownKey;
    // prepare="none" set while a step waited for idle time: nothing more is built.
    const off = (this.getAttribute('prepare') ?? '').toLowerCase() === 'none';
    if (off || !this.#calendar || this.#view() !== 'month' || !shownKey || !this.isConnected) {
      this.#prepareQueued = false;
      return;
    }
    this.#prune();
    const locale = this.#locale();
    const date = this.#anchor();
    for (const n of [1, -1]) {
      const other = addMonths(`${date.slice(0, 7)}-01`, n);
      const key = this.#monthKey(other, locale);
      if (this.#prepared.has(key)) continue;
      const answer = this.#ask(this.#query('month', other));
      const grid = this.#paintGrid(answer, 'month', locale, { ahead: true });
      grid.dataset.key = key;
      this.#strip.append(grid);
      // Laid out now, while idle, and measured before it is hidden (a hidden month has no size).
      grid.dataset.height = String(grid.offsetHeight);
      this.#hide(grid);
      this.#prepared.set(key, { grid, answer });
      idle(step);
      return;
    }
    this.#prepareQueued = false;
  }

  // The week as a time grid: hours down the side, one column per day, each post placed at the
  // minute its wall clock shows, with the core's overlap column (column of columns). Positions
  // are custom properties set through the CSSOM (allowed under style-src 'self'); the CSS turns
  // them into top/height/left/width. Every day has the same 24 clock hours, so the hour labels
  // hold across a daylight-saving change; the change itself is a dashed line and is spoken.
  #paintWeek(answer, locale) {
    const days = Array.isArray(answer.weeks?.[0]?.days) ? answer.weeks[0].days : [];
    const today = todayIn(this.#zone());
    const weekday = fmt(locale, { weekday: 'short', timeZone: 'UTC' });
    const longDate = fmt(locale, { dateStyle: 'full', timeZone: 'UTC' });
    const hourFmt = fmt(locale, { hour: '2-digit', timeZone: 'UTC' });
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
      const d = utcDate(day.date);
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
      const spokenDate = longDate.format(utcDate(day.date));
      const changes = Array.isArray(day.clock_changes) ? day.clock_changes : [];
      const changeTexts = changes.map((c) => clockChangeText(c, hourMinuteFmt(locale)));
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
      if (items.length) cell.append(this.#timeItems(items, answer, spokenDate));
      if (items.length) earliest = Math.min(earliest, Number(items[0].minute) || 0);
      // Posts cut in a busy hour get a "+N more" at that hour; the rest (overlap columns) at the top.
      const hourMore = Array.isArray(day.hour_more) ? day.hour_more : [];
      let inHours = 0;
      for (const slot of hourMore) {
        const n = Number(slot.hidden) || 0;
        inHours += n;
        // Its text is in a span: the button keeps the grid's em, so the hour's position holds.
        const more = this.#moreButton(n);
        more.classList.add('hour-more');
        more.replaceChildren(el('span', 'more-text', `+${n} more`));
        more.style.setProperty('--tp-hour', String(Math.min(23, Math.max(0, Number(slot.hour) || 0))));
        cell.append(more);
      }
      if (hidden - inHours > 0) cell.append(this.#moreButton(hidden - inHours));
      body.append(cell);
      dates.push(day.date);
    }
    scroller.append(body);
    grid.append(head, scroller);
    grid.dataset.scrollMinute = String(Math.min(Number.isFinite(earliest) ? earliest : 0, WEEK_SCROLL_HOUR * 60));
    const wanted = [this.#focusDate, today, this.#anchor()].find((x) => x && dates.includes(x)) ?? dates[0];
    this.#focusDate = wanted;
    const active = grid.querySelector(`[data-date="${wanted}"]`);
    if (active) active.tabIndex = 0;
    return grid;
  }

  #timeItems(items, answer, spokenDate) {
    const ul = el('ul', 'posts timed');
    ul.setAttribute('part', 'posts');
    for (const item of items) {
      const li = this.#postItem(item.post_id, answer, spokenDate);
      const start = Number(item.minute) || 0;
      const end = Number(item.end_minute) || start + 30;
      const columns = Math.max(1, Number(item.columns) || 1);
      li.classList.add('timed');
      li.style.setProperty('--tp-start', String(start));
      li.style.setProperty('--tp-length', String(Math.max(1, end - start)));
      li.style.setProperty('--tp-column', String(Math.min(Number(item.column) || 0, columns - 1)));
      li.style.setProperty('--tp-columns', String(columns));
      ul.append(li);
    }
    return ul;
  }

  #moreButton(hidden) {
    // Shows the whole day. Out of the tab order (the grid keeps one tab stop): Enter or Space on
    // the focused day presses it.
    const more = el('button', 'more', `+${hidden} more`);
    more.type = 'button';
    more.tabIndex = -1;
    more.setAttribute('part', 'more');
    more.setAttribute('aria-label', `${hidden} more ${hidden === 1 ? 'post' : 'posts'}: show all`);
    return more;
  }

  // Opens the week at its first post, or at the working day when the first post is later.
  #scrollWeek(grid) {
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

  #paintList(answer, locale, append) {
    const items = Array.isArray(answer.items) ? answer.items : [];
    const longDate = fmt(locale, { dateStyle: 'full', timeZone: 'UTC' });
    let list = append ? this.#body.querySelector('.list') : null;
    const fresh = !list;
    if (fresh) {
      list = el('ol', 'list');
      list.setAttribute('part', 'list');
      list.setAttribute('aria-labelledby', 'title');
    }
    let group = fresh ? null : list.lastElementChild;
    for (const item of items) {
      if (!group || group.dataset.date !== item.date) {
        group = el('li', 'list-day');
        group.dataset.date = item.date;
        group.setAttribute('part', 'list-day');
        const h = el('h3', 'list-date', longDate.format(utcDate(item.date)));
        h.setAttribute('part', 'list-date');
        const ul = el('ul', 'posts');
        group.append(h, ul);
        list.append(group);
      }
      group.lastElementChild.append(this.#postItem(item.post_id, answer, longDate.format(utcDate(item.date))));
    }
    this.#body.querySelector('.more-button')?.remove();
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
      (wrap ?? this.#body.querySelector('.list-view')).append(more);
    }
    return wrap;
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

  // The day's every post, in the core's order: the list view from that date, cut at the next day.
  #expandDay(cell) {
    if (cell.classList.contains('timecol')) {
      this.#expandTimeColumn(cell);
      return;
    }
    const date = cell.dataset.date;
    const shown = cell.querySelectorAll('[part~="post"]').length;
    const hidden = Number(/\d+/.exec(cell.querySelector('.more')?.textContent ?? '')?.[0] ?? 0);
    const q = this.#query('list', date);
    delete q.cursor;
    delete q.max_rows;
    q.page_size = shown + hidden;
    const answer = this.#ask(q);
    const ul = cell.querySelector('.posts') ?? cell.appendChild(el('ul', 'posts'));
    ul.setAttribute('part', 'posts');
    ul.replaceChildren(...(answer.items ?? []).filter((i) => i.date === date).map((i) => this.#postItem(i.post_id, answer, '')));
    cell.querySelector('.more')?.remove();
    cell.classList.add('expanded');
    this.#live.textContent = `${ul.children.length} posts on ${cell.querySelector('.num').getAttribute('aria-label').split(',').slice(0, -1).join(',')}`;
  }

  // The week grid's day, uncapped: the core's day view places every post of it.
  #expandTimeColumn(cell) {
    const q = this.#query('day', cell.dataset.date);
    delete q.max_rows;
    q.max_columns = 0;
    q.max_per_hour = 0;
    const answer = this.#ask(q);
    const items = Array.isArray(answer.items) ? answer.items : [];
    const spoken = cell.querySelector('.day-label').getAttribute('aria-label').split(',').slice(0, -1).join(',');
    cell.querySelector('.posts')?.remove();
    for (const more of cell.querySelectorAll('.more')) more.remove();
    if (items.length) cell.append(this.#timeItems(items, answer, spoken));
    cell.classList.add('expanded');
    this.#live.textContent = `${items.length} posts on ${spoken}`;
  }

  #step(direction) {
    const view = this.#view();
    const date = this.#anchor();
    if (view === 'week') this.#goTo(addDays(date, 7 * direction));
    else this.#goTo(addMonths(date.slice(0, 8) + '01', direction));
  }

  #goTo(date, { focus = false } = {}) {
    this.#date = date;
    this.#listCursor = null;
    this.#focusDate = focus ? date : null; // without a key, the tab stop goes to today or the date
    this.#render({ focus, announce: true });
  }

  #focusCell() {
    const cell = this.#shown()?.querySelector(`[role="gridcell"][data-date="${this.#focusDate}"]`);
    cell?.focus();
  }

  #moveFocus(date, focus = true) {
    const cells = [...(this.#shown()?.querySelectorAll('[role="gridcell"]') ?? [])];
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
    const date = cell.dataset.date;
    const row = [...cell.parentElement.children].filter((c) => c.getAttribute('role') === 'gridcell');
    const col = row.indexOf(cell);
    let target = null;
    switch (e.key) {
      case 'ArrowLeft': target = addDays(date, -1); break;
      case 'ArrowRight': target = addDays(date, 1); break;
      case 'ArrowUp': target = addDays(date, -7); break;
      case 'ArrowDown': target = addDays(date, 7); break;
      case 'Home': target = addDays(date, -col); break;
      case 'End': target = addDays(date, row.length - 1 - col); break;
      case 'PageUp': target = addMonths(date, e.shiftKey ? -12 : -1); break;
      case 'PageDown': target = addMonths(date, e.shiftKey ? 12 : 1); break;
      default: return;
    }
    e.preventDefault();
    if (this.#view() === 'month' && (e.key === 'PageUp' || e.key === 'PageDown')) {
      this.#goTo(target, { focus: true });
      return;
    }
    // Moving into a day of another month shows that month (the grid's outside days included).
    const cellInfo = this.#shown()?.querySelector(`[data-date="${target}"]`);
    if (this.#view() === 'month' && cellInfo?.classList.contains('outside')) {
      this.#goTo(target, { focus: true });
      return;
    }
    this.#moveFocus(target);
  }
}

if (!customElements.get('trypost-calendar')) customElements.define('trypost-calendar', TrypostCalendar);
