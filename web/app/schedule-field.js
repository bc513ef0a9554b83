// The composer's schedule time, typed in the display zone. The core turns it into the UTC instant
// that is stored and sent (sdk wall-time.js): a time the clocks jump over is refused at the field
// with the reason; one that happens twice takes the first, and the field says so. The UTC time is
// always shown next to it.
import { h, field } from './dom.js';
import * as sdk from '../sdk/index.js';

const toIso = (apiTime) => (apiTime ? `${apiTime.replace(' ', 'T').replace(/Z$|\.\d+Z$/, '')}${/[+-]\d\d:\d\d$/.test(apiTime) ? '' : 'Z'}` : null);

// -> {field, input, utc(): the last resolved UTC ISO (or null), settled(): Promise of {utc, problem?}}
export async function scheduleField(zone, storedUtc, { editing }) {
  const input = h('input', { type: 'datetime-local', step: '60' });
  if (storedUtc) {
    try {
      input.value = (await sdk.utcToWallTime(zone, toIso(storedUtc))).local;
    } catch {
      input.value = storedUtc.replace(' ', 'T').slice(0, 16);
    }
  }
  const where = zone === 'UTC' ? 'Times are UTC.' : `Times are ${zone}; the UTC time is shown below.`;
  const f = field(`Schedule time (${zone})`, input, { hint: editing ? `Change it to move the post. ${where}` : `Needed for "Schedule". ${where}` });
  const utcLine = h('p', { class: 'hint schedule-utc', role: 'status' });
  if (zone !== 'UTC') f.append(utcLine);
  let last = { utc: storedUtc ? toIso(storedUtc) : null };
  let pending = Promise.resolve(last);
  const update = () => {
    const local = input.value;
    pending = (async () => {
      if (!local) return { utc: null };
      try {
        const r = await sdk.wallTimeToUtc(zone, local);
        if (!r.ok) return { utc: null, problem: r.message };
        return { utc: r.utc, notice: r.message };
      } catch (err) {
        return { utc: null, problem: err.message };
      }
    })();
    pending.then((r) => {
      if (input.value !== local) return; // typed on meanwhile
      last = r;
      f.setError(r.problem ?? '');
      utcLine.textContent = r.utc ? `${r.notice ? `${r.notice} ` : ''}In UTC: ${r.utc.slice(0, 16).replace('T', ' ')}.` : '';
    });
    return pending;
  };
  input.addEventListener('input', update);
  input.addEventListener('change', update);
  if (input.value) update();
  return { field: f, input, utc: () => last.utc, settled: () => pending.then(() => last) };
}
