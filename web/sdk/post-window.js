// The posts of one time window before the whole list is in. The API gives posts 15 a page, newest
// `scheduled_at` first and posts without a time last (docs/api-contract.md#pagination), so the pages that hold a window
// [from, to) are one run of pages. Its two ends are found by probing a few pages at once (first
// where the posts' times put them, then by halving what is still in doubt), and the run is read:
// a first visit to a workspace of 5,000 posts can paint the month without waiting for 334 pages.
//
// fetchPage(n) -> {data: [post], page: {last_page}}. A post's `scheduled_at` is read by the core
// (parseApiTime); one without a time sorts last, as the API puts it, so it counts as oldest.
import { loadCore } from './core.js';
import { apiTimeMs } from './calendar-dates.js';

// -> {posts, pages: [numbers read], requests, lastPage, complete (every page was read)}.
// `core`: the loaded core module (loaded here beside page 1 when not given).
// `maxPages` bounds the run read (a window that holds more is cut, `cut: true`). With fewer than
// `minPages` pages in all, only page 1 is read and `skipped` is set: reading them all is as quick.
//
// Up to `parallel` requests are in flight at any time, each slot taking the next page as soon as it
// is free: never a round that waits for its slowest answer. Probes come first (where the posts'
// times put either end, then the middle of the widest stretch of pages still in doubt); a slot with
// no probe left reads a page already known to lie inside the run, so the read overlaps the search.
export async function postsInWindow(fetchPage, { from, to }, { parallel = 6, maxPages = 40, minPages = 0, core = null } = {}) {
  const pages = new Map(); // n -> posts
  const asked = new Set();
  const get = async (n) => {
    asked.add(n);
    const got = await fetchPage(n);
    pages.set(n, Array.isArray(got?.data) ? got.data : []);
    return got;
  };
  const [first, reader] = await Promise.all([get(1), core ?? loadCore()]);
  const scheduledMs = (post) => {
    const ms = apiTimeMs(reader, post?.scheduled_at);
    return Number.isNaN(ms) ? -Infinity : ms;
  };
  const lastPage = Math.max(1, Number(first?.page?.last_page) || 1);
  if (lastPage < minPages) return { posts: pages.get(1), pages: [1], requests: 1, lastPage, complete: lastPage === 1, cut: false, skipped: true };

  // a: the first page holding a post older than `to` (later pages are all older);
  // c: the first page whose newest post is older than `from`. The window is pages a .. c-1.
  // Each bound is known to lie in [lo, hi]; the pages lo .. hi-1 are in doubt.
  const oldest = (n) => {
    const ps = pages.get(n);
    return ps.length ? scheduledMs(ps[ps.length - 1]) : -Infinity;
  };
  const newest = (n) => {
    const ps = pages.get(n);
    return ps.length ? scheduledMs(ps[0]) : -Infinity;
  };
  // `time` is monotone (older on later pages), so a bound is the first page where time(n) < target.
  const bounds = [
    { lo: 1, hi: lastPage + 1, time: oldest, target: to, guesses: 0 },
    { lo: 1, hi: lastPage + 1, time: newest, target: from, guesses: 0 },
  ];
  for (const b of bounds) b.test = (n) => b.time(n) < b.target;
  const [a, c] = bounds;
  const settle = () => {
    for (const b of bounds) {
      for (const n of pages.keys()) {
        if (n < b.lo || n >= b.hi) continue;
        if (b.test(n)) b.hi = n;
        else b.lo = n + 1;
      }
    }
  };
  const firstFree = (lo, hi) => {
    for (let n = lo; n < hi; n++) if (!asked.has(n)) return n;
    return null;
  };
  const runEnd = () => Math.min(c.hi - 1, lastPage, a.hi + maxPages - 1);
  // Where a bound probably lies. Posts of most workspaces are spread fairly evenly over time, so
  // the page is interpolated between the answered pages around the bound (lo - 1 and hi) by their
  // times; with no answered page after it, from the time a page spans on average up to lo - 1.
  // Null when the times cannot tell (no time, or many posts at one instant).
  const estimate = (b) => {
    const left = b.lo - 1; // answered: lo only moves past answered pages, and page 1 comes first
    const tLeft = b.time(left);
    if (!Number.isFinite(tLeft)) return null;
    const tRight = b.hi <= lastPage ? b.time(b.hi) : NaN;
    let perPage;
    if (Number.isFinite(tRight) && tLeft > tRight) perPage = (tLeft - tRight) / (b.hi - left);
    else {
      // Pages 1 .. left hold left * size posts: left * size - 1 gaps between their times.
      const size = pages.get(1).length;
      perPage = ((newest(1) - oldest(left)) / (left * size - 1)) * size;
    }
    if (!(perPage > 0)) return null;
    const at = Math.ceil(left + (tLeft - b.target) / perPage);
    return Math.min(b.hi - 1, Math.max(b.lo, at));
  };
  // Probes at an estimate and on both sides of it usually settle a bound in one round. A bound
  // gets at most two such rounds (GUESSES probes); after that the search halves what is in doubt,
  // so an uneven spread costs a few requests more at worst, never a page-by-page crawl.
  const GUESSES = 6;
  const guess = () => {
    for (const b of bounds) {
      if (b.lo >= b.hi || b.guesses >= GUESSES) continue;
      const at = estimate(b);
      if (at === null) continue;
      for (const n of [at, at - 1, at + 1]) {
        if (n >= b.lo && n < b.hi && !asked.has(n)) {
          b.guesses++;
          return n;
        }
      }
    }
    return null;
  };
  // The next page to ask for, or null when none is worth asking for now.
  const next = () => {
    settle();
    const guessed = guess();
    if (guessed !== null) return guessed;
    // While the probes at the estimates are out, the pages between them are most likely inside the
    // run: reading them is better use of a slot than halving.
    if (a.lo < a.hi || c.lo < c.hi) {
      // An end already found counts as it is; one in doubt, from just past the probes at it.
      const start = a.lo < a.hi ? (estimate(a) ?? NaN) + 2 : a.hi;
      const end = c.lo < c.hi ? (estimate(c) ?? NaN) - 1 : c.lo;
      if (start < end) {
        const likely = firstFree(Math.max(start, a.lo), Math.min(end, c.hi, start + maxPages));
        if (likely !== null) return likely;
      }
    }
    let widest = null;
    for (const b of bounds) {
      let start = null;
      for (let n = b.lo; n <= b.hi; n++) {
        const free = n < b.hi && !asked.has(n);
        if (free && start === null) start = n;
        else if (!free && start !== null) {
          if (!widest || n - start > widest.length) widest = { length: n - start, middle: start + ((n - start) >> 1) };
          start = null;
        }
      }
    }
    if (widest) return widest.middle;
    if (a.lo < a.hi || c.lo < c.hi) {
      // Pages a.hi .. c.lo-1 are inside the window whatever the search finds; past a.lo + maxPages
      // they may fall beyond a cut run, so they wait for the ends.
      return firstFree(a.hi, Math.min(c.lo, a.lo + maxPages));
    }
    return firstFree(a.hi, runEnd() + 1);
  };
  await new Promise((resolve, reject) => {
    let inFlight = 0;
    let failed = false;
    const pump = () => {
      if (failed) return;
      for (let n; inFlight < parallel && (n = next()) !== null;) {
        inFlight++;
        get(n).then(() => {
          inFlight--;
          pump();
        }, (err) => {
          failed = true;
          reject(err);
        });
      }
      if (inFlight === 0) resolve();
    };
    pump();
  });
  const end = runEnd();
  const run = [];
  for (let n = a.hi; n <= end; n++) run.push(n);
  const posts = run.flatMap((n) => pages.get(n));
  return { posts, pages: run, requests: asked.size, lastPage, complete: pages.size === lastPage, cut: c.hi - 1 > end };
}
