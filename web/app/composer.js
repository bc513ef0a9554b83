// The composer dialog: content, accounts, per-platform counters and options (with Pinterest
// board and Discord channel pickers, Discord mentions and embeds), media by URL or uploaded from
// files with their progress, labels, signatures, schedule time. New posts:
// Save draft / Schedule / Publish now. An existing draft or scheduled post opens here filled
// ("Edit post") and is saved with a PUT. Counting, the catalog and every validation rule are
// asked of the core; the server's answer lands at the same fields, and the user's text stays.
import { h, clear, field, openDialog, showErrors, showNotices, uid, errorText } from './dom.js';
import * as sdk from '../sdk/index.js';
import { mentionsEditor, embedsEditor } from './meta-lists.js';
import { scheduleField } from './schedule-field.js';
import { checksFor, check } from './composer-checks.js';
import { fileUploads } from './composer-uploads.js';

// Meta keys whose values are lists of rows, by the catalog's type.
const LIST_EDITORS = { mentions: mentionsEditor, embeds: embedsEditor };

let catalogs = null;
async function loadCatalogs() {
  if (!catalogs) catalogs = Promise.all([sdk.contentTypes(), sdk.metaCatalog()]).then(([ct, meta]) => ({
    types: new Map(ct.platforms.map((p) => [p.platform, p])),
    meta: new Map(meta.platforms.map((p) => [p.platform, p])),
  }));
  return catalogs;
}

// The picker lists come from the API per account ("boards" for Pinterest board_id, "channels"
// for Discord channel_id); one request per account and dialog.
const LOOKUPS = {
  board_id: { platform: 'pinterest', list: 'boards', noun: 'board', label: 'Pinterest board' },
  channel_id: { platform: 'discord', list: 'channels', noun: 'channel', label: 'Discord channel', nameKey: 'channel_name' },
};

