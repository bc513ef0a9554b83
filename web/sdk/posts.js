// Posts, the validation/catalog side: the content-type catalog, the server's rules for a post
// request predicted before it leaves, labels and signatures, offline preview numbers. Every
// rule is the core's; this module only moves JSON across the boundary, once per user action.
import { loadCore, parseCoreAnswer } from './core.js';

async function ask(fn, input) {
  const core = await loadCore();
  return parseCoreAnswer(core[fn](JSON.stringify(input ?? {})));
}

// {platforms: [PlatformRow x 14]}, the shape of GET /content-types.
export function contentTypes() {
  return ask('contentTypes', {});
}

// {platforms: [{platform, alt_text_max_length, meta: [{key, type, required_to_publish, ...}]}]}
export function metaCatalog() {
  return ask('metaCatalog', {});
}

// request: {workspace: {social_accounts, labels, posts}, method: 'POST'|'PUT', post_id?, body,
// now?: ISO string or Date (default: now)}. Answers {valid, status, message, errors, notices,
// dropped, body}: body is what would be sent, with the meta keys the server drops removed.
export function validatePostRequest(request) {
  const now = request.now instanceof Date ? request.now.toISOString() : (request.now ?? new Date().toISOString());
  return ask('validatePostRequest', { ...request, now });
}

// Appends signatures in click order (texts or {content} objects); answers the new content.
export async function applySignatures(content, signatures) {
  const answer = await ask('applySignatures', { content: content ?? '', signatures: signatures ?? [] });
  return answer.content;
}

// {valid, status, message, errors} for a label or signature body; method 'POST' or 'PUT'.
export function validateLabel(body, method = 'POST') {
  return ask('validateLabel', { method, body });
}
export function validateSignature(body, method = 'POST') {
  return ask('validateSignature', { method, body });
}

// The numbers of GET /posts/{id}/preview for a post in the API shape.
export function previewPost(post) {
  return ask('previewPost', post);
}
