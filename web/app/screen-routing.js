// Which screen shows: the open workspace's calendar or its settings, switching workspace, and
// creating one. The workspace list is read again here when it may have changed.
import { h, clear, field, openDialog, showErrors, errorText } from './dom.js';
import { app, activeWs, canCreateWorkspace } from './app-state.js';
import { notify } from './page-notices.js';
import { renderChrome } from './page-shell.js';
import { loadWorkspace } from './workspace-loading.js';
import { movePost, openPost } from './post-editing.js';

export async function refreshList() {
  app.list = await app.client.workspaces.list();
}

export async function switchTo(id) {
  performance.mark('tp:switch-start');
  if (!app.client) {
    // Still signing in from a remembered session: show the cached copy of that workspace.
    const target = app.restored?.workspaces.find((w) => w.id === id);
    if (!target) return;
    app.restored.active = target;
    renderChrome();
  } else app.client.switchWorkspace(id); // the SDK notifies: renderChrome runs from the subscription
  renderScreen();
}

export function renderScreen() {
  const ws = activeWs();
  if (!ws) {
    clear(app.els.content, h('div', { class: 'empty' }, h('h2', { text: 'No workspace yet' }),
      canCreateWorkspace() ? [h('p', { text: 'Create one from the workspace menu to start planning posts.' }),
        h('button', { type: 'button', class: 'primary', onclick: () => createWorkspaceDialog(), text: 'Create workspace' })]
        : h('p', { text: 'You are not a member of any workspace yet. Ask the account owner for an invite.' })));
    return;
  }
  if (app.screen === 'settings' && !app.client) {
    clear(app.els.content, h('p', { role: 'status', text: 'Signing in… settings open in a moment.' }));
    return;
  }
  if (app.screen === 'settings') {
    const s = document.createElement('tp-settings');
    if (app.settingsTab) s.tab = app.settingsTab;
    app.settingsTab = null;
    clear(app.els.content, s);
    s.setContext({
      client: app.client, ws, notify, resources: app.client.in(ws.id), onChanged: (kind, list) => cacheChanged(ws.id, kind, list),
      onDeleted: async (gone) => {
        app.data.delete(gone.id);
        await refreshList();
        notify(`Workspace "${gone.name}" was deleted.`);
        app.screen = 'calendar';
        renderChrome();
        renderScreen();
      },
    });
    return;
  }
  if (!app.calendarEl) {
    app.calendarEl = document.createElement('tp-calendar');
    app.calendarEl.addEventListener('move-post', (e) => {
      const { id, newTime, focusKey } = e.detail;
      movePost(id, newTime, focusKey).finally(() => app.calendarEl.moveSettled(id, newTime));
    });
    app.calendarEl.addEventListener('open-post', (e) => openPost(e.detail.id));
    app.calendarEl.addEventListener('calendar-notice', (e) => notify(e.detail.text));
  }
  // Already in place (signing in under a month painted from the device): moving it would lose focus.
  if (app.els.content.firstChild !== app.calendarEl || app.els.content.childNodes.length !== 1) clear(app.els.content, app.calendarEl);
  loadWorkspace(ws);
}

// A settings screen changed a list the calendar and composer hold: keep the cache in step.
function cacheChanged(wsId, kind, list) {
  const data = app.data.get(wsId);
  if (data && kind in data) data[kind] = list;
}

// ---------- creating a workspace ----------
export function createWorkspaceDialog() {
  if (!app.client) return notify('Still signing in; try again in a moment.');
  openDialog('Create workspace', (body, close) => {
    const name = h('input', { type: 'text', autocomplete: 'off', autofocus: true });
    const f = field('Name', name);
    const status = h('p', { role: 'alert', class: 'form-error' });
    const button = h('button', { type: 'submit', class: 'primary', text: 'Create' });
    body.append(h('form', { novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      f.setError('');
      button.disabled = true;
      try {
        const ws = await app.client.workspaces.create({ name: name.value });
        close();
        if (ws?.id && activeWs()?.id !== ws.id) app.client.switchWorkspace(ws.id);
        await refreshList();
        app.screen = 'calendar';
        renderChrome();
        renderScreen();
        notify(`Workspace "${ws?.name ?? name.value}" created.`);
      } catch (err) {
        button.disabled = false;
        const rest2 = showErrors({ name: f }, err.errors ?? {});
        status.textContent = rest2.join(' ') || (Object.keys(err.errors ?? {}).length ? '' : errorText(err));
      }
    } }, f, status, h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close, text: 'Cancel' }), button)));
  });
}
