// The local TryPost API: createEmulator() gives a request handler (mountable in another server)
// plus the pieces tests drive directly (clock, scheduler tick, outcomes, signed upload URLs).
import { createServer } from 'node:http';
import { createClock } from './clock.js';
import { HttpError, unauthenticated } from './errors.js';
import { createFaults } from './faults.js';
import { JSON_LIMIT, clientIp, parseJsonBody, readBody, requestOrigin, sendJson } from './http.js';
import { SignatureVerifier } from './http-signatures.js';
import { Idempotency, fingerprint, idempotencyKeyFrom } from './idempotency.js';
import { isUuid } from './ids.js';
import { mediaCaps } from './media.js';
import { controlRoutes } from './control.js';
import { serveMediaFiles } from './files.js';
import { DiskPersistence, MemoryPersistence } from './persistence.js';
import { RateLimiter } from './rate-limiter.js';
import { Router } from './router.js';
import { Scheduler } from './scheduler.js';
import { buildState, loadSeedFile, seedSecrets, seedSigningKeys } from './seed.js';
import { Store, emptyState } from './store.js';
import { formatApi } from './time.js';
import { routes as accountRoutes } from './routes/account.js';
import { routes as accountSocialRoutes } from './routes/account-social.js';
import { routes as sessionRoutes, sessionByToken } from './sessions.js';
import { checkUploadSignature, routes as assetRoutes, signUploadUrl, signedUpload } from './routes/assets.js';
import { routes as insightRoutes } from './routes/post-insights.js';
import { routes as postMediaRoutes } from './routes/post-media.js';
import { routes as postRoutes } from './routes/posts.js';
import { routes as labelRoutes } from './routes/labels.js';
import { routes as socialRoutes } from './routes/social-accounts.js';
import { routes as workspaceRoutes } from './routes/workspace.js';

const LAPSED = ['past_due', 'trial_expired', 'canceled', 'unpaid'];

const apiRouter = new Router()
  .add(postRoutes).add(postMediaRoutes).add(insightRoutes).add(assetRoutes)
  .add(labelRoutes).add(socialRoutes).add(workspaceRoutes).add(accountRoutes)
  .add(accountSocialRoutes).add(sessionRoutes);

