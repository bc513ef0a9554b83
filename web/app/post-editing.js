// What a person does to posts from the calendar: moving one, opening it (the composer for a post
// that can still change, a read-only view otherwise), deleting it, and writing a new one. Every
// edit goes through the outbox; a refusal is said in plain words and loses nothing typed.
import { h, openDialog, errorText } from './dom.js';
import { zoneWords as zoneWordsIn } from './display-zone.js';
import { app, activeWs, orAfter } from './app-state.js';
import { onStatus, notify } from './page-notices.js';
import { renderChrome } from './page-shell.js';
import { renderScreen } from './screen-routing.js';
import { markPainted, dataFor, redrawQueued } from './workspace-loading.js';
import { reloadPosts, refreshAfterEdit } from './post-refresh.js';

// An outbox edit (stored first, sent in order): its answer, or {queued} when it waits for the network.
export async function deliver(queued, wsId) {
  await app.client.posts.flush(wsId);
  if (app.client.outbox.pending(wsId).some((e) => e.id === queued.entry.id)) {
    onStatus({ kind: 'queue', count: app.client.outbox.pending().length });
    redrawQueued();
    return { queued: true, later: queued.sent };
  }
  const out = await queued.sent;
  // A refused edit stays with the user in the form; the outbox need not keep a second copy.
  if (!out.ok) await app.client.outbox.dismissProblem(queued.entry.id);
  return out;
}
export const refusal = (out) => Object.assign(new Error(out.message ?? `Refused (${out.status}).`), { status: out.status, errors: out.errors ?? {} });

// A server's refusal in the words people use (the core's mapping of the API's field problems).
async function plainWords(out) {
  if (!Object.keys(out.errors ?? {}).length) return out.message ?? `Refused (${out.status}).`;
  try {
    return (await app.sdk.describeProblems(out.errors, { message: out.message })).message;
  } catch {
    return out.message;
  }
}

const zoneWords = (utc) => zoneWordsIn(utc, activeWs()?.id);

// ---------- moving ----------
export async function movePost(id, newTime, focusKey) {
  const ws = activeWs();
  const data = app.data.get(ws.id);
  // The month may be the saved first paint, drawn before the core and the session are back.
  if (!data || !app.client) {
    notify('Still loading: try the move again in a moment.');
    return { error: 'loading' };
  }
  let plan;
  try {
    plan = data.calendar.planMove({ post_id: id, new_time: newTime, role: ws.role, time_zone: app.calendarEl.state.zone });
  } catch (err) {
    notify(`Not moved: ${errorText(err)}`);
    return { error: errorText(err) };
  }
  if (!plan.ok) {
    const why = plan.reasons.map((r) => r.message ?? r.code).join(' ');
    notify(`Not moved: ${why}`);
    return { error: why };
  }
  app.calendarEl.showMoving(id, newTime);
  // The frame first: the SDK checks the request before it is sent (6-12 ms here), which would
  // hold the post's new place off the screen. A hidden tab draws no frame: the move is not held
  // for it.
  await orAfter(markPainted('tp:move-shown'), 100);
  // The calendar as the core has it (a move refused, or waiting in the queue).
  const putBack = () => {
    if (activeWs()?.id === ws.id && app.screen === 'calendar') app.calendarEl.setData(dataFor(ws, app.data.get(ws.id) ?? data));
  };
  let out;
  try {
    out = await deliver(await app.client.posts.update(id, plan.request.body), ws.id);
  } catch (err) {
    out = { ok: false, message: errorText(err) };
  }
  if (out.queued) {
    putBack();
    out.later.then(async (r) => (r.ok ? refreshAfterEdit({ wsId: ws.id }) : (notify(`Not moved: ${await plainWords(r)}`), reloadPosts())));
    notify(app.ui ? app.ui.heldText(app.client, ws.id, 'The move') : 'Offline: the move is queued and will be sent when the connection is back.');
    return { queued: true };
  }
  if (!out.ok) {
    putBack();
    const why = await plainWords(out);
    notify(`Not moved: ${why}`);
    return { error: why };
  }
  await refreshAfterEdit({ changed: [id] });
  const warn = plan.warnings?.map((w) => w.message).join(' ');
  notify(`Moved to ${await zoneWords(newTime)}.${warn ? ` ${warn}` : ''}`);
  if (focusKey) app.calendarEl.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  return { ok: true };
}

