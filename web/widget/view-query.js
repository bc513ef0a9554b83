// The core's view query a widget's attributes ask for: view, date, zone, week start, rows per
// day, the label filter (ids or names) and the week grid's caps.

// Week time grid: overlapping posts share a day column up to this many ways; the rest are
// counted in "+N more", which shows the whole day uncapped.
const WEEK_COLUMNS = 3;
// ...and an hour holds at most this many, its own "+N more" included (the core's max_per_hour),
// so a day of 30 posts stays readable instead of splitting into slivers.
const WEEK_PER_HOUR = 3;

// The `labels` attribute (comma-separated ids or names, any case) as label ids; a word that
// names no label goes as it is (the core then matches nothing).
function labelFilter(host, labels) {
  const raw = host.getAttribute('labels');
  if (!raw) return undefined;
  const wanted = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (!wanted.length) return undefined;
  return wanted.map((w) => labels.find((l) => l?.id === w)?.id
    ?? labels.find((l) => typeof l?.name === 'string' && l.name.toLowerCase() === w.toLowerCase())?.id
    ?? w);
}

// host: the element (its attributes); labels: the workspace's; listCursor: the list page asked for.
export function viewQuery(host, view, date, { zone, labels, listCursor }) {
  const q = { view, date, details: true, time_zone: zone };
  const ws = (host.getAttribute('week-start') ?? '').toLowerCase();
  if (ws) q.week_start = ws;
  const rows = host.getAttribute('max-rows');
  if (rows !== null && rows !== '') q.max_rows = /^\d+$/.test(rows) ? Number(rows) : rows;
  else if (view === 'month') q.max_rows = 4;
  const filter = labelFilter(host, labels);
  if (filter) q.filters = { labels: filter };
  if (view === 'week') {
    q.max_columns = WEEK_COLUMNS;
    q.max_per_hour = WEEK_PER_HOUR;
  }
  if (view === 'list') {
    q.page_size = 50;
    if (listCursor) q.cursor = listCursor;
  }
  return q;
}
