// The composer's actions, asked of the core: which ones a post offers (and whether it can be
// changed at all), and what each one sends.
import { loadCore, askCore } from './core.js';

// {editable, deletable, actions: ['save' | 'draft' | 'schedule' | 'publish'], sends: {action:
// status}, why_frozen?}; no status: a new post.
export async function postActions(status = null) {
  return askCore(await loadCore(), 'describePostActions', status ? { status } : {});
}

// {action, body, status?, platforms?: [id]} -> an existing post's {update}, or a new post's
// {create, then?: {status, platforms, scheduled_at?}, unfinished}.
export async function planPostAction(request) {
  return askCore(await loadCore(), 'planPostAction', request);
}
