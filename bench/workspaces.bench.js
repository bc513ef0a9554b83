// Switching the active workspace through the SDK, two workspaces of N posts each. A switch is one
// call into the core (a small summary back) plus a swap of already-parsed views; it re-parses no
// post, so its cost should not grow with N. Loading (walking every page once) is reported too.
import { createClient } from '../web/sdk/index.js';
import { createFakeServer } from '../tests/js/workspaces-fake-server.js';

async function measure(postsPerWorkspace, switches) {
  const server = createFakeServer({ accountApi: false });
  const a = server.addWorkspace({ name: 'Agency A', posts: postsPerWorkspace });
  const b = server.addWorkspace({ name: 'Agency B', posts: postsPerWorkspace });
  const client = await createClient({ baseUrl: 'http://bench.test', fetch: server.fetch });
  const wa = await client.addWorkspace({ apiKey: a.key });
  const wb = await client.addWorkspace({ apiKey: b.key });
  const t0 = performance.now();
  client.switchWorkspace(wa.id);
  await client.posts.refresh();
  client.switchWorkspace(wb.id);
  await client.posts.refresh();
  const load = (performance.now() - t0) / 2;
  const listA = (client.switchWorkspace(wa.id), client.posts.list());
  const times = [];
  for (let i = 0; i < switches; i++) {
    const id = i % 2 ? wa.id : wb.id;
    const s = performance.now();
    client.switchWorkspace(id);
    const posts = client.posts.list(); // the view the dashboard renders right after a switch
    times.push(performance.now() - s);
    if (posts.length !== postsPerWorkspace) throw new Error('wrong view after switch');
  }
  client.switchWorkspace(wa.id);
  if (client.posts.list() !== listA) throw new Error('a switch re-read the posts');
  client.close();
  times.sort((x, y) => x - y);
  return { median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)], load };
}

export async function run() {
  const rows = [];
  for (const n of [5000, 50000]) {
    const r = await measure(n, n === 5000 ? 2000 : 500);
    const label = `${n.toLocaleString('en')} posts per workspace`;
    rows.push({ suite: 'workspaces', case: `switch (median), ${label}`, value: r.median, unit: 'ms', target: '< 1 ms' });
    rows.push({ suite: 'workspaces', case: `switch (p95), ${label}`, value: r.p95, unit: 'ms' });
    rows.push({ suite: 'workspaces', case: `first load: walk all pages of 15, ${label}`, value: r.load, unit: 'ms' });
  }
  return rows;
}
