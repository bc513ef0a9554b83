// What one calendar entry shows and is called: its time, a badge per network it goes to, its
// label colours and its text. The networks' names come from the core's view ("networks"), so a
// screen reader hears "X, LinkedIn page" where the eye sees the badges.
import { h } from './dom.js';
import { clockFormat as localeClock, clockWith, networkMark } from '../sdk/calendar-dates.js';

// A minute of the day as the core reads and writes wall times: 570 -> "09:30".
export const hhmm = (minute) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

// A minute of the day as the clock shows it, in the page's language and its hour cycle (Intl):
// 570 -> "09:30" (en-GB, the dashboard's), "09:30 AM" (en-US). Intl is asked once the month is
// painted and the page is idle (prepareClock): a fresh renderer's first formatter costs 20-50 ms,
// which would otherwise land between a first visit's network answers or before the first paint;
// until then a time is written as 24-hour HH:MM, which is what en-GB writes anyway. For people
// only: what goes to the core is hhmm.
let clockFormat = null;
export const clockText = (minute) => (clockFormat ? clockFormat.format(Date.UTC(2000, 0, 1, 0, minute)) : hhmm(minute));
// The core's "HH:MM" wall-clock time of a post, written the same way.
export const timeText = (time) => {
  if (clockFormat) return clockWith(clockFormat, time);
  const m = /^(\d{1,2}):(\d{2})/.exec(time ?? '');
  return m ? hhmm(Number(m[1]) * 60 + Number(m[2])) : (time ?? '');
};
const whenIdle = (fn) => (globalThis.requestIdleCallback ? requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 500));
let clockAsked = false;
export function prepareClock() {
  if (clockAsked) return;
  clockAsked = true;
  whenIdle(() => { clockFormat = localeClock(document.documentElement.lang || 'en-GB'); });
}

// Label colours as classes, their rules in one constructed sheet (set through CSSOM, which the
// CSP allows): a style attribute per dot would be refused when a saved page is drawn from HTML.
const HEX = /^#[0-9a-f]{6}$/i;
let sheet = null;
const made = new Set();
function colourClass(colour) {
  if (!HEX.test(colour ?? '')) return '';
  const name = `lc-${colour.slice(1).toLowerCase()}`;
  if (!made.has(name) && typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in document) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    sheet.insertRule(`.label-dot.${name} { background-color: ${colour}; }`, sheet.cssRules.length);
    made.add(name);
  }
  return name;
}

// What a waiting edit is called where it is shown.
const queuedWords = (kind) => (kind === 'delete' ? 'queued: delete' : 'queued');

// entry: {time, text, status, platforms: [wire], labels: [ids], queued?: 'edit'|'new'|'delete'};
// names: the core view's {networks: {wire: name}, labels: {id: {name, color}}, statuses: {wire: words}}
export function entryParts(entry, names) {
  const badges = (entry.platforms ?? []).map((p) => {
    // The mark is drawn by CSS (attr()), not as text: the entry's name carries the network's full
    // name, and a short mark as text would be words the eye sees that the name lacks (WCAG 2.5.3).
    return h('span', { class: `net net-${p}`, 'aria-hidden': 'true', title: names.networks?.[p] ?? p, 'data-mark': networkMark(p) });
  });
  const swatches = (entry.labels ?? []).map((id) => {
    const l = names.labels?.[id];
    if (!l) return null;
    return h('span', { class: `label-dot ${colourClass(l.color)}`, 'aria-hidden': 'true', title: l.name });
  });
  // The marks right after the time, so a long text cut at the cell's edge never hides them.
  return [
    h('span', { class: 'post-time', text: entry.time }), ' ',
    entry.queued ? [h('span', { class: 'queued-mark', text: queuedWords(entry.queued) }), ' '] : null,
    h('span', { class: 'post-marks', 'aria-hidden': 'true' }, badges, swatches), ' ',
    h('span', { class: 'post-text', text: entry.text || '(no text)' }),
  ];
}

// The entry's accessible name: what it shows first (label in name), its status (in the core's
// words) and the zone its time is in, then where it goes and its labels.
export function entryName(entry, names, zone) {
  const networks = (entry.platforms ?? []).map((p) => names.networks?.[p] ?? p);
  const labels = (entry.labels ?? []).map((id) => names.labels?.[id]?.name).filter(Boolean);
  return [
    `${entry.time} ${entry.queued ? `${queuedWords(entry.queued)} ` : ''}${entry.text || '(no text)'}, ${names.statuses?.[entry.status] ?? entry.status} (${zone})`,
    entry.queued ? '; waiting to be sent' : '',
    networks.length ? `; to ${networks.join(', ')}` : '',
    labels.length ? `; labels ${labels.join(', ')}` : '',
  ].join('');
}
