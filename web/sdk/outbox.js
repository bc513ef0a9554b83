// The outbox: post edits waiting to reach the server, in order per workspace. Every change is
// written to its storage before anything is sent, so a reload (or a crash) loses nothing the user
// wrote. What a failed send means is the core's (include/trypost/outbox_failure.hpp), read from the
// answer's failure_class when the send came through the Store, else asked of classifyFailure:
// "wait" stops the workspace's queue (offline, 5xx, 429 past the transport's retries, no usable
// key yet) until the next flush; "problem" takes the entry out and keeps it, with the user's text,
// in `problems` (`conflict` on an edit refused with 422, e.g. a post published meanwhile); "done"
// is what the user wanted already (a deleted post that was gone).
//
// Entry: {id, workspace_id, kind: 'posts.create'|'posts.update'|'posts.delete', post_id?, body?,
//         idempotency_key?, local_id?, created_at}
// A create made offline answers a local id ("local:<uuid>"); later edits of that post name it, and
// the outbox rewrites it to the server's id once the create went through.
import { openDatabase, inStore } from './idb.js';
import { loadCore, askCore } from './core.js';

export function createMemoryOutboxStorage() {
  let doc = null;
  return {
    kind: 'memory',
    async load() {
      return doc ? structuredClone(doc) : null;
    },
    async save(next) {
      doc = structuredClone(next);
    },
  };
}

// One IndexedDB record holds the whole document: small, and written atomically per change.
export function createIndexedDbOutboxStorage({ name = 'trypost-outbox', indexedDB = globalThis.indexedDB } = {}) {
  if (!indexedDB) throw new TypeError('createIndexedDbOutboxStorage: IndexedDB is not available');
  let dbp = null;
  const run = async (mode, fn) => inStore(await (dbp ??= openDatabase(indexedDB, name, ['outbox'])), 'outbox', mode, fn);
  return {
    kind: 'indexeddb',
    async load() {
      return (await run('readonly', (s) => s.get('doc'))) ?? null;
    },
    async save(doc) {
      await run('readwrite', (s) => s.put(doc, 'doc'));
    },
  };
}

const LOCAL = 'local:';
export const isLocalId = (id) => typeof id === 'string' && id.startsWith(LOCAL);