// ctx: {accounts, labels, signatures, posts, defaultSignature?, lookups?: {boards(id), channels(id)},
//       canLookup?, media?: {upload(postId, file, {onProgress})}, post?,
//       submit(action, {body, attach?(postId) -> {errors?, message?}}) -> {errors?, message?, draft?}, remove?() -> {message?},
//       reopen?(draftId, {errors?, message?}), notice?: {errors?, message?}}
// A new post's submit calls attach(id) once its draft exists, before scheduling or publishing it.
// When a later step fails, the draft exists: the answer names it (`draft`) and the dialog gives way
// to that draft's own (reopen), so trying again edits it instead of creating a second post.
export async function openComposer(ctx) {
  const cat = await loadCatalogs();
  const offered = await sdk.postActions(ctx.post?.status ?? null);
  const zone = ctx.zone ?? 'UTC';
  // Networks and content types by the names people use (the core's words).
  const names = await sdk.displayNames();
  const net = (p) => names.platforms[p] ?? p;
  const post = ctx.post ?? null;
  const editing = post !== null;
  // A row per account (new post) or per platform entry of the post (an existing post cannot gain
  // accounts, the API refuses them): {key, account, entry?}.
  const rows = editing
    ? (post.platforms ?? []).map((e) => ({
      key: String(e.id), entry: e,
      // The post carries only the account's id (and a snapshot of its name): the list has the rest.
      account: ctx.accounts.find((a) => String(a.id) === String(e.social_account?.id ?? e.social_account_id))
        ?? { id: e.social_account?.id ?? e.social_account_id, display_name: e.display_name || e.platform, platform: e.platform, is_active: true },
    }))
    : ctx.accounts.map((a) => ({ key: String(a.id), account: a }));
  // A duplicate starts from another post's text, accounts, options and labels, as a new post.
  const template = editing ? null : ctx.template ?? null;
  const fromTemplate = (template?.platforms ?? []).filter((e) => e.enabled !== false)
    .map((e) => ({ e, r: rows.find((r) => r.key === String(e.social_account?.id ?? e.social_account_id)) }))
    .filter(({ r }) => r && r.account.is_active);
  const plainMeta = (m) => ({ ...(Array.isArray(m) ? {} : m ?? {}) });
  const state = {
    selected: new Set(editing ? rows.filter((r) => r.entry.enabled !== false).map((r) => r.key) : fromTemplate.map(({ r }) => r.key)),
    types: new Map(editing ? rows.map((r) => [r.key, r.entry.content_type]) : fromTemplate.map(({ e, r }) => [r.key, e.content_type])),
    meta: new Map(editing ? rows.map((r) => [r.key, plainMeta(r.entry.meta)]) : fromTemplate.map(({ e, r }) => [r.key, plainMeta(e.meta)])),
    media: editing ? [...(post.media ?? [])] : [],
    mediaChanged: false,
    lookups: new Map(), // `${list}:${accountId}` -> Promise of the answer
    busy: false,
  };
  const fields = {};
  const content = h('textarea', { rows: '6', autofocus: true, value: (editing ? post.content : template?.content) ?? '' });
  fields.content = field('Content', content);
  // A new post starts with the workspace's default signature (a preference of this browser).
  if (ctx.defaultSignature && !editing && !template) content.value = await sdk.applySignatures('', [ctx.defaultSignature.content]);
  const counters = h('ul', { class: 'counters', 'aria-label': 'Characters per platform' });

  const accountsBox = h('fieldset', { class: 'accounts' }, h('legend', { text: 'Accounts' }));
  const accountError = h('p', { class: 'field-error', id: uid('acc-err'), role: 'status' });
  accountsBox.setAttribute('aria-describedby', accountError.id);
  for (const r of rows) {
    const a = r.account;
    const usable = editing || a.is_active;
    const cb = h('input', { type: 'checkbox', id: uid('acc'), value: r.key, checked: state.selected.has(r.key), disabled: !usable, onchange: () => {
      if (cb.checked) state.selected.add(r.key);
      else state.selected.delete(r.key);
      renderOptions();
      recount();
    } });
    accountsBox.append(h('div', { class: 'check' }, cb, h('label', { for: cb.id, text: `${a.display_name} (${net(a.platform)})${a.is_active === false ? ' — inactive' : ''}${a.status && a.status !== 'connected' ? ` — ${a.status.replace('_', ' ')}` : ''}` })));
  }
  if (editing) accountsBox.append(h('p', { class: 'hint', text: 'An existing post keeps its accounts: untick one to leave it out. To post to another account, create a new post.' }));
  accountsBox.append(accountError);
  fields.platforms = { setError: (m) => { accountError.textContent = m ?? ''; } };

  const options = h('div', { class: 'platform-options' });
  const mediaList = h('ul', { class: 'media-list', 'aria-label': 'Attached media' });
  const renderMedia = () => {
    clear(mediaList, state.media.map((m, i) => h('li', {},
      h('span', { class: 'media-url', text: `${m.type ? `${m.type}: ` : ''}${m.original_filename ?? m.url}` }),
      m.meta?.alt_text ? h('span', { class: 'hint', text: ` (alt: ${m.meta.alt_text})` }) : null, ' ',
      h('button', { type: 'button', class: 'danger-link', 'aria-label': `Remove media ${i + 1}: ${m.original_filename ?? m.url}`, onclick: () => {
        state.media.splice(i, 1);
        state.mediaChanged = true;
        renderMedia();
        content.focus();
      }, text: 'Remove' }))));
    mediaList.hidden = state.media.length === 0;
  };
  renderMedia();
  const mediaUrl = h('input', { type: 'url', inputmode: 'url', placeholder: 'https://…' });
  fields.media = field(editing ? 'Add media URL' : 'Media URL', mediaUrl, { hint: 'A public image, video or PDF address.' });
  const alt = h('input', { type: 'text' });
  fields.alt = field('Alt text', alt);

  // Files from this device. An existing post takes them at once (the upload attaches them); a new
  // one keeps them until its draft exists, then uploads them before it is scheduled or published.
  const uploads = h('ul', { class: 'upload-list', 'aria-label': 'File uploads' });
  const fileInput = h('input', { type: 'file', multiple: true, onchange: () => {
    const files = [...fileInput.files];
    fileInput.value = '';
    fields.files.setError('');
    for (const file of files) state.files.push(uploadRow(file));
    uploads.hidden = state.files.length === 0;
    if (editing && ctx.media) uploadAll(post.id);
  } });
  fields.files = field(editing ? 'Upload files' : 'Files to upload', fileInput, {
    hint: editing ? 'Each file is attached to the post as soon as it is uploaded.' : 'Uploaded when the post is saved, before it is scheduled or published.',
  });
  fields.files.append(uploads);
  uploads.hidden = true;
  state.files = [];

  const { uploadRow, uploadAll } = fileUploads({
    editing, state, uploads, fileInput, filesField: fields.files, upload: (...args) => ctx.media.upload(...args),
    onAttached: (added) => {
      state.media.push(added);
      renderMedia();
    },
  });

  const postLabels = new Set(((post ?? template)?.labels ?? []).map((l) => String(l.id)));
  const labelsBox = h('fieldset', { class: 'labels' }, h('legend', { text: 'Labels' }));
  for (const l of ctx.labels) {
    const cb = h('input', { type: 'checkbox', id: uid('lbl'), value: String(l.id), checked: postLabels.has(String(l.id)) });
    const sw = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    sw.style.backgroundColor = l.color;
    labelsBox.append(h('div', { class: 'check' }, cb, sw, h('label', { for: cb.id, text: l.name })));
  }
  if (!ctx.labels.length) labelsBox.append(h('p', { class: 'hint', text: 'No labels in this workspace yet: create them in Settings, Labels.' }));
  const labelError = h('p', { class: 'field-error', role: 'status' });
  labelsBox.append(labelError);
  fields.label_ids = { setError: (m) => { labelError.textContent = m ?? ''; } };

  const sigs = h('div', { class: 'signatures', role: 'group', 'aria-label': 'Signatures' },
    ctx.signatures.map((s) => h('button', { type: 'button', onclick: async () => {
      content.value = await sdk.applySignatures(content.value, [s.content]);
      recount();
    }, text: `Add signature: ${s.name}` })));

  const schedule = await scheduleField(zone, editing ? post.scheduled_at : null, { editing });
  fields.scheduled_at = schedule.field;
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const formNotice = h('p', { class: 'form-notice', role: 'status' });

  function typeOf(r) {
    return state.types.get(r.key) ?? cat.types.get(r.account.platform)?.default_content_type;
  }
  function selectedRows() {
    return rows.filter((r) => state.selected.has(r.key));
  }

  function lookup(list, accountId) {
    const k = `${list}:${accountId}`;
    if (!state.lookups.has(k)) {
      const p = Promise.resolve().then(() => ctx.lookups[list](accountId));
      p.catch(() => state.lookups.delete(k)); // a failure is asked again on the next render
      state.lookups.set(k, p);
    }
    return state.lookups.get(k);
  }

  // A select filled from the account's boards or channels; until then (or if the lookup fails)
  // the stored id stays selected and the reason is shown under the field.
  function pickerField(r, m, meta, name, spec) {
    const a = r.account;
    const control = h('select', { 'aria-busy': 'true', onchange: () => {
      f.setError('');
      if (!dlg.querySelector('[aria-invalid="true"]')) formError.textContent = '';
      if (control.value) meta[m.key] = control.value;
      else delete meta[m.key];
      if (spec.nameKey) {
        const chosen = control.selectedOptions[0];
        if (control.value && chosen) meta[spec.nameKey] = chosen.dataset.name;
        else delete meta[spec.nameKey];
      }
    } });
    const current = meta[m.key];
    const fill = (items, extra) => {
      const opts = [h('option', { value: '', text: `Choose a ${spec.noun}` })];
      for (const it of items) opts.push(h('option', { value: String(it.id), dataset: { name: it.name }, text: spec.noun === 'channel' ? `#${it.name}` : it.name }));
      if (current && !items.some((it) => String(it.id) === String(current))) opts.push(h('option', { value: String(current), dataset: { name: meta[spec.nameKey] ?? '' }, text: `${meta[spec.nameKey] ?? current} (saved)` }));
      clear(control, opts);
      control.value = current ?? '';
      control.removeAttribute('aria-busy');
      return extra;
    };
    const f = field(name, control);
    const note = h('p', { class: 'hint', role: 'status' });
    f.append(note);
    fill([]);
    control.setAttribute('aria-busy', 'true');
    if (!ctx.lookups || ctx.canLookup === false) {
      note.textContent = ctx.canLookup === false ? `Your role cannot list ${spec.list}.` : '';
      return f;
    }
    note.textContent = `Loading ${spec.list}…`;
    lookup(spec.list, a.id).then((answer) => {
      const items = answer?.[spec.list] ?? [];
      fill(items);
      note.textContent = items.length
        ? (answer.truncated ? `Showing the first ${items.length} ${spec.list}; the account has more.` : '')
        : `This account has no ${spec.list} to post to.`;
    }, (err) => {
      fill([]);
      note.textContent = `The ${spec.list} could not be listed: ${errorText(err)}`;
      note.append(' ', h('button', { type: 'button', onclick: () => renderOptions(), text: `Try again` }));
    });
    return f;
  }

  // What the file picker offers: the media kinds the chosen platforms take (per the core's facts).
  function updateAccept() {
    const kinds = new Set((selectedRows().length ? selectedRows() : rows)
      .flatMap((r) => cat.types.get(r.account.platform)?.allowed_media_types ?? ['image', 'video']));
    fileInput.accept = [...kinds].map((k) => ({ image: 'image/*', video: 'video/*', document: 'application/pdf' }[k])).filter(Boolean).join(',');
  }

  function renderOptions() {
    updateAccept();
    clear(options);
    for (const k of Object.keys(fields)) if (k.startsWith('platforms.')) delete fields[k];
    selectedRows().forEach((r, i) => {
      const a = r.account;
      const row = cat.types.get(a.platform);
      const box = h('fieldset', { class: 'platform-box' }, h('legend', { text: `${a.display_name} (${net(a.platform)})` }));
      const sel = h('select', { onchange: () => { state.types.set(r.key, sel.value); recount(); } },
        (row?.content_types ?? []).map((t) => h('option', { value: t.value, text: names.content_types[t.value] ?? t.label })));
      sel.value = typeOf(r);
      const ctField = field(`Content type for ${a.display_name}`, sel);
      fields[`platforms.${i}.content_type`] = ctField;
      fields[`platforms.${i}.social_account_id`] = ctField;
      fields[`platforms.${i}.id`] = ctField;
      box.append(ctField);
      const meta = state.meta.get(r.key) ?? {};
      state.meta.set(r.key, meta);
      for (const m of cat.meta.get(a.platform)?.meta ?? []) {
        if (LIST_EDITORS[m.type]) {
          box.append(LIST_EDITORS[m.type](m, { meta, key: m.key, path: `platforms.${i}.meta.${m.key}`, account: a.display_name, fields }));
          continue;
        }
        if (Object.values(LOOKUPS).some((l) => l.nameKey === m.key && l.platform === a.platform)) continue; // set with its id
        let control;
        const name = `${m.key.replace(/_/g, ' ')} for ${a.display_name}${m.required_to_publish ? ' (required to publish)' : ''}`;
        const spec = LOOKUPS[m.key];
        let f;
        if (spec && spec.platform === a.platform) {
          f = pickerField(r, m, meta, `${spec.label} for ${a.display_name}${m.required_to_publish ? ' (required to publish)' : ''}`, spec);
        } else {
          if (m.type === 'boolean') {
            control = h('input', { type: 'checkbox', checked: meta[m.key] === true, onchange: () => { meta[m.key] = control.checked; } });
          } else if (Array.isArray(m.values ?? m.enum)) {
            control = h('select', { onchange: () => { if (control.value) meta[m.key] = control.value; else delete meta[m.key]; } },
              h('option', { value: '', text: '—' }), (m.values ?? m.enum).map((v) => h('option', { value: v, text: v })));
            control.value = meta[m.key] ?? '';
          } else {
            control = h('input', { type: 'text', value: meta[m.key] ?? '', oninput: () => { if (control.value) meta[m.key] = control.value; else delete meta[m.key]; } });
          }
          f = field(name, control);
        }
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
    for (const r of selectedRows()) {
      const t = typeOf(r);
      if (!seen.has(t)) seen.set(t, { platforms: [], answer: null });
      seen.get(t).platforms.push(r.account.platform);
    }
    for (const [t, entry] of seen) entry.answer = await sdk.count(t, text);
    if (seq !== countSeq) return;
    clear(counters, [...seen].map(([t, e]) => {
      const over = !e.answer.valid;
      return h('li', { class: over ? 'counter over' : 'counter' },
        h('span', { text: names.content_types[t] ?? [...new Set(e.platforms)].map(net).join(', ') }), ' ',
        h('output', { 'aria-label': `Characters for ${names.content_types[t] ?? [...new Set(e.platforms)].map(net).join(', ')}`, text: `${e.answer.length} / ${e.answer.max_length}` }),
        over ? h('span', { class: 'counter-error', text: ` ${e.answer.length - e.answer.max_length} over the limit` }) : null);
    }));
  }
  content.addEventListener('input', recount);

  // Meta on an update merges into what is stored: a key the user cleared is sent as null.
  function metaFor(r) {
    const meta = { ...(state.meta.get(r.key) ?? {}) };
    if (editing) {
      const before = Array.isArray(r.entry.meta) ? {} : r.entry.meta ?? {};
      for (const k of Object.keys(before)) if (!(k in meta)) meta[k] = null;
    }
    return meta;
  }

  function mediaBody() {
    const added = mediaUrl.value.trim() ? [{ url: mediaUrl.value.trim(), ...(alt.value ? { meta: { alt_text: alt.value } } : {}) }] : [];
    if (!editing) return added.length ? added : undefined;
    // The API replaces the whole set: sent only when the user changed it.
    if (!state.mediaChanged && !added.length) return undefined;
    return [...state.media.map((m) => ({ url: m.url, ...(m.meta?.alt_text ? { meta: { alt_text: m.meta.alt_text } } : {}) })), ...added];
  }

  function body() {
    const b = { content: content.value, platforms: selectedRows().map((r) => {
      const meta = metaFor(r);
      const entry = editing ? { id: r.entry.id, content_type: typeOf(r) } : { social_account_id: r.account.id, content_type: typeOf(r) };
      if (Object.keys(meta).length) entry.meta = meta;
      return entry;
    }) };
    const media = mediaBody();
    if (media) b.media = media;
    const labelIds = [...labelsBox.querySelectorAll('input:checked')].map((c) => c.value);
    if (editing) b.label_ids = labelIds; // replaces: an empty list clears them
    else if (labelIds.length) b.label_ids = labelIds;
    if (schedule.utc()) b.scheduled_at = schedule.utc();
    return b;
  }

  const mapPath = (p) => {
    // The alt text field belongs to the URL being added, the last item of media.
    const altOf = /^media\.(\d+)\.meta\.alt_text$/.exec(p);
    if (altOf && Number(altOf[1]) === state.media.length) return 'alt';
    if (p.startsWith('media.')) return 'media';
    if (p === 'platforms' || /^platforms\.\d+$/.test(p)) return 'platforms';
    if (p.startsWith('label_ids')) return 'label_ids';
    // The longest registered prefix: platforms.0.meta.embeds.1.color, else .embeds.1, else .embeds.
    if (/^platforms\.\d+\.meta\.[a-z_]+/.test(p)) {
      const parts = p.split('.');
      for (let n = parts.length; n >= 4; n--) if (fields[parts.slice(0, n).join('.')]) return parts.slice(0, n).join('.');
      return parts.slice(0, 4).join('.');
    }
    return p;
  };
  // The API's problems in plain words (the core's mapping); its paths still find the fields.
  async function show(errors, message) {
    let plain = { errors: errors ?? {}, message };
    if (Object.keys(errors ?? {}).length) {
      try {
        plain = await sdk.describeProblems(errors, { message, platforms: selectedRows().map((r) => r.account.platform), content_types: selectedRows().map(typeOf) });
      } catch { /* the API's words, then */ }
    }
    const rest = showErrors(fields, plain.errors, mapPath);
    formError.textContent = rest.length ? rest.join(' ') : (Object.keys(plain.errors ?? {}).length ? 'Please fix the fields marked above.' : (message ?? ''));
    const first = dlg.querySelector('[aria-invalid="true"]');
    first?.scrollIntoView({ block: 'nearest' });
  }

  // What the checks of composer-checks.js need to know of the form.
  const form = () => ({ post, workspace: { social_accounts: ctx.accounts, labels: ctx.labels, posts: ctx.posts }, selected: selectedRows(), files: state.files, typeOf });

  // The core's notices (a mention that pings nobody, alt text a platform cuts, a Telegram caption
  // sent apart from its media) are shown while the user types, not only on a submit that would
  // close the dialog before they are read. Errors wait for a submit. Some notices concern
  // publishing, so every check of "Schedule" is asked, even past a first one that fails.
  let noticeSeq = 0;
  let noticeTimer = null;
  function refreshNotices() {
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(async () => {
      const seq = ++noticeSeq;
      let answers;
      try {
        answers = await Promise.all((await checksFor('schedule', body(), form())).map((c) => sdk.validatePostRequest(c)));
      } catch {
        return; // the submit's check says what is wrong
      }
      if (seq !== noticeSeq) return;
      const seen = new Set();
      const notices = answers.flatMap((a) => a.notices ?? []).filter((n) => !seen.has(n.path + n.message) && seen.add(n.path + n.message));
      formNotice.textContent = showNotices(fields, notices, mapPath).join(' ');
    }, 150);
  }

  async function act(action, close) {
    if (state.busy) return;
    // The typed time, as the core resolved it: a time that does not exist is said at the field.
    const when = await schedule.settled();
    if (when.problem) return show({}, when.problem).then(() => fields.scheduled_at.setError(when.problem));
    const b = body();
    let answer;
    try {
      answer = await check(action, b, form());
    } catch (err) {
      return show({}, `The post could not be checked: ${errorText(err)}`);
    }
    if (!answer.valid) return show(answer.errors, answer.message);
    state.busy = true;
    dlg.setAttribute('aria-busy', 'true');
    formError.textContent = 'Saving…';
    try {
      const waiting = state.files.some((f) => !f.done);
      const out = await ctx.submit(action, { body: answer.body ?? b, attach: !editing && waiting ? uploadAll : undefined });
      // On failure the dialog stays open with everything the user typed, unless the post now
      // exists as a draft: then its own dialog takes over, with the same message.
      if (out?.draft && ctx.reopen) {
        close();
        ctx.reopen(out.draft, { errors: out.errors ?? {}, message: out.message });
      } else if (out?.errors || out?.message) show(out.errors ?? {}, out.message);
      else close();
    } finally {
      state.busy = false;
      dlg.removeAttribute('aria-busy');
    }
  }

  // The actions this post offers are the core's (a draft can be scheduled, a scheduled post moved
  // back to drafts); the words and the primary button are the page's.
  const words = { save: 'Save changes', draft: editing ? 'Move to drafts' : 'Save draft', schedule: 'Schedule', publish: 'Publish now' };
  const primary = editing ? 'save' : 'schedule';
  const actions = [
    offered.actions.map((a) => h('button', { type: 'button', class: a === primary ? 'primary' : null, onclick: () => act(a, close), text: words[a] })),
    editing && ctx.remove ? h('button', { type: 'button', class: 'danger', onclick: async () => {
      const out = await ctx.remove();
      if (out?.message) show({}, out.message);
      else close();
    }, text: 'Delete post' }) : null,
  ];

  let dlg;
  let close;
  openDialog(editing ? 'Edit post' : 'New post', (bodyEl, closeFn, d) => {
    dlg = d;
    close = closeFn;
    bodyEl.append(h('form', { class: 'composer', novalidate: true, onsubmit: (e) => e.preventDefault() },
      editing ? h('p', { class: 'hint', text: `${post.status === 'draft' ? 'Draft' : 'Scheduled'}${post.scheduled_at ? ` for ${schedule.input.value.replace('T', ' ')}${zone === 'UTC' ? ' UTC' : ` ${zone} (${post.scheduled_at.slice(0, 16)} UTC)`}` : ''}.` }) : null,
      fields.content, counters, sigs, accountsBox, options, mediaList, fields.media, fields.alt, ctx.media ? fields.files : null, labelsBox, fields.scheduled_at, formNotice,
      h('div', { class: 'composer-foot' }, formError, h('div', { class: 'actions' }, actions))));
    // Every change the form sees (typing, a ticked account, a list row added or removed).
    for (const type of ['input', 'change', 'click']) d.addEventListener(type, refreshNotices);
  }, {
    className: 'dialog wide',
    // A check set off by the last click (Schedule, Close) has nothing to show once the dialog is gone.
    onClose: () => {
      clearTimeout(noticeTimer);
      noticeSeq++;
    },
  });
  refreshNotices();
  renderOptions();
  recount();
  if (ctx.notice) {
    // What went wrong before this dialog took over: at its fields, and said in full below them.
    show(ctx.notice.errors ?? {}, ctx.notice.message).then(() => {
      if (ctx.notice.message) formError.textContent = ctx.notice.message;
    });
  }
}
