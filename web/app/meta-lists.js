// Editors for the meta catalog's list options (Discord "mentions" and "embeds"): rows of small
// fields whose values go into the platform's meta as an array. Nothing is checked here: the core
// answers with paths like platforms.0.meta.embeds.1.color, and each row's fields are registered
// under those paths so the message lands at its control.
import { h, clear, field, uid } from './dom.js';

// A fieldset that can carry an error for the whole list ("must not have more than 10 items").
function group(legend, hint) {
  const error = h('p', { class: 'field-error', id: uid('grp-err'), role: 'status' });
  const hintEl = hint ? h('p', { class: 'hint', id: uid('grp-hint'), text: hint }) : null;
  const box = h('fieldset', { class: 'meta-list', 'aria-describedby': [hintEl?.id, error.id].filter(Boolean).join(' ') },
    h('legend', { text: legend }), hintEl);
  box.setError = (m) => {
    error.textContent = m ?? '';
    if (m) box.setAttribute('aria-invalid', 'true');
    else box.removeAttribute('aria-invalid');
  };
  return { box, error };
}

// Text-like control bound to one key of an item; an empty value removes the key.
function bound(item, key, control, onChange) {
  control.value = item[key] ?? '';
  control.addEventListener('input', () => {
    if (control.value !== '') item[key] = control.value;
    else delete item[key];
    onChange();
  });
  return control;
}

// spec: {label, noun, plural, hint?, maxItems?, fields: [{key, label, control(), hint?}]}
// ctx: {meta, key, path, account, fields, onChange}. The rows are the array itself: a row the
// user added stays (even empty) so the indexes of the core's answer match what is on screen.
function listEditor(spec, ctx) {
  const { meta, key, path, account, fields } = ctx;
  const items = Array.isArray(meta[key]) ? meta[key].map((it) => ({ ...(it ?? {}) })) : [];
  const sync = () => {
    if (items.length) meta[key] = items;
    else delete meta[key];
    ctx.onChange?.();
  };
  sync();
  const { box, error } = group(`${spec.plural} for ${account}`, spec.hint);
  const list = h('div', { class: 'meta-items' });
  const reason = h('p', { class: 'hint', id: uid('max'), role: 'status' });
  const add = h('button', { type: 'button', 'aria-describedby': reason.id, 'aria-label': `Add ${spec.noun} for ${account}`, text: `Add ${spec.noun}`, onclick: () => {
    if (spec.maxItems && items.length >= spec.maxItems) return;
    items.push({});
    sync();
    render();
    list.querySelector('.meta-item:last-child input, .meta-item:last-child textarea')?.focus();
  } });
  fields[path] = { setError: box.setError };

  function render() {
    for (const k of Object.keys(fields)) if (k.startsWith(`${path}.`)) delete fields[k];
    clear(list, items.map((item, n) => {
      const label = `${spec.label} ${n + 1}`;
      const row = spec.fields.map((fd) => {
        const f = field(`${label} ${fd.label} for ${account}`, bound(item, fd.key, fd.control(), sync), { hint: fd.hint });
        fields[`${path}.${n}.${fd.key}`] = f;
        return f;
      });
      const remove = h('button', { type: 'button', class: 'danger-link', text: 'Remove', 'aria-label': `Remove ${label.toLowerCase()} for ${account}`, onclick: () => {
        items.splice(n, 1);
        sync();
        render();
        (list.querySelectorAll('.meta-item')[Math.min(n, items.length - 1)]?.querySelector('input, textarea') ?? add).focus();
      } });
      const rowBox = spec.itemLegend
        ? h('fieldset', { class: 'meta-item' }, h('legend', { text: `${label} for ${account}` }), row, remove)
        : h('div', { class: 'meta-item', role: 'group', 'aria-label': `${label} for ${account}` }, row, remove);
      // An error for the row as a whole (platforms.0.meta.embeds.1) lands on its first field.
      fields[`${path}.${n}`] = row[0];
      return rowBox;
    }));
    const full = Boolean(spec.maxItems) && items.length >= spec.maxItems;
    add.disabled = full;
    reason.textContent = full ? `A message takes at most ${spec.maxItems} ${spec.plural.toLowerCase()}.` : '';
  }
  render();
  box.append(list, add, reason, error);
  return box;
}

const text = () => h('input', { type: 'text' });
const url = () => h('input', { type: 'url', inputmode: 'url', placeholder: 'https://…' });

// m: the catalog entry ({key, type, fields, max_items}).
export function mentionsEditor(m, ctx) {
  return listEditor({
    label: 'Mention', noun: 'mention', plural: 'Mentions',
    // The forms that ping are the core's (its catalog and its notice say them in the same words).
    hint: `Each mention is ${m.fields?.token?.format ?? 'a Discord mention token'}. The label is only for you.`,
    fields: [
      { key: 'token', label: 'token', control: text },
      m.fields?.label ? { key: 'label', label: 'label', control: text } : null,
    ].filter(Boolean),
  }, ctx);
}

export function embedsEditor(m, ctx) {
  const f = m.fields ?? {};
  const limit = (k) => (f[k]?.max_length ? `Up to ${f[k].max_length} characters.` : undefined);
  return listEditor({
    label: 'Embed', noun: 'embed', plural: 'Embeds', itemLegend: true, maxItems: m.max_items,
    fields: [
      { key: 'title', label: 'title', control: text, hint: limit('title') },
      { key: 'description', label: 'description', control: () => h('textarea', { rows: '3' }), hint: limit('description') },
      { key: 'url', label: 'URL', control: url },
      { key: 'image', label: 'image URL', control: url },
      { key: 'color', label: 'colour', control: () => h('input', { type: 'text', placeholder: '#5865F2', autocomplete: 'off' }), hint: f.color?.format },
    ].filter((fd) => !m.fields || f[fd.key]),
  }, ctx);
}
