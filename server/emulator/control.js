// The /_emulator/* control routes (enabled with --control): what tests and demos need to drive the
// emulator over HTTP: scheduler ticks, the clock, publish outcomes, signed upload URLs, the
// account's plan and credits, and the notification outbox.
import { parseJsonBody, readBody, requestOrigin } from './http.js';
import { formatApi } from './time.js';

export function controlRoutes({ emulator, store, scheduler, clock, caps, outbox, publicOrigin }) {
  return async function control(req, url) {
    const { bytes } = await readBody(req);
    const body = parseJsonBody(bytes);
    const path = url.pathname.slice('/_emulator'.length);
    if (req.method === 'POST' && path === '/tick') return { status: 200, body: await scheduler.tick() };
    if (req.method === 'POST' && path === '/clock') {
      if (body.advance_ms) clock.advance(Number(body.advance_ms));
      if (body.now) clock.set(Date.parse(body.now));
      return { status: 200, body: { now: new Date(clock.now()).toISOString() } };
    }
    const oc = /^\/outcomes\/([^/]+)$/.exec(path);
    if (req.method === 'PUT' && oc) {
      const ok = await emulator.setOutcome(oc[1], body.outcome);
      return ok ? { status: 200, body: { social_account_id: oc[1], outcome: body.outcome } } : { status: 404, body: { message: 'Account not found.' } };
    }
    if (req.method === 'POST' && path === '/upload-urls') {
      if (!store.workspace(body.workspace_id)) return { status: 404, body: { message: 'Workspace not found.' } };
      const ttlMs = body.ttl_seconds !== undefined ? Number(body.ttl_seconds) * 1000 : undefined;
      const signed = emulator.signUploadUrl(body.workspace_id, { origin: requestOrigin(req, publicOrigin), ttlMs });
      return {
        status: 201,
        body: { ...signed, field_name: 'media', max_bytes: caps.video, max_bytes_by_type: { ...caps } },
      };
    }
    if (req.method === 'PUT' && path === '/account') {
      const allowed = Object.fromEntries(Object.entries(body).filter(([k]) => ['plan_status', 'credits_used', 'credits_limit'].includes(k)));
      const a = await emulator.setAccount(allowed, body.account_id ?? null);
      if (!a) return { status: 404, body: { message: 'Account not found.' } };
      return { status: 200, body: { ...a, resets_at: formatApi(a.resets_at) } };
    }
    if (req.method === 'GET' && path === '/outbox') return { status: 200, body: outbox };
    return { status: 404, body: { message: 'Unknown emulator control route.' } };
  };
}

