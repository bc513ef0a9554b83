// The workspace client: I/O around the core's Store. The Store (C++) decides everything: which
// key signs a request, whether a role may act, whether a name or a brand is valid, where an
// answer lands. This file fetches, keeps parsed views per workspace, and tells listeners.
import { loadCore, askCore } from './core.js';
import { createMemoryKeyStorage } from './storage.js';
import { notifyListeners } from './listeners.js';
import { createTransport } from './transport.js';
import { createOutbox, createMemoryOutboxStorage } from './outbox.js';
import { createResources, ApiError } from './resources.js';
import { deviceIdentity, RefusedCredentials, endOtherDevice } from './session-credential.js';
import { WorkspaceError, coreAnswer } from './workspace-error.js';
import { PaymentBlocks } from './payment-blocks.js';
import { NetworkEvents } from './network-events.js';
import { WaitingKeys } from './waiting-keys.js';
import { walkPostPages } from './post-pages.js';
import { workspaceCalls } from './workspace-lifecycle.js';

export { WorkspaceError };

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
  // Network listeners and the online hook (network-events.js); 402 blocks (payment-blocks.js).
  #net;
  #payments;

  // Device sessions (session-credential.js): this device's id, and the workspaces whose
  // credential was refused until a new one opens.
  #device = null;
  #onSession = new Set(); // workspaces this client reaches with a session, not a key
  #refused = new RefusedCredentials((ev) => this.#net.emit(ev));
  #accountFailure = null; // why the account API did not list the workspaces at start

  constructor(core, { baseUrl, accountToken, fetch, storage, transport, onlineEvents, deviceId, deviceName, webStorage, sessions = true }) {
    this.#core = core;
    this.#store = new core.Store();
    this.#base = normalizeBase(baseUrl);
    this.#fetch = fetch ?? globalThis.fetch?.bind(globalThis);
    if (typeof this.#fetch !== 'function') throw new TypeError('createClient: no fetch available');
    this.#storage = storage ?? createMemoryKeyStorage();
    // Retries (asked of the core's decideRetry) wrap every request the client makes.
    this.#transport = createTransport({
      core, fetch: this.#fetch, ...(transport ?? {}),
      onAttempt: (a) => {
        transport?.onAttempt?.(a);
        this.#net.attempted(a);
      },
    });
    if (accountToken) coreAnswer(this.#store.setAccountToken(accountToken));
    if (accountToken && sessions !== false) this.#device = deviceIdentity({ deviceId, deviceName, webStorage });
    this.#net = new NetworkEvents(onlineEvents ?? (typeof globalThis.addEventListener === 'function' ? globalThis : null));
    this.#waiting = new WaitingKeys(this.#storage);
    this.#payments = new PaymentBlocks(core, {
      emit: (ev) => this.#net.emit(ev),
      workspaces: () => this.#snapshot.workspaces.map((w) => ({ id: w.id, in_account: w.in_account === true })),
      // Credits without a date in the answer: the account API may know when they reset.
      accountApi: () => this.supports('workspace_lifecycle') && this.#usage !== null,
      usage: () => this.#usage(),
    });

    const client = this;
    this.workspaces = workspaceCalls({
      send: (ws, kind, params, options) => client.#send(ws, kind, params, options),
      supports: (feature) => client.supports(feature),
      known: () => client.#snapshot.workspaces,
      summary: (id) => client.#byId.get(id),
      part: (id, part) => client.#part(id, part),
      device: () => client.#device,
      storage: this.#storage,
      onSession: this.#onSession,
      views: this.#views,
      deleting: this.#deleting,
      outbox: () => client.outbox,
      refused: this.#refused,
      keyUsable: (id) => client.#keyUsable(id),
    });
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
      // Another device of this person, signed out of every workspace (session-credential.js).
      end: (deviceId) => endOtherDevice({ supported: client.supports('device_sessions'), own: client.#device?.id, revoke: client.account.sessions.revoke }, deviceId),
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
      // The status each action sends is the core's (post_action.hpp).
      schedule: (postId, scheduledAt, body = {}) =>
        client.#queue({ kind: 'posts.update', post_id: String(postId), body: { ...body, status: client.#sends('schedule'), scheduled_at: scheduledAt } }),
      publishNow: (postId, body = {}) => client.#queue({ kind: 'posts.update', post_id: String(postId), body: { ...body, status: client.#sends('publish') } }),
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
    this.outbox = await createOutbox({ storage: outboxStorage ?? createMemoryOutboxStorage(), send: (e) => this.#sendQueued(e), core: this.#core });
    this.#net.listenOnline(() => this.outbox?.flush().catch(() => {}));
    // The stored keys are read (an IndexedDB open and a decryption when remembered) while the
    // account API is asked: neither needs the other.
    const stored = this.#storage.load();
    stored.catch(() => {}); // awaited below
    if (this.#snapshotNow().lifecycle === 'unknown') {
      try {
        await this.#send('', 'account.workspaces.list', {});
      } catch (e) {
        if (!(e instanceof WorkspaceError)) throw e;
        // The core reads a server without the account API (failure_class: unsupported) and now
        // reports lifecycle unsupported; any other failure leaves it unknown, keys work as ever.
        // The page asks accountFailure() what it meant (a refused token, no account API).
        this.#accountFailure = e;
      }
    }
    for (const { workspaceId, key } of await stored) {
      this.#waiting.restored(workspaceId, key);
      await this.#waiting.reopen(workspaceId, key, (k) => this.#probe(k));
    }
    // After the stored keys: a listed workspace works on this device's session, not a key.
    if (this.#device && this.supports('workspace_lifecycle')) {
      try {
        await this.#openSessions();
      } catch (e) {
        if (!(e instanceof WorkspaceError)) throw e;
        // An account API without sessions (the core's failure_class: unsupported): keys only.
        // Anything else leaves the workspaces listed without a credential; sessions.open() tries again.
        if (e.failureClass.unsupported === true) {
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
    // Refused before sending, in the core's words like any other refusal (unsupported).
    if (!this.#device) throw new WorkspaceError('Sessions need an account token.', { status: 501, failureClass: askCore(this.#core, 'classifyFailure', { kind: 'account.sessions.open', status: 501, stage: 'begin' }) });
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

  accountFailure() {
    return this.#accountFailure;
  }

  // 'session' | 'key' | null: what this client reaches the workspace with (never the secret).
  credentialKind(workspaceId) {
    const ws = this.#byId.get(String(workspaceId));
    if (!ws?.has_key) return null;
    return this.#onSession.has(ws.id) ? 'session' : 'key';
  }

  // Keys kept because their account needs payment (waiting-keys.js).
  #waiting;

  waitingKeys() {
    return this.#waiting.size;
  }

  // Tries each waiting key again: a key its account has paid for opens its workspace, a refused
  // one (401) is forgotten, one still answered 402 waits on. An unreachable server throws and
  // keeps them all. -> {added: WorkspaceSummary[], waiting: number}
  async retryWaitingKeys() {
    const added = [];
    for (const [id, key] of this.#waiting.entries()) {
      const opened = await this.#waiting.reopen(id, key, (k) => this.#probe(k));
      if (opened) added.push(opened);
    }
    this.#sync();
    for (const id of added) this.#keyUsable(id);
    return { added: added.map((id) => this.#byId.get(id)).filter(Boolean), waiting: this.#waiting.size };
  }

  async forgetWaitingKeys() {
    await this.#waiting.forget();
  }

  get activeWorkspace() {
    const id = this.#snapshot.active;
    return id ? (this.#byId.get(id) ?? null) : null;
  }

  supports(feature) {
    if (feature === 'workspace_lifecycle') return this.#snapshot.lifecycle === 'supported';
    // This client opened its device's sessions on an account API that has them.
    if (feature === 'device_sessions') return this.#device !== null && this.#snapshot.lifecycle === 'supported';
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
      if (e instanceof WorkspaceError && e.failureClass.payment_required === true) {
        // Only paying helps: kept to be tried again (waitingKeys); the caller still hears why it is not open.
        await this.#waiting.keep(apiKey);
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
    this.#net.close();
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
    notifyListeners(this.#listeners, { active: this.activeWorkspace, workspaces: this.#snapshot.workspaces });
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
    // A refusal before sending carries the core's reading of it too (a superseded walk: quiet).
    const req = coreAnswer(this.#store.beginRequest(workspaceId, kind, JSON.stringify(params ?? {})));
    return this.#perform(req, { sync, keepText });
  }

  async #perform(req, { sync = true, keepText = false } = {}) {
    // The transport never throws for HTTP: status 0 is "could not be reached" for the core. The
    // built request says whether it may go again (idempotent).
    const { status, text } = await this.#transport.exchange({ url: this.#base + req.path, method: req.method, headers: req.headers, body: req.body, idempotent: req.idempotent });
    const out = JSON.parse(this.#store.applyResponse(req.request_id, status, text));
    const failureClass = out.failure_class ?? {};
    if (failureClass.credential_refused) this.#refused.refused(req.workspace_id);
    if (sync && out.outcome !== 'dropped') this.#sync();
    if (out.outcome === 'error') {
      if (failureClass.payment_required) this.#paymentFrom(req, status, text);
      throw new WorkspaceError(out.error?.message ?? 'Request failed', { status: out.status, errors: out.error?.errors ?? {}, failureClass });
    }
    // Only the two answers that carry a new key are kept, and only to hand it to the storage.
    if (keepText) Object.defineProperty(out, 'responseText', { value: text, enumerable: false });
    return out;
  }

  #sends(action) {
    return askCore(this.#core, 'describePostActions', {}).sends[action];
  }

  async #queue(op) {
    const queued = await this.outbox.enqueue(this.#activeId(), op);
    this.outbox.flush(queued.entry.workspace_id);
    return queued;
  }

  // One outbox entry, begun through the store (which holds the key of its workspace) at send time.
  // -> {ok: true, post_id} | {ok: false, stage, status, message, errors, failure_class?}: what the
  // failure means for the queue (wait, done, problem) is the core's, carried by the Store's answer.
  async #sendQueued(entry) {
    const params = { body: entry.body };
    if (entry.post_id) params.post_id = entry.post_id;
    // After a 402 the workspace's writes stop: the edit is kept (in problems), not sent again.
    const held = this.#payments.refusal(entry.workspace_id, 'PUT');
    if (held) return { ok: false, stage: 'local', status: held.status, message: held.message, errors: {} };
    // A create's key: the core writes its header (or refuses the key) as it begins the request.
    if (entry.idempotency_key) params.idempotency_key = entry.idempotency_key;
    let req;
    try {
      req = coreAnswer(this.#store.beginRequest(entry.workspace_id, entry.kind, JSON.stringify(params)));
    } catch (e) {
      if (!(e instanceof WorkspaceError)) throw e;
      return { ok: false, stage: 'begin', status: e.status, message: e.message, errors: e.errors, failure_class: e.failureClass };
    }
    try {
      const out = await this.#perform(req);
      return { ok: true, post_id: out.post_id ?? entry.post_id };
    } catch (e) {
      if (!(e instanceof WorkspaceError)) throw e;
      return { ok: false, stage: 'send', status: e.status, message: e.message, errors: e.errors, failure_class: e.failureClass };
    }
  }

  // Walks every page for the workspace active when called; a switch meanwhile does not redirect it.
  async #refreshPosts(id, options) {
    await walkPostPages((params) => this.#send(id, 'posts.list', params, { sync: false }), options);
    this.#sync();
    return this.#byId.has(id) ? this.#part(id, 'posts') : [];
  }

  // --- documented resources (resources.js), network events, 402 blocks, flush triggers ---

  #installResources() {
    const io = {
      core: this.#core,
      begin: (ws, d) => JSON.parse(this.#core.beginEndpointCall(this.#store, String(ws ?? ''), JSON.stringify(d))),
      finish: (ws, meta, text) => JSON.parse(this.#core.finishEndpointCall(this.#store, String(ws ?? ''), JSON.stringify(meta), text ?? '')),
      exchange: (req, opts) => this.#transport.exchange(req, opts),
      fetch: this.#fetch,
      base: this.#base,
      onFailure: (e) => this.#failed(e),
      onSuccess: (ws) => {
        // The server answered this workspace: whatever blocked it has lifted.
        if (ws && this.#payments.answered(ws)) this.#net.emit({ kind: 'payment-clear', workspaceId: ws });
      },
      blocked: (ws, method) => this.#payments.refusal(ws, method),
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
    return this.#net.subscribe(listener);
  }

  // What a 402 said for this workspace (default: the active one), while it holds; else null.
  paymentBlock(workspaceId) {
    const ws = workspaceId ?? this.#snapshot.active;
    return ws ? this.#payments.get(ws) : null;
  }

  // A 402 answered by a Store request (refresh, outbox): read by the core like any other. Whether
  // it blocks anything is the core's decision on the request's kind (a key's probe answers for a
  // workspace not known yet, perhaps another account's: nothing is held).
  #paymentFrom(req, status, text) {
    const ws = req.workspace_id ?? '';
    const endpoint = ws ? 'workspace.get' : 'account.me';
    try {
      const read = JSON.parse(this.#core.finishEndpointCall(this.#store, ws, JSON.stringify({ endpoint, status, now: Math.floor(Date.now() / 1000) }), text ?? ''));
      if (read.failure) this.#payments.failed(new ApiError(read.failure, { endpoint, workspaceId: ws || null }), req.kind);
    } catch {
      // not readable: the WorkspaceError the caller gets still says 402
    }
  }

  #failed(e) {
    if (e.credentialRefused) this.#refused.refused(e.workspaceId);
    this.#payments.failed(e);
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
