// The composer dialog: content, accounts, per-platform counters and options, media by URL,
// labels, signatures, schedule time; Save draft / Schedule / Publish now. Counting, the catalog
// and every validation rule are asked of the core; the server's answer lands at the same fields.
import { h, clear, field, openDialog, showErrors, uid } from './dom.js';
import * as sdk from '../sdk/index.js';

let catalogs = null;
async function loadCatalogs() {
  if (!catalogs) catalogs = Promise.all([sdk.contentTypes(), sdk.metaCatalog()]).then(([ct, meta]) => ({
    types: new Map(ct.platforms.map((p) => [p.platform, p])),
    meta: new Map(meta.platforms.map((p) => [p.platform, p])),
  }));
  return catalogs;
}

// ctx: {accounts, labels, signatures, posts, submit(action, {body, scheduleAt}) -> {errors?}}
export async function openComposer(ctx) {
  const cat = await loadCatalogs();
  const accounts = ctx.accounts;
  const state = { selected: new Set(), types: new Map(), meta: new Map(), busy: false };
  const fields = {};
  const content = h('textarea', { rows: '6', autofocus: true });
  fields.content = field('Content', content);
  const counters = h('ul', { class: 'counters', 'aria-label': 'Characters per platform' });

  const accountsBox = h('fieldset', { class: 'accounts' }, h('legend', { text: 'Accounts' }));
  const accountError = h('p', { class: 'field-error', id: uid('acc-err'), role: 'status' });
  accountsBox.setAttribute('aria-describedby', accountError.id);
  for (const a of accounts) {
    const cb = h('input', { type: 'checkbox', id: uid('acc'), value: String(a.id), disabled: !a.is_active, onchange: () => {
      if (cb.checked) state.selected.add(String(a.id));
      else state.selected.delete(String(a.id));
      renderOptions();
      recount();
    } });
    accountsBox.append(h('div', { class: 'check' }, cb, h('label', { for: cb.id, text: `${a.display_name} (${a.platform})${a.is_active ? '' : ' — inactive'}${a.status && a.status !== 'connected' ? ` — ${a.status.replace('_', ' ')}` : ''}` })));
  }
  accountsBox.append(accountError);
  fields.platforms = { setError: (m) => { accountError.textContent = m ?? ''; }, querySelector: () => accountError };

  const options = h('div', { class: 'platform-options' });
  const mediaUrl = h('input', { type: 'url', inputmode: 'url', placeholder: 'https://…' });
  fields.media = field('Media URL', mediaUrl, { hint: 'A public image, video or PDF address.' });
  const alt = h('input', { type: 'text' });
  fields.alt = field('Alt text', alt);

  const labelsBox = h('fieldset', { class: 'labels' }, h('legend', { text: 'Labels' }));
  for (const l of ctx.labels) {
    const cb = h('input', { type: 'checkbox', id: uid('lbl'), value: String(l.id) });
    labelsBox.append(h('div', { class: 'check' }, cb, h('label', { for: cb.id, text: l.name })));
  }
  if (!ctx.labels.length) labelsBox.append(h('p', { class: 'hint', text: 'No labels in this workspace yet.' }));
  const labelError = h('p', { class: 'field-error', role: 'status' });
  labelsBox.append(labelError);
  fields.label_ids = { setError: (m) => { labelError.textContent = m ?? ''; }, querySelector: () => labelError };

  const sigs = h('div', { class: 'signatures', role: 'group', 'aria-label': 'Signatures' },
    ctx.signatures.map((s) => h('button', { type: 'button', onclick: async () => {
      content.value = await sdk.applySignatures(content.value, [s.content]);
      recount();
    }, text: `Add signature: ${s.name}` })));

  const when = h('input', { type: 'datetime-local', step: '60' });
  fields.scheduled_at = field('Schedule time (UTC)', when, { hint: 'Needed for "Schedule". Times are UTC.' });
  const formError = h('p', { class: 'form-error', role: 'alert' });

  function typeOf(a) {
    return state.types.get(String(a.id)) ?? cat.types.get(a.platform)?.default_content_type;
  }
  function selectedAccounts() {
    return accounts.filter((a) => state.selected.has(String(a.id)));
  }

  function renderOptions() {
    clear(options);
    selectedAccounts().forEach((a, i) => {
      const row = cat.types.get(a.platform);
      const box = h('fieldset', { class: 'platform-box' }, h('legend', { text: `${a.display_name} (${a.platform})` }));
      const sel = h('select', { onchange: () => { state.types.set(String(a.id), sel.value); recount(); } },
        (row?.content_types ?? []).map((t) => h('option', { value: t.value, text: t.label })));
      sel.value = typeOf(a);
      const ctField = field(`Content type for ${a.display_name}`, sel);
      fields[`platforms.${i}.content_type`] = ctField;
      fields[`platforms.${i}.social_account_id`] = ctField;
      box.append(ctField);
      const meta = state.meta.get(String(a.id)) ?? {};
      state.meta.set(String(a.id), meta);
      for (const m of cat.meta.get(a.platform)?.meta ?? []) {
        if (m.type === 'array') continue; // Discord mentions and embeds: not in this composer yet
        let control;
        const name = `${m.key.replace(/_/g, ' ')} for ${a.display_name}${m.required_to_publish ? ' (required to publish)' : ''}`;
        if (m.type === 'boolean') {
          control = h('input', { type: 'checkbox', checked: meta[m.key] === true, onchange: () => { meta[m.key] = control.checked; } });
        } else if (Array.isArray(m.values ?? m.enum)) {
          control = h('select', { onchange: () => { if (control.value) meta[m.key] = control.value; else delete meta[m.key]; } },
            h('option', { value: '', text: '—' }), (m.values ?? m.enum).map((v) => h('option', { value: v, text: v })));
          control.value = meta[m.key] ?? '';
        } else {
          control = h('input', { type: 'text', value: meta[m.key] ?? '', oninput: () => { if (control.value) meta[m.key] = control.value; else delete meta[m.key]; } });
        }
        const f = field(name, control);
        fields[`platforms.${i}.meta.${m.key}`] = f;
        box.append(f);
      }
      options.append(box);
    });
  }

  let countSeq = 0;
  async function recount() {
    const seq = ++countSeq;
    const text = content.value;
    const seen = new Map();
    for (const a of selectedAccounts()) {
      const t = typeOf(a);
      if (!seen.has(t)) seen.set(t, { platforms: [], answer: null });
      seen.get(t).platforms.push(a.platform);
    }
    for (const [t, entry] of seen) entry.answer = await sdk.count(t, text);
    if (seq !== countSeq) return;
    clear(counters, [...seen].map(([t, e]) => {
      const over = !e.answer.valid;
      return h('li', { class: over ? 'counter over' : 'counter' },
        h('span', { text: `${[...new Set(e.platforms)].join(', ')} (${t.replace(/_/g, ' ')})` }), ' ',
        h('output', { 'aria-label': `Characters for ${[...new Set(e.platforms)].join(', ')}`, text: `${e.answer.length} / ${e.answer.max_length}` }),
        over ? h('span', { class: 'counter-error', text: ` ${e.answer.length - e.answer.max_length} over the limit` }) : null);
    }));
  }
  content.addEventListener('input', recount);

  function body() {
    const b = { content: content.value, platforms: selectedAccounts().map((a) => {
      const meta = state.meta.get(String(a.id)) ?? {};
      const entry = { social_account_id: a.id, content_type: typeOf(a) };
      if (Object.keys(meta).length) entry.meta = { ...meta };
      return entry;
    }) };
    if (mediaUrl.value.trim()) b.media = [{ url: mediaUrl.value.trim(), ...(alt.value ? { meta: { alt_text: alt.value } } : {}) }];
    const labelIds = [...labelsBox.querySelectorAll('input:checked')].map((c) => c.value);
    if (labelIds.length) b.label_ids = labelIds;
    if (when.value) b.scheduled_at = `${when.value.length === 16 ? `${when.value}:00` : when.value}Z`;
    return b;
  }

  const mapPath = (p) => {
    if (p.startsWith('media.')) return 'media';
    if (p === 'platforms' || /^platforms\.\d+$/.test(p)) return 'platforms';
    if (p.startsWith('label_ids')) return 'label_ids';
    if (/^platforms\.\d+\.meta\.[a-z_]+/.test(p)) return p.split('.').slice(0, 4).join('.');
    return p;
  };
  function show(errors, message) {
    const rest = showErrors(fields, errors, mapPath);
    formError.textContent = rest.length ? rest.join(' ') : (Object.keys(errors ?? {}).length ? 'Please fix the fields marked above.' : (message ?? ''));
  }

  // The PUT that follows a create, checked against a stand-in draft before anything is sent.
  function standInPut(b, status) {
    const sel = selectedAccounts();
    const post = { id: '__new', status: 'draft', content: b.content, media: b.media ?? [], labels: [], scheduled_at: null,
      platforms: sel.map((a, i) => ({ id: `__pp${i}`, platform: a.platform, content_type: typeOf(a), meta: b.platforms[i].meta ?? {}, enabled: true, status: 'pending', social_account: a })) };
    const put = { status, platforms: sel.map((a, i) => ({ id: `__pp${i}` })) };
    if (status === 'scheduled') put.scheduled_at = b.scheduled_at ?? null;
    return { post, put };
  }

  async function act(action, close) {
    if (state.busy) return;
    const b = body();
    const workspace = { social_accounts: accounts, labels: ctx.labels, posts: ctx.posts };
    let check = await sdk.validatePostRequest({ workspace, method: 'POST', body: action === 'schedule' ? b : { ...b, scheduled_at: action === 'draft' ? b.scheduled_at : undefined } });
    if (check.valid && action !== 'draft') {
      const { post, put } = standInPut(b, action === 'schedule' ? 'scheduled' : 'publishing');
      const second = await sdk.validatePostRequest({ workspace: { ...workspace, posts: [...ctx.posts, post] }, method: 'PUT', post_id: '__new', body: put });
      if (!second.valid) check = second;
    }
    if (!check.valid) return show(check.errors, check.message);
    state.busy = true;
    dlg.setAttribute('aria-busy', 'true');
    formError.textContent = 'Saving…';
    try {
      const out = await ctx.submit(action, { body: check.body ?? b });
      if (out?.errors || out?.message) show(out.errors ?? {}, out.message);
      else close();
    } finally {
      state.busy = false;
      dlg.removeAttribute('aria-busy');
    }
  }

  let dlg;
  openDialog('New post', (bodyEl, close, d) => {
    dlg = d;
    bodyEl.append(h('form', { class: 'composer', novalidate: true, onsubmit: (e) => e.preventDefault() },
      fields.content, counters, sigs, accountsBox, options, fields.media, fields.alt, labelsBox, fields.scheduled_at, formError,
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => act('draft', close), text: 'Save draft' }),
        h('button', { type: 'button', class: 'primary', onclick: () => act('schedule', close), text: 'Schedule' }),
        h('button', { type: 'button', onclick: () => act('publish', close), text: 'Publish now' }))));
  }, { className: 'dialog wide' });
  recount();
}
