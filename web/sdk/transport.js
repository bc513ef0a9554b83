// The JS transport: one logical request, several attempts. Every decision (retry or not, how long
// to wait) is the core's decideRetry; this file only fetches, times out and sleeps.
// Nothing here ever puts a header value (a key) into an error: messages are fixed sentences.
import { askCore } from './core.js';

export class TransportError extends Error {
  constructor(message, { kind, status = 0, reason, attempts = 1, retryAfterMs, errors = {} } = {}) {
    super(message);
    this.name = 'TransportError';
    this.kind = kind; // network | timeout | rate_limited | payment_required | http
    this.status = status;
    this.reason = reason; // the core's retry reason for stopping
    this.attempts = attempts;
    this.retryAfterMs = retryAfterMs;
    this.errors = errors;
  }
}

const realSleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The Idempotency-Key header's value, written by the core (the same rule buildRequest applies):
// a key it refuses (a quote, a backslash, a space, more than 255 characters) throws a CoreError
// naming idempotency_key; nothing is escaped.
export function idempotencyHeader(core, key) {
  return askCore(core, 'buildIdempotencyHeader', { key: String(key) }).value;
}

export function newIdempotencyKey() {
  return globalThis.crypto.randomUUID();
}

// createTransport({core, fetch?, timeoutMs?, sleep?, random?, now?, onAttempt?})
// sleep(ms, {reason}) may be a fake clock; a Retry-After wait is re-checked against now() so it
// never ends early even when a timer fires a millisecond soon.
export function createTransport({ core, fetch, timeoutMs = 15000, sleep = realSleep, random = Math.random, now = Date.now, onAttempt } = {}) {
  if (!core || typeof core.decideRetry !== 'function') throw new TypeError('createTransport: core is required');
  const doFetch = fetch ?? globalThis.fetch?.bind(globalThis);
  if (typeof doFetch !== 'function') throw new TypeError('createTransport: no fetch available');

  // Header names are case-insensitive (RFC 9110): a caller's "idempotency-key" is the same header.
  const hasIdempotencyKey = (headers) => Object.keys(headers).some((h) => h.toLowerCase() === 'idempotency-key');

  // `idempotent` is the built request's own answer (buildRequest, beginRequest, beginEndpointCall);
  // a request the core did not build is judged by the core from its method and whether it carries
  // an Idempotency-Key header.
  function decide(status, sent, attempt, retryAfter, timedOut) {
    const input = { status, attempt, now: Math.floor(now() / 1000), random: Math.min(random(), 0.999999), timed_out: timedOut };
    if (typeof sent.idempotent === 'boolean') input.idempotent = sent.idempotent;
    else Object.assign(input, { method: sent.method, idempotency_key: hasIdempotencyKey(sent.headers) });
    if (retryAfter != null) input.retry_after = retryAfter;
    const out = JSON.parse(core.decideRetry(JSON.stringify(input)));
    // A status the core cannot read (none that fetch gives): stop, and call it an HTTP failure.
    if (typeof out.error === 'string') return { retry: false, delay_ms: 0, reason: 'bad_input', status_class: 'refused', error_kind: 'http' };
    return out;
  }

  async function once(req) {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeoutMs);
    try {
      const res = await doFetch(req.url, { method: req.method, headers: req.headers, body: req.body ?? undefined, signal: ctl.signal });
      const text = res.status === 204 ? '' : await res.text();
      return { status: res.status, text, retryAfter: res.headers.get('retry-after'), timedOut: false };
    } catch {
      // The fetch error may quote the URL; it is dropped, the status 0 says enough.
      return { status: 0, text: '', retryAfter: null, timedOut: ctl.signal.aborted };
    } finally {
      clearTimeout(timer);
    }
  }

  // exchange(req, {idempotencyKey?}) -> {status, text, attempts, reason}: never throws for HTTP.
  // req: {url, method, headers, body, idempotent?}. The key (one per logical create) is sent
  // unchanged on every attempt; a request the core built with its key carries the header already
  // (and says idempotent), so the option is for requests built by hand.
  async function exchange(req, { idempotencyKey } = {}) {
    const headers = { ...(req.headers ?? {}) };
    const keyAdded = Boolean(idempotencyKey) && !hasIdempotencyKey(headers);
    if (keyAdded) headers['Idempotency-Key'] = idempotencyHeader(core, idempotencyKey);
    const method = String(req.method ?? 'GET').toUpperCase();
    const sent = { method, headers, idempotent: keyAdded ? true : req.idempotent };
    let resumed = false; // this attempt comes after waiting out a 429
    for (let attempt = 1; ; attempt++) {
      const r = await once({ url: req.url, method, headers, body: req.body });
      const d = decide(r.status, sent, attempt, r.retryAfter, r.timedOut);
      onAttempt?.({ attempt, status: r.status, decision: d, resumedFromRate: resumed });
      resumed = d.retry && d.reason === 'rate_limited';
      if (!d.retry) {
        return { status: r.status, text: r.text, attempts: attempt, reason: d.reason, statusClass: d.status_class, errorKind: d.error_kind, timedOut: r.timedOut, retryAfterMs: d.reason === 'retry_after_too_long' ? d.delay_ms : undefined, retryAfter: r.retryAfter };
      }
      if (d.reason === 'rate_limited') {
        const until = now() + d.delay_ms;
        for (let left = d.delay_ms; left > 0; left = until - now()) await sleep(left, { reason: d.reason });
      } else {
        await sleep(d.delay_ms, { reason: d.reason });
      }
    }
  }

  // request(req, options) -> the exchange for a success; otherwise a TransportError whose kind is
  // the core's (decideRetry's error_kind, read from the same status table as the decision to stop).
  async function request(req, options) {
    const r = await exchange(req, options);
    if (r.statusClass === 'success') return r;
    const kind = r.errorKind;
    let message = 'The request failed.';
    let errors = {};
    if (kind === 'timeout') message = 'The server did not answer in time.';
    else if (kind === 'network') message = 'The server could not be reached.';
    else {
      try {
        const body = JSON.parse(r.text);
        if (typeof body?.message === 'string') message = body.message.slice(0, 500);
        if (body?.errors && typeof body.errors === 'object') errors = body.errors;
      } catch {
        // an HTML page or nothing: keep the default sentence
      }
    }
    throw new TransportError(message, { kind, status: r.status, reason: r.reason, attempts: r.attempts, retryAfterMs: r.retryAfterMs, errors });
  }

  return { exchange, request };
}
