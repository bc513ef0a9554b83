// Labels and signatures: bare arrays, latest first; both fields required on create and update.
import { notFound } from '../errors.js';
import { uuid } from '../ids.js';
import * as present from '../presenters.js';
import { requireRole } from '../roles.js';
import { Validator } from '../validation.js';

let seq = 0;

function crud({ collection, fields, shape, missing }) {
  const find = (ctx) => {
    const item = ctx.ws[collection].find((x) => x.id === ctx.params.id);
    if (!item) throw notFound(missing);
    return item;
  };
  const validate = (ctx) => {
    const v = new Validator({ now: ctx.now });
    for (const [name, rules] of Object.entries(fields)) v.check(name, ctx.body[name], rules);
    v.throwIfFailed();
  };
  return {
    list: (ctx) => ({
      status: 200,
      body: [...ctx.ws[collection]].sort((a, b) => b.created_at - a.created_at || (b.seq ?? 0) - (a.seq ?? 0)).map(shape),
    }),
    create: (ctx) => {
      requireRole(ctx.role, 'writePosts');
      validate(ctx);
      const now = ctx.clock.now();
      const item = { id: uuid(), created_at: now, updated_at: now, seq: Date.now() * 1000 + (++seq % 1000) };
      for (const f of Object.keys(fields)) item[f] = ctx.body[f];
      ctx.ws[collection].push(item);
      return { status: 201, body: shape(item) };
    },
    update: (ctx) => {
      const item = find(ctx);
      requireRole(ctx.role, 'writePosts');
      validate(ctx);
      for (const f of Object.keys(fields)) item[f] = ctx.body[f];
      item.updated_at = ctx.clock.now();
      return { status: 200, body: shape(item) };
    },
    destroy: (ctx) => {
      const item = find(ctx);
      requireRole(ctx.role, 'writePosts');
      ctx.ws[collection] = ctx.ws[collection].filter((x) => x !== item);
      if (collection === 'labels') for (const p of ctx.ws.posts) p.label_ids = p.label_ids.filter((id) => id !== item.id);
      return { status: 204 };
    },
  };
}

const labels = crud({
  collection: 'labels',
  fields: { name: ['required', 'string', 'max:255'], color: ['required', 'string', 'regex:^#[0-9a-fA-F]{6}$'] },
  shape: present.label,
  missing: 'Label not found.',
});
const signatures = crud({
  collection: 'signatures',
  fields: { name: ['required', 'string', 'max:255'], content: ['required', 'string'] },
  shape: present.signature,
  missing: 'Signature not found.',
});

export const routes = [
  ['GET', '/labels', labels.list],
  ['POST', '/labels', labels.create, { idempotent: true }],
  ['PUT', '/labels/:id', labels.update],
  ['DELETE', '/labels/:id', labels.destroy],
  ['GET', '/signatures', signatures.list],
  ['POST', '/signatures', signatures.create, { idempotent: true }],
  ['PUT', '/signatures/:id', signatures.update],
  ['DELETE', '/signatures/:id', signatures.destroy],
];
