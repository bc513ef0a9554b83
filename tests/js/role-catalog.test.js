// The role words the dashboard shows come from the core through the SDK (roleCatalog), so a notice
// or the Team tab cannot name a role the core's permission table refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roleCatalog, loadCore, CoreError } from '../../web/sdk/index.js';

test('an Admin may assign Admin, Member and Viewer, never Owner', async () => {
  const c = await roleCatalog('admin');
  assert.deepEqual(c.assignable, ['admin', 'member', 'viewer']);
  assert.deepEqual(c.roles.map((r) => [r.role, r.name, r.assignable]),
    [['owner', 'Owner', false], ['admin', 'Admin', true], ['member', 'Member', true], ['viewer', 'Viewer', true]]);
});

test('a Member or a Viewer may assign no role', async () => {
  assert.deepEqual((await roleCatalog('member')).assignable, []);
  assert.deepEqual((await roleCatalog('viewer')).assignable, []);
});

test('who may take an action agrees with the permission table the client checks', async () => {
  const c = await roleCatalog('viewer');
  const store = new (await loadCore()).Store();
  const table = JSON.parse(store.permissions()); // what client.can() answers from
  store.delete();
  for (const action of table.actions) {
    for (const role of table.roles) {
      const name = c.roles.find((r) => r.role === role).name;
      assert.equal(c.who_may[action].includes(name), table.matrix[role][action], `${action} / ${role}: "${c.who_may[action]}"`);
    }
  }
  assert.equal(c.who_may.manage_posts, 'an Owner, Admin or Member');
});

test('each role is described in plain words', async () => {
  for (const r of (await roleCatalog()).roles) assert.match(r.description, /^[A-Z][^_]{20,}\.$/);
});

test('an unknown role is refused with the field named', async () => {
  await assert.rejects(roleCatalog('superuser'), (err) => err instanceof CoreError && err.details.errors.role.length === 1);
});

test("the owner's role is fixed, with the reason the Team tab shows; every other role may change", async () => {
  for (const acting of ['owner', 'admin', 'viewer', null]) {
    const c = await roleCatalog(acting);
    assert.deepEqual(c.roles.filter((r) => r.fixed).map((r) => r.role), ['owner']);
    const owner = c.roles.find((r) => r.role === 'owner');
    assert.match(owner.fixed_reason, /ownership cannot be transferred/);
    assert.ok(c.roles.filter((r) => !r.fixed).every((r) => r.fixed_reason === undefined));
    // No fixed role is ever offered to assign.
    assert.ok(c.assignable.every((role) => !c.roles.find((r) => r.role === role).fixed));
  }
});
