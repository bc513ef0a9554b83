// The platform and content-type catalog (14 platforms, 20 content types) with the numbers from the
// contract (docs/api-contract.md#content-types), plus the per-platform meta schema (#meta).
const MB = 1048576;
const GB = 1073741824;

export const PLATFORMS = [
  // id, label, max, recommended, allowed media types, default content type, alt-text max
  ['linkedin', 'LinkedIn', 3000, 1200, ['image', 'video', 'document'], 'linkedin_post'],
  ['linkedin-page', 'LinkedIn Page', 3000, 1200, ['image', 'video', 'document'], 'linkedin_page_post'],
  ['x', 'X', 280, 220, ['image', 'video'], 'x_post'],
  ['facebook', 'Facebook Page', 10000, 280, ['image', 'video'], 'facebook_post'],
  ['instagram', 'Instagram', 2200, 600, ['image', 'video'], 'instagram_feed'],
  ['instagram-facebook', 'Instagram (Facebook Business)', 2200, 600, ['image', 'video'], 'instagram_feed'],
  ['tiktok', 'TikTok', 2200, 150, ['video'], 'tiktok_video'],
  ['youtube', 'YouTube Shorts', 100, 80, ['video'], 'youtube_short'],
  ['threads', 'Threads', 500, 300, ['image', 'video'], 'threads_post'],
  ['pinterest', 'Pinterest', 800, 200, ['image', 'video'], 'pinterest_pin'],
  ['bluesky', 'Bluesky', 300, 220, ['image', 'video'], 'bluesky_post'],
  ['mastodon', 'Mastodon', 500, 300, ['image', 'video'], 'mastodon_post'],
  ['telegram', 'Telegram', 4096, 400, ['image', 'video'], 'telegram_post'],
  ['discord', 'Discord', 2000, 280, ['image', 'video'], 'discord_message'],
].map(([id, label, max, rec, media, def]) => ({ id, label, max, rec, media, def }));

export const PLATFORM_IDS = PLATFORMS.map((p) => p.id);
export const platformById = new Map(PLATFORMS.map((p) => [p.id, p]));

// value, platforms, label, min, max media, requires media, img, vid, doc, gif, mixed forbidden,
// max video seconds, max image bytes, max video bytes
const T = true, F = false;
const ROWS = [
  ['linkedin_post', ['linkedin'], 'Post', 0, 10, F, T, T, T, F, T, 600, 5 * MB, GB],
  ['linkedin_page_post', ['linkedin-page'], 'Post', 0, 10, F, T, T, T, F, T, 600, 5 * MB, GB],
  ['x_post', ['x'], 'Post', 0, 4, F, T, T, F, T, F, 140, 5 * MB, 512 * MB],
  ['facebook_post', ['facebook'], 'Post', 0, 10, F, T, T, F, F, F, 14400, 4 * MB, GB],
  ['facebook_reel', ['facebook'], 'Reel', 0, 1, T, F, T, F, F, F, 90, null, GB],
  ['facebook_story', ['facebook'], 'Story', 0, 1, T, F, T, F, F, F, 60, null, GB],
  ['instagram_feed', ['instagram', 'instagram-facebook'], 'Feed', 0, 10, T, T, T, F, F, F, 60, 8 * MB, 100 * MB],
  ['instagram_reel', ['instagram', 'instagram-facebook'], 'Reel', 0, 1, T, F, T, F, F, F, 900, null, GB],
  ['instagram_story', ['instagram', 'instagram-facebook'], 'Story', 0, 1, T, T, T, F, F, F, 60, 8 * MB, 100 * MB],
  ['tiktok_video', ['tiktok'], 'Video', 0, 1, T, F, T, F, F, F, null, null, null],
  ['tiktok_photo', ['tiktok'], 'Photo', 1, 35, T, T, F, F, F, F, null, null, null],
  ['youtube_short', ['youtube'], 'Short', 0, 1, T, F, T, F, F, F, 180, null, GB],
  ['threads_post', ['threads'], 'Post', 0, 10, F, T, T, F, F, F, 300, 8 * MB, GB],
  ['pinterest_pin', ['pinterest'], 'Pin', 0, 1, T, T, F, F, F, F, null, 10 * MB, null],
  ['pinterest_video_pin', ['pinterest'], 'Video Pin', 0, 1, T, F, T, F, F, F, 900, null, GB],
  ['pinterest_carousel', ['pinterest'], 'Carousel', 2, 5, T, T, F, F, F, F, null, 10 * MB, null],
  ['bluesky_post', ['bluesky'], 'Post', 0, 4, F, T, T, F, T, T, 60, null, 100 * MB],
  ['mastodon_post', ['mastodon'], 'Post', 0, 4, F, T, T, F, T, F, null, 10 * MB, 40 * MB],
  ['telegram_post', ['telegram'], 'Message', 0, 10, F, T, T, F, T, F, null, null, null],
  ['discord_message', ['discord'], 'Message', 0, 10, F, T, T, F, T, F, null, null, null],
];

