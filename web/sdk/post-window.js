// The posts of one time window before the whole list is in. The API gives posts 15 a page, newest
// `scheduled_at` first and posts without a time last (facts §1.5), so the pages that hold a window
// [from, to) are one run of pages. They are found by probing a few pages at once (a k-ary search
// on each end of the run), then the run is read: a first visit to a workspace of 5,000 posts can
// paint the month from a dozen requests instead of waiting for 334.
//
// fetchPage(n) -> {data: [post], page: {last_page}}; times are the API's UTC "Y-m-d H:i:s" (or ISO).

// Milliseconds since the epoch of a post's scheduled_at, or -Infinity without one (those sort last,
// as if oldest).
export function scheduledMs(post) {
  const at = post?.scheduled_at;
  if (typeof at !== 'string' || !at) return -Infinity;
  const iso = at.includes('T') ? at : at.replace(' ', 'T');
  const ms = Date.parse(/Z|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(ms) ? -Infinity : ms;
}

// -> {posts, pages: [numbers read], requests, lastPage, complete (every page was read)}.
// `maxPages` bounds the run read (a window that holds more is cut, `cut: true`). With fewer than
// `minPages` pages in all, only page 1 is read and `skipped` is set: reading them all is as quick.
//
// Up to `parallel` requests are in flight at any time, each slot taking the next page as soon as it
// is free: never a round that waits for its slowest answer. Probes come first (the middle of the
// widest stretch of pages still in doubt for either end); a slot with no probe left reads a page
// already known to lie inside the run, so the read overlaps the search.
export async function postsInWindow(fetchPage, { from, to }, { parallel = 6, maxPages = 40, minPages = 0 } = {}) {
  const pages = new Map(); // n -> posts
  const asked = new Set();
  const get = async (n) => {
    asked.add(n);
    const got = await fetchPage(n);
    pages.set(n, Array.isArray(got?.data) ? got.data : []);
    return got;
  };
  const first = await get(1);
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
  const bounds = [
    { lo: 1, hi: lastPage + 1, test: (n) => oldest(n) < to },
    { lo: 1, hi: lastPage + 1, test: (n) => newest(n) < from },
  ];
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
  // The next page to ask for, or null when none is worth asking for now.
  const next = () => {
    settle();
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
