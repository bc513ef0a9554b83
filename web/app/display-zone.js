// The display zone: which IANA zone a workspace's times are shown and typed in, remembered on
// this device per workspace (UTC by default), picked from every zone the browser knows. The
// conversions and the words for a time in it are the core's (sdk wall-time.js); this holds the choice.
import { h, uid } from './dom.js';
import { app } from './app-state.js';

const KEY = 'trypost.displayZone.';

export function savedZone(wsId) {
  try {
    const z = wsId ? localStorage.getItem(KEY + wsId) : null;
    return z && isZone(z) ? z : 'UTC';
  } catch {
    return 'UTC';
  }
}

export function saveZone(wsId, zone) {
  try {
    if (!wsId) return;
    if (zone === 'UTC') localStorage.removeItem(KEY + wsId);
    else localStorage.setItem(KEY + wsId, zone);
  } catch { /* private mode: the choice lasts this visit */ }
}

// A UTC instant (ISO or the API's "2026-12-23 00:00:00") as the person reads it: in the zone the
// workspace's calendar shows, with UTC beside it (the core's words). Until the core is in, or for
// a time it cannot read, the UTC text, said to be UTC.
export async function zoneWords(utc, wsId) {
  const zone = app.calendarEl?.state.zone ?? savedZone(wsId);
  try {
    return (await app.sdk.utcToWallTime(zone, utc)).words;
  } catch {
    return `${String(utc).replace('T', ' ').replace(/(:00)?(\.\d+)?Z$/, '').slice(0, 16)} UTC`;
  }
}

// The words of several instants at once (empty ones left out): instant -> words.
export async function zoneWordsOf(instants, wsId) {
  const distinct = [...new Set(instants.filter(Boolean))];
  return new Map(await Promise.all(distinct.map(async (t) => [t, await zoneWords(t, wsId)])));
}

let zones = null;
// Every zone Intl knows, UTC first.
export function allZones() {
  if (!zones) {
    const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zones = ['UTC', ...known.filter((z) => z !== 'UTC')];
  }
  return zones;
}

export function isZone(name) {
  if (name === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

// "UTC+09:00" for a zone now (or at `ms`).
export function offsetLabel(zone, ms = Date.now()) {
  if (zone === 'UTC') return 'UTC';
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(ms).find((p) => p.type === 'timeZoneName');
    return part?.value === 'GMT' ? 'UTC+00:00' : (part?.value ?? '').replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

// A searchable field: type part of a name ("Lisbon", "Chicago") and pick from the list. `onPick`
// gets a zone the browser knows; anything else is said at the field and nothing changes.
export function zonePicker(current, onPick) {
  const id = uid('zone');
  const listId = `${id}-list`;
  // A live region without role=status: the saved page (page-snapshot.js) keeps it, so the layout matches.
  const note = h('span', { class: 'zone-note', id: `${id}-note`, 'aria-live': 'polite' });
  const input = h('input', {
    id, type: 'text', value: current, autocomplete: 'off', spellcheck: 'false', 'data-focus-key': 'zone',
    'aria-describedby': note.id, placeholder: 'Search zones',
  });
  // Also as the attribute: the saved page (page-snapshot.js) is the DOM serialised.
  input.setAttribute('value', current);
  const list = h('datalist', { id: listId });
  // Filled, and tied to the field, on first use: 400-odd options are not part of the first paint.
  const fill = () => {
    if (list.childElementCount) return;
    list.append(...allZones().map((z) => h('option', { value: z })));
    input.setAttribute('list', listId);
  };
  input.addEventListener('focus', fill, { once: true });
  input.addEventListener('pointerdown', fill, { once: true });
  const pick = () => {
    const typed = input.value.trim();
    if (typed === current) return;
    const match = allZones().find((z) => z.toLowerCase() === typed.toLowerCase());
    if (!match) {
      note.textContent = typed ? `"${typed}" is not a time zone this browser knows; pick one from the list.` : '';
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    input.removeAttribute('aria-invalid');
    note.textContent = '';
    onPick(match);
  };
  input.addEventListener('change', pick);
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') pick(); });
  const utcNote = current === 'UTC' ? 'UTC' : `${offsetLabel(current)}; times also shown in UTC`;
  return h('div', { class: 'cal-zone' },
    h('label', { for: id, text: 'Time zone' }), input, list,
    h('span', { class: 'hint zone-offset', text: utcNote }), note);
}
