// Laravel's LengthAwarePaginator envelope: data, links{first,last,prev,next} and meta with the
// numbered link window (3 pages on each side, "..." gaps) and HTML-entity labels.
const ON_EACH_SIDE = 3;

function pageWindow(current, last) {
  const range = (a, b) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
  if (last < ON_EACH_SIDE * 2 + 8) return { first: range(1, last), slider: null, last: null };
  const window = ON_EACH_SIDE + 4;
  if (current <= window) return { first: range(1, window + ON_EACH_SIDE), slider: null, last: range(last - 1, last) };
  if (current > last - window) return { first: range(1, 2), slider: null, last: range(last - (window + (ON_EACH_SIDE - 1)), last) };
  return { first: range(1, 2), slider: range(current - ON_EACH_SIDE, current + ON_EACH_SIDE), last: range(last - 1, last) };
}

export function readPage(query) {
  const raw = query.get('page');
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

export function paginate(items, page, perPage, path) {
  const total = items.length;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const url = (n) => `${path}?page=${n}`;
  const from = slice.length ? (page - 1) * perPage + 1 : null;
  const to = slice.length ? from + slice.length - 1 : null;
  const hasMore = page < lastPage;
  const w = pageWindow(page, lastPage);
  const elements = [w.first, w.slider ? '...' : null, w.slider, w.last ? '...' : null, w.last].filter(Boolean);
  const links = [{ url: page > 1 ? url(page - 1) : null, label: '&laquo; Previous', page: page > 1 ? page - 1 : null, active: false }];
  for (const el of elements) {
    if (el === '...') links.push({ url: null, label: '...', page: null, active: false });
    else for (const n of el) links.push({ url: url(n), label: String(n), page: n, active: n === page });
  }
  links.push({ url: hasMore ? url(page + 1) : null, label: 'Next &raquo;', page: hasMore ? page + 1 : null, active: false });
  return {
    data: slice,
    links: { first: url(1), last: url(lastPage), prev: page > 1 ? url(page - 1) : null, next: hasMore ? url(page + 1) : null },
    meta: { current_page: page, from, last_page: lastPage, links, path, per_page: perPage, to, total },
  };
}
