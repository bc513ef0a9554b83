// The workspace client: I/O around the core's Store. The Store (C++) decides everything: which
// key signs a request, whether a role may act, whether a name or a brand is valid, where an
// answer lands. This file fetches, keeps parsed views per workspace, and tells listeners.
import { loadCore } from './core.js';
import { createMemoryKeyStorage } from './storage.js';
import { createTransport } from './transport.js';
import { createOutbox, createMemoryOutboxStorage } from './outbox.js';
import { createResources, ApiError } from './resources.js';
import { deviceIdentity, RefusedCredentials } from './session-credential.js';

// Storage ids of keys kept while their account needs payment (their workspace id is not known).
const WAITING = 'waiting:';

export class WorkspaceError extends Error {
  constructor(message, { status = 0, errors = {} } = {}) {
    super(message);
    this.name = 'WorkspaceError';
    this.status = status;
    this.errors = errors; // {field: [messages]}, the API's shape
  }
}

function coreAnswer(text) {
  const value = JSON.parse(text);
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.error === 'string') {
    throw new WorkspaceError(value.error, { status: value.status ?? 0, errors: value.errors ?? {} });
  }
  return value;
}

function normalizeBase(baseUrl) {
  if (typeof baseUrl !== 'string' || baseUrl === '') throw new TypeError('createClient: baseUrl is required');
  // The core's paths start with /api; accept the API's documented base ({APP_URL}/api) too.
  return baseUrl.replace(/\/+$/, '').replace(/\/api$/, '');
}

class Client {
  #core;
  #store;
  #base;
  #fetch;
  #storage;
  #listeners = new Set();
  #snapshot = { active: null, lifecycle: 'unsupported', workspaces: [], in_flight: 0 };
  #byId = new Map();
  #deleting = new Set(); // workspaces this client is deleting right now
  // Parsed parts per workspace, tagged with the core's revision: a switch re-parses nothing.
  #views = new Map();
  #transport;
  outbox = null;
  // resources.js: network listeners, 402 blocks (per workspace, shared by an account's), the online hook.
  #netListeners = new Set();
  #paymentBlocks = new Map();
  #onlineTarget = null;
  #onOnline = null;

  // Device sessions (session-credential.js): this device's id, and the workspaces whose
  // credential was refused until a new one opens.
  #device = null;
  #onSession = new Set(); // workspaces this client reaches with a session, not a key
  #refused = new RefusedCredentials((ev) => this.#netEmit(ev));