// createOutbox({storage, send, core?}) where send(entry) -> {ok: true, post_id?} | {ok: false,
// stage?: 'begin'|'send'|'local', status, message, errors, failure_class?}: `stage` says where it
// stopped (refused before it was sent, the server's answer or none, refused by the shell itself;
// default 'send'); `failure_class` is the core's answer that already classified it (a Store
// answer's), so it is not asked again. send never throws for HTTP outcomes; a throw is a problem.
export async function createOutbox({ storage = createMemoryOutboxStorage(), send, core } = {}) {
  if (typeof send !== 'function') throw new TypeError('createOutbox: send is required');
  const theCore = core ?? (await loadCore());
  const doc = (await storage.load()) ?? { entries: [], ids: {}, problems: [], seq: 0 };
  const classify = (kind, r) => {
    if (typeof r.failure_class?.outcome === 'string') return r.failure_class;
    try {
      return askCore(theCore, 'classifyFailure', { kind: String(kind), status: Number.isInteger(r.status) ? r.status : 0, stage: r.stage ?? 'send' });
    } catch {
      return { outcome: 'problem', conflict: false }; // an answer the core cannot read: kept for the user
    }
  };
  const waiters = new Map(); // entry id -> [{resolve}] (this session only)
  const running = new Map(); // workspace id -> drain promise
  const listeners = new Set();
  let chain = Promise.resolve();

  // Writes are serialized so the stored document never goes back in time.
  const persist = () => (chain = chain.then(() => storage.save(doc)));
  const emit = () => {
    for (const l of [...listeners]) l(outbox.state());
  };
  const settle = (id, value) => {
    for (const w of waiters.get(id) ?? []) w(value);
    waiters.delete(id);
  };

  async function drain(ws) {
    for (;;) {
      const entry = doc.entries.find((e) => e.workspace_id === ws);
      if (!entry) return;
      const resolved = { ...entry };
      if (isLocalId(entry.post_id)) {
        const real = doc.ids[entry.post_id];
        if (!real) {
          // Its create was refused: nothing on the server to edit.
          doc.entries = doc.entries.filter((e) => e.id !== entry.id);
          doc.problems.push({ ...entry, status: 404, message: 'The post this edit was for was never created.', errors: {} });
          await persist();
          settle(entry.id, { ok: false, status: 404, entry });
          emit();
          continue;
        }
        resolved.post_id = real;
      }
      let r;
      try {
        r = await send(resolved);
      } catch (e) {
        r = { ok: false, stage: 'local', status: 0, message: e?.message ?? 'The edit could not be sent.', errors: {} };
      }
      let conflict = false;
      if (!r.ok) {
        const verdict = classify(entry.kind, r);
        if (verdict.outcome === 'wait') return; // stays first in line; the next flush tries again
        if (verdict.outcome === 'done') r = { ok: true, post_id: resolved.post_id };
        conflict = verdict.conflict === true;
      }
      doc.entries = doc.entries.filter((e) => e.id !== entry.id);
      if (r.ok && entry.local_id && r.post_id) doc.ids[entry.local_id] = r.post_id;
      if (!r.ok) {
        doc.problems.push({ ...entry, post_id: resolved.post_id, status: r.status, conflict, message: r.message, errors: r.errors ?? {} });
      }
      await persist();
      settle(entry.id, r.ok ? { ok: true, post_id: r.post_id ?? resolved.post_id, entry } : { ok: false, status: r.status, entry, message: r.message, errors: r.errors ?? {} });
      emit();
    }
  }

  function flushWorkspace(ws) {
    let p = running.get(ws);
    if (!p) {
      p = drain(ws).finally(() => running.delete(ws));
      running.set(ws, p);
    }
    return p;
  }

  const outbox = {
    // Adds an edit; resolves once it is stored (ahead of any sending). `sent` resolves when it was
    // sent (ok or refused) in this session.
    async enqueue(workspaceId, op) {
      const entry = { ...op, id: `${++doc.seq}`, workspace_id: String(workspaceId), created_at: Date.now() };
      if (entry.kind === 'posts.create') {
        entry.idempotency_key ??= globalThis.crypto.randomUUID();
        entry.local_id ??= LOCAL + globalThis.crypto.randomUUID();
      }
      doc.entries.push(entry);
      await persist();
      const sent = new Promise((resolve) => waiters.set(entry.id, [...(waiters.get(entry.id) ?? []), resolve]));
      emit();
      return { entry, sent };
    },
    // Tries every workspace's queue (in parallel across workspaces, in order within one).
    async flush(workspaceId) {
      const wss = workspaceId ? [String(workspaceId)] : [...new Set(doc.entries.map((e) => e.workspace_id))];
      await Promise.all(wss.map(flushWorkspace));
      return outbox.pending(workspaceId).length;
    },
    pending(workspaceId) {
      return doc.entries.filter((e) => !workspaceId || e.workspace_id === String(workspaceId)).map((e) => ({ ...e }));
    },
    problems() {
      return doc.problems.map((p) => ({ ...p }));
    },
    // The workspace is gone: its waiting edits can never be sent. They leave the queue and each
    // waiter hears {ok: false, status: 410}; with `problem` set they are kept in problems (with
    // that message) for the user to read and dismiss; a deletion the user asked for drops them.
    async discard(workspaceId, { problem = null } = {}) {
      const ws = String(workspaceId);
      const gone = doc.entries.filter((e) => e.workspace_id === ws);
      if (!gone.length) return 0;
      doc.entries = doc.entries.filter((e) => e.workspace_id !== ws);
      if (problem) for (const e of gone) doc.problems.push({ ...e, status: 410, message: problem, errors: {} });
      await persist();
      for (const e of gone) settle(e.id, { ok: false, status: 410, entry: e, message: problem ?? 'The workspace was deleted.', errors: {} });
      emit();
      return gone.length;
    },
    async dismissProblem(id) {
      doc.problems = doc.problems.filter((p) => p.id !== id);
      await persist();
      emit();
    },
    resolveId(id) {
      return isLocalId(id) ? (doc.ids[id] ?? null) : id;
    },
    state() {
      return { pending: doc.entries.length, problems: doc.problems.length };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async idle() {
      await chain;
    },
  };
  return outbox;
}
