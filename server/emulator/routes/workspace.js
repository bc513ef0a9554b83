// The key's workspace, the content-type catalog, and the key's own API keys.
import { addKey, deleteKey, listKeys, validateKeyInput } from '../api-keys.js';
import { contentTypesDocument } from '../catalog.js';
import * as present from '../presenters.js';
import { requireRole } from '../roles.js';

const CATALOG = contentTypesDocument();

export const routes = [
  ['GET', '/workspace', (ctx) => ({ status: 200, body: present.workspace(ctx.ws) })],
  ['GET', '/content-types', () => ({ status: 200, body: CATALOG })],
  ['GET', '/api-keys', (ctx) => {
    requireRole(ctx.role, 'manageTeam');
    return { status: 200, body: listKeys(ctx.ws, ctx.user.id) };
  }],
  ['POST', '/api-keys', (ctx) => {
    requireRole(ctx.role, 'manageTeam');
    validateKeyInput(ctx.body, ctx.now);
    return { status: 201, body: addKey(ctx.ws, ctx.user.id, ctx.body, ctx.clock.now()) };
  }, { idempotent: true }],
  ['DELETE', '/api-keys/:key', (ctx) => {
    requireRole(ctx.role, 'manageTeam');
    deleteKey(ctx.ws, ctx.user.id, ctx.params.key);
    return { status: 204 };
  }],
];
