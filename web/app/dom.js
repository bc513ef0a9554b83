// Small DOM helpers shared by the dashboard's elements. No innerHTML anywhere: every text goes
// through textContent, so post content can never become markup.
let seq = 0;
export const uid = (prefix = 'id') => `${prefix}-${++seq}`;

// h('button', {type: 'button', onclick}, 'Save') -> element. Attributes starting with "on" are
// listeners; `class`, `text`, `dataset` and boolean attributes are handled; null/false skip.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = Boolean(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// A labelled control with its own error slot: the error is announced and tied to the control.
export function field(label, control, { hint, name } = {}) {
  const id = control.id || (control.id = uid('f'));
  const errId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  const error = h('p', { class: 'field-error', id: errId, role: 'status' });
  control.setAttribute('aria-describedby', [hintId, errId].filter(Boolean).join(' '));
  if (name) control.dataset.field = name;
  const wrap = h('div', { class: 'field' },
    h('label', { for: id, text: label }),
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null,
    control, error);
  wrap.setError = (message) => {
    error.textContent = message ?? '';
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  };
  // A notice: taken as written, but worth knowing (not an error, so no aria-invalid). Its slot is
  // made on the first notice, so forms that never have one carry no empty live region; a live
  // region is announced only for changes made after it is in the page, so its first text comes a
  // task later.
  let notice = null;
  let text = '';
  wrap.setNotice = (message) => {
    text = message ?? '';
    if (!notice) {
      if (!text) return;
      notice = h('p', { class: 'field-notice', id: `${id}-notice`, role: 'status' });
      error.after(notice);
      control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby')} ${notice.id}`);
      setTimeout(() => { notice.textContent = text; });
    } else if (notice.textContent !== text) notice.textContent = text;
  };
  wrap.control = control;
  return wrap;
}

// A modal dialog built on <dialog> (focus is kept inside; Escape closes it).
export function openDialog(title, build, { onClose, className } = {}) {
  const titleId = uid('dlg');
  const dlg = h('dialog', { 'aria-labelledby': titleId, class: className ?? 'dialog' });
  const close = () => {
    dlg.close();
  };
  dlg.addEventListener('close', () => {
    dlg.remove();
    onClose?.();
  });
  const body = h('div', { class: 'dialog-body' });
  dlg.append(
    h('header', { class: 'dialog-head' },
      h('h2', { id: titleId, text: title }),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close', onclick: close, text: '×' })),
    body);
  document.body.append(dlg);
  build(body, close, dlg);
  dlg.showModal();
  const first = dlg.querySelector('[autofocus]') ?? body.querySelector('input, textarea, select, button');
  first?.focus();
  return { dlg, close };
}

// Puts messages ({path: [messages]}) next to their fields through each field's `setter`
// ('setError' or 'setNotice'), clearing the fields that got none; several paths that map to one
// field share it. Answers the messages no field took.
function place(fields, byPath, mapPath, setter) {
  const byField = new Map();
  const rest = [];
  for (const [path, messages] of Object.entries(byPath ?? {})) {
    const target = fields[mapPath(path)];
    const text = (Array.isArray(messages) ? messages : [messages]).join(' ');
    if (target?.[setter]) byField.set(target, [...(byField.get(target) ?? []), text]);
    else rest.push(text);
  }
  for (const f of new Set(Object.values(fields))) f[setter]?.(byField.get(f)?.join(' ') ?? '');
  return rest;
}

// The core's (or the server's) errors, {path: [messages]}.
export const showErrors = (fields, errors, mapPath = (p) => p) => place(fields, errors, mapPath, 'setError');

// The core's notices, [{path, message}]: taken as written, worth knowing.
export function showNotices(fields, notices, mapPath = (p) => p) {
  const byPath = {};
  for (const { path, message } of notices ?? []) (byPath[path] ??= []).push(message);
  return place(fields, byPath, mapPath, 'setNotice');
}

export function errorText(err) {
  if (!err) return '';
  return err.message || String(err);
}
