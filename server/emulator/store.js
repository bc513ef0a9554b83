// The emulator's state: one object for the account, its users and its workspaces, each workspace
// holding everything of its own (nothing is shared between workspaces). Mutations are applied in
// memory, then made durable by a group commit; a caller acknowledges a write only after commit().
import { randomBytes } from 'node:crypto';
import { hashToken } from './ids.js';
import { startOfNextUtcMonth } from './time.js';

export const CREDITS_LIMIT = 2500;

export function emptyState(now) {
  return {
    version: 1,
    app_key: randomBytes(32).toString('hex'),
    account: {
      id: null, name: 'Account', owner_id: null, plan_status: 'active',
      credits_used: 0, credits_limit: CREDITS_LIMIT, resets_at: startOfNextUtcMonth(now),
    },
    users: [],
    workspaces: [],
  };
}

export function newWorkspace({ id, name, now }) {
  return {
    id, name, logo_url: null,
    brand: {
      website: null, description: null, tone: null, voice_notes: null, image_style: 'cinematic',
      primary_color: null, background_color: null, text_color: null, font: 'Inter', content_language: 'en',
    },
    created_at: now, updated_at: now,
    members: [], invites: [], api_keys: [], social_accounts: [], labels: [], signatures: [],
    posts: [], assets: [], idempotency: {},
  };
}

export class Store {
  #writing = null;
  #queued = null;

  constructor(persistence, state) {
    this.persistence = persistence;
    this.state = state;
    this.commits = 0;
  }

  // Resolves once every mutation made before this call is on disk. Concurrent callers share one
  // write: whoever arrives while a write is running waits for the next one, which includes them.
  commit() {
    if (this.#queued) return this.#queued;
    const previous = this.#writing;
    const run = (async () => {
      // Always yield first, so #queued is set before it is cleared here.
      await (previous ? previous.catch(() => {}) : null);
      this.#queued = null;
      // The persistence serialises the state itself: in memory there is nothing to write, and
      // turning 10,000 posts into text took ~50 ms per commit for nothing.
      const write = this.persistence.writeState(this.state);
      this.#writing = write;
      try {
        await write;
        this.commits++;
      } finally {
        if (this.#writing === write) this.#writing = null;
      }
    })();
    this.#queued = run;
    return run;
  }

  get account() { return this.state.account; }
  workspace(id) { return this.state.workspaces.find((w) => w.id === id) ?? null; }
  user(id) { return this.state.users.find((u) => u.id === id) ?? null; }
  userByEmail(email) {
    const e = String(email).toLowerCase();
    return this.state.users.find((u) => u.email.toLowerCase() === e) ?? null;
  }
  userByToken(plain) {
    const h = hashToken(plain);
    return this.state.users.find((u) => u.token_hash === h) ?? null;
  }
  // A workspace key: {workspace, key} or null.
  keyByToken(plain) {
    const h = hashToken(plain);
    for (const ws of this.state.workspaces) {
      const key = ws.api_keys.find((k) => k.token_hash === h);
      if (key) return { workspace: ws, key };
    }
    return null;
  }
  // The account a workspace belongs to: the emulated account, or (for a workspace reached only by
  // its key) another one, with its own owner, plan and credits.
  accountOf(ws) {
    return (ws?.account_id && this.otherAccount(ws.account_id)) || this.state.account;
  }
  otherAccount(id) {
    return this.state.other_accounts?.find((a) => a.id === id) ?? null;
  }
  // "owner" for the workspace's account owner (full access everywhere), else the workspace role,
  // else null.
  roleOf(ws, userId) {
    if (userId && userId === this.accountOf(ws).owner_id) return 'owner';
    return ws.members.find((m) => m.user_id === userId)?.role ?? null;
  }
  referencedBlobs() {
    const set = new Set();
    for (const ws of this.state.workspaces) {
      for (const p of ws.posts) for (const m of p.media) if (m.path && !m.url) set.add(m.path);
      for (const a of ws.assets) if (a.path && !a.url) set.add(a.path);
    }
    return set;
  }
}
