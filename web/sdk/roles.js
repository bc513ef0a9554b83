// The roles in words, asked of the core (built from the same table its permission checks use):
// each role's name and description, who may take an action, and which roles the acting person
// may assign. Fixed per build and role, so each role's answer is read once.
import { loadCore, parseCoreAnswer } from './core.js';

const cached = new Map();

// {roles: [{role, name, description, assignable}], assignable: [role], who_may: {action: text}}.
// `role`: the acting person's role in the open workspace (none: every assignable role).
export function roleCatalog(role = null) {
  const key = role ?? '';
  if (!cached.has(key)) {
    const p = loadCore().then((core) => Object.freeze(parseCoreAnswer(core.describeRoles(JSON.stringify(role ? { role } : {})))));
    p.catch(() => cached.delete(key));
    cached.set(key, p);
  }
  return cached.get(key);
}
