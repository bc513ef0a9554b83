// The documented resources, each call bound to the workspace that made it. The request is built
// by the core (beginEndpointCall: build_request plus the key of THAT workspace, or the account
// token with that workspace's id), sent by the transport, and read by the core
// (finishEndpointCall: parse_response, the failure's meaning, 402 credits or plan). This file
// names endpoints and moves JSON; it writes no URL and decides no rule.

// A failed call, in the core's words. `errors` keeps the API's dotted field paths (422);
// `kind` says what it means: key_invalid, session_expired, pinterest_token_expired,
// payment_required, forbidden, not_found, conflict, validation, rate_limited,
// upstream_unavailable, server_error, network, unsupported, ...
export class ApiError extends Error {
  constructor(failure = {}, { endpoint = null, workspaceId = null, local = false } = {}) {
    super(failure.message || 'The request failed.');
    this.name = 'ApiError';
    this.status = failure.status ?? 0;
    this.kind = failure.kind ?? 'client_error';
    this.errors = failure.errors ?? {};
    this.fields = Object.keys(this.errors);
    this.endpoint = endpoint;
    this.workspaceId = workspaceId;
    this.local = local; // refused before anything was sent
    this.credentialRefused = failure.credential_refused === true; // the workspace's own credential: sign in again
    this.paymentRequired = failure.payment_required === true; // the server answered 402: a payment block starts
    this.retryAfterSeconds = failure.retry_after_seconds ?? null;
    this.until = failure.until_iso ? new Date(failure.until_iso) : null;
    this.untilIso = failure.until_iso ?? null;
    this.payment = failure.payment ?? null; // 'credits' | 'plan' | 'unknown' on a 402
    this.planStatus = failure.plan_status ?? null;
    this.creditsUsed = failure.credits_used ?? null;
    this.creditsLimit = failure.credits_limit ?? null;
    this.workspaceKeyNeedsAttention = failure.workspace_key_needs_attention === true;
    this.reconnectAccount = failure.reconnect_account === true;
    this.stopCreditActions = failure.stop_credit_actions === true;
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function freeze(value) {
  return value && typeof value === 'object' ? Object.freeze(value) : value;
}

// Whether a runtime can stream a request body (and so report real upload progress). Browsers
// stream request bodies only over HTTP/2 or later, which a page cannot see beforehand, so the
// page default is the staged report; Node's fetch streams over HTTP/1.1 too.
function canStreamUploads() {
  if (typeof window !== 'undefined') return false;
  try {
    let duplexRead = false;
    const has = new Request('http://x.invalid/', {
      body: new ReadableStream(),
      method: 'POST',
      get duplex() {
        duplexRead = true;
        return 'half';
      },
    }).headers.has('Content-Type');
    return duplexRead && !has;
  } catch {
    return false;
  }
}

// io: {core, begin(ws, description), finish(ws, meta, text), exchange(req, opts), fetch, base,
//      activeId(), onFailure(error), onSuccess(ws, endpoint, method), blocked(ws, method)}
export function createResources(io) {
  function localError(ws, endpoint, answer) {
    // The meaning of a local refusal is asked of the core too (same words as a server answer).
    let failure = { status: answer.status ?? 400, message: answer.error, errors: answer.errors ?? {} };
    try {
      const read = io.finish(ws, { endpoint, status: failure.status || 400, stage: 'begin', now: nowSeconds() }, JSON.stringify({ message: answer.error, errors: answer.errors ?? {} }));
      if (read.failure) failure = read.failure;
    } catch {
      // an unknown endpoint: keep the plain refusal
    }
    return new ApiError(failure, { endpoint, workspaceId: ws, local: true });
  }

  function begin(ws, description) {
    const begun = io.begin(ws, description);
    if (typeof begun.error === 'string') throw localError(ws, description.endpoint, begun);
    // After a 402 the credit-gated writes of that workspace stop until the block lifts.
    const held = io.blocked?.(begun.workspace_id ?? ws, begun.method);
    if (held) throw held;
    return begun;
  }

  function read(ws, begun, r) {
    const headers = {};
    if (r.retryAfter != null) headers['retry-after'] = String(r.retryAfter);
    const out = io.finish(ws, { endpoint: begun.endpoint, status: r.status, headers, now: nowSeconds() }, r.text ?? '');
    if (typeof out.error === 'string') throw new ApiError({ status: 0, kind: 'malformed', message: out.error }, { endpoint: begun.endpoint, workspaceId: ws });
    if (!out.ok) {
      const err = new ApiError(out.failure, { endpoint: begun.endpoint, workspaceId: ws });
      io.onFailure?.(err);
      throw err;
    }
    io.onSuccess?.(ws, begun.endpoint, begun.method);
    return out;
  }

  // One JSON call: {data, page?}.
  async function send(ws, description, { idempotencyKey } = {}) {
    const d = idempotencyKey ? { ...description, idempotency_key: idempotencyKey } : description;
    const begun = begin(ws, d);
    // The begun request carries its key's header and says whether it may go again.
    const r = await io.exchange({ url: io.base + begun.url, method: begun.method, headers: begun.headers, body: begun.body ?? undefined, idempotent: begun.idempotent });
    return read(ws, begun, r);
  }
  const data = async (...args) => freeze((await send(...args)).data);

  // Creates carry an idempotency key, so the transport may send them again after a lost answer.
  const create = (ws, description) => data(ws, description, { idempotencyKey: globalThis.crypto.randomUUID() });

  // Labels and signatures are checked by the core's own rule first: the same words, at the same
  // field, before and after the server.
  function checked(rule, method, ws, description, go) {
    const workspace = ws;
    const verdict = JSON.parse(io.core[rule](JSON.stringify({ method, body: description.body ?? {} })));
    if (verdict.valid === false || typeof verdict.error === 'string') {
      const answer = { error: verdict.message ?? verdict.error, status: verdict.status ?? 422, errors: verdict.errors ?? {} };
      return Promise.reject(localError(workspace, description.endpoint, answer));
    }
    return go(workspace, description);
  }

  // Multipart upload of one file (field "media"). Progress: queued, sending (loaded/total),
  // done or failed. A streamed body reports bytes as they leave; otherwise "sending" is reported
  // at 0 and the total when the answer arrives.
  async function upload(ws, postId, file, { filename, onProgress, streaming = 'auto' } = {}) {
    const total = file?.size ?? 0;
    const report = (stage, extra = {}) => {
      try {
        onProgress?.({ stage, loaded: 0, total, ...extra });
      } catch {
        // a failing listener does not stop the upload
      }
    };
    report('queued');
    let begun;
    try {
      begun = begin(ws, { endpoint: 'posts.media.upload', params: { post: String(postId) } });
    } catch (e) {
      report('failed', { error: e });
      throw e;
    }
    const name = filename ?? file?.name ?? 'upload';
    const stream = streaming === true || (streaming === 'auto' && canStreamUploads());
    let body;
    const headers = { ...begun.headers };
    const init = { method: begun.method, headers };
    if (stream) {
      const boundary = `----trypost${globalThis.crypto.randomUUID().replace(/-/g, '')}`;
      const enc = new TextEncoder();
      const safeName = String(name).replace(/["\r\n\\]/g, '_');
      const head = enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="${safeName}"\r\nContent-Type: ${file.type || 'application/octet-stream'}\r\n\r\n`);
      const tail = enc.encode(`\r\n--${boundary}--\r\n`);
      const reader = file.stream().getReader();
      let loaded = 0;
      let stage = 0; // 0 head, 1 file, 2 tail, 3 done
      body = new ReadableStream({
        async pull(ctl) {
          if (stage === 0) {
            stage = 1;
            report('sending', { loaded: 0 });
            return ctl.enqueue(head);
          }
          if (stage === 1) {
            const { value, done } = await reader.read();
            if (!done) {
              loaded += value.byteLength;
              ctl.enqueue(value);
              report('sending', { loaded });
              return undefined;
            }
            stage = 2;
          }
          if (stage === 2) {
            stage = 3;
            return ctl.enqueue(tail);
          }
          return ctl.close();
        },
      });
      headers['Content-Type'] = `multipart/form-data; boundary=${boundary}`;
      init.duplex = 'half';
    } else {
      body = new FormData();
      body.append('media', file, name);
      report('sending', { loaded: 0 });
    }
    init.body = body;
    let status = 0;
    let text = '';
    let retryAfter = null;
    try {
      const res = await io.fetch(io.base + begun.url, init);
      status = res.status;
      retryAfter = res.headers.get('retry-after');
      text = status === 204 ? '' : await res.text();
    } catch {
      status = 0; // the fetch error may quote the URL; the status says enough
    }
    try {
      const out = read(ws, begun, { status, text, retryAfter });
      report('done', { loaded: total });
      return freeze(out.data);
    } catch (e) {
      report('failed', { error: e });
      throw e;
    }
  }

  // Attach by URL (<= 10 per call, the server fetches them). Progress: queued, sending, then
  // done {attached_count, failed_urls} or failed {error}.
  async function attachFromUrl(ws, postId, urls, { onProgress } = {}) {
    const list = (Array.isArray(urls) ? urls : [urls]).map((u) => (typeof u === 'string' ? { url: u } : u));
    const report = (stage, extra = {}) => {
      try {
        onProgress?.({ stage, count: list.length, ...extra });
      } catch {
        // a failing listener does not stop the attach
      }
    };
    report('queued');
    try {
      const begun = begin(ws, { endpoint: 'posts.media.from_url', params: { post: String(postId) }, body: { urls: list } });
      report('sending');
      const r = await io.exchange({ url: io.base + begun.url, method: begun.method, headers: begun.headers, body: begun.body ?? undefined, idempotent: begun.idempotent });
      const out = freeze(read(ws, begun, r).data);
      report('done', { attached_count: out.attached_count, failed_urls: out.failed_urls });
      return out;
    } catch (e) {
      report('failed', { error: e });
      throw e;
    }
  }

  // Every call below takes the workspace from `pick()` at the moment it is made.
  function bound(pick) {
    const ws = () => pick();
    const id = (v) => String(v);
    // {token: ApiKey, plain_token}: the plain key is handed to the caller once; the SDK keeps
    // no copy of it (not in the store, the key storage, a view or an error).
    const createKey = (endpoint, { name, expiresAt } = {}) => {
      const body = { name };
      if (expiresAt !== undefined && expiresAt !== null) body.expires_at = expiresAt;
      return send(ws(), { endpoint, body }).then((out) => out.data);
    };
    return {
      labels: {
        list: () => data(ws(), { endpoint: 'labels.list' }),
        create: (body) => checked('validateLabel', 'POST', ws(), { endpoint: 'labels.create', body }, create),
        update: (labelId, body) => checked('validateLabel', 'PUT', ws(), { endpoint: 'labels.update', params: { label: id(labelId) }, body }, data),
        delete: (labelId) => data(ws(), { endpoint: 'labels.delete', params: { label: id(labelId) } }),
      },
      signatures: {
        list: () => data(ws(), { endpoint: 'signatures.list' }),
        create: (body) => checked('validateSignature', 'POST', ws(), { endpoint: 'signatures.create', body }, create),
        update: (signatureId, body) => checked('validateSignature', 'PUT', ws(), { endpoint: 'signatures.update', params: { signature: id(signatureId) }, body }, data),
        delete: (signatureId) => data(ws(), { endpoint: 'signatures.delete', params: { signature: id(signatureId) } }),
      },
      socialAccounts: {
        list: () => data(ws(), { endpoint: 'social_accounts.list' }),
        toggle: (accountId) => data(ws(), { endpoint: 'social_accounts.toggle', params: { account: id(accountId) } }),
        boards: (accountId) => data(ws(), { endpoint: 'social_accounts.boards', params: { account: id(accountId) } }),
        channels: (accountId) => data(ws(), { endpoint: 'social_accounts.channels', params: { account: id(accountId) } }),
        // The account API's demo connection (no network round trip): an active account at once.
        connect: ({ platform, displayName, username } = {}) =>
          data(ws(), { endpoint: 'account.social_accounts.connect', body: { platform, display_name: displayName, username } }),
      },
      media: {
        attachFromUrl: (postId, urls, options) => attachFromUrl(ws(), postId, urls, options),
        upload: (postId, file, options) => upload(ws(), postId, file, options),
        attachAsset: (postId, assetId, { alt } = {}) => {
          const body = { asset_id: id(assetId) };
          if (alt !== undefined) body.alt = alt;
          return data(ws(), { endpoint: 'posts.media.from_asset', params: { post: id(postId) }, body });
        },
      },
      postDetails: {
        get: (postId) => data(ws(), { endpoint: 'posts.get', params: { post: id(postId) } }),
        preview: (postId) => data(ws(), { endpoint: 'posts.preview', params: { post: id(postId) } }),
        metrics: (postId) => data(ws(), { endpoint: 'posts.metrics', params: { post: id(postId) } }),
        // One page of the list as the API orders it: {data: [post], page: {current_page, last_page, ...}}.
        page: (n) => send(ws(), { endpoint: 'posts.list', query: { page: Number(n) } }).then((out) => ({ data: out.data, page: out.page })),
      },
      apiKeys: {
        list: () => data(ws(), { endpoint: 'api_keys.list' }),
        create: (options) => createKey('api_keys.create', options),
        delete: (keyId) => data(ws(), { endpoint: 'api_keys.delete', params: { apiToken: id(keyId) } }),
      },
      contentTypes: {
        list: () => data(ws(), { endpoint: 'content_types.list' }),
      },
      // The account API (docs/account-api.md): the account token, this workspace's id.
      team: {
        list: () => data(ws(), { endpoint: 'account.members.list' }),
        invite: ({ email, role } = {}) => data(ws(), { endpoint: 'account.invites.create', body: { email, role } }),
        cancelInvite: (inviteId) => data(ws(), { endpoint: 'account.invites.cancel', params: { invite: id(inviteId) } }),
        updateRole: (userId, role) => data(ws(), { endpoint: 'account.members.update', params: { user_id: id(userId) }, body: { role } }),
        remove: (userId) => data(ws(), { endpoint: 'account.members.remove', params: { user_id: id(userId) } }),
        apiKeys: {
          list: () => data(ws(), { endpoint: 'account.api_keys.list' }),
          create: (options) => createKey('account.api_keys.create', options),
          delete: (keyId) => data(ws(), { endpoint: 'account.api_keys.delete', params: { key: id(keyId) } }),
        },
      },
    };
  }

  const account = {
    invites: {
      accept: (inviteId) => data('', { endpoint: 'account.invites.accept', params: { invite: String(inviteId) } }),
      decline: (inviteId) => data('', { endpoint: 'account.invites.decline', params: { invite: String(inviteId) } }),
    },
    usage: () => data('', { endpoint: 'account.usage' }),
    // This person's device sessions (no tokens in the list) and a device's sign-out.
    sessions: {
      list: () => data('', { endpoint: 'account.sessions.list' }),
      revoke: (deviceId) => data('', { endpoint: 'account.sessions.revoke', params: { device: String(deviceId) } }),
    },
    me: () => data('', { endpoint: 'account.me' }),
  };

  return { bound, account };
}
