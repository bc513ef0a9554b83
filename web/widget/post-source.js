// Where a widget's posts come from: a snapshot file (its text goes to the core as it is), or the
// widget proxy with a short-lived token ({endpoint}/posts?page=N, every page, /labels and
// /workspace). Failures become WidgetErrors with a sentence the reader can act on.
import { WidgetError } from './widget-error.js';

const PAGE_CONCURRENCY = 4;

function httpError(status, what) {
  if (status === 401) return new WidgetError('unauthorized', 'This calendar link has expired. Reload the page to see it again.', { status });
  if (status === 403) return new WidgetError('forbidden', 'This calendar is not available here.', { status });
  if (status === 404) return new WidgetError('not-found', 'This calendar could not be found.', { status });
  if (status === 429) return new WidgetError('rate-limited', 'Too many requests. Try again in a minute.', { status });
  return new WidgetError('http', `The calendar could not be loaded (${what} answered ${status}).`, { status });
}

async function fetchOk(url, init, what) {
  let res;
  try {
    res = await fetch(url, init);
  } catch (err) {
    if (err?.name === 'AbortError') throw err;
    throw new WidgetError('network', 'The calendar could not be reached. Check the connection and try again.', { cause: String(err?.message ?? err) });
  }
  if (!res.ok) throw httpError(res.status, what);
  return res;
}

async function readJson(res, what) {
  const text = await res.text();
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    throw new WidgetError('bad-data', `The calendar data is damaged (${what} is not JSON).`);
  }
}

// The file's text goes to the core as it is: the core checks it and hands back its name, brand
// and labels with the load summary.
export async function fetchSnapshot(src, signal) {
  const url = new URL(src, document.baseURI);
  const res = await fetchOk(url, { signal, credentials: 'same-origin', headers: { accept: 'application/json' } }, 'the calendar file');
  return { posts: await res.text() };
}

export async function fetchEndpoint(endpoint, token, signal) {
  const base = new URL(endpoint.replace(/\/+$/, '') + '/', document.baseURI);
  if (!token) throw new WidgetError('unauthorized', 'This calendar needs an access token.');
  const init = { signal, credentials: 'omit', headers: { accept: 'application/json', authorization: `Bearer ${token}` } };
  const get = async (path) => (await readJson(await fetchOk(new URL(path, base), init, 'the calendar server'), 'the answer')).value;
  const [first, labels, workspace] = await Promise.all([
    get('posts?page=1'),
    get('labels'),
    get('workspace').catch((err) => (err instanceof WidgetError && err.code === 'forbidden' ? null : Promise.reject(err))),
  ]);
  if (!Array.isArray(first?.data)) throw new WidgetError('bad-data', 'The calendar server sent an unexpected answer.');
  const lastPage = Math.min(Number(first.meta?.last_page) || 1, 1000);
  const pages = [first.data];
  let nextPage = 2;
  const worker = async () => {
    while (nextPage <= lastPage) {
      const n = nextPage++;
      const page = await get(`posts?page=${n}`);
      pages[n - 1] = Array.isArray(page?.data) ? page.data : [];
    }
  };
  await Promise.all(Array.from({ length: PAGE_CONCURRENCY }, worker));
  const seen = new Set();
  const posts = pages.flat().filter((p) => (p && !seen.has(p.id) ? seen.add(p.id) : false));
  const labelList = Array.isArray(labels) ? labels : Array.isArray(labels?.data) ? labels.data : [];
  return {
    posts: { posts, labels: labelList },
    labels: labelList,
    brand: workspace?.brand,
    workspace: workspace ? { name: workspace.name } : undefined,
  };
}