  constructor(core, { baseUrl, accountToken, fetch, storage, transport, onlineEvents, deviceId, deviceName, webStorage, sessions = true }) {
    this.#core = core;
    this.#store = new core.Store();
    this.#base = normalizeBase(baseUrl);
    this.#fetch = fetch ?? globalThis.fetch?.bind(globalThis);
    if (typeof this.#fetch !== 'function') throw new TypeError('createClient: no fetch available');
    this.#storage = storage ?? createMemoryKeyStorage();
    // Retries (asked of the core's retry_decide) wrap every request the client makes.
    this.#transport = createTransport({
      core, fetch: this.#fetch, ...(transport ?? {}),
      onAttempt: (a) => {
        transport?.onAttempt?.(a);
        this.#attempted(a);
      },
    });
    if (accountToken) coreAnswer(this.#store.setAccountToken(accountToken));
    if (accountToken && sessions !== false) this.#device = deviceIdentity({ deviceId, deviceName, webStorage });
    this.#onlineTarget = onlineEvents ?? (typeof globalThis.addEventListener === 'function' ? globalThis : null);

    const client = this;
    this.workspaces = {
      list: () => client.#listWorkspaces(),
      // The list as this client holds it now, without asking the server.
      known: () => client.#snapshot.workspaces,
      create: (input) => client.#createWorkspace(input),
      update: (id, patch) => client.#updateWorkspace(id, patch),
      remove: (id, options) => client.#removeWorkspace(id, options),
      members: (id) => client.#members(id),
      issueKey: (id, options) => client.#issueKey(id, options),
    };
    // This device's sessions on the account API: open (again) for every workspace, or sign out.
    this.sessions = {
      deviceId: this.#device?.id ?? null,
      open: () => client.#openSessions(),
      list: () => client.account.sessions.list(),
      signOut: async () => {
        if (!client.#device || !client.supports('workspace_lifecycle')) return false;
        await client.account.sessions.revoke(client.#device.id);
        return true;
      },
    };
    this.posts = {
      refresh: (options) => client.#refreshPosts(client.#activeId(), options),
      list: () => client.#part(client.#activeId(), 'posts'),
      // Posts belong to their workspace: the core refuses, with the words the UI shows.
      moveTo: async (postId, workspaceId) => {
        coreAnswer(client.#store.movePost(String(postId), String(workspaceId)));
      },
      // Edits go through the outbox (stored first, sent in order per workspace). Each answers
      // {entry, sent}: `sent` resolves {ok, post_id?} | {ok: false, status, message}.
      create: (body) => client.#queue({ kind: 'posts.create', body }),
      update: (postId, body) => client.#queue({ kind: 'posts.update', post_id: String(postId), body }),
      schedule: (postId, scheduledAt, body = {}) =>
        client.#queue({ kind: 'posts.update', post_id: String(postId), body: { ...body, status: 'scheduled', scheduled_at: scheduledAt } }),
      publishNow: (postId, body = {}) => client.#queue({ kind: 'posts.update', post_id: String(postId), body: { ...body, status: 'publishing' } }),
      delete: (postId) => client.#queue({ kind: 'posts.delete', post_id: String(postId) }),
      flush: (workspaceId) => client.outbox.flush(workspaceId),
      // One post read again through the Store (its list then holds the answer): the post as the
      // server has it now, e.g. while it is being published.
      reread: async (postId, workspaceId = client.#activeId()) => {
        await client.#send(workspaceId, 'posts.get', { post_id: String(postId) });
        return client.#part(workspaceId, 'posts').find((p) => String(p.id) === String(postId)) ?? null;
      },
    };
    this.#installResources();
  }

  async init(outboxStorage) {
    this.outbox = await createOutbox({ storage: outboxStorage ?? createMemoryOutboxStorage(), send: (e) => this.#sendQueued(e) });
    this.#listenOnline();
    // The stored keys are read (an IndexedDB open and a decryption when remembered) while the
    // account API is asked: neither needs the other.
    const stored = this.#storage.load();
    stored.catch(() => {}); // awaited below
    if (this.#snapshotNow().lifecycle === 'unknown') {
      try {
        await this.#send('', 'account.workspaces.list', {});
      } catch (e) {
        if (!(e instanceof WorkspaceError)) throw e;
        // 404 means the server has no account API: the core now reports lifecycle unsupported.
      }
    }
    for (const { workspaceId, key } of await stored) {
      if (workspaceId.startsWith(WAITING)) this.#waiting.set(workspaceId, key);
      await this.#reopen(workspaceId, key);
    }
    // After the stored keys: a listed workspace works on this device's session, not a key.
    if (this.#device && this.supports('workspace_lifecycle')) {
      try {
        await this.#openSessions();
      } catch (e) {
        if (!(e instanceof WorkspaceError)) throw e;
        // An account API without sessions (404, 405): keys only, as before. Anything else leaves
        // the workspaces listed without a credential; sessions.open() tries again.
        if (e.status === 404 || e.status === 405) {
          this.#device = null;
          this.sessions.deviceId = null;
        }
      }
    }
    this.#sync();
    return this;
  }

  // Opens this device's session for every listed workspace (the server replaces the device's
  // previous ones): -> the ids opened. Their waiting edits go out now.
  async #openSessions() {
    if (!this.#device) throw new WorkspaceError('Sessions need an account token.', { status: 501 });
    const out = await this.#send('', 'account.sessions.open', { device_id: this.#device.id, device_name: this.#device.name });
    const ids = out.workspace_ids ?? [];
    for (const id of ids) this.#onSession.add(id);
    this.#refused.accepted(ids);
    for (const id of ids) this.#keyUsable(id);
    return ids;
  }

  // Workspaces whose credential the server refused (401: revoked, expired or deleted): their
  // edits wait, and sessions.open() (or a key) makes them work again.
  needsSignIn() {
    return this.#refused.list();
  }

  // 'session' | 'key' | null: what this client reaches the workspace with (never the secret).
  credentialKind(workspaceId) {
    const ws = this.#byId.get(String(workspaceId));
    if (!ws?.has_key) return null;
    return this.#onSession.has(ws.id) ? 'session' : 'key';
  }

  // A stored key, probed again: its workspace id when it opens one (a waiting key is then filed
  // under it). A refused key (401) is forgotten; any other answer keeps it as it is (a 402 waits
  // on); an unreachable server throws and keeps it for the next try.
  async #reopen(storageId, key) {
    try {
      const out = await this.#probe(key);
      if (this.#waiting.delete(storageId)) {
        await this.#storage.save(out.workspace_id, key);
        await this.#storage.remove(storageId);
      }
      return out.workspace_id;
    } catch (e) {
      if (!(e instanceof WorkspaceError)) throw e;
      if (e.status === 401) {
        this.#waiting.delete(storageId);
        await this.#storage.remove(storageId);
      }
      return null;
    }
  }

  // Keys whose workspace could not be added because its account needs payment (402): valid keys,
  // but nothing of the workspace, not even its id, can be read until that account pays. They are
  // kept where the other keys are (encrypted when remembered), tried again at each start and by
  // retryWaitingKeys(), and never shown.
  #waiting = new Map(); // storage id (WAITING + uuid) -> key

  waitingKeys() {
    return this.#waiting.size;
  }

  // Tries each waiting key again: a key its account has paid for opens its workspace, a refused
  // one (401) is forgotten, one still answered 402 waits on. An unreachable server throws and
  // keeps them all. -> {added: WorkspaceSummary[], waiting: number}
  async retryWaitingKeys() {
    const added = [];
    for (const [id, key] of [...this.#waiting]) {
      const opened = await this.#reopen(id, key);
      if (opened) added.push(opened);
    }
    this.#sync();
    for (const id of added) this.#keyUsable(id);
    return { added: added.map((id) => this.#byId.get(id)).filter(Boolean), waiting: this.#waiting.size };
  }

  async forgetWaitingKeys() {
    for (const id of [...this.#waiting.keys()]) {
      await this.#storage.remove(id);
      this.#waiting.delete(id);
    }
  }

  get activeWorkspace() {
    const id = this.#snapshot.active;
    return id ? (this.#byId.get(id) ?? null) : null;
  }

  supports(feature) {
    if (feature === 'workspace_lifecycle') return this.#snapshot.lifecycle === 'supported';
    return false;
  }

  // The role table lives in the core; the active workspace's answers came with its summary.
  can(action) {
    return this.activeWorkspace?.permissions?.[action] === true;
  }

  permissionTable() {
    return JSON.parse(this.#store.permissions());
  }

  subscribe(listener) {
    if (typeof listener !== 'function') throw new TypeError('subscribe: listener must be a function');
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async addWorkspace({ apiKey } = {}) {
    let out;
    try {
      out = await this.#probe(apiKey);
    } catch (e) {
      if (e instanceof WorkspaceError && e.status === 402) {
        // Kept to be tried again (waitingKeys); the caller still hears why it is not open.
        if (![...this.#waiting.values()].includes(apiKey)) {
          const id = `${WAITING}${crypto.randomUUID()}`;
          await this.#storage.save(id, apiKey);
          this.#waiting.set(id, apiKey);
        }
        e.keyKept = true;
      }
      throw e;
    }
    await this.#storage.save(out.workspace_id, apiKey);
    this.#onSession.delete(out.workspace_id);
    this.#sync();
    this.#refused.accepted([out.workspace_id]);
    this.#keyUsable(out.workspace_id);
    return this.#byId.get(out.workspace_id);
  }

  switchWorkspace(id) {
    const summary = coreAnswer(this.#store.switchTo(String(id)));
    const workspaces = this.#snapshot.workspaces.map((w) => {
      if (w.id === summary.id) return summary;
      if (!w.active) return w;
      const off = { ...w, active: false };
      this.#byId.set(w.id, off);
      return off;
    });
    this.#snapshot = { ...this.#snapshot, active: summary.id, workspaces };
    this.#byId.set(summary.id, summary);
    this.#emit();
    return summary;
  }

  close() {
    this.#onlineTarget?.removeEventListener?.('online', this.#onOnline);
    this.#netListeners.clear();
    this.#store.delete();
    this.#listeners.clear();
  }

  // --- internals ---

  #activeId() {
    const id = this.#snapshot.active;
    if (!id) throw new WorkspaceError('No workspace is active.', { status: 404 });
    return id;
  }

  #snapshotNow() {
    return JSON.parse(this.#store.snapshot());
  }

  #sync() {
    const before = this.#byId;
    this.#snapshot = this.#snapshotNow();
    this.#byId = new Map(this.#snapshot.workspaces.map((w) => [w.id, w]));
    // A workspace this client knew that the server no longer lists was deleted elsewhere: its
    // waiting edits cannot be sent; they become problems the user can read and dismiss.
    for (const id of before?.keys() ?? []) {
      if (!this.#byId.has(id) && !this.#deleting.has(id) && this.outbox?.pending(id).length) {
        this.outbox.discard(id, { problem: 'This workspace was deleted (elsewhere), so this edit could not be sent.' }).catch(() => {});
      }
    }
    for (const id of this.#views.keys()) if (!this.#byId.has(id)) this.#views.delete(id);
    this.#emit();
  }

  #emit() {
    const state = { active: this.activeWorkspace, workspaces: this.#snapshot.workspaces };
    for (const listener of [...this.#listeners]) {
      try {
        listener(state);
      } catch (e) {
        queueMicrotask(() => {
          throw e;
        });
      }
    }
  }

  #part(id, part) {
    const summary = this.#byId.get(id);
    if (!summary) throw new WorkspaceError('Workspace not found.', { status: 404 });
    const rev = summary.revisions?.[part] ?? 0;
    let views = this.#views.get(id);
    if (!views) this.#views.set(id, (views = new Map()));
    const cached = views.get(part);
    if (cached && cached.rev === rev) return cached.value;
    const value = Object.freeze(coreAnswer(this.#store.view(id, part)));
    views.set(part, { rev, value });
    return value;
  }

  async #probe(apiKey) {
    if (typeof apiKey !== 'string') throw new WorkspaceError('The api key field is required.', { status: 422, errors: { api_key: ['The api key field is required.'] } });
    const req = coreAnswer(this.#store.probeKey(apiKey));
    return this.#perform(req);
  }

  // Begins through the store (which picks the key of `workspaceId`), fetches, applies.
  async #send(workspaceId, kind, params, { sync = true, keepText = false } = {}) {
    const req = coreAnswer(this.#store.beginRequest(workspaceId, kind, JSON.stringify(params ?? {})));
    return this.#perform(req, { sync, keepText });
  }

  async #perform(req, { sync = true, keepText = false, idempotencyKey } = {}) {
    let status = 0;
    let text = '';
    // The transport never throws for HTTP: status 0 is "could not be reached" for the core.
    ({ status, text } = await this.#transport.exchange({ url: this.#base + req.path, method: req.method, headers: req.headers, body: req.body }, { idempotencyKey }));
    const out = JSON.parse(this.#store.applyResponse(req.request_id, status, text));
    if (status === 401 && req.workspace_id && !String(req.kind).startsWith('account.')) this.#refused.refused(req.workspace_id);
    if (sync && out.outcome !== 'dropped') this.#sync();
    if (out.outcome === 'error') {
      if (status === 402) this.#paymentFrom(req, text);
      throw new WorkspaceError(out.error?.message ?? 'Request failed', { status: out.status, errors: out.error?.errors ?? {} });
    }
    // Only the two answers that carry a new key are kept, and only to hand it to the storage.
    if (keepText) Object.defineProperty(out, 'responseText', { value: text, enumerable: false });
    return out;
  }

  async #queue(op) {
    const queued = await this.outbox.enqueue(this.#activeId(), op);
    this.outbox.flush(queued.entry.workspace_id);
    return queued;
  }

  // One outbox entry, begun through the store (which holds the key of its workspace) at send time.
  async #sendQueued(entry) {
    const params = { body: entry.body };
    if (entry.post_id) params.post_id = entry.post_id;
    // After a 402 the workspace's writes stop: the edit is kept (in problems), not sent again.
    const held = this.#blocked(entry.workspace_id, 'PUT');
    if (held) return { ok: false, transient: false, status: 402, message: held.message, errors: {} };
    let req;
    try {
      req = coreAnswer(this.#store.beginRequest(entry.workspace_id, entry.kind, JSON.stringify(params)));
    } catch (e) {
      if (!(e instanceof WorkspaceError)) throw e;
      // No key (yet) for that workspace, or not known yet after a reload: the edit waits for one.
      if (e.status === 401 || e.status === 404) return { ok: false, transient: true, held: 'key', status: e.status, message: e.message, errors: e.errors };
      return { ok: false, transient: false, status: e.status, message: e.message, errors: e.errors };
    }
    try {
      const out = await this.#perform(req, { idempotencyKey: entry.idempotency_key });
      return { ok: true, post_id: out.post_id ?? entry.post_id };
    } catch (e) {
      if (!(e instanceof WorkspaceError)) throw e;
      // A deleted post that is already gone is what the user wanted.
      if (entry.kind === 'posts.delete' && e.status === 404) return { ok: true, post_id: entry.post_id };
      // A refused credential holds the queue until a usable one arrives (sessions.open,
      // addWorkspace, issueKey): nothing is dropped.
      const transient = e.status === 0 || e.status === 429 || e.status === 408 || e.status >= 500 || e.status === 401;
      return { ok: false, transient, ...(e.status === 401 ? { held: 'credential' } : {}), status: e.status, message: e.message, errors: e.errors };
    }
  }

  async #listWorkspaces() {
    if (this.supports('workspace_lifecycle')) await this.#send('', 'account.workspaces.list', {});
    return this.#snapshot.workspaces;
  }

  async #createWorkspace({ name } = {}) {
    const params = { name };
    // The device's session for the new workspace comes in the same answer: no key is made.
    if (this.#device) Object.assign(params, { device_id: this.#device.id, device_name: this.#device.name });
    const out = await this.#send('', 'account.workspaces.create', params, { keepText: true });
    // The new workspace's key came in this answer; persist it only if the caller opted in.
    const answer = JSON.parse(out.responseText);
    const key = answer?.api_key?.plain_token;
    if (answer?.session?.token) this.#onSession.add(out.workspace_id);
    else if (typeof key === 'string' && key) await this.#storage.save(out.workspace_id, key);
    return this.#byId.get(out.workspace_id);
  }

  async #updateWorkspace(id, patch = {}) {
    const { brand, logo, ...rest } = patch;
    const fields = { ...rest };
    if (logo !== undefined) fields.logo_url = logo;
    if ('name' in fields || 'logo_url' in fields) await this.#send(id, 'account.workspaces.update', fields);
    if (brand !== undefined) await this.#send(id, 'account.workspaces.brand', brand);
    return this.#byId.get(id);
  }

  async #removeWorkspace(id, { confirmName } = {}) {
    this.#deleting.add(String(id));
    try {
      await this.#send(id, 'account.workspaces.delete', { confirm_name: confirmName });
      await this.#storage.remove(id);
      this.#views.delete(id);
      // Deleting a workspace deletes its posts: edits still waiting for it go with them.
      await this.outbox?.discard(id);
    } finally {
      this.#deleting.delete(String(id));
    }
  }

  // A listed workspace this client holds no key for gets one (Owner/Admin, account API only).
  async #issueKey(id, { name = 'Dashboard', expiresAt } = {}) {
    const params = { name };
    if (expiresAt !== undefined) params.expires_at = expiresAt;
    const out = await this.#send(id, 'account.api_keys.create', params, { keepText: true });
    const key = JSON.parse(out.responseText)?.plain_token;
    if (typeof key === 'string' && key) await this.#storage.save(id, key);
    this.#onSession.delete(id);
    this.#refused.accepted([id]);
    this.#keyUsable(id);
    return this.#byId.get(id);
  }

  async #members(id) {
    await this.#send(id, 'account.members.list', {});
    return this.#part(id, 'members');
  }

  // Walks every page for the workspace active when called; a switch meanwhile does not redirect it.
  // Page 1 tells the last page; the rest are fetched `concurrency` at a time (the core keys them
  // by page and swaps the whole list in once every page is there, whatever order they came in).
  async #refreshPosts(id, { concurrency = 6 } = {}) {
    try {
      const first = await this.#send(id, 'posts.list', {}, { sync: false });
      if (first.outcome === 'applied' && first.next) {
        const refresh = first.next.refresh;
        let last = Number.isInteger(first.last_page) ? first.last_page : 0;
        let page = 2;
        let stop = false;
        const walker = async () => {
          while (!stop && page <= last) {
            const n = page++;
            let out;
            try {
              out = await this.#send(id, 'posts.list', { page: n, refresh }, { sync: false });
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
          while (out.outcome === 'applied' && out.next) out = await this.#send(id, 'posts.list', out.next, { sync: false });
        }
      }
    } catch (e) {
      // Deleted mid-walk (404) or overtaken by a newer refresh (409): not an error for the caller.
      if (!(e instanceof WorkspaceError && (e.status === 404 || e.status === 409))) throw e;
    }
    this.#sync();
    return this.#byId.has(id) ? this.#part(id, 'posts') : [];
  }

  // --- documented resources (resources.js), network events, 402 blocks, flush triggers ---

  #installResources() {
    const io = {
      core: this.#core,
      begin: (ws, d) => JSON.parse(this.#core.store_begin_endpoint(this.#store, String(ws ?? ''), JSON.stringify(d))),
      finish: (ws, meta, text) => JSON.parse(this.#core.store_finish_endpoint(this.#store, String(ws ?? ''), JSON.stringify(meta), text ?? '')),
      exchange: (req, opts) => this.#transport.exchange(req, opts),
      fetch: this.#fetch,
      base: this.#base,
      onFailure: (e) => this.#failed(e),
      onSuccess: (ws) => {
        // The server answered this workspace: whatever blocked it has lifted.
        if (ws && this.#clearPayment(ws)) this.#netEmit({ kind: 'payment-clear', workspaceId: ws });
      },
      blocked: (ws, method) => this.#blocked(ws, method),
    };
    const { bound, account } = createResources(io);
    const shape = (b) => ({
      labels: b.labels, signatures: b.signatures, socialAccounts: b.socialAccounts, media: b.media,
      apiKeys: b.apiKeys, contentTypes: b.contentTypes, team: b.team, posts: b.postDetails,
    });
    // The workspace is read when a call is made, never when its answer arrives.
    const active = shape(bound(() => this.#activeId()));
    Object.assign(this.posts, active.posts);
    delete active.posts;
    Object.assign(this, active);
    this.invites = account.invites;
    this.account = { usage: account.usage, me: account.me, sessions: account.sessions };
    this.#usage = account.usage;
    // client.in(id): the same calls bound to one named workspace, active or not.
    this.in = (workspaceId) => shape(bound(() => String(workspaceId)));
  }

  #usage = null;

  // onNetwork(listener): {kind: 'ok'|'offline'|'online'|'rate'|'rate-clear'|'payment'|'payment-clear', ...}
  onNetwork(listener) {
    if (typeof listener !== 'function') throw new TypeError('onNetwork: listener must be a function');
    this.#netListeners.add(listener);
    return () => this.#netListeners.delete(listener);
  }

  // What a 402 said for this workspace (default: the active one), while it holds; else null.
  paymentBlock(workspaceId) {
    const ws = workspaceId ?? this.#snapshot.active;
    const b = ws ? this.#paymentBlocks.get(String(ws)) : null;
    if (!b) return null;
    if (b.until && Date.now() >= b.until.getTime()) {
      this.#paymentBlocks.delete(String(ws));
      return null;
    }
    return { ...b };
  }

  #netEmit(ev) {
    for (const l of [...this.#netListeners]) {
      try {
        l(ev);
      } catch (e) {
        queueMicrotask(() => {
          throw e;
        });
      }
    }
  }

  // Requests now waiting out a 429. The wait is over when the last of them tries again, not when
  // some other request answers: one that was already on its way must not hide the notice.
  #rateWaits = 0;
  #attempted({ status, decision, resumedFromRate }) {
    if (resumedFromRate) this.#rateWaits = Math.max(0, this.#rateWaits - 1);
    if (status === 0) this.#netEmit({ kind: 'offline' });
    else if (status < 400) this.#netEmit({ kind: 'ok' });
    if (decision?.retry && decision.reason === 'rate_limited') {
      this.#rateWaits++;
      this.#netEmit({ kind: 'rate', seconds: Math.ceil(decision.delay_ms / 1000), waiting: this.#rateWaits });
    } else if (resumedFromRate && this.#rateWaits === 0) this.#netEmit({ kind: 'rate-clear' });
  }

  // A 402 answered by a Store request (refresh, outbox): read by the core like any other.
  // It holds the workspace it answered for, or the signed-in account when the account API answered.
  // A key's probe (workspace.probe) answers for a workspace not known yet, perhaps another
  // account's: the caller gets the error, and nothing is held.
  #paymentFrom(req, text) {
    const ws = req.workspace_id ?? '';
    if (!ws && !String(req.kind).startsWith('account.')) return;
    const endpoint = ws ? 'workspace.get' : 'account.me';
    try {
      const read = JSON.parse(this.#core.store_finish_endpoint(this.#store, ws, JSON.stringify({ endpoint, status: 402, now: Math.floor(Date.now() / 1000) }), text ?? ''));
      if (read.failure) this.#failed(new ApiError(read.failure, { endpoint, workspaceId: ws || null }));
    } catch {
      // not readable: the WorkspaceError the caller gets still says 402
    }
  }

  #failed(e) {
    if (e.status === 401 && e.workspaceId && !String(e.endpoint ?? '').startsWith('account.')) this.#refused.refused(e.workspaceId);
    if (e.status !== 402 || !e.workspaceId) {
      if (e.status === 402) this.#netEmit({ kind: 'payment', error: e });
      return;
    }
    const block = { payment: e.payment, message: e.message, until: e.until, planStatus: e.planStatus, creditsUsed: e.creditsUsed, creditsLimit: e.creditsLimit, error: e };
    const workspaceIds = this.#sharingAccount(e.workspaceId);
    for (const id of workspaceIds) this.#paymentBlocks.set(id, block);
    this.#netEmit({ kind: 'payment', workspaceId: e.workspaceId, workspaceIds, error: e, block: { ...block } });
    // Credits without a date in the answer: the account API may know when they reset.
    if (e.payment === 'credits' && !e.until && this.supports('workspace_lifecycle') && this.#usage) {
      this.#usage().then((u) => {
        const at = u?.resets_at ? new Date(`${String(u.resets_at).replace(' ', 'T')}${/Z|[+-]\d\d:?\d\d$/.test(u.resets_at) ? '' : 'Z'}`) : null;
        if (!at || Number.isNaN(at.getTime()) || this.#paymentBlocks.get(e.workspaceId) !== block) return;
        block.until = at;
        this.#netEmit({ kind: 'payment', workspaceId: e.workspaceId, workspaceIds, error: e, block: { ...block } });
      }, () => {});
    }
  }

  // The plan and the AI credits are the account's, pooled over its workspaces (docs/api-contract.md#payment-required): a 402
  // in one workspace the account API lists holds all of those. A workspace known by its key alone
  // may belong to another account, so its 402 holds only itself.
  #sharingAccount(id) {
    const all = this.#snapshot.workspaces;
    if (!all.find((w) => w.id === id)?.in_account) return [id];
    return all.filter((w) => w.in_account).map((w) => w.id);
  }

  // An answer from the server lifts the block that held this workspace, wherever else it applied.
  #clearPayment(id) {
    const block = this.#paymentBlocks.get(id);
    if (!block) return false;
    for (const [other, b] of this.#paymentBlocks) if (b === block) this.#paymentBlocks.delete(other);
    return true;
  }

  #blocked(ws, method) {
    if (!ws || String(method).toUpperCase() === 'GET') return null;
    const b = this.paymentBlock(ws);
    if (!b) return null;
    return Object.assign(new ApiError({}, {}), b.error, { local: true, message: b.message });
  }

  #listenOnline() {
    if (!this.#onlineTarget?.addEventListener || this.#onOnline) return;
    this.#onOnline = () => {
      this.#netEmit({ kind: 'online' });
      this.outbox?.flush().catch(() => {});
    };
    this.#onlineTarget.addEventListener('online', this.#onOnline);
  }

  // A workspace's key became usable (added, or issued): its held edits go out now.
  #keyUsable(workspaceId) {
    this.outbox?.flush(workspaceId).catch(() => {});
  }
}

// createClient({baseUrl, accountToken?, fetch?, storage?, outboxStorage?, transport?}) -> Promise<Client>. With an account
// token it asks the account API once, to learn whether this server offers workspace lifecycle.
export async function createClient(options = {}) {
  const core = options.core ?? (await loadCore());
  const client = new Client(core, options);
  return client.init(options.outboxStorage);
}
