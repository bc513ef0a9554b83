// A first visit to a workspace with many pages of posts: the month on screen is painted from the
// few pages that hold it (the SDK's postsInWindow), while the SDK walks every page behind it. The
// calendar is the core's, loaded with those posts; the full list replaces it when the walk ends.
import { postsInWindow } from '../sdk/post-window.js';
import { loadCore } from '../sdk/core.js';
import { calendarWindow } from '../sdk/calendar-dates.js';

// What the dashboard's month grid of `date` ('YYYY-MM-DD') shows, as instants (ms) to read: the
// core's whole Monday-first weeks of the month, widened by a day on each side so any display
// zone's days are covered (the zone is not known before the posts are in).
export async function monthWindow(date) {
  const w = calendarWindow(await loadCore(), { view: 'month', date, week_start: 'monday', any_zone: true });
  return { from: w.from_ms, to: w.to_ms };
}

// -> {posts, lastPage, requests} for the month of `date`, or null when the workspace is small
// (below `minPages` pages the whole walk is as quick), when the month holds more than `maxPages`
// pages (a month cut short would look complete), or when the pages could not be read (the walk
// then reports the problem).
export async function readMonthFirst(client, workspaceId, date, { minPages = 8, maxPages = 120 } = {}) {
  try {
    // monthWindow has the core loaded: the pages' times are read by it.
    const month = await monthWindow(date);
    const got = await postsInWindow((n) => client.in(workspaceId).posts.page(n), month, { minPages, maxPages, core: await loadCore() });
    return got.skipped || got.complete || got.cut ? null : got;
  } catch {
    return null;
  }
}
