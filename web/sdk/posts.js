// Posts, the validation/catalog side: the content-type catalog, the server's rules for a post
// request predicted before it leaves, labels and signatures, offline preview numbers. Every
// rule is the core's; this module only moves JSON across the boundary, once per user action.
import { loadCore, askCore } from './core.js';

// {platforms: [PlatformRow x 14]}, the shape of GET /content-types.
export async function contentTypes() {
  return askCore(await loadCore(), 'contentTypes', {});
}

// {platforms: [{platform, alt_text_max_length, meta: [{key, type, required_to_publish, ...}]}]}
export async function metaCatalog() {
  return askCore(await loadCore(), 'metaCatalog', {});
}

// request: {workspace: {social_accounts, labels, posts}, method: 'POST'|'PUT', post_id?, body,
// now?: ISO string or Date (default: now)}. Answers {valid, status, message, errors, notices,
// dropped, body}: body is what would be sent, with the meta keys the server drops removed.
export async function validatePostRequest(request) {
  const now = request.now instanceof Date ? request.now.toISOString() : (request.now ?? new Date().toISOString());
  return askCore(await loadCore(), 'validatePostRequest', { ...request, now });
}

// Appends signatures in click order (texts or {content} objects); answers the new content.
export async function applySignatures(content, signatures) {
  const answer = askCore(await loadCore(), 'applySignatures', { content: content ?? '', signatures: signatures ?? [] });
  return answer.content;
}

// {valid, status, message, errors} for a label or signature body; method 'POST' or 'PUT'.
export async function validateLabel(body, method = 'POST') {
  return askCore(await loadCore(), 'validateLabel', { method, body });
}
export async function validateSignature(body, method = 'POST') {
  return askCore(await loadCore(), 'validateSignature', { method, body });
}

// The numbers of GET /posts/{id}/preview for a post in the API shape.
export async function previewPost(post) {
  return askCore(await loadCore(), 'previewPost', post);
}
