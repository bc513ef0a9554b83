// For node:test suites: an emulator on a random 127.0.0.1 port, a fetch wrapper, and a small
// seed with fixed ids covering every role, several platforms and a second workspace.
import { createClock } from './clock.js';
import { createEmulator, serveEmulator } from './index.js';

export const IDS = {
  account: '0a000000-0000-4000-8000-000000000001',
  owner: '0b000000-0000-4000-8000-000000000001', admin: '0b000000-0000-4000-8000-000000000002',
  member: '0b000000-0000-4000-8000-000000000003', viewer: '0b000000-0000-4000-8000-000000000004',
  outsider: '0b000000-0000-4000-8000-000000000005',
  ws1: '0c000000-0000-4000-8000-000000000001', ws2: '0c000000-0000-4000-8000-000000000002',
  x: '0d000000-0000-4000-8000-000000000001', linkedin: '0d000000-0000-4000-8000-000000000002',
  pinterest: '0d000000-0000-4000-8000-000000000003', tiktok: '0d000000-0000-4000-8000-000000000004',
  discord: '0d000000-0000-4000-8000-000000000005', instagram: '0d000000-0000-4000-8000-000000000006',
  threadsInactive: '0d000000-0000-4000-8000-000000000007', facebook: '0d000000-0000-4000-8000-000000000008',
  bluesky: '0d000000-0000-4000-8000-000000000009', ws2x: '0d000000-0000-4000-8000-0000000000ff',
  label1: '0e000000-0000-4000-8000-000000000001', ws2label: '0e000000-0000-4000-8000-0000000000ff',
  sig1: '0f000000-0000-4000-8000-000000000001', ws2sig: '0f000000-0000-4000-8000-0000000000ff',
  ws2post: '0a100000-0000-4000-8000-0000000000ff', asset1: '0a200000-0000-4000-8000-000000000001',
  logo: '0a200000-0000-4000-8000-000000000002', ws2asset: '0a200000-0000-4000-8000-0000000000ff',
};
export const TOKENS = {
  owner: 'tp_test_owner_key_000000000000000000000001', admin: 'tp_test_admin_key_000000000000000000000002',
  member: 'tp_test_member_key_00000000000000000000003', viewer: 'tp_test_viewer_key_00000000000000000000004',
  expired: 'tp_test_expired_key_0000000000000000000005', ws2: 'tp_test_ws2_owner_key_000000000000000000006',
};
export const ACCOUNT_TOKENS = {
  owner: 'acct_test_owner', admin: 'acct_test_admin', member: 'acct_test_member', viewer: 'acct_test_viewer', outsider: 'acct_test_outsider',
};

export function testSeed() {
  const user = (k, name) => ({ id: IDS[k], name, email: `${k}@test.example`, account_token: ACCOUNT_TOKENS[k] });
  const acct = (k, platform, extra = {}) => ({ id: IDS[k], platform, display_name: `${platform} account`, username: `@${k}`, ...extra });
  return {
    account: { id: IDS.account, name: 'Test account', owner: 'owner@test.example' },
    users: [user('owner', 'Olga Owner'), user('admin', 'Ada Admin'), user('member', 'Max Member'), user('viewer', 'Vera Viewer'), user('outsider', 'Otto Outsider')],
    workspaces: [
      {
        id: IDS.ws1, name: 'Alpha',
        members: [{ email: 'admin@test.example', role: 'admin' }, { email: 'member@test.example', role: 'member' }, { email: 'viewer@test.example', role: 'viewer' }],
        api_keys: [
          { name: 'owner key', user: 'owner@test.example', plain_token: TOKENS.owner },
          { name: 'admin key', user: 'admin@test.example', plain_token: TOKENS.admin },
          { name: 'member key', user: 'member@test.example', plain_token: TOKENS.member },
          { name: 'viewer key', user: 'viewer@test.example', plain_token: TOKENS.viewer },
          { name: 'old key', user: 'owner@test.example', plain_token: TOKENS.expired, expires_at: '2020-01-01T00:00:00Z' },
        ],
        social_accounts: [
          acct('x', 'x'), acct('linkedin', 'linkedin'), acct('pinterest', 'pinterest', { boards: [{ id: '1234567890123456789', name: 'Ideas' }] }),
          acct('tiktok', 'tiktok'), acct('discord', 'discord'), acct('instagram', 'instagram'),
          acct('threadsInactive', 'threads', { is_active: false }), acct('facebook', 'facebook'), acct('bluesky', 'bluesky'),
        ],
        labels: [{ id: IDS.label1, name: 'Launch', color: '#4f46e5', created_at: '2026-01-01 00:00:00' }],
        signatures: [{ id: IDS.sig1, name: 'Sign-off', content: '— Alpha', created_at: '2026-01-01 00:00:00' }],
        assets: [
          { id: IDS.asset1, url: '/fixtures/media/photo.jpg', original_filename: 'team-photo.jpg', meta: { alt_text: 'Library alt' }, created_at: '2026-01-01 00:00:00' },
          { id: IDS.logo, url: '/fixtures/media/avatar.png', original_filename: 'logo.png', kind: 'logo' },
        ],
      },
      {
        id: IDS.ws2, name: 'Beta',
        api_keys: [{ name: 'beta', user: 'owner@test.example', plain_token: TOKENS.ws2 }],
        social_accounts: [acct('ws2x', 'x')],
        labels: [{ id: IDS.ws2label, name: 'Other', color: '#000000' }],
        signatures: [{ id: IDS.ws2sig, name: 'Other', content: 'other' }],
        assets: [{ id: IDS.ws2asset, url: '/fixtures/media/photo.jpg', original_filename: 'beta.jpg' }],
        posts: [{ id: IDS.ws2post, content: 'beta post', platforms: [{ account: IDS.ws2x }] }],
      },
    ],
  };
}

export async function startEmulator(options = {}) {
  const clock = options.clock ?? createClock();
  const emulator = await createEmulator({ seed: testSeed(), rateLimit: 0, clock, control: true, ...options });
  const server = serveEmulator(emulator);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  async function api(method, path, { token = TOKENS.owner, body, headers = {}, raw } = {}) {
    const h = { accept: 'application/json', ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    let payload = raw;
    if (body !== undefined) { h['content-type'] = 'application/json'; payload = JSON.stringify(body); }
    const res = await fetch(`${base}${path.startsWith('/') ? path : `/api/${path}`}`, { method, headers: h, body: payload });
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = text; }
    return { status: res.status, body: json, headers: res.headers };
  }
  return {
    base, emulator, clock, api,
    close: async () => { server.closeAllConnections(); await new Promise((r) => server.close(r)); await emulator.close(); },
  };
}

// A multipart body with one "media" file.
export function multipart(bytes, filename = 'file.bin', type = 'application/octet-stream', field = 'media') {
  const boundary = `----trypost${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { raw: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
