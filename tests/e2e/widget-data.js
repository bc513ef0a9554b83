// Synthetic workspaces for the widget's browser tests and bench: N posts spread over a few months,
// written as a real snapshot file by the core's own exporter (so the format is the core's).
import { exportSnapshot } from '../../web/sdk/index.js';
import { mulberry32 as prng } from '../../server/seeded-random.js';

const PLATFORMS = [['x', 'x_post'], ['linkedin', 'linkedin_post'], ['instagram', 'instagram_feed'], ['bluesky', 'bluesky_post'], ['facebook', 'facebook_post']];
const STATUSES = ['scheduled', 'scheduled', 'scheduled', 'published', 'draft', 'failed', 'partially_published'];
const WORDS = 'launch spring menu behind the scenes new trail guide weekend offer team story recipe tips event recap'.split(' ');

export const LABELS = [
  { id: 'lbl-campaign', name: 'Campaign', color: '#4f46e5' },
  { id: 'lbl-evergreen', name: 'Evergreen', color: '#16a34a' },
  { id: 'lbl-promo', name: 'Promo', color: '#dc2626' },
];


// `count` posts between `from` and `from + days`, about 1% unscheduled drafts.
export function makePosts(count, { from = '2026-04-01', days = 91, seed = 7 } = {}) {
  const rnd = prng(seed);
  const start = Date.parse(`${from}T00:00:00Z`);
  const posts = [];
  for (let i = 0; i < count; i++) {
    const [platform, contentType] = PLATFORMS[Math.floor(rnd() * PLATFORMS.length)];
    const status = STATUSES[Math.floor(rnd() * STATUSES.length)];
    const at = new Date(start + Math.floor(rnd() * days * 96) * 15 * 60_000).toISOString().replace('.000Z', 'Z');
    const words = Array.from({ length: 4 + Math.floor(rnd() * 10) }, () => WORDS[Math.floor(rnd() * WORDS.length)]);
    const label = rnd() < 0.7 ? [LABELS[Math.floor(rnd() * LABELS.length)]] : [];
    const unscheduled = status === 'draft' && rnd() < 0.1;
    posts.push({
      id: String(100000 + i),
      status,
      content: `Post ${i}: ${words.join(' ')}`,
      scheduled_at: unscheduled ? null : at,
      published_at: status === 'published' ? at : null,
      platforms: [{ id: `pp-${i}`, platform, content_type: contentType, social_account: { id: `acc-${platform}` } }],
      labels: label,
    });
  }
  return posts;
}

export async function makeSnapshot(count, options = {}) {
  const posts = makePosts(count, options);
  const accounts = PLATFORMS.map(([platform]) => ({ id: `acc-${platform}`, platform, display_name: `Bluebird ${platform}`, username: `@bluebird_${platform}`, is_active: true, status: 'connected' }));
  return exportSnapshot({
    workspace: { name: 'Bluebird Bakery', logo_url: null, brand: { primary: '#b45309', background: '#fffbeb', text: '#1c1917' } },
    accounts,
    labels: LABELS,
    posts,
  });
}
