// The notice beside a control the person's role may not use: their role, and who may (the core's
// words, from roleCatalog's who_may), so the sentence cannot name a role the core refuses.
import { h } from './dom.js';

// roles: the catalog (sdk.roleCatalog), or null when it could not be read.
export function roleNotice(roles, role, action, what) {
  const who = roles?.who_may?.[action];
  return h('p', { class: 'notice', text: who ? `Your role here is ${role}: only ${who} can ${what}.` : `Your role here is ${role}: it cannot ${what}.` });
}