const bearer = (req) => /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? null;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function createEmulator(options = {}) {
  const mode = options.mode ?? 'self-hosted';
  if (!['cloud', 'self-hosted'].includes(mode)) throw new Error(`mode must be cloud or self-hosted, not "${mode}"`);
  const clock = options.clock ?? createClock();
  const persistence = options.dataDir ? new DiskPersistence(options.dataDir) : new MemoryPersistence();
  const caps = options.caps ?? mediaCaps();
  const seed = options.seed ? (typeof options.seed === 'string' ? loadSeedFile(options.seed) : options.seed) : null;

  let state = persistence.load();
  const resumed = Boolean(state);
  let signing = seed ? seedSigningKeys(seed) : [];
  if (seed && !state) {
    const built = await buildState(seed, { now: clock.now(), persistence });
    signing = built.signingKeys;
    state = built.state;
  }
  state ??= emptyState(clock.now());
  const store = new Store(persistence, state);
  if (!resumed) await store.commit();
  else persistence.removeUnreferencedBlobs(store.referencedBlobs());

  const keys = new Map();
  for (const k of [...signing, ...(options.signingKeys ?? [])]) keys.set(k.keyid, { secret: k.secret, workspace_id: k.workspace_id });
  const verifier = new SignatureVerifier({ keys, clock });
  const rateLimit = options.rateLimit ?? 60;
  const apiLimiter = new RateLimiter({ limit: rateLimit, clock });
  const lookupLimiter = new RateLimiter({ limit: rateLimit, clock });
  const uploadWsLimiter = new RateLimiter({ limit: options.uploadWorkspaceLimit ?? 60, clock });
  const uploadIpLimiter = new RateLimiter({ limit: options.uploadIpLimit ?? 1200, clock });
  const faults = createFaults(options.faults);
  const idempotency = new Idempotency(clock);
  const scheduler = new Scheduler({ store, clock });
  const outbox = [];

  const emulator = {
    mode, clock, store, scheduler, outbox, caps, faults, resumed,
    secrets: seed ? seedSecrets(seed) : { users: [], keys: [] },
    requireSignatures: Boolean(options.requireSignatures),
    tick: () => scheduler.tick(),
    async setOutcome(accountId, outcome) {
      for (const ws of store.state.workspaces) {
        const a = ws.social_accounts.find((x) => x.id === accountId);
        if (a) { a.publish_outcome = outcome; await store.commit(); return true; }
      }
      return false;
    },
    // `accountId`: one of the seed's other accounts instead of the emulated one.
    async setAccount(fields, accountId = null) {
      const a = accountId ? store.otherAccount(accountId) : store.account;
      if (!a) return null;
      Object.assign(a, fields);
      await store.commit();
      return a;
    },
    signUploadUrl: (workspaceId, { origin = options.publicOrigin ?? 'http://127.0.0.1', ttlMs } = {}) =>
      signUploadUrl({ appKey: store.state.app_key, origin, workspaceId, now: clock.now(), ttlMs }),
    addSigningKey: (keyid, secret, workspaceId) => keys.set(keyid, { secret, workspace_id: workspaceId }),
  };

  function ownOrigins(req) {
    const o = requestOrigin(req, options.publicOrigin);
    const u = new URL(o);
    const alt = [o];
    if (u.hostname === '127.0.0.1') alt.push(`${u.protocol}//localhost${u.port ? `:${u.port}` : ''}`);
    if (u.hostname === 'localhost') alt.push(`${u.protocol}//127.0.0.1${u.port ? `:${u.port}` : ''}`);
    return alt;
  }

  function baseCtx(req, url, bytes, truncated) {
    const ct = req.headers['content-type'] ?? '';
    return {
      req, url, query: url.searchParams, bytes, bodyTruncated: truncated,
      body: ct.startsWith('multipart/') ? {} : parseJsonBody(bytes),
      origin: requestOrigin(req, options.publicOrigin), now: clock.now(), clock, store, persistence, caps,
      emulator,
      mediaSources: { ownOrigins: ownOrigins(req), allowOrigins: options.allowMediaOrigins ?? [], persistence },
    };
  }

  // The workspace key (or device session) of the request: {ws, key, user, role}, or 401.
  function authenticateKey(req) {
    const token = bearer(req);
    if (!token) throw unauthenticated();
    const found = store.keyByToken(token) ?? sessionKey(token);
    if (!found) throw unauthenticated();
    const { workspace: ws, key } = found;
    const now = clock.now();
    if (key.expires_at !== null && key.expires_at <= now) throw unauthenticated();
    const user = store.user(key.user_id);
    const role = user ? store.roleOf(ws, user.id) : null;
    if (!role) throw unauthenticated();
    key.last_used_at = now; // made durable with the next commit
    return { ws, key, user, role };
  }

  // A device session acts with its person's current role, like a key of theirs without a name.
  function sessionKey(token) {
    const found = sessionByToken(store, token, clock.now());
    if (!found) return null;
    const { workspace, session } = found;
    return { workspace, key: { user_id: session.user_id, expires_at: session.expires_at, session: true } };
  }

  function cloudGate(ws) {
    if (mode !== 'cloud') return;
    const a = store.accountOf(ws);
    if (LAPSED.includes(a.plan_status)) {
      throw new HttpError(402, 'An active subscription is required.', { extra: { plan_status: a.plan_status } });
    }
    if (a.credits_used >= a.credits_limit) {
      throw new HttpError(402, 'Monthly AI credits exhausted', {
        extra: { credits_used: a.credits_used, credits_limit: a.credits_limit, resets_at: formatApi(a.resets_at) },
      });
    }
  }

  async function handleUpload(req, res, url, token) {
    if (!isUuid(token)) throw new HttpError(404, `The route ${url.pathname.slice(1)} could not be found.`);
    if (req.method !== 'POST') throw new HttpError(405, `The ${req.method} method is not supported for route ${url.pathname.slice(1)}. Supported methods: POST.`, { headers: { Allow: 'POST' } });
    const { bytes, truncated } = await readBody(req, caps.video + 1048576);
    const wsId = checkUploadSignature(req, store.state.app_key, clock.now());
    const limits = rateLimit ? [uploadWsLimiter.hit(`ws:${wsId}`), uploadIpLimiter.hit(`ip:${clientIp(req)}`)] : [];
    const over = limits.find((l) => !l.allowed);
    if (over) throw new HttpError(429, 'Too Many Attempts.', { headers: uploadWsLimiter.headers(over) });
    const ws = store.workspace(wsId);
    if (!ws) throw new HttpError(404, 'Workspace not found.');
    const ctx = { ...baseCtx(req, url, bytes, truncated), ws };
    const result = await signedUpload(ctx, ws, token);
    await store.commit();
    return result;
  }

  async function handleApi(req, res, url) {
    const rel = url.pathname.slice(4) || '/';
    const up = /^\/uploads\/([^/]+)$/.exec(rel);
    if (up) return handleUpload(req, res, url, decodeURIComponent(up[1]));
    const m = apiRouter.match(req.method, rel);
    if (!m) throw new HttpError(404, `The route ${url.pathname.slice(1)} could not be found.`);
    if (m.allowed) {
      const allowed = [...new Set(m.allowed.flatMap((x) => (x === 'GET' ? ['GET', 'HEAD'] : [x])))].join(', ');
      // RFC 9110 §15.5.6: a 405 lists the methods the resource takes.
      throw new HttpError(405, `The ${req.method} method is not supported for route ${url.pathname.slice(1)}. Supported methods: ${allowed}.`, { headers: { Allow: allowed } });
    }
    const { route, params } = m;
    const { bytes, truncated } = await readBody(req, route.opts.multipart ? caps.video + 1048576 : JSON_LIMIT);
    const ctx = { ...baseCtx(req, url, bytes, truncated), params };
    const headers = {};
    if (route.pattern.startsWith('/account/')) {
      const token = bearer(req);
      const user = token ? store.userByToken(token) : null;
      if (!user) throw unauthenticated();
      ctx.user = user;
    } else {
      Object.assign(ctx, authenticateKey(req));
      if (emulator.requireSignatures) verifier.verify(req, bytes, ctx.ws.id);
      cloudGate(ctx.ws);
      const limit = rateLimit ? apiLimiter.hit(`ws:${ctx.ws.id}`) : null;
      if (limit) Object.assign(headers, apiLimiter.headers(limit));
      if (limit && !limit.allowed) throw new HttpError(429, 'Too Many Attempts.', { headers });
      if (rateLimit && route.opts.extraThrottle) {
        const extra = lookupLimiter.hit(`lookup:${ctx.ws.id}`);
        if (!extra.allowed) throw new HttpError(429, 'Too Many Attempts.', { headers: { ...headers, ...lookupLimiter.headers(extra) } });
      }
    }
    const idemKey = route.opts.idempotent ? idempotencyKeyFrom(req.headers['idempotency-key']) : undefined;
    let fp;
    if (idemKey) {
      fp = fingerprint(req.method, url.pathname + url.search, bytes);
      const hit = idempotency.lookup(ctx.ws, idemKey, fp);
      if (hit) return { status: hit.status, body: hit.body, headers: { ...headers, 'idempotent-replayed': 'true' } };
      idempotency.begin(ctx.ws, idemKey);
    }
    try {
      const result = await route.handler(ctx);
      result.headers = { ...headers, ...(result.headers ?? {}) };
      if (req.method !== 'GET' && req.method !== 'HEAD' && result.status < 300) {
        if (idemKey) idempotency.record(ctx.ws, idemKey, fp, result.status, result.body);
        await store.commit();
      }
      return result;
    } finally {
      if (idemKey) idempotency.end(ctx.ws, idemKey);
    }
  }

  // Answers true when the request was ours.
  async function handle(req, res) {
    const url = new URL(req.url, 'http://x');
    const p = url.pathname;
    if (serveMediaFiles(req, res, persistence)) return true;
    const isApi = p === '/api' || p.startsWith('/api/');
    const isControl = options.control && p.startsWith('/_emulator/');
    if (!isApi && !isControl) return false;
    const origin = req.headers.origin;
    if (origin && (options.corsOrigins ?? []).includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-expose-headers', 'Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, Idempotent-Replayed');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
          'access-control-allow-headers': 'Authorization, Content-Type, Accept, Idempotency-Key, Signature, Signature-Input, Content-Digest',
          'access-control-max-age': '600',
        });
        res.end();
        return true;
      }
    }
    let dropAfter = false;
    try {
      if (isApi && faults) {
        const f = faults.next(req.method, p);
        if (f?.kind === 'latency') await sleep(f.ms);
        else if (f?.kind === '429') throw new HttpError(429, 'Too Many Attempts.', { headers: { 'retry-after': '1' } });
        else if (f?.kind === '500') throw new HttpError(500, 'Server Error');
        else if (f?.kind === 'drop') { req.socket.destroy(); return true; }
        else if (f?.kind === 'drop-after') dropAfter = true;
      }
      const r = isApi ? await handleApi(req, res, url) : await control(req, url);
      if (dropAfter) { req.socket.destroy(); return true; }
      sendJson(res, r.status, r.body, r.headers);
    } catch (err) {
      if (err instanceof HttpError) sendJson(res, err.status, err.body(), err.headers);
      else {
        console.error('emulator:', err.stack ?? err.message);
        sendJson(res, 500, { message: 'Server Error' });
      }
    }
    return true;
  }

  const control = controlRoutes({ emulator, store, scheduler, clock, caps, outbox, publicOrigin: options.publicOrigin });
  emulator.handle = handle;
  emulator.close = async () => {
    await scheduler.stop();
    await store.commit();
  };
  if (options.tickMs) scheduler.start(options.tickMs);
  return emulator;
}

// A standalone server around the handler.
export function serveEmulator(emulator) {
  return createServer(async (req, res) => {
    if (!(await emulator.handle(req, res))) sendJson(res, 404, { message: 'Not Found.' });
  });
}
