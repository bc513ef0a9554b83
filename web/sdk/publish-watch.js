// Posts on their way to publishing, read again until they settle. Which posts and when is the
// core's (planStatusWatch: a share of the API's 60 requests a minute, back-off, a 429 waited out);
// this runs the timer, the reads and counts requests.
import { loadCore, parseCoreAnswer } from './core.js';

// input: {now, posts: [{id, status, scheduled_at}], state, recent_reads, watch_reads, rate_wait}
export async function planStatusWatch(input) {
  const core = await loadCore();
  return parseCoreAnswer(core.planStatusWatch(JSON.stringify(input)));
}

// A watch over one workspace's posts. options: {posts() -> [post], read(id) -> post,
// settled(post, {waiting}), recentReads() -> n, rateWait() -> seconds, setTimer, clearTimer, now}.
// After its first round only posts in a status the core says is waiting are handed to it; each
// post read is handed back with `waiting`: whether its status still waits for an outcome (false:
// it settled).
export function createStatusWatch(options) {
  const { posts, read, settled } = options;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t));
  const now = options.now ?? (() => Date.now());
  let state = {};
  let timer = null;
  let stopped = false;
  let running = false;
  const mine = []; // times of the watch's own reads, for its share of the minute
  // The statuses whose outcome may still be to come, as the core's last plan named them. The
  // first round hands every post over (the core passes over settled ones itself); later rounds
  // only the waiting ones, so a long list does not cross into the core every few seconds.
  let waiting = null;
  async function round() {
    timer = null;
    if (stopped || running) return;
    running = true;
    try {
      const t = now();
      while (mine.length && mine[0] < t - 60_000) mine.shift();
      const list = posts().filter((p) => !waiting || waiting.has(p.status)).map((p) => ({ id: String(p.id), status: p.status, scheduled_at: p.scheduled_at ?? null }));
      const plan = await planStatusWatch({
        now: Math.floor(t / 1000), posts: list, state,
        recent_reads: options.recentReads?.() ?? mine.length, watch_reads: mine.length, rate_wait: Math.ceil(options.rateWait?.() ?? 0),
      });
      state = plan.state;
      waiting = new Set(plan.waiting);
      for (const id of plan.read) {
        if (stopped) return;
        mine.push(now());
        try {
          const post = await read(id);
          if (post) settled(post, { waiting: waiting.has(post.status) });
        } catch { /* read again next round */ }
      }
      if (!stopped && plan.next_in_seconds != null) timer = setTimer(round, plan.next_in_seconds * 1000);
    } finally {
      running = false;
    }
  }
  return {
    // Looks again now (a post was just sent to publishing, or the page came back).
    poke() {
      if (stopped) return;
      if (timer) clearTimer(timer);
      timer = setTimer(round, 0);
    },
    stop() {
      stopped = true;
      if (timer) clearTimer(timer);
    },
  };
}
