// The widget proxy: an agency page holds only a short-lived read-only token for one workspace; the
// proxy checks it and forwards GETs of that workspace to the TryPost API with the real key.
// Mounted under a prefix: {prefix}/workspaces/{workspace id}/{api path}, e.g.
// /widget-api/workspaces/1111…/posts?page=2 -> {upstream}/api/posts?page=2.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { loadCore } from '../../web/sdk/core.js';
import { TokenError, verifyWidgetTokenWith } from './jwt.js';

// The reads a calendar widget needs; nothing that reveals keys, assets or the team.
const READABLE = [
  /^\/posts$/, /^\/posts\/[0-9a-f-]{36}$/i, /^\/posts\/[0-9a-f-]{36}\/(preview|metrics)$/i,
  /^\/labels$/, /^\/social-accounts$/, /^\/workspace$/, /^\/content-types$/,
];
const PASS_HEADERS = ['content-type', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'cache-control'];

function send(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function createWidgetProxy({ prefix = '/widget-api', upstream, keys, secret, origins = [], clock = { now: () => Date.now() }, maxTtlSec = 3600 }) {
  if (!secret || secret.length < 16) throw new Error('the widget proxy needs a secret of at least 16 bytes');
  const upstreamUrl = new URL(upstream);
  const upstreamApi = `${upstreamUrl.origin}${upstreamUrl.pathname.replace(/\/$/, '')}/api`;
  const keyFor = (id) => (keys instanceof Map ? keys.get(id) : keys[id]);
  // Loaded once, at creation: the token check is the core's.
  const coreReady = loadCore();
  coreReady.catch(() => {});

  function cors(req) {
    const origin = req.headers.origin;
    if (!origin || !origins.includes(origin)) return {};
    return {
      'access-control-allow-origin': origin,
      vary: 'Origin',
      'access-control-allow-methods': 'GET, OPTIONS',
      'access-control-allow-headers': 'Authorization, Accept',
      'access-control-expose-headers': 'Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining',
      'access-control-max-age': '600',
    };
  }

  function handle(req, res) {
    const url = new URL(req.url, 'http://x');
    if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return false;
    const corsHeaders = cors(req);
    const headers = { vary: 'Origin', ...corsHeaders };
    if (req.method === 'OPTIONS') {
      if (!corsHeaders['access-control-allow-origin']) send(res, 403, { message: 'This origin is not allowed.' }, headers);
      else { res.writeHead(204, headers); res.end(); }
      return true;
    }
    const m = /^\/workspaces\/([^/]+)(\/.*)$/.exec(url.pathname.slice(prefix.length));
    if (!m) { send(res, 404, { message: 'Not Found.' }, headers); return true; }
    const [, workspaceId, apiPath] = m;
    if (req.method !== 'GET') { send(res, 403, { message: 'Widget tokens are read-only.' }, headers); return true; }
    const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) { send(res, 401, { message: 'Unauthenticated.' }, { ...headers, 'www-authenticate': 'Bearer' }); return true; }
    coreReady.then((core) => {
      try {
        verifyWidgetTokenWith(core, token, { secret, nowSec: Math.floor(clock.now() / 1000), maxTtlSec, workspaceId });
      } catch (err) {
        if (!(err instanceof TokenError)) throw err;
        const extra = err.status === 401 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {};
        send(res, err.status, { message: err.message }, { ...headers, ...extra });
        return;
      }
      forward(req, res, workspaceId, apiPath, url, headers);
    }).catch(() => { if (!res.headersSent) send(res, 500, { message: 'The widget proxy could not check the token.' }, headers); });
    return true;
  }

  function forward(req, res, workspaceId, apiPath, url, headers) {
    const key = keyFor(workspaceId);
    if (!key) { send(res, 404, { message: 'Unknown workspace.' }, headers); return; }
    if (!READABLE.some((re) => re.test(apiPath))) { send(res, 403, { message: 'Widget tokens cannot read this resource.' }, headers); return; }

    const target = new URL(`${upstreamApi}${apiPath}${url.search}`);
    const proxyBase = `${req.headers['x-forwarded-proto'] ?? 'http'}://${req.headers.host}${prefix}/workspaces/${workspaceId}`;
    const doRequest = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstreamReq = doRequest(target, { method: 'GET', headers: { authorization: `Bearer ${key}`, accept: 'application/json' }, timeout: 15000 }, (up) => {
      const chunks = [];
      up.on('data', (c) => chunks.push(c));
      up.on('end', () => {
        // Pagination links point at the upstream; point them back at the proxy.
        const text = Buffer.concat(chunks).toString('utf8').split(`${upstreamApi}`.replaceAll('/', '\\/')).join(proxyBase.replaceAll('/', '\\/')).split(upstreamApi).join(proxyBase);
        const out = { ...headers };
        for (const h of PASS_HEADERS) if (up.headers[h] !== undefined) out[h] = up.headers[h];
        out['content-length'] = Buffer.byteLength(text);
        res.writeHead(up.statusCode ?? 502, out);
        res.end(text);
      });
      up.on('error', () => { if (!res.headersSent) send(res, 502, { message: 'The TryPost API is unreachable.' }, headers); });
    });
    upstreamReq.on('timeout', () => upstreamReq.destroy(new Error('timeout')));
    upstreamReq.on('error', () => { if (!res.headersSent) send(res, 502, { message: 'The TryPost API is unreachable.' }, headers); });
    upstreamReq.end();
  }

  return handle;
}

export { signWidgetToken, verifyWidgetToken } from './jwt.js';
