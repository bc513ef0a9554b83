// "Connect account" in the Social accounts tab. On a server with the account API (the embedded
// default) a demo connection makes an active account at once (docs/account-api.md); elsewhere the
// tab says where accounts are connected and links there.
import { h, field, openDialog, showErrors, errorText } from './dom.js';

// ctx: {client, ws, resources, platforms: [[id, label]], onConnected(account)}
export function connectControls(ctx) {
  const { client, ws } = ctx;
  if (!client.supports('workspace_lifecycle')) {
    const url = new URL('/accounts', location.origin).href;
    return h('p', { class: 'hint' }, 'Social accounts are connected in TryPost itself: ',
      h('a', { href: url, target: '_blank', rel: 'noopener', text: 'open Accounts in TryPost' }),
      '. A connected account then shows here and in the composer.');
  }
  if (!client.can('manage_accounts')) return null; // the tab's notice says why
  return h('button', { type: 'button', class: 'primary', text: 'Connect account', onclick: () => connectDialog(ctx, ws) });
}

function connectDialog(ctx, ws) {
  openDialog(`Connect an account to ${ws.name}`, (body, close) => {
    const platform = h('select', {}, ctx.platforms.map(([id, label]) => h('option', { value: id, text: label })));
    const name = h('input', { type: 'text', autocomplete: 'off' });
    const username = h('input', { type: 'text', autocomplete: 'off' });
    const fields = {
      platform: field('Network', platform),
      display_name: field('Display name', name, { hint: 'As the account shows on the network, e.g. "Acme Coffee".' }),
      username: field('Username', username, { hint: 'The handle, e.g. @acme.' }),
    };
    const status = h('p', { role: 'alert', class: 'form-error' });
    const button = h('button', { type: 'submit', class: 'primary', text: 'Connect' });
    body.append(h('form', { novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      button.disabled = true;
      status.textContent = '';
      try {
        const account = await ctx.resources.socialAccounts.connect({ platform: platform.value, displayName: name.value, username: username.value });
        close();
        ctx.onConnected(account);
      } catch (err) {
        button.disabled = false;
        const rest = showErrors(fields, err.errors ?? {});
        status.textContent = rest.join(' ') || (Object.keys(err.errors ?? {}).length ? '' : errorText(err));
      }
    } }, h('p', { class: 'hint', text: 'A demo connection of this local server: the account is active at once, and posts to it are published by the emulator.' }),
    fields.platform, fields.display_name, fields.username, status,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close, text: 'Cancel' }), button)));
  });
}
