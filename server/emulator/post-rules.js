// Validation of post bodies (create and update) and the checks that run only when a post is
// scheduled or published: required meta, caption caps, media versus content type.
import { CONTENT_TYPE_VALUES, META_SCHEMA, contentTypeByValue, contentTypeFits, platformById } from './catalog.js';
import { captionLength } from './counting.js';
import { display } from './validation.js';

export const FINALIZED = 'This post has already been processed and cannot be re-published. Duplicate it to try again.';
export const FINAL_STATUSES = ['publishing', 'published', 'partially_published', 'failed'];
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

// Validates a meta object for a platform; returns the known keys only. With keepNulls (updates),
// a null value is kept so the merge can delete that key.
export function validateMeta(v, path, meta, platform, { keepNulls = false } = {}) {
  if (meta === undefined || meta === null) return {};
  if (!isObject(meta) && !(Array.isArray(meta) && meta.length === 0)) {
    v.add(path, `The ${display(path)} field must be an array.`);
    return {};
  }
  const schema = META_SCHEMA[platform] ?? {};
  const out = {};
  for (const [key, value] of Object.entries(isObject(meta) ? meta : {})) {
    const rule = schema[key];
    if (!rule) continue; // unknown keys are dropped
    if (value === null) {
      if (keepNulls) out[key] = null;
      continue;
    }
    const p = `${path}.${key}`;
    if (!v.check(p, value, rule.rules)) continue;
    if (rule.items) {
      value.forEach((item, i) => {
        if (!isObject(item)) { v.add(`${p}.${i}`, `The ${display(`${p}.${i}`)} field must be an array.`); return; }
        for (const [f, rules] of Object.entries(rule.items)) v.check(`${p}.${i}.${f}`, item[f], rules);
      });
      out[key] = value.map((item) => (isObject(item) ? Object.fromEntries(Object.entries(item).filter(([f]) => rule.items[f])) : item));
    } else {
      out[key] = rule.rules.includes('boolean') ? [true, 1, '1'].includes(value) : value;
    }
  }
  return out;
}

export function mergeMeta(stored, patch) {
  const out = { ...(stored ?? {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

export function validateMediaItems(v, media) {
  if (!v.check('media', media, ['nullable', 'array'])) return;
  media.forEach((item, i) => {
    const p = `media.${i}`;
    if (!isObject(item)) { v.add(p, `The ${p} field must be an array.`); return; }
    v.check(`${p}.url`, item.url, ['required', 'string', 'url', 'max:2048']);
    if (isObject(item.meta)) v.check(`${p}.meta.alt_text`, item.meta.alt_text, ['nullable', 'string', 'max:2000']);
    else v.check(`${p}.meta`, item.meta, ['nullable', 'object']);
    v.check(`${p}.id`, item.id, ['nullable', 'string']);
    v.check(`${p}.path`, item.path, ['nullable', 'string']);
    v.check(`${p}.type`, item.type, ['nullable', 'in:image,video,document']);
    v.check(`${p}.mime_type`, item.mime_type, ['nullable', 'string']);
    v.check(`${p}.original_filename`, item.original_filename, ['nullable', 'string', 'max:500']);
    v.check(`${p}.size`, item.size, ['nullable', 'integer']);
    v.check(`${p}.source`, item.source, ['nullable', 'in:ai,unsplash,giphy']);
    v.check(`${p}.source_meta`, item.source_meta, ['nullable', 'object']);
  });
}

export function validateLabelIds(v, ws, labelIds) {
  if (!v.check('label_ids', labelIds, ['nullable', 'array'])) return;
  labelIds.forEach((id, i) => {
    if (v.check(`label_ids.${i}`, id, ['uuid']) && !ws.labels.some((l) => l.id === id)) {
      v.add(`label_ids.${i}`, `The selected label_ids.${i} is invalid.`);
    }
  });
}

export const checkContentType = (v, path, value, platform) => {
  if (!v.check(path, value, ['string', `in:${CONTENT_TYPE_VALUES}`])) return false;
  if (platform && !contentTypeFits(value, platform)) {
    v.add(path, `The ${display(path)} is not available for the ${platform} platform.`);
    return false;
  }
  return true;
};

// Checks that run on PUT to scheduled or publishing. `entries` are the effective enabled entries,
// `submitted` maps entry id -> index in the body's platforms[] (for required meta).
export function checkPublishable(v, { content, media, entries, submitted }) {
  for (const e of entries) {
    const i = submitted.get(e.id);
    if (i !== undefined) {
      for (const [key, rule] of Object.entries(META_SCHEMA[e.platform] ?? {})) {
        if (rule.required && (e.meta?.[key] === undefined || e.meta?.[key] === null || e.meta?.[key] === '')) {
          const p = `platforms.${i}.meta.${key}`;
          v.add(p, `The ${display(p)} field is required.`);
        }
      }
    }
  }
  const seen = new Set();
  for (const e of entries) {
    const pf = platformById.get(e.platform);
    if (!pf || seen.has(pf.id)) continue;
    seen.add(pf.id);
    if (captionLength(content, pf.id) > pf.max) {
      v.add('content', `The content field must not be greater than ${pf.max} characters for ${pf.label}.`);
    }
  }
  for (const e of entries) {
    const ct = contentTypeByValue.get(e.content_type);
    if (!ct) continue;
    const n = media.length;
    const types = new Set(media.map((m) => m.type));
    if (ct.req && n < Math.max(1, ct.min)) v.add('media', `The ${ct.value} content type requires ${ct.min > 1 ? `at least ${ct.min} media items` : 'media'}.`);
    else if (n && n < ct.min) v.add('media', `The ${ct.value} content type requires at least ${ct.min} media items.`);
    if (n > ct.max) v.add('media', `The ${ct.value} content type takes at most ${ct.max} media items.`);
    for (const m of media) {
      const ok = m.type === 'image' ? ct.img && (m.mime_type !== 'image/gif' || ct.gif) : m.type === 'video' ? ct.vid : ct.doc;
      if (!ok) { v.add('media', `The ${ct.value} content type does not accept ${m.type === 'image' && m.mime_type === 'image/gif' ? 'GIF images' : `${m.type}s`}.`); break; }
    }
    if (ct.mixed && types.size > 1) v.add('media', `The ${ct.value} content type cannot mix media types.`);
  }
}
