// Live status on the calendar: posts being published (and scheduled posts whose time has come)
// are read again until they settle, and the page is told what became of them. When to read
// which post, and which statuses still wait for an outcome, is the core's (sdk publish-watch.js: a
// share of the rate limit, back-off); this holds one watch for the open workspace and words the
// outcome.
import { createStatusWatch, displayNames } from '../sdk/index.js';

let current = null;
let names = { platforms: {} };
displayNames().then((n) => { names = n; }, () => {});

const excerpt = (text) => {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t || '(no text)';
};
const where = (entries) => entries.map((e) => names.platforms?.[e.platform] ?? e.platform).join(', ');

// What a person is told when a post they were waiting for settles.
export function outcomeText(post) {
  const entries = post.platforms ?? [];
  const failed = entries.filter((e) => e.status === 'failed');
  const why = failed.map((e) => `${names.platforms?.[e.platform] ?? e.platform}: ${e.error_message ?? 'failed'}`).join('; ');
  if (post.status === 'published') return `Published: "${excerpt(post.content)}" on ${where(entries)}.`;
  if (post.status === 'partially_published') return `Partially published: "${excerpt(post.content)}" went out on ${where(entries.filter((e) => e.status === 'published'))}, not on ${why}.`;
  if (post.status === 'failed') return `Publishing failed: "${excerpt(post.content)}" (${why || 'no reason given'}). Open it to try again.`;
  return '';
}

// ctx: {wsId, posts() -> [post], read(id) -> post, apply(post), notify(text), rateWait() -> s}.
// Calling it again for the same workspace looks again at once (a post was just sent).
export function watchPublishing(ctx) {
  if (current?.wsId === ctx.wsId) {
    current.ctx = ctx;
    current.watch.poke();
    return;
  }
  current?.watch.stop();
  const seen = new Map(); // id -> the status last shown
  const entry = { wsId: ctx.wsId, ctx };
  entry.watch = createStatusWatch({
    posts: () => entry.ctx.posts(),
    read: (id) => entry.ctx.read(id),
    rateWait: () => entry.ctx.rateWait?.() ?? 0,
    // `waiting`: the core's word on whether the post's status still waits for an outcome.
    settled: (post, { waiting }) => {
      const before = seen.get(String(post.id)) ?? 'publishing';
      seen.set(String(post.id), post.status);
      if (post.status === before && waiting) return;
      entry.ctx.apply(post);
      if (!waiting) entry.ctx.notify(outcomeText(post));
    },
  });
  current = entry;
  entry.watch.poke();
}

export function stopWatching() {
  current?.watch.stop();
  current = null;
}
