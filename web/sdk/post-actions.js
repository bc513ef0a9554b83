// The composer's actions, asked of the core: which ones a post offers (and whether it can be
// changed at all), and what each one sends.
import { loadCore, parseCoreAnswer } from './core.js';

async function ask(fn, input) {
  const core = await loadCore();
  return parseCoreAnswer(core[fn](JSON.stringify(input)));
}

// {editable, deletable, actions: ['save' | 'draft' | 'schedule' | 'publish'], why_frozen?}; no status: a new post.
export function postActions(status = null) {
  return ask('describePostActions', status ? { status } : {});
}

// {action, body, status?, platforms?: [id]} -> an existing post's {update}, or a new post's
// {create, then?: {status, platforms, scheduled_at?}, unfinished}.
export function planPostAction(request) {
  return ask('planPostAction', request);
}
