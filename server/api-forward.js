// Dev-server pass-through of /api to a real TryPost server (TRYPOST_API_URL), so the browser talks
// to one origin and meets no CORS. With TRYPOST_API_KEYS ("WORKSPACE_ID=KEY,..."), a request that
// carries no Authorization gets the key of the workspace named in X-TryPost-Workspace (or the only
// key), so the browser never has to hold it.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export function parseKeyList(text) {
  const keys = new Map();
  for (const part of String(text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [id, key] = part.split(/=(.*)/s);
    if (!key) throw new Error('TRYPOST_API_KEYS must look like "WORKSPACE_ID=KEY,WORKSPACE_ID=KEY"');
    keys.set(id.trim(), key.trim());
  }
  return keys;
}

const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'proxy-authorization', 'te', 'trailer']);

export function apiForwarder(apiUrl, keys = new Map()) {
  const base = new URL(apiUrl.replace(/\/$/, '').replace(/\/api$/, ''));
  return (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) return false;
    const headers = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k) && k !== 'x-trypost-workspace') headers[k] = v;
    if (!headers.authorization && keys.size) {
      const ws = req.headers['x-trypost-workspace'];
      const key = ws ? keys.get(ws) : keys.size === 1 ? [...keys.values()][0] : undefined;
      if (key) headers.authorization = `Bearer ${key}`;
    }
    const target = new URL(`${base.pathname.replace(/\/$/, '')}${url.pathname}${url.search}`, base);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const up = send(target, { method: req.method, headers }, (r) => {
      const out = {};
      for (const [k, v] of Object.entries(r.headers)) if (!HOP.has(k)) out[k] = v;
      res.writeHead(r.statusCode ?? 502, out);
      r.pipe(res);
    });
    up.on('error', (err) => {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `The TryPost server at ${base.origin} is unreachable (${err.code ?? err.message}).` }));
      } else res.destroy();
    });
    req.pipe(up);
    return true;
  };
}
