// The Labels and Signatures tabs of Settings: list, create, edit, delete (confirmed), and for
// signatures the default one. Each body is checked by the core (validateLabel,
// validateSignature) before it leaves; the server's 422 lands at the same fields.
import { h, clear, field, openDialog, showErrors, errorText } from './dom.js';
import { roleNotice } from './role-notice.js';
import * as sdk from '../sdk/index.js';

// The default signature has no place in the API: it is this browser's preference, per workspace.
const defaultKey = (wsId) => `trypost.default-signature.${wsId}`;
export function defaultSignatureId(wsId) {
  try {
    return localStorage.getItem(defaultKey(wsId));
  } catch {
    return null;
  }
}
function setDefaultSignatureId(wsId, id) {
  try {
    if (id) localStorage.setItem(defaultKey(wsId), id);
    else localStorage.removeItem(defaultKey(wsId));
  } catch { /* storage refused (private mode): the choice lasts for this page only */ }
}

const LABELS = {
  key: 'labels', noun: 'label', title: 'Labels', permission: 'manage_labels',
  what: 'create, rename, recolour or delete labels',
  empty: 'No labels yet. Labels group posts in the calendar and its filters; create the first one below.',
  deleteNote: 'It is taken off every post that carries it; the posts themselves stay.',
  validate: (body, method) => sdk.validateLabel(body, method),
  form(item) {
    const name = h('input', { type: 'text', autocomplete: 'off', value: item?.name ?? '' });
    const color = h('input', { type: 'color', value: (item?.color ?? '#4f46e5').toLowerCase() });
    return {
      fields: { name: field('Name', name), color: field('Colour', color, { hint: 'Shown as the swatch next to the label.' }) },
      values: () => ({ name: name.value, color: color.value.toUpperCase() }),
    };
  },
  describe: (l) => [swatch(l.color), h('span', { class: 'item-name', text: l.name }), h('span', { class: 'hint mono', text: String(l.color).toUpperCase() })],
};

const SIGNATURES = {
  key: 'signatures', noun: 'signature', title: 'Signatures', permission: 'manage_signatures',
  what: 'create, edit or delete signatures',
  empty: 'No signatures yet. A signature is text the composer adds to a post in one click; create the first one below.',
  deleteNote: 'Posts that already carry its text keep it.',
  validate: (body, method) => sdk.validateSignature(body, method),
  form(item) {
    const name = h('input', { type: 'text', autocomplete: 'off', value: item?.name ?? '' });
    const content = h('textarea', { rows: '3', value: item?.content ?? '' });
    return {
      fields: { name: field('Name', name), content: field('Text', content, { hint: 'Added at the end of the post, after a blank line.' }) },
      values: () => ({ name: name.value, content: content.value }),
    };
  },
  describe: (s, { isDefault }) => [
    h('span', { class: 'item-name', text: s.name }),
    isDefault ? h('span', { class: 'badge', text: 'Default' }) : null,
    h('span', { class: 'item-text', text: s.content }),
  ],
};

function swatch(color) {
  const s = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  s.style.backgroundColor = color;
  return s;
}

// Shows core or server errors at the fields; answers the text for the form's status line.
function errorsAt(fields, errors, message) {
  const rest = showErrors(fields, errors ?? {});
  if (rest.length) return rest.join(' ');
  return Object.keys(errors ?? {}).length ? 'Not saved: see the fields above.' : message ?? '';
}

// Checks with the core, then sends. Answers true when saved.
async function checkedSave(spec, api, item, form, statusEl) {
  const body = form.values();
  const method = item ? 'PUT' : 'POST';
  let check;
  try {
    check = await spec.validate(body, method);
  } catch (err) {
    statusEl.textContent = `The ${spec.noun} could not be checked: ${errorText(err)}`;
    return false;
  }
  if (!check.valid) {
    statusEl.textContent = errorsAt(form.fields, check.errors, check.message);
    return false;
  }
  statusEl.textContent = 'Saving…';
  try {
    if (item) await api.update(item.id, body);
    else await api.create(body);
  } catch (err) {
    statusEl.textContent = errorsAt(form.fields, err.errors, errorText(err));
    return false;
  }
  showErrors(form.fields, {});
  statusEl.textContent = '';
  return true;
}

