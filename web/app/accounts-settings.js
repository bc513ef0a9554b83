// The "Social accounts" tab of Settings: every connected account with its platform and status,
// and a switch that turns posting to it on or off (Owner and Admin; the others see why not).
import { h, clear, errorText } from './dom.js';
import { roleNotice } from './role-notice.js';
import * as sdk from '../sdk/index.js';
import { connectControls } from './account-connect.js';

const STATUS_TEXT = {
  connected: 'Connected',
  disconnected: 'Disconnected: reconnect it in TryPost to post again.',
  token_expired: 'Token expired: reconnect it in TryPost to post again.',
};

// ctx: {client, ws, resources, notify, onChanged(kind, list), roles (sdk.roleCatalog)}
export function accountsPanel(panel, ctx) {
  const { client, ws } = ctx;
  const api = ctx.resources.socialAccounts;
  const allowed = client.can('manage_accounts');
  const role = client.activeWorkspace?.role ?? ws.role;
  const listBox = h('div', { 'aria-busy': 'true' }, h('div', { class: 'skeleton line' }), h('div', { class: 'skeleton line' }));
  const status = h('p', { role: 'status', class: 'save-status' });
  let accounts = [];
  let platformNames = new Map();

  const render = () => {
    listBox.removeAttribute('aria-busy');
    if (!accounts.length) return clear(listBox, h('p', { class: 'hint', text: 'No social accounts yet. Once one is connected it appears here and in the composer.' }));
    clear(listBox, h('ul', { class: 'item-list', 'aria-label': 'Social accounts' }, accounts.map((a) => {
      const name = `${a.display_name} (${platformNames.get(a.platform) ?? a.platform})`;
      const toggle = h('input', { type: 'checkbox', role: 'switch', id: `active-${a.id}`, checked: a.is_active, disabled: !allowed,
        'aria-checked': String(Boolean(a.is_active)), 'aria-label': `Active: ${name}`, onchange: async () => {
          toggle.disabled = true;
          try {
            const updated = await api.toggle(a.id);
            accounts = accounts.map((x) => (x.id === a.id ? { ...x, ...updated } : x));
            ctx.onChanged?.('accounts', accounts);
            const now = accounts.find((x) => x.id === a.id);
            status.textContent = `${name} is now ${now.is_active ? 'active: it can be picked in the composer' : 'inactive: the composer no longer offers it'}.`;
          } catch (err) {
            status.textContent = `${name} was not changed: ${errorText(err)}`;
          }
          render();
          document.getElementById(`active-${a.id}`)?.focus();
        } });
      return h('li', { class: 'item' },
        h('div', { class: 'item-main' },
          h('span', { class: 'item-name', text: a.display_name }),
          h('span', { class: 'badge', text: platformNames.get(a.platform) ?? a.platform }),
          a.username ? h('span', { class: 'hint', text: a.username }) : null,
          h('span', { class: `item-text account-status status-${a.status}`, text: STATUS_TEXT[a.status] ?? a.status })),
        h('div', { class: 'item-actions' }, h('label', { class: 'switch', for: toggle.id }, toggle, h('span', { 'aria-hidden': 'true', text: a.is_active ? 'Active' : 'Inactive' }))));
    })));
  };

  const reload = async () => {
    try {
      const [list, names] = await Promise.all([api.list(), sdk.displayNames().catch(() => null)]);
      accounts = [...list];
      if (names) platformNames = new Map(Object.entries(names.platforms));
    } catch (err) {
      clear(listBox, h('p', { class: 'error', role: 'alert', text: `${errorText(err)} Open the tab again to retry.` }));
      return;
    }
    ctx.onChanged?.('accounts', accounts);
    render();
  };
  const connect = connectControls({
    ...ctx,
    get platforms() { return [...platformNames].length ? [...platformNames] : [['x', 'X'], ['linkedin', 'LinkedIn'], ['bluesky', 'Bluesky']]; },
    onConnected: (account) => {
      status.textContent = `${account.display_name} is connected and active: it can be picked in the composer.`;
      reload();
    },
  });

  panel.append(
    h('p', { class: 'hint', text: 'An inactive account stays connected but is not offered in the composer.' }),
    allowed ? '' : roleNotice(ctx.roles, role, 'manage_accounts', 'connect accounts or turn them on or off'),
    listBox, connect ?? '', status);
  reload();
}
