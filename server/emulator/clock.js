// Time source for everything time-dependent (scheduler, rate limits, expiry), so tests can move it.
export function createClock(startMs) {
  let offset = startMs === undefined ? 0 : startMs - Date.now();
  return {
    now: () => Date.now() + offset,
    set(ms) { offset = ms - Date.now(); },
    advance(ms) { offset += ms; },
  };
}

// A clock that moves only when told to, for tests that count seconds.
export function createManualClock(startMs) {
  let t = startMs;
  return { now: () => t, set(ms) { t = ms; }, advance(ms) { t += ms; } };
}
