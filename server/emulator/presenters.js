// Objects in the API's wire shapes (docs/api-contract.md#objects and docs/account-api.md).
import { formatApi, formatIso } from './time.js';

export const mediaUrl = (origin, item) => item.url ?? `${origin}/storage/${item.path}`;

export function mediaItem(origin, m) {
  const out = {
    id: m.id, path: m.path, url: mediaUrl(origin, m), type: m.type, mime_type: m.mime_type,
    original_filename: m.original_filename,
  };
  if (m.size !== undefined) out.size = m.size;
  if (m.meta && Object.keys(m.meta).length) out.meta = m.meta;
  return out;
}

export const label = (l) => ({ id: l.id, name: l.name, color: l.color, created_at: formatApi(l.created_at), updated_at: formatApi(l.updated_at) });
export const signature = (s) => ({ id: s.id, name: s.name, content: s.content, created_at: formatApi(s.created_at), updated_at: formatApi(s.updated_at) });

function accountOf(ws, id) {
  const a = ws.social_accounts.find((x) => x.id === id);
  return a ? socialAccount(a) : null;
}

export function post(origin, ws, p, { withLabels = true } = {}) {
  return {
    id: p.id,
    content: p.content,
    media: p.media.map((m) => mediaItem(origin, m)),
    status: p.status,
    scheduled_at: formatApi(p.scheduled_at),
    published_at: formatApi(p.published_at),
    platforms: p.platforms.map((e) => ({
      id: e.id,
      platform: e.platform,
      content_type: e.content_type,
      meta: e.meta,
      status: e.status,
      enabled: e.enabled,
      platform_url: e.platform_url,
      published_at: formatApi(e.published_at),
      error_message: e.error_message,
      display_name: e.display_name,
      display_username: e.display_username,
      display_avatar: e.display_avatar,
      social_account: accountOf(ws, e.social_account_id),
    })),
    labels: withLabels ? p.label_ids.map((id) => ws.labels.find((l) => l.id === id)).filter(Boolean).map(label) : [],
    created_at: formatApi(p.created_at),
    updated_at: formatApi(p.updated_at),
  };
}

export const socialAccount = (a) => ({
  id: a.id, platform: a.platform, display_name: a.display_name, username: a.username,
  is_active: a.is_active, status: a.status,
});

export const workspace = (w) => ({ id: w.id, name: w.name, created_at: formatApi(w.created_at), updated_at: formatApi(w.updated_at) });

export const apiKey = (k) => ({
  id: k.id, name: k.name, last_used_at: formatIso(k.last_used_at), expires_at: formatIso(k.expires_at),
  created_at: formatIso(k.created_at),
});

export function asset(origin, a) {
  return {
    id: a.id, original_filename: a.original_filename, type: a.type, mime_type: a.mime_type, size: a.size,
    url: mediaUrl(origin, a), meta: a.meta && Object.keys(a.meta).length ? a.meta : [],
    created_at: formatApi(a.created_at),
  };
}

export const accountWorkspace = (w, role) => ({
  id: w.id, name: w.name, logo_url: w.logo_url, role, brand: { ...w.brand },
  created_at: formatApi(w.created_at), updated_at: formatApi(w.updated_at),
});

export const member = (u, role) => ({ user_id: u.id, name: u.name, email: u.email, role });
export const invite = (i) => ({ id: i.id, email: i.email, role: i.role, status: i.status, created_at: formatApi(i.created_at) });
