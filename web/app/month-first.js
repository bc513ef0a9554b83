// A first visit to a workspace with many pages of posts: the month on screen is painted from the
// few pages that hold it (the SDK's postsInWindow), while the SDK walks every page behind it. The
// calendar is the core's, loaded with those posts; the full list replaces it when the walk ends.
import { postsInWindow } from '../sdk/post-window.js';

const DAY = 86_400_000;

// What the dashboard's month grid of `date` ('YYYY-MM-DD') shows: whole Monday-first weeks from
// the one holding the 1st to the one holding the last day, widened by a day on each side so any
// display zone's days are covered (no zone is more than 14 hours from UTC).
export function monthWindow(date) {
  const first = Date.parse(`${date.slice(0, 7)}-01T00:00:00Z`);
  const next = new Date(first);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const sinceMonday = (new Date(first).getUTCDay() + 6) % 7;
  const last = next.getTime() - DAY;
  const untilSunday = (7 - new Date(last).getUTCDay()) % 7;
  return { from: first - (sinceMonday + 1) * DAY, to: last + (untilSunday + 2) * DAY };
}

// -> {posts, lastPage, requests} for the month of `date`, or null when the workspace is small
// (below `minPages` pages the whole walk is as quick), when the month holds more than `maxPages`
// pages (a month cut short would look complete), or when the pages could not be read (the walk
// then reports the problem).
export async function readMonthFirst(client, workspaceId, date, { minPages = 8, maxPages = 120 } = {}) {
  try {
    const got = await postsInWindow((n) => client.in(workspaceId).posts.page(n), monthWindow(date), { minPages, maxPages });
    return got.skipped || got.complete || got.cut ? null : got;
  } catch {
    return null;
  }
}
