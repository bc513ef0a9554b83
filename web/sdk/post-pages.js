// A whole post list read page by page for one workspace. Page 1 tells the last page; the rest are
// fetched `concurrency` at a time (the core keys them by page and swaps the whole list in once
// every page is there, whatever order they came in).
import { WorkspaceError } from './workspace-error.js';

// readPage(params) -> the Store's answer for posts.list with those params.
export async function walkPostPages(readPage, { concurrency = 6 } = {}) {
  try {
    const first = await readPage({});
    if (first.outcome !== 'applied' || !first.next) return;
    const refresh = first.next.refresh;
    let last = Number.isInteger(first.last_page) ? first.last_page : 0;
    let page = 2;
    let stop = false;
    const walker = async () => {
      while (!stop && page <= last) {
        const n = page++;
        let out;
        try {
          out = await readPage({ page: n, refresh });
        } catch (e) {
          stop = true;
          throw e;
        }
        // Dropped: a newer refresh took this workspace over. Complete: every page is in.
        if (out.outcome !== 'applied' || out.missing === 0) stop = true;
        else if (out.last_page > last) last = out.last_page; // posts were added meanwhile
      }
    };
    if (last > 1) await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, last - 1)) }, walker));
    else {
      let out = first;
      while (out.outcome === 'applied' && out.next) out = await readPage(out.next);
    }
  } catch (e) {
    // Deleted mid-walk or overtaken by a newer refresh: the core reads it as quiet, not an error
    // for the caller (failure_class.hpp).
    if (!(e instanceof WorkspaceError && e.failureClass?.quiet === true)) throw e;
  }
}