// Posts that can still change (the core's answer: drafts and scheduled posts) open in the
// composer, filled; the others (and every post for a role that cannot edit) open read-only, saying why.
export async function openPost(id) {
  const ws = activeWs();
  const data = app.data.get(ws.id);
  if (!data || !app.client) return notify('Still signing in: open the post again in a moment.');
  const post = data.posts.get(id);
  if (!post) return;
  const canEdit = app.client.can('manage_posts');
  // Whether the post can change or be deleted, and why not, are the core's answer. A status the
  // core does not know (one the API added since) is shown, not edited; deleting it is left to the API.
  const offered = await app.sdk.postActions(post.status).catch(() => ({
    editable: false, deletable: true, why_frozen: `This post's status (${post.status}) is not one this page knows, so it is shown here, not edited.`,
  }));
  if (canEdit && offered.editable) return editPost(post, data, ws);
  const who = canEdit ? null : (await app.sdk.roleCatalog(ws.role).catch(() => null))?.who_may.manage_posts;
  const why = !canEdit
    ? `View only: your role here is ${ws.role}${who ? `, and only ${who} can change posts` : ''}.`
    : offered.why_frozen;
  // The core's display names, read once when the rest of the page loaded (deferred-modules.js).
  const statusWords = (app.names ?? (await app.sdk.displayNames().catch(() => null)))?.statuses ?? {};
  openDialog('Post', (body, close) => {
    const status = h('p', { role: 'alert', class: 'form-error' });
    body.append(
      h('p', { class: 'notice', text: why }),
      h('p', { class: 'post-content', text: post.content || '(no text)' }),
      h('dl', { class: 'facts' },
        h('dt', { text: 'Status' }), h('dd', { text: statusWords[post.status] ?? post.status }),
        h('dt', { text: 'Time' }), timeDd(post.scheduled_at, 'Not scheduled'),
        post.published_at ? [h('dt', { text: 'Published' }), timeDd(post.published_at)] : null,
        h('dt', { text: 'Accounts' }), h('dd', { text: (post.platforms ?? []).map((p) => `${p.display_name ?? p.social_account?.display_name ?? ''} (${networkName(p.platform)})${p.status ? `: ${p.status.replace('_', ' ')}` : ''}${p.error_message ? ` (${p.error_message})` : ''}`).join(', ') || '—' }),
        h('dt', { text: 'Media' }), h('dd', { text: (post.media ?? []).map((m) => m.original_filename ?? m.url).join(', ') || '—' }),
        h('dt', { text: 'Labels' }), h('dd', { text: (post.labels ?? []).map((l) => l.name).join(', ') || '—' })),
      canEdit ? h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => { close(); compose(post); }, text: 'Duplicate as new post' }),
        offered.deletable ? h('button', { type: 'button', class: 'danger', onclick: async () => {
          const out = await deletePost(post, ws);
          if (out.message) status.textContent = out.message;
          else close();
        }, text: 'Delete post' }) : null) : '',
      status);
  });
}

// A time in the post dialog, in the display zone with UTC beside it (filled once the core answers).
function timeDd(utc, none = '') {
  const dd = h('dd', { text: utc ? `${utc} UTC` : none });
  if (utc) zoneWords(utc).then((t) => { dd.textContent = t; });
  return dd;
}
const networkName = (p) => app.names?.platforms?.[p] ?? p;

// {} when deleted (or queued while offline), {message} when refused.
async function deletePost(post, ws) {
  try {
    const out = await deliver(await app.client.posts.delete(post.id), ws.id);
    if (!out.ok && !out.queued) throw refusal(out);
  } catch (err) {
    return { message: errorText(err) };
  }
  notify('Post deleted.');
  await refreshAfterEdit({ removed: [post.id] });
  return {};
}

// The composer, filled with the post; Save sends one PUT through the outbox (checked by the core
// in the composer first). A refusal keeps the dialog open with the user's text.
function editPost(post, data, ws, notice = null) {
  // A file uploaded to an open post is attached at once: the post as the server answers it
  // replaces the page's copy, even if the dialog is then closed without saving.
  const media = app.client.in(ws.id).media;
  const upload = async (postId, file, options) => {
    const answer = await media.upload(postId, file, options);
    if (answer?.id != null) app.data.get(ws.id)?.posts.set(String(answer.id), answer);
    return answer;
  };
  app.openComposer({
    zone: app.calendarEl?.state.zone ?? 'UTC',
    post, notice, accounts: data.accounts, labels: data.labels, signatures: data.signatures, posts: [...data.posts.values()],
    lookups: app.client.in(ws.id).socialAccounts, canLookup: app.client.can('lookup_boards_channels'), media: { ...media, upload },
    remove: () => deletePost(post, ws),
    submit: async (action, { body }) => {
      try {
        const out = await deliver(await app.client.posts.update(post.id, body), ws.id);
        if (out.queued) {
          notify(app.ui ? app.ui.heldText(app.client, ws.id, 'The change') : 'Offline: the change is queued and is sent when the connection is back.');
          out.later.then((r) => r.ok && refreshAfterEdit({ wsId: ws.id }));
          return {};
        }
        if (!out.ok) throw refusal(out);
      } catch (err) {
        return { errors: err.errors, message: errorText(err) };
      }
      await refreshAfterEdit({ changed: [post.id] });
      notify(body.status === 'scheduled' ? `Post saved, scheduled for ${await zoneWords(body.scheduled_at ?? post.scheduled_at)}.` : body.status === 'publishing' ? 'Publishing now: the calendar shows when it is out.' : 'Post saved as a draft.');
      return {};
    },
  }).catch((err) => notify(`The composer could not open: ${errorText(err)}`));
}

