// A client's workspace calls on the account API: list, create, rename and brand, delete, members,
// and a key for a listed workspace. The Store (C++) builds and reads every request; this file says
// which request, and keeps a new key or session where the client keeps them.
//
// c: {send(ws, kind, params, options), supports(feature), known() -> summaries, summary(id),
//     part(id, part), device() -> {id, name} | null, storage, onSession: Set, views: Map,
//     deleting: Set, outbox() -> Outbox | null, refused: RefusedCredentials, keyUsable(id)}
export function workspaceCalls(c) {
  return {
    async list() {
      if (c.supports('workspace_lifecycle')) await c.send('', 'account.workspaces.list', {});
      return c.known();
    },
    // The list as this client holds it now, without asking the server.
    known: () => c.known(),

    async create({ name } = {}) {
      const params = { name };
      // The device's session for the new workspace comes in the same answer: no key is made.
      const device = c.device();
      if (device) Object.assign(params, { device_id: device.id, device_name: device.name });
      const out = await c.send('', 'account.workspaces.create', params, { keepText: true });
      // The new workspace's key came in this answer; persist it only if the caller opted in.
      const answer = JSON.parse(out.responseText);
      const key = answer?.api_key?.plain_token;
      if (answer?.session?.token) c.onSession.add(out.workspace_id);
      else if (typeof key === 'string' && key) await c.storage.save(out.workspace_id, key);
      return c.summary(out.workspace_id);
    },

    async update(id, patch = {}) {
      const { brand, logo, ...rest } = patch;
      const fields = { ...rest };
      if (logo !== undefined) fields.logo_url = logo;
      if ('name' in fields || 'logo_url' in fields) await c.send(id, 'account.workspaces.update', fields);
      if (brand !== undefined) await c.send(id, 'account.workspaces.brand', brand);
      return c.summary(id);
    },

    async remove(id, { confirmName } = {}) {
      c.deleting.add(String(id));
      try {
        await c.send(id, 'account.workspaces.delete', { confirm_name: confirmName });
        await c.storage.remove(id);
        c.views.delete(id);
        // Deleting a workspace deletes its posts: edits still waiting for it go with them.
        await c.outbox()?.discard(id);
      } finally {
        c.deleting.delete(String(id));
      }
    },

    async members(id) {
      await c.send(id, 'account.members.list', {});
      return c.part(id, 'members');
    },

    // A listed workspace this client holds no key for gets one (Owner/Admin, account API only).
    async issueKey(id, { name = 'Dashboard', expiresAt } = {}) {
      const params = { name };
      if (expiresAt !== undefined) params.expires_at = expiresAt;
      const out = await c.send(id, 'account.api_keys.create', params, { keepText: true });
      const key = JSON.parse(out.responseText)?.plain_token;
      if (typeof key === 'string' && key) await c.storage.save(id, key);
      c.onSession.delete(id);
      c.refused.accepted([id]);
      c.keyUsable(id);
      return c.summary(id);
    },
  };
}
