// Time source for everything time-dependent (scheduler, rate limits, expiry), so tests can move it.
export function createClock(startMs) {
  let offset = startMs === undefined ? 0 : startMs - Date.now();
  return {
    now: () => Date.now() + offset,
    set(ms) { offset = ms - Date.now(); },
    advance(ms) { offset += ms; },
  };
}
