// Route table matching: "/posts/:post/media" patterns, with 405 for a known path and wrong method.
export class Router {
  constructor() { this.routes = []; }
  add(list, prefix = '') {
    for (const [method, pattern, handler, opts = {}] of list) {
      const names = [];
      const re = new RegExp(`^${prefix}${pattern.replace(/:(\w+)/g, (_, n) => { names.push(n); return '([^/]+)'; })}$`);
      this.routes.push({ method, pattern: prefix + pattern, re, names, handler, opts });
    }
    return this;
  }
  match(method, path) {
    const allowed = [];
    for (const r of this.routes) {
      const m = r.re.exec(path);
      if (!m) continue;
      if (r.method !== method && !(method === 'HEAD' && r.method === 'GET')) { allowed.push(r.method); continue; }
      const params = {};
      r.names.forEach((n, i) => { params[n] = decodeURIComponent(m[i + 1]); });
      return { route: r, params };
    }
    return allowed.length ? { allowed } : null;
  }
}
