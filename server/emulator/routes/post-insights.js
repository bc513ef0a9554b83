// Read-only views of a post: per-platform metrics and the per-platform caption preview.
import { createHash } from 'node:crypto';
import { platformById } from '../catalog.js';
import { codePoints } from '../counting.js';
import { sanitize } from '../sanitize.js';
import { findPost } from './posts.js';

const UNSUPPORTED = new Set(['tiktok', 'linkedin']);

// Stable made-up numbers per entry, so repeated calls (and the 5-minute cache) agree.
function numbers(seed, n) {
  const h = createHash('sha256').update(seed).digest();
  return Array.from({ length: n }, (_, i) => h.readUInt16BE(i * 2) % 500);
}

function metricsFor(e) {
  if (UNSUPPORTED.has(e.platform)) return { unsupported: true, reason: 'platform_not_supported' };
  if (e.status !== 'published') return { unsupported: true, reason: 'not_published' };
  const [a, b, c, d] = numbers(e.id, 4);
  if (e.platform === 'telegram') return [{ label: 'Subscribers', value: 1000 + a, kind: 'subscribers' }, { label: '👍', value: b, kind: 'reaction' }];
  if (e.platform === 'discord') {
    return [{ label: 'Members', value: 200 + a, kind: 'subscribers' }, { label: '🎉', value: b, kind: 'reaction' }, { label: 'Comments', value: c, kind: 'comments' }];
  }
  return [{ label: 'Impressions', value: 1000 + a * 10 }, { label: 'Likes', value: b }, { label: 'Comments', value: c }, { label: 'Shares', value: d }];
}

function metrics(ctx) {
  const post = findPost(ctx, ctx.params.post);
  return {
    status: 200,
    body: {
      post_id: post.id,
      platforms: post.platforms.filter((e) => e.enabled).map((e) => ({
        post_platform_id: e.id, platform: e.platform, status: e.status,
        platform_post_id: e.platform_post_id ?? null, platform_url: e.platform_url, metrics: metricsFor(e),
      })),
    },
  };
}

function preview(ctx) {
  const post = findPost(ctx, ctx.params.post);
  const original = post.content ?? '';
  return {
    status: 200,
    body: {
      post_id: post.id,
      original_content: original,
      original_length: codePoints(original),
      platforms: post.platforms.map((e) => {
        const s = sanitize(original, e.platform);
        return {
          post_platform_id: e.id, platform: e.platform, content_type: e.content_type,
          sanitized_content: s, sanitized_length: codePoints(s),
          max_content_length: platformById.get(e.platform)?.max ?? null,
          truncated: Buffer.byteLength(s) < Buffer.byteLength(original),
        };
      }),
    },
  };
}

export const routes = [
  ['GET', '/posts/:post/metrics', metrics],
  ['GET', '/posts/:post/preview', preview],
];
