// Edits waiting in the outbox, shown where they will be: a queued move or edit shows the post as
// the edit makes it, a new post shows on its day, a delete stays in place marked for deletion;
// each is marked "queued" (in its name too). What the server has is untouched: when the edit is
// sent, its answer replaces the stand-in.

// pending: outbox entries of one workspace, in order; posts: Map id -> post; accounts: the
// workspace's social accounts. -> {upserts: [posts for the calendar's index], marks: Map id -> 'edit'|'new'|'delete'}
export function queuedView(pending, posts, accounts) {
  const upserts = new Map();
  const marks = new Map();
  const current = (id) => upserts.get(id) ?? posts.get(id);
  for (const e of pending ?? []) {
    const id = String(e.post_id ?? e.local_id ?? e.id);
    const body = e.body ?? {};
    if (e.kind === 'posts.delete') {
      marks.set(id, 'delete');
      continue;
    }
    if (e.kind === 'posts.create') {
      const platforms = (body.platforms ?? []).map((p, i) => {
        const account = accounts.find((a) => String(a.id) === String(p.social_account_id));
        return account ? { id: `${id}:${i}`, platform: account.platform, content_type: p.content_type, social_account: { id: String(account.id) }, status: 'pending', enabled: true } : null;
      }).filter(Boolean);
      upserts.set(id, { id, status: body.status ?? 'draft', content: body.content ?? '', scheduled_at: body.scheduled_at ?? null, published_at: null, platforms, labels: [], media: [] });
      marks.set(id, 'new');
      continue;
    }
    const before = current(id);
    if (!before) continue;
    const next = { ...before };
    if ('content' in body) next.content = body.content;
    if ('scheduled_at' in body) next.scheduled_at = body.scheduled_at;
    if (body.status) next.status = body.status;
    upserts.set(id, next);
    if (marks.get(id) !== 'new') marks.set(id, 'edit');
  }
  return { upserts: [...upserts.values()], marks };
}
