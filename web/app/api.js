// The dashboard's network edge: one fetch wrapper that the SDK client and the dashboard's own
// calls share, so a 402, a 429 or a dropped connection is reported once, wherever it happened.
// It decides no rule: bodies come from the core (validatePostRequest, planMove), answers are
// shown as the server worded them.

export class ApiFailure extends Error {
  constructor(status, data) {
    const message = data?.message ?? (status === 0 ? 'The server could not be reached. Check your connection and try again.' : `Request failed (${status}).`);
    super(message);
    this.status = status;
    this.errors = data?.errors ?? {};
    this.data = data;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// status listener gets {kind: 'payment'|'rate'|'rate-clear'|'offline'|'online'|'ok', ...}
export function createNetwork({ onStatus = () => {} } = {}) {
  const base = `${location.origin}`;
  let queued = [];

  async function trackedFetch(url, init = {}) {
    for (let attempt = 0; ; attempt++) {
      let res;
      try {
        res = await fetch(url, init);
      } catch (err) {
        onStatus({ kind: 'offline' });
        throw err;
      }
      if (res.status === 402) {
        let data = null;
        try {
          data = await res.clone().json();
        } catch { /* the banner says what it can */ }
        onStatus({ kind: 'payment', data });
      } else if (res.status === 429 && attempt < 3) {
        const wait = Math.min(Number(res.headers.get('retry-after')) || 2, 65);
        onStatus({ kind: 'rate', seconds: wait });
        await sleep(wait * 1000);
        onStatus({ kind: 'rate-clear' });
        continue;
      } else if (res.status < 400) {
        onStatus({ kind: 'ok' });
      }
      return res;
    }
  }

  async function call(method, path, { token, body, workspaceId } = {}) {
    const headers = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (workspaceId) headers['x-trypost-workspace'] = workspaceId;
    let res;
    try {
      res = await trackedFetch(base + '/api' + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiFailure(0, null);
    }
    const text = res.status === 204 ? '' : await res.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = { message: `The server answered ${res.status} with something that is not JSON.` };
      }
    }
    if (!res.ok) throw new ApiFailure(res.status, data);
    return data;
  }

  // Edits made while offline wait here and are replayed, in order, when the browser is back.
  function enqueue(job) {
    queued.push(job);
    onStatus({ kind: 'queue', count: queued.length });
  }
  async function flush() {
    const jobs = queued;
    queued = [];
    for (const job of jobs) {
      try {
        await job();
      } catch (err) {
        if (err instanceof ApiFailure && err.status === 0) queued.push(job);
      }
    }
    onStatus({ kind: 'queue', count: queued.length });
  }
  window.addEventListener('online', () => {
    onStatus({ kind: 'online' });
    flush();
  });
  window.addEventListener('offline', () => onStatus({ kind: 'offline' }));

  return { fetch: trackedFetch, call, enqueue, flush, get queued() { return queued.length; } };
}

// TODO(sdk): the workspace resources the SDK is gaining (client.labels, client.signatures,
// client.socialAccounts). Same shape, so the switch is one line in main.js. `rest(method, path,
// body)` is the dashboard's call with the active workspace's key.
export function workspaceResources(rest) {
  const at = (base) => (id) => `${base}/${encodeURIComponent(String(id))}`;
  const crud = (base) => ({
    list: () => rest('GET', base),
    create: (body) => rest('POST', base, body),
    update: (id, body) => rest('PUT', at(base)(id), body),
    delete: (id) => rest('DELETE', at(base)(id)),
  });
  const account = at('/social-accounts');
  return {
    labels: crud('/labels'),
    signatures: crud('/signatures'),
    socialAccounts: {
      list: () => rest('GET', '/social-accounts'),
      toggle: (id) => rest('PUT', `${account(id)}/toggle`),
      boards: (id) => rest('GET', `${account(id)}/boards`),
      channels: (id) => rest('GET', `${account(id)}/channels`),
    },
  };
}
