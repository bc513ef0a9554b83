// An in-test TryPost server behind a fetch function: the documented workspace-key REST subset
// the client uses (GET /api/workspace, GET /api/posts paginated 15 per page, GET /api/labels) and
// the account endpoints of docs/account-api.md that the workspace client calls. It resolves the
// workspace from the Bearer key, as the real server does. Not a test file (no .test.js suffix).

const BRAND_DEFAULTS = {
  website: null, description: null, tone: null, voice_notes: null, image_style: 'cinematic',
  primary_color: null, background_color: null, text_color: null, font: 'Inter', content_language: 'en',
};
const json = (status, value) =>
  new Response(status === 204 ? null : JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
const stamp = '2026-01-01 00:00:00';

export function createFakeServer({ accountApi = true, accountToken = 'acct-SECRET-token', postsPerPage = 15 } = {}) {
  const workspaces = new Map(); // id -> {id, name, role, brand, logo_url, posts, labels, members}
  const keys = new Map(); // key -> workspace id
  const log = []; // {method, path, auth}
  let seq = 0;
  let held = null; // when set, answers wait until release()

  function addWorkspace({ name, role = 'owner', posts = 0, labels = 0 }) {
    const id = `ws-${String(++seq).padStart(3, '0')}`;
    const key = `tp_key_${id}_${Math.random().toString(36).slice(2)}`;
    workspaces.set(id, { id, name, role, brand: { ...BRAND_DEFAULTS }, logo_url: null, posts, labels, members: 1 });
    keys.set(key, id);
    return { id, key };
  }
  const accountWs = (w) => ({ id: w.id, name: w.name, logo_url: w.logo_url, role: w.role, brand: w.brand, created_at: stamp, updated_at: stamp });
  const post = (w, i) => ({
    id: `${w.id}-post-${i}`, content: `${w.name} #${i}`, media: [], status: 'scheduled',
    scheduled_at: `2026-05-${String((i % 28) + 1).padStart(2, '0')} 10:00:00`, published_at: null,
    platforms: [{ id: `${w.id}-pp-${i}`, platform: 'x', content_type: 'x_post', meta: {}, status: 'pending', enabled: true,
      platform_url: null, published_at: null, error_message: null, display_name: 'A', display_username: '@a', display_avatar: '',
      social_account: { id: `${w.id}-acct`, platform: 'x', display_name: 'A', username: '@a', is_active: true, status: 'connected' } }],
    labels: [], created_at: stamp, updated_at: stamp,
  });

  function page(w, n, base) {
    const last = Math.max(1, Math.ceil(w.posts / postsPerPage));
    const from = (n - 1) * postsPerPage;
    const data = [];
    for (let i = from; i < Math.min(w.posts, from + postsPerPage); i++) data.push(post(w, i));
    const url = (p) => `${base}/api/posts?page=${p}`;
    return {
      data,
      links: { first: url(1), last: url(last), prev: n > 1 ? url(n - 1) : null, next: n < last ? url(n + 1) : null },
      meta: { current_page: n, from: data.length ? from + 1 : null, to: data.length ? from + data.length : null, last_page: last,
        per_page: postsPerPage, total: w.posts, path: `${base}/api/posts`, links: [] },
    };
  }

  function answer(method, url, auth, body) {
    const path = url.pathname;
    const bearer = auth?.startsWith('Bearer ') ? auth.slice(7) : '';
    if (path.startsWith('/api/account/')) {
      if (!accountApi) return json(404, { message: 'Not Found' });
      if (bearer !== accountToken) return json(401, { message: 'Unauthenticated.' });
      const seg = path.split('/').filter(Boolean); // api account workspaces {id} [brand|members]
      if (seg.length === 3 && method === 'GET') return json(200, [...workspaces.values()].map(accountWs));
      if (seg.length === 3 && method === 'POST') {
        const name = typeof body?.name === 'string' ? body.name.trim() : '';
        if (!name) return json(422, { message: 'The name field is required.', errors: { name: ['The name field is required.'] } });
        if ([...name].length > 255)
          return json(422, { message: 'The name field must not be greater than 255 characters.', errors: { name: ['The name field must not be greater than 255 characters.'] } });
        const { id, key } = addWorkspace({ name });
        return json(201, { workspace: accountWs(workspaces.get(id)), api_key: { token: { id: `k-${id}`, name: 'Dashboard', last_used_at: null, expires_at: null, created_at: '2026-01-01T00:00:00+00:00' }, plain_token: key } });
      }
      const w = workspaces.get(seg[3]);
      if (!w) return json(404, { message: 'Not Found' });
      const admin = w.role === 'owner' || w.role === 'admin';
      if (seg.length === 4 && method === 'PATCH') {
        if (!admin) return json(403, { message: 'This action is unauthorized.' });
        if ('name' in body) w.name = String(body.name).trim();
        if ('logo_url' in body) w.logo_url = body.logo_url;
        return json(200, accountWs(w));
      }
      if (seg.length === 5 && seg[4] === 'brand' && method === 'PUT') {
        if (!admin) return json(403, { message: 'This action is unauthorized.' });
        w.brand = { ...BRAND_DEFAULTS, ...body };
        return json(200, accountWs(w));
      }
      if (seg.length === 4 && method === 'DELETE') {
        if (w.role !== 'owner') return json(403, { message: 'This action is unauthorized.' });
        if (body?.confirm_name !== w.name)
          return json(422, { message: 'The confirm name is invalid.', errors: { confirm_name: ['The confirm name is invalid.'] } });
        workspaces.delete(w.id);
        for (const [k, id] of keys) if (id === w.id) keys.delete(k);
        return json(204);
      }
      if (seg.length === 5 && seg[4] === 'api-keys' && method === 'POST') {
        if (!admin) return json(403, { message: 'This action is unauthorized.' });
        const key = `tp_key_${w.id}_${Math.random().toString(36).slice(2)}`;
        keys.set(key, w.id);
        return json(201, { token: { id: `k-${keys.size}`, name: body?.name ?? '', last_used_at: null, expires_at: null, created_at: '2026-01-01T00:00:00+00:00' }, plain_token: key });
      }
      if (seg.length === 5 && seg[4] === 'members' && method === 'GET') {
        const members = [{ user_id: 'u-owner', name: 'Olga Owner', email: 'olga@example.com', role: 'owner' }];
        for (let i = 1; i < w.members; i++) members.push({ user_id: `${w.id}-u${i}`, name: 'M', email: `m${i}@example.com`, role: 'member' });
        return json(200, { members, invites: [] });
      }
      return json(404, { message: 'Not Found' });
    }
    const id = keys.get(bearer);
    if (!id) return json(401, { message: 'Unauthenticated.' });
    const w = workspaces.get(id);
    if (path === '/api/workspace' && method === 'GET') return json(200, { id: w.id, name: w.name, created_at: stamp, updated_at: stamp });
    if (path === '/api/posts' && method === 'GET') return json(200, page(w, Number(url.searchParams.get('page') ?? 1), url.origin));
    if (path === '/api/labels' && method === 'GET') {
      const list = [];
      for (let i = 0; i < w.labels; i++) list.push({ id: `${w.id}-label-${i}`, name: `${w.name} label`, color: '#4f46e5', created_at: stamp, updated_at: stamp });
      return json(200, list);
    }
    return json(404, { message: 'Not Found' });
  }

  async function fetch(input, init = {}) {
    const url = new URL(input);
    const method = init.method ?? 'GET';
    const auth = init.headers?.Authorization;
    const body = init.body ? JSON.parse(init.body) : undefined;
    log.push({ method, path: url.pathname + url.search, auth });
    // The server acts when the request arrives; only the answer is held back.
    const response = answer(method, url, auth, body);
    const gate = held;
    if (gate && gate.match(url.pathname + url.search) && gate.count-- > 0) await gate.promise;
    return response;
  }

  return {
    fetch,
    log,
    workspaces,
    keys,
    accountToken,
    addWorkspace,
    // Holds back the answers to the next `count` requests (whose path matches) until release().
    hold(count = Infinity, match = () => true) {
      let release;
      const promise = new Promise((r) => (release = r));
      held = { promise, release, count, match };
    },
    release() {
      const h = held;
      held = null;
      h?.release();
    },
  };
}
