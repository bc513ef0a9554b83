// The publishing scheduler: each tick first settles the posts that were already "publishing"
// (every enabled entry succeeds or fails, per its social account's configured outcome), then moves
// the scheduled posts that are due to "publishing". A due post thus shows "publishing" for one tick.
import { platformById } from './catalog.js';
import { captionLength } from './counting.js';
import { randomInt } from 'node:crypto';

const URLS = {
  x: (a, id) => `https://x.com/${a.username.replace(/^@/, '')}/status/${id}`,
  linkedin: (a, id) => `https://www.linkedin.com/feed/update/urn:li:share:${id}`,
  'linkedin-page': (a, id) => `https://www.linkedin.com/feed/update/urn:li:share:${id}`,
  facebook: (a, id) => `https://www.facebook.com/${id}`,
  instagram: (a, id) => `https://www.instagram.com/p/${id}/`,
  'instagram-facebook': (a, id) => `https://www.instagram.com/p/${id}/`,
  tiktok: (a, id) => `https://www.tiktok.com/@${a.username.replace(/^@/, '')}/video/${id}`,
  youtube: (a, id) => `https://youtube.com/shorts/${id}`,
  threads: (a, id) => `https://www.threads.net/@${a.username.replace(/^@/, '')}/post/${id}`,
  pinterest: (a, id) => `https://www.pinterest.com/pin/${id}/`,
  bluesky: (a, id) => `https://bsky.app/profile/${a.username.replace(/^@/, '')}/post/${id}`,
  mastodon: (a, id) => `https://mastodon.social/@${a.username.replace(/^@/, '')}/${id}`,
  telegram: (a, id) => `https://t.me/${a.username.replace(/^@/, '')}/${id}`,
  discord: (a, id) => `https://discord.com/channels/${id}`,
};

// What publishing one entry does: {ok:true} | {ok:false, message} | {skip:true}.
export function entryOutcome(ws, post, entry) {
  const account = ws.social_accounts.find((a) => a.id === entry.social_account_id);
  if (!account) return { ok: false, message: 'Account not found' };
  if (!account.is_active) return { skip: true };
  if (account.status === 'token_expired') return { ok: false, message: 'Token expired' };
  if (account.status === 'disconnected') return { ok: false, message: 'Account disconnected' };
  if (entry.platform === 'pinterest' && !entry.meta?.board_id && !account.default_board_id) {
    return { ok: false, message: 'Pinterest board_id is required' };
  }
  const max = platformById.get(entry.platform)?.max ?? Infinity;
  if (captionLength(post.content, entry.platform) > max) {
    return { ok: false, message: `Content exceeds the ${max} character limit` };
  }
  const o = account.publish_outcome ?? 'success';
  if (o === 'success') return { ok: true };
  if (typeof o === 'string' && o.startsWith('fail')) return { ok: false, message: o.split(/:(.*)/s)[1] || 'Publishing failed' };
  if (typeof o === 'object' && o.fail) return { ok: false, message: String(o.fail) };
  return { ok: true };
}

export function settle(ws, post, now) {
  let ok = 0, failed = 0;
  for (const e of post.platforms) {
    if (!e.enabled) continue;
    const r = entryOutcome(ws, post, e);
    if (r.skip) {
      e.status = 'pending';
      e.error_message = 'Skipped: the account is inactive';
      continue;
    }
    if (r.ok) {
      const account = ws.social_accounts.find((a) => a.id === e.social_account_id);
      e.platform_post_id = String(randomInt(1e9, 9e9)) + String(randomInt(1e9, 9e9));
      e.status = 'published';
      e.published_at = now;
      e.platform_url = (URLS[e.platform] ?? ((a, id) => `https://example.com/${id}`))(account, e.platform_post_id);
      e.error_message = null;
      ok++;
    } else {
      e.status = 'failed';
      e.error_message = r.message;
      failed++;
    }
  }
  post.status = ok && !failed ? 'published' : ok ? 'partially_published' : 'failed';
  post.published_at = post.status === 'published' ? now : null;
  post.updated_at = now;
}

export function startPublishing(post, now) {
  post.status = 'publishing';
  post.updated_at = now;
  for (const e of post.platforms) if (e.enabled) { e.status = 'publishing'; e.error_message = null; }
}

export class Scheduler {
  constructor({ store, clock }) {
    this.store = store;
    this.clock = clock;
    this.timer = null;
    this.running = null;
  }
  // One pass; resolves after the changes are durable. Returns what moved.
  async tick() {
    const now = this.clock.now();
    let settled = 0, promoted = 0;
    for (const ws of this.store.state.workspaces) {
      for (const p of ws.posts) if (p.status === 'publishing') { settle(ws, p, now); settled++; }
      for (const p of ws.posts) {
        if (p.status === 'scheduled' && p.scheduled_at !== null && p.scheduled_at <= now) {
          startPublishing(p, now);
          promoted++;
        }
      }
    }
    for (const account of [this.store.account, ...(this.store.state.other_accounts ?? [])]) {
      if (!account.resets_at || now < account.resets_at) continue;
      account.credits_used = 0;
      const d = new Date(account.resets_at);
      account.resets_at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      await this.store.commit();
    }
    if (settled || promoted) await this.store.commit();
    return { settled, promoted };
  }
  start(intervalMs) {
    if (!intervalMs) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick().catch((e) => console.error('scheduler:', e.message)).finally(() => { this.running = null; });
    }, intervalMs);
    this.timer.unref?.();
  }
  stop() {
    clearInterval(this.timer);
    this.timer = null;
    return this.running ?? Promise.resolve();
  }
}
