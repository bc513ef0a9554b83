// The role matrix of docs/api-contract.md#roles, by capability.
import { forbidden } from './errors.js';

export const CAN = {
  view: ['owner', 'admin', 'member', 'viewer'],
  writePosts: ['owner', 'admin', 'member'],
  assets: ['owner', 'admin', 'member'],
  lookups: ['owner', 'admin', 'member'],
  manageAccounts: ['owner', 'admin'],
  manageTeam: ['owner', 'admin'],
  settings: ['owner', 'admin'],
  deleteWorkspace: ['owner'],
};

export function requireRole(role, capability) {
  if (!CAN[capability].includes(role)) throw forbidden();
}