export const CONTENT_TYPES = ROWS.map(([value, platforms, label, min, max, req, img, vid, doc, gif, mixed, dur, imgB, vidB]) => ({
  value, platforms, label, min, max, req, img, vid, doc, gif, mixed, dur, imgB, vidB,
  docB: doc ? 100 * MB : null,
}));
export const CONTENT_TYPE_VALUES = CONTENT_TYPES.map((c) => c.value);
export const contentTypeByValue = new Map(CONTENT_TYPES.map((c) => [c.value, c]));

export const contentTypeFits = (value, platform) => Boolean(contentTypeByValue.get(value)?.platforms.includes(platform));

// Whether a content type takes a file of this media type ("image" | "video" | "document"), GIFs
// being images that only some content types keep.
export function contentTypeAccepts(value, mediaType, mime) {
  const ct = contentTypeByValue.get(value);
  if (!ct) return false;
  if (mediaType === 'image') return ct.img && (mime !== 'image/gif' || ct.gif);
  if (mediaType === 'video') return ct.vid;
  if (mediaType === 'document') return ct.doc;
  return false;
}

function describe(ct) {
  const kinds = [ct.img && 'images', ct.vid && 'videos', ct.doc && 'documents'].filter(Boolean).join(', ');
  return `${ct.label} with ${ct.req ? 'required' : 'optional'} media (${kinds}; up to ${ct.max}).`;
}

export function contentTypesDocument() {
  return {
    platforms: PLATFORMS.map((p) => ({
      platform: p.id,
      label: p.label,
      max_content_length: p.max,
      recommended_content_length: p.rec,
      allowed_media_types: p.media,
      default_content_type: p.def,
      content_types: CONTENT_TYPES.filter((c) => c.platforms.includes(p.id)).map((c) => ({
        value: c.value,
        label: c.label,
        description: describe(c),
        max_media_count: c.max,
        min_media_count: c.min,
        requires_media: c.req,
        accept_images: c.img,
        accept_videos: c.vid,
        accept_documents: c.doc,
        accepts_gif: c.gif,
        forbids_mixed_media: c.mixed,
        max_video_duration_sec: c.dur,
        max_image_bytes: c.imgB,
        max_video_bytes: c.vidB,
        max_document_bytes: c.docB,
      })),
    })),
  };
}

// Per-platform meta keys (docs/api-contract.md#meta). Each key: a type check returning an error message or null, and
// whether it is required when the post is scheduled or published.
const ASPECT = ['1:1', '4:5', '16:9', 'original'];
const PRIVACY = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'];
export const META_SCHEMA = {
  instagram: { aspect_ratio: { rules: ['string', `in:${ASPECT}`] } },
  'instagram-facebook': { aspect_ratio: { rules: ['string', `in:${ASPECT}`] } },
  facebook: { aspect_ratio: { rules: ['string', `in:${ASPECT}`] } },
  linkedin: { document_title: { rules: ['string', 'max:300'] } },
  'linkedin-page': { document_title: { rules: ['string', 'max:300'] } },
  tiktok: {
    privacy_level: { rules: ['string', `in:${PRIVACY}`], required: true },
    allow_comments: { rules: ['boolean'] },
    allow_duet: { rules: ['boolean'] },
    allow_stitch: { rules: ['boolean'] },
    auto_add_music: { rules: ['boolean'] },
    is_aigc: { rules: ['boolean'] },
    disclose: { rules: ['boolean'] },
    brand_content_toggle: { rules: ['boolean'] },
    brand_organic_toggle: { rules: ['boolean'] },
  },
  pinterest: {
    board_id: { rules: ['string'], required: true },
    title: { rules: ['string', 'max:100'] },
    link: { rules: ['url', 'max:2048'] },
  },
  discord: {
    channel_id: { rules: ['string'], required: true },
    channel_name: { rules: ['string', 'max:255'] },
    mentions: { rules: ['array'], items: { token: ['required', 'string'], label: ['string'] } },
    embeds: {
      rules: ['array', 'max:10'],
      items: {
        title: ['string', 'max:256'],
        description: ['string', 'max:4096'],
        url: ['url'],
        image: ['url'],
        color: ['string', 'regex:^#?[0-9a-fA-F]{6}$'],
      },
    },
  },
};