// ctx: {client, ws, resources, notify, onChanged(kind, list), roles (sdk.roleCatalog)}
function collectionPanel(panel, ctx, spec) {
  const { client, ws } = ctx;
  const api = ctx.resources[spec.key];
  const allowed = client.can(spec.permission);
  const listBox = h('div', { 'aria-busy': 'true' }, h('div', { class: 'skeleton line' }), h('div', { class: 'skeleton line' }));
  const status = h('p', { role: 'status', class: 'save-status' });
  let items = [];

  const render = () => {
    listBox.removeAttribute('aria-busy');
    const defId = spec.key === 'signatures' ? defaultSignatureId(ws.id) : null;
    if (!items.length) return clear(listBox, h('p', { class: 'hint', text: spec.empty }));
    clear(listBox, h('ul', { class: 'item-list', 'aria-label': spec.title }, items.map((item) => {
      const isDefault = defId === String(item.id);
      const actions = allowed ? h('div', { class: 'item-actions' },
        h('button', { type: 'button', 'aria-label': `Edit ${spec.noun} ${item.name}`, onclick: () => editDialog(item), text: 'Edit' }),
        spec.key === 'signatures' ? h('button', { type: 'button', 'aria-pressed': String(isDefault), 'aria-label': `Make default: ${item.name}`, onclick: () => {
          setDefaultSignatureId(ws.id, isDefault ? null : String(item.id));
          status.textContent = isDefault ? `"${item.name}" is no longer the default signature.` : `"${item.name}" is now the default: new posts start with it.`;
          render();
        }, text: isDefault ? 'Default' : 'Make default' }) : null,
        h('button', { type: 'button', class: 'danger-link', 'aria-label': `Delete ${spec.noun} ${item.name}`, onclick: () => deleteDialog(item), text: 'Delete' })) : null;
      return h('li', { class: 'item' }, h('div', { class: 'item-main' }, spec.describe(item, { isDefault })), actions);
    })));
  };

  // After a dialog closes, focus goes to a control that still exists (the list re-renders).
  const reload = async (focusLabel = null) => {
    try {
      items = [...(await api.list())];
    } catch (err) {
      clear(listBox, h('p', { class: 'error', role: 'alert', text: `${errorText(err)} Open the tab again to retry.` }));
      return;
    }
    if (spec.key === 'signatures' && defaultSignatureId(ws.id) && !items.some((s) => String(s.id) === defaultSignatureId(ws.id))) setDefaultSignatureId(ws.id, null);
    ctx.onChanged?.(spec.key, items);
    render();
    if (focusLabel) (panel.querySelector(`[aria-label="${CSS.escape(focusLabel)}"]`) ?? panel.querySelector('input, textarea'))?.focus();
  };

  function editDialog(item) {
    openDialog(`Edit ${spec.noun}`, (body, close) => {
      const form = spec.form(item);
      const formStatus = h('p', { role: 'alert', class: 'form-error' });
      const save = h('button', { type: 'submit', class: 'primary', text: `Save ${spec.noun}` });
      body.append(h('form', { novalidate: true, onsubmit: async (e) => {
        e.preventDefault();
        save.disabled = true;
        const ok = await checkedSave(spec, api, item, form, formStatus);
        save.disabled = false;
        if (!ok) return;
        close();
        const name = form.values().name.trim();
        status.textContent = `The ${spec.noun} "${name}" was saved.`;
        await reload(`Edit ${spec.noun} ${name}`);
      } }, Object.values(form.fields), formStatus, h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close, text: 'Cancel' }), save)));
    });
  }

  function deleteDialog(item) {
    openDialog(`Delete ${spec.noun} "${item.name}"?`, (body, close) => {
      const formStatus = h('p', { role: 'alert', class: 'form-error' });
      body.append(h('p', { text: `This deletes the ${spec.noun} "${item.name}". ${spec.deleteNote} It cannot be undone.` }), formStatus,
        h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close, text: 'Cancel' }),
          h('button', { type: 'button', class: 'danger', onclick: async () => {
            try {
              await api.delete(item.id);
            } catch (err) {
              formStatus.textContent = errorText(err);
              return;
            }
            close();
            status.textContent = `The ${spec.noun} "${item.name}" was deleted.`;
            await reload(`New ${spec.noun}`);
          }, text: `Delete ${spec.noun}` })));
    });
  }

  let create = null;
  if (allowed) {
    const form = spec.form(null);
    const formStatus = h('p', { role: 'status', class: 'save-status' });
    const headingId = `new-${spec.noun}-title`;
    create = h('form', { class: 'inline-form', novalidate: true, 'aria-labelledby': headingId, onsubmit: async (e) => {
      e.preventDefault();
      const ok = await checkedSave(spec, api, null, form, formStatus);
      if (!ok) return;
      const name = form.values().name.trim();
      for (const f of Object.values(form.fields)) if (f.control.type !== 'color') f.control.value = '';
      status.textContent = `The ${spec.noun} "${name}" was created.`;
      await reload();
    } }, h('h3', { id: headingId, text: `New ${spec.noun}` }), Object.values(form.fields), h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', text: `Create ${spec.noun}` }), formStatus));
  }
  const role = client.activeWorkspace?.role ?? ws.role;
  panel.append(
    allowed ? '' : roleNotice(ctx.roles, role, spec.permission, spec.what),
    listBox, status, create ?? '');
  reload();
}

export function labelsPanel(panel, ctx) {
  collectionPanel(panel, ctx, LABELS);
}
export function signaturesPanel(panel, ctx) {
  collectionPanel(panel, ctx, SIGNATURES);
}
