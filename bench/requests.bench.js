// Requests and signing: the per-call cost of the core's request/response functions through the
// WASM boundary, and of a whole signRequest (core base + WebCrypto digest and HMAC). Peer for
// the page parse: JSON.parse alone on the same text, the floor any parser pays.
import { loadCore } from '../web/sdk/core.js';
import { signRequest } from '../web/sdk/signing.js';
import { timeIt } from './timing.js';

function post(i) {
  return {
    id: `9b2e7a4c-0000-4000-8000-${String(i).padStart(12, '0')}`, content: 'Launch day! '.repeat(20), status: 'scheduled',
    scheduled_at: '2026-05-10 15:30:00', published_at: null, created_at: '2026-05-01 10:00:00', updated_at: '2026-05-01 10:00:00',
    media: [{ id: '01HX1A2B3C4D5E6F7G8H9I0J1K', path: 'medias/a.jpg', url: 'https://media.trypost.it/medias/a.jpg', type: 'image', mime_type: 'image/jpeg', original_filename: 'a.jpg' }],
    platforms: [{ id: 'pp', platform: 'x', content_type: 'x_post', meta: {}, status: 'pending', enabled: true, platform_url: null, published_at: null, error_message: null,
      display_name: 'A', display_username: '@a', display_avatar: '', social_account: { id: 'acc', platform: 'x', display_name: 'A', username: '@a', is_active: true, status: 'connected' } }],
    labels: [{ id: 'l1', name: 'Promo', color: '#4f46e5', created_at: '2026-05-01 10:00:00', updated_at: '2026-05-01 10:00:00' }],
  };
}


export async function run() {
  const core = await loadCore();
  const page = JSON.stringify({
    data: Array.from({ length: 15 }, (_, i) => post(i)),
    links: { first: 'x', last: 'x', prev: null, next: 'x' },
    meta: { current_page: 1, from: 1, to: 15, last_page: 4, per_page: 15, total: 60, path: 'x', links: [] },
  });
  const arg = JSON.stringify({ endpoint: 'posts.list', status: 200, body: page });
  const parseUs = await timeIt(() => core.parseResponse(arg));
  const meta = JSON.stringify({ endpoint: 'posts.list', status: 200 });
  const parseTextUs = await timeIt(() => core.parseResponseParts(meta, page));
  const floorUs = await timeIt(() => JSON.parse(page));
  const buildArg = JSON.stringify({ endpoint: 'posts.update', base: 'https://app.trypost.it', params: { post: 'p1' }, body: { status: 'draft' } });
  const buildUs = await timeIt(() => core.buildRequest(buildArg));
  const secret = Buffer.alloc(32, 7).toString('base64');
  const signUs = await timeIt(() => signRequest({ method: 'PUT', url: 'https://app.trypost.it/api/posts/p1', headers: {}, body: '{"status":"draft"}' },
    { keyId: 'k', secretBase64: secret, created: 1_800_000_000 }));
  return [
    { suite: 'requests', case: `parseResponse posts page (15 posts, ${page.length} B)`, value: parseUs, unit: 'us/call',
      peer: 'JSON.parse only', peer_value: floorUs, ratio: parseUs / floorUs },
    { suite: 'requests', case: 'parseResponseParts, same page (body as its own string)', value: parseTextUs, unit: 'us/call',
      peer: 'JSON.parse only', peer_value: floorUs, ratio: parseTextUs / floorUs },
    { suite: 'requests', case: 'buildRequest posts.update', value: buildUs, unit: 'us/call' },
    { suite: 'requests', case: 'signRequest with body (base + SHA-256 + HMAC)', value: signUs, unit: 'us/call' },
  ];
}
