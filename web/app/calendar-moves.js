// Moving posts on the dashboard's calendar: drag and drop onto a day (or a time of day on a
// time grid), Alt+arrows by a day, a week or a quarter hour, and the post shown where it goes
// while the move is being saved. Whether a move is allowed, and what it changes, is the core's
// (planMove, on the page); which day a date steps to and which instant a wall-clock time names in
// the display zone are the core's too. This only reads gestures and asks.
import { apiTimeMs, daysBetween, shiftDate } from '../sdk/calendar-dates.js';
import { h } from './dom.js';
import { clockText, hhmm } from './calendar-entry.js';

// An instant as the API takes it: "2026-12-04T10:15:00Z".
const isoInstant = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

export class CalendarMoves {
  #host;
  #data; // () -> the element's data: {calendar, canEdit, posts, ...}
  #forget; // () -> what is on screen is no longer the core's answer
  // Moves asked for and not answered yet, post id -> the time of the last one: a key pressed again
  // before the calendar is redrawn steps on from there, not from the time still on screen.
  #pending = new Map();

  // host: the <tp-calendar>; zone() -> its display zone.
  constructor(host, { data, zone, forget }) {
    this.#host = host;
    this.#data = data;
    this.zone = zone;
    this.#forget = forget;
  }

  get #core() {
    return this.#data()?.calendar?.core;
  }

  // Alt+arrows on a post: on a time grid, up and down are the time of day (a quarter hour), as a
  // drag there is; elsewhere a day or a week. -> true when the key was a move.
  key(e, b) {
    if (!e.altKey || !b.dataset.at) return false;
    const timed = b.classList.contains('timed');
    const days = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: timed ? 0 : -7, ArrowDown: timed ? 0 : 7 }[e.key];
    if (days === undefined) return false;
    e.preventDefault();
    const from = this.#pending.get(b.dataset.postId) ?? b.dataset.at;
    if (days === 0) this.#move(b.dataset.postId, from, (e.key === 'ArrowUp' ? -15 : 15) * 60_000);
    else this.#moveDays(b.dataset.postId, from, days);
    return true;
  }

  // The drag and drop gestures, once for everything the calendar draws.
  listen() {
    const host = this.#host;
    const post = (e) => e.target.closest?.('button.post');
    const cellOf = (e) => (this.#data()?.canEdit ? e.target.closest?.('[role=gridcell]') : null);
    let grabbedAt = 0; // where in the post the pointer took it (px from its top)
    host.addEventListener('dragstart', (e) => {
      const b = post(e);
      if (!b) return;
      e.dataTransfer.setData('text/plain', b.dataset.postId);
      e.dataTransfer.effectAllowed = 'move';
      grabbedAt = b.classList.contains('timed') ? e.clientY - b.getBoundingClientRect().top : 0;
      b.classList.add('dragging');
    });
    host.addEventListener('dragend', (e) => {
      post(e)?.classList.remove('dragging');
      // A drag given up (Escape, or let go outside) leaves no mark behind.
      for (const c of host.querySelectorAll('.drop')) c.classList.remove('drop');
      for (const m of host.querySelectorAll('.drop-mark')) m.remove();
    });
    host.addEventListener('dragover', (e) => {
      const cell = cellOf(e);
      if (!cell) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      cell.classList.add('drop');
      const minute = this.#minuteAt(cell, e.clientY - grabbedAt);
      if (minute !== null) this.#dropMark(cell, minute);
    });
    host.addEventListener('dragleave', (e) => {
      const cell = cellOf(e);
      if (!cell || cell.contains(e.relatedTarget)) return;
      cell.classList.remove('drop');
      cell.querySelector('.drop-mark')?.remove();
    });
    host.addEventListener('drop', (e) => {
      const cell = cellOf(e);
      if (!cell) return;
      e.preventDefault();
      cell.classList.remove('drop');
      cell.querySelector('.drop-mark')?.remove();
      const id = e.dataTransfer.getData('text/plain');
      const btn = host.querySelector(`button.post[data-post-id="${CSS.escape(id)}"]`);
      if (!btn?.dataset.date || !btn.dataset.at) return;
      // On a time grid the drop also sets the time of day; on a month, the day only.
      const minute = this.#minuteAt(cell, e.clientY - grabbedAt);
      if (minute !== null) {
        const newTime = this.#instantOf(cell.dataset.date, minute);
        if (!newTime) return;
        // Against where the post is going, not where the core last had it: dragged back to its
        // old place while the first move is being saved, it must go back too.
        if (newTime !== isoInstant(this.#ms(this.#pending.get(id) ?? btn.dataset.at))) this.#moveTo(id, newTime);
        return;
      }
      const days = daysBetween(this.#core, btn.dataset.date, cell.dataset.date);
      if (days !== 0) this.#moveDays(id, this.#pending.get(id) ?? btn.dataset.at, days);
    });
  }

  #ms(at) {
    return apiTimeMs(this.#core, at);
  }

  // The wall-clock minute (display zone) under y on a time grid's day, to the quarter hour; null
  // when the day is not drawn as a 24-hour scale (a month, or the narrow week's list of days).
  #minuteAt(cell, y) {
    if (!cell.classList.contains('timeline') || cell.offsetHeight < 24 * 16) return null;
    const r = cell.getBoundingClientRect();
    const minute = Math.round((((y - r.top) / r.height) * 1440) / 15) * 15;
    return Math.min(1425, Math.max(0, minute));
  }

  #dropMark(cell, minute) {
    let mark = cell.querySelector('.drop-mark');
    if (!mark) cell.append((mark = h('span', { class: 'drop-mark', 'aria-hidden': 'true' })));
    mark.style.setProperty('--top', String(minute / 1440));
    mark.textContent = clockText(minute);
  }

  // The display zone's wall clock at an instant, as the core reads it: its day, and the minute of
  // that day.
  #wallOf(at) {
    const r = this.#data().calendar.resolveWallTime(this.zone(), { utc: at });
    const [hh, mm] = r.time.split(':').map(Number);
    return { date: r.date, minute: hh * 60 + mm };
  }

  // The instant of a wall-clock minute of a day in the display zone (ISO, UTC), as the core
  // resolves it: a time the clocks jump over is refused (said, and nothing moves); one that
  // happens twice takes the first, and says so.
  #instantOf(date, minute) {
    const local = `${date}T${hhmm(minute)}`; // the core's wall time, whatever the page's clock shows
    const cal = this.#data()?.calendar;
    if (this.zone() === 'UTC' || typeof cal?.resolveWallTime !== 'function') return `${local}:00Z`;
    let r;
    try {
      r = cal.resolveWallTime(this.zone(), { local });
    } catch (err) {
      this.#say(`Not moved: ${err.message}`);
      return null;
    }
    if (!r.ok) {
      this.#say(`Not moved: ${r.message}`);
      return null;
    }
    if (r.message) this.#say(r.message);
    return r.utc;
  }

  #say(text) {
    this.#host.dispatchEvent(new CustomEvent('calendar-notice', { bubbles: true, detail: { text } }));
  }

  // Moved by `by` ms (a quarter hour on a time grid); the core then decides.
  #move(id, at, by) {
    this.#moveTo(id, isoInstant(this.#ms(at) + by));
  }

  // Moved by whole days in the display zone: the same wall-clock time on the new day.
  #moveDays(id, at, days) {
    const { date, minute } = this.#wallOf(at);
    const newTime = this.#instantOf(shiftDate(this.#core, date, { days }), minute);
    if (newTime) this.#moveTo(id, newTime);
  }

  #moveTo(id, newTime) {
    this.#pending.set(id, newTime);
    this.#host.dispatchEvent(new CustomEvent('move-post', { bubbles: true, detail: { id, newTime, focusKey: `post-${id}` } }));
  }

  // A move the core has planned and the server not answered yet: the post is shown where the
  // gesture put it at once (its day, and its time of day on a time grid), marked as being saved,
  // instead of ~200 ms later. The redraw with the server's answer replaces it; a refused move is
  // redrawn from the core, where the post never moved. Nothing is decided here: the day and the
  // time are the ones the user asked for.
  showMoving(id, newTime) {
    const host = this.#host;
    const btn = host.querySelector(`button.post[data-post-id="${CSS.escape(id)}"]`);
    if (!btn || !this.#core) return;
    this.#forget();
    btn.classList.add('moving');
    btn.setAttribute('aria-busy', 'true');
    btn.setAttribute('aria-description', 'Saving the move');
    const at = this.#ms(newTime);
    const { date, minute } = this.#wallOf(newTime);
    const cell = host.querySelector(`[role=gridcell][data-date="${date}"]`);
    // Outside the days shown: it leaves with the redraw.
    if (!cell) return;
    const hhmm = clockText(minute);
    const time = btn.querySelector('.post-time');
    if (time && time.textContent !== hhmm) {
      btn.setAttribute('aria-label', btn.getAttribute('aria-label').replace(time.textContent, hhmm));
      time.textContent = hhmm;
    }
    if (btn.classList.contains('timed')) {
      btn.style.setProperty('--top', String(minute / 1440));
      btn.style.setProperty('--col', '0');
      btn.style.setProperty('--cols', '1');
    }
    btn.dataset.date = cell.dataset.date;
    const focused = document.activeElement === btn;
    // Among the day's posts by time, before its "+N more".
    const later = [...cell.querySelectorAll('button.post, button.more')].find((b) => b !== btn && (b.classList.contains('more') || this.#ms(b.dataset.at) > at));
    if (later) later.before(btn);
    else cell.append(btn);
    if (focused) btn.focus({ preventScroll: true });
  }

  // The page says when a move has its answer (done, refused or queued).
  settled(id, newTime) {
    if (this.#pending.get(id) === newTime) this.#pending.delete(id);
  }
}