// ---------- composing ----------
// `template`: a post whose text, accounts, options and labels the new post starts from.
export function compose(template = null) {
  const ws = activeWs();
  const data = app.data.get(ws.id);
  if (!data || !app.client) return notify('The workspace is still loading; try again in a moment.');
  if (!data.accounts.length) {
    // Not a dead end: the tab where an account is connected opens (or says where to connect).
    notify('This workspace has no connected social accounts yet: connect one here, then write the post.');
    app.screen = 'settings';
    app.settingsTab = 'accounts';
    renderChrome();
    renderScreen();
    return;
  }
  app.openComposer({
    zone: app.calendarEl?.state.zone ?? 'UTC',
    accounts: data.accounts, labels: data.labels, signatures: data.signatures, posts: [...data.posts.values()],
    defaultSignature: data.signatures.find((s) => String(s.id) === app.defaultSignatureId(ws.id)), template,
    lookups: app.client.in(ws.id).socialAccounts, canLookup: app.client.can('lookup_boards_channels'), media: app.client.in(ws.id).media,
    // A step after the draft's creation failed: the draft (reloaded, with what was uploaded) opens
    // in its own dialog with the message, so trying again edits it.
    reopen: async (draftId, notice) => {
      const fresh = app.data.get(ws.id);
      const draft = fresh?.posts.get(String(draftId));
      if (draft && activeWs()?.id === ws.id) editPost(draft, fresh, ws, notice);
      else notify(notice.message);
    },
    submit: async (action, { body, attach }) => {
      let created;
      try {
        const out = await deliver(await app.client.posts.create(body), ws.id);
        if (out.queued) {
          const held = app.client.needsSignIn().includes(ws.id);
          notify(held ? `${app.ui.heldText(app.client, ws.id, 'The new post (as a draft)')}${attach ? ' The files are not uploaded: add them to the draft then.' : ''}`
            : `Offline: the post is saved as a draft in the outbox and is sent when the connection is back.${attach ? ' The files are not uploaded: add them to the draft once online.' : ''}`);
          out.later.then((r) => r.ok && refreshAfterEdit({ wsId: ws.id }));
          return {};
        }
        if (!out.ok) throw refusal(out);
        created = await app.client.in(ws.id).posts.get(out.post_id);
      } catch (err) {
        return { errors: err.errors, message: errorText(err) };
      }
      // What the action sends after the create (the core's plan): nothing more for a draft; the
      // status, and the time for a schedule, on the created post's platforms. `unfinished` is what
      // the post is when a step after the create fails ("Saved as a draft, not scheduled").
      let plan;
      try {
        plan = await app.sdk.planPostAction({ action, body, platforms: (created.platforms ?? []).map((p) => p.id) });
      } catch (err) {
        await reloadPosts();
        return { draft: created.id, message: `Saved as a draft: ${errorText(err)}` };
      }
      const attached = attach ? await attach(created.id) : {};
      if (attached.message) {
        await reloadPosts();
        return { draft: created.id, errors: attached.errors, message: `${plan.unfinished}: a file could not be uploaded: ${attached.message}` };
      }
      // The draft as it is now, with the uploaded files, for the check of the PUT below.
      if (attach && plan.then) {
        try {
          created = await app.client.in(ws.id).posts.get(created.id);
        } catch { /* checked with what is known; the server has the last word */ }
      }
      if (plan.then) {
        const put = plan.then;
        const check = await app.sdk.validatePostRequest({ workspace: { social_accounts: data.accounts, labels: data.labels, posts: [...data.posts.values(), created] }, method: 'PUT', post_id: created.id, body: put });
        if (!check.valid) {
          await reloadPosts();
          return { draft: created.id, errors: check.errors, message: `${plan.unfinished}: ${check.message}` };
        }
        try {
          const out = await deliver(await app.client.posts.update(created.id, check.body ?? put), ws.id);
          if (!out.ok && !out.queued) throw refusal(out);
        } catch (err) {
          await reloadPosts();
          return { draft: created.id, errors: err.errors, message: `${plan.unfinished}: ${errorText(err)}` };
        }
      }
      await refreshAfterEdit({ attached: Boolean(attach), changed: [created.id] });
      const status = plan.then?.status ?? 'draft';
      notify(status === 'scheduled' ? `Scheduled for ${await zoneWords(body.scheduled_at)}.` : status === 'publishing' ? 'Publishing now: the calendar shows when it is out.' : 'Draft saved.');
      return {};
    },
  }).catch((err) => notify(`The composer could not open: ${errorText(err)}`));
}
