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
export async function postsInWindow(fetchPage, { from, to }, { parallel = 6, maxPages = 40, minPages = 0 } = {}) {
  const pages = new Map(); // n -> posts
  let requests = 0;
  const read = async (ns) => {
    const fresh = [...new Set(ns)].filter((n) => !pages.has(n));
    requests += fresh.length;
    const got = await Promise.all(fresh.map((n) => fetchPage(n)));
    fresh.forEach((n, i) => pages.set(n, Array.isArray(got[i]?.data) ? got[i].data : []));
    return got;
  };
  const [first] = await read([1]);
  const lastPage = Math.max(1, Number(first?.page?.last_page) || 1);
  if (lastPage < minPages) return { posts: pages.get(1), pages: [1], requests, lastPage, complete: lastPage === 1, cut: false, skipped: true };

  // a: the first page holding a post older than `to` (later pages are all older);
  // c: the first page whose newest post is older than `from`. The window is pages a .. c-1.
  const oldest = (n) => {
    const ps = pages.get(n);
    return ps.length ? scheduledMs(ps[ps.length - 1]) : -Infinity;
  };
  const newest = (n) => {
    const ps = pages.get(n);
    return ps.length ? scheduledMs(ps[0]) : -Infinity;
  };
  const bounds = {
    a: { lo: 1, hi: lastPage + 1, test: (n) => oldest(n) < to },
    c: { lo: 1, hi: lastPage + 1, test: (n) => newest(n) < from },
  };
  const settle = () => {
    for (const b of Object.values(bounds)) {
      for (const n of pages.keys()) {
        if (n < b.lo || n >= b.hi) continue;
        if (b.test(n)) b.hi = n;
        else b.lo = n + 1;
      }
    }
  };
  settle();
  while (Object.values(bounds).some((b) => b.lo < b.hi)) {
    // Up to `parallel` pages a round, spread evenly over the pages still in doubt for either end
    // (the two ends usually share one range, so all the probes narrow both).
    const open = Object.values(bounds).filter((b) => b.lo < b.hi);
    const doubt = new Set();
    for (const b of open) for (let n = b.lo; n < b.hi; n++) if (!pages.has(n)) doubt.add(n);
    const candidates = [...doubt].sort((x, y) => x - y);
    const k = Math.min(parallel, candidates.length);
    const probes = [];
    for (let i = 1; i <= k; i++) probes.push(candidates[Math.min(candidates.length - 1, Math.floor((candidates.length * i) / (k + 1)))]);
    await read(probes);
    settle();
  }
  const a = bounds.a.hi;
  const end = Math.min(bounds.c.hi - 1, lastPage, a + maxPages - 1);
  const run = [];
  for (let n = a; n <= end; n++) run.push(n);
  for (let i = 0; i < run.length; i += parallel) await read(run.slice(i, i + parallel));
  const posts = run.flatMap((n) => pages.get(n));
  return { posts, pages: run, requests, lastPage, complete: pages.size === lastPage, cut: bounds.c.hi - 1 > end };
}
