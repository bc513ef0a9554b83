// <tp-settings>: Workspace, Brand, Team and API keys tabs plus the danger zone. Whether a role
// may use a control is client.can(action); every value is checked by the core or the server and
// their errors land at the field.
import { h, clear, field, openDialog, showErrors, uid, errorText } from './dom.js';
import * as sdk from '../sdk/index.js';
import { labelsPanel, signaturesPanel } from './labels-signatures.js';
import { accountsPanel } from './accounts-settings.js';
import { confirmKeyDelete, devicesSection } from './session-ui.js';
import { roleNotice } from './role-notice.js';
import { zoneWordsOf } from './display-zone.js';

// A table's header row, ending with the column of row actions (named for screen readers).
const tableHead = (...names) => h('thead', {}, h('tr', {}, names.map((t) => h('th', { scope: 'col', text: t })),
  h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: 'Actions' }))));
const TABS = [['workspace', 'Workspace'], ['brand', 'Brand'], ['team', 'Team'], ['keys', 'API keys'], ['labels', 'Labels'], ['signatures', 'Signatures'], ['accounts', 'Social accounts']];

function select(options, value) {
  const s = h('select', {}, options.map((o) => (Array.isArray(o) ? h('option', { value: o[0], text: o[1] }) : h('option', { value: o, text: o === '' ? '—' : o.replace(/_/g, ' ') }))));
  s.value = value ?? '';
  return s;
}

export class SettingsView extends HTMLElement {
  tab = 'workspace';
  #ctx = null; // {client, ws, notify(text), onDeleted(ws), onChanged(kind, list)}

  // Always the store's current summary: a save elsewhere (or here) is seen on the next render.
  #ws() {
    return this.#ctx.client.activeWorkspace ?? this.#ctx.ws;
  }

  #roles = null; // the core's role catalog for this person's role (sdk.roleCatalog), or null

  // The role words are read first (the core is loaded by now): every tab's notices use them.
  async setContext(ctx) {
    this.#roles = await sdk.roleCatalog((ctx.client.activeWorkspace ?? ctx.ws).role).catch(() => null);
    this.#ctx = ctx;
    this.render();
  }

  render() {
    if (!this.#ctx) return;
    const tabs = h('div', { role: 'tablist', 'aria-label': 'Settings', class: 'tabs', onkeydown: (e) => this.#tabKey(e) },
      TABS.map(([id, label]) => h('button', {
        type: 'button', role: 'tab', id: `tab-${id}`, 'aria-selected': String(this.tab === id), 'aria-controls': `panel-${id}`,
        tabindex: this.tab === id ? '0' : '-1', onclick: () => { this.tab = id; this.render(); this.querySelector(`#tab-${id}`)?.focus(); }, text: label,
      })));
    const panel = h('div', { role: 'tabpanel', id: `panel-${this.tab}`, 'aria-labelledby': `tab-${this.tab}`, class: 'tabpanel' });
    clear(this, h('h2', { text: 'Settings' }), tabs, panel);
    ({
      workspace: () => this.#workspace(panel), brand: () => this.#brand(panel), team: () => this.#team(panel), keys: () => this.#keys(panel),
      labels: () => labelsPanel(panel, { ...this.#ctx, ws: this.#ws(), roles: this.#roles }),
      signatures: () => signaturesPanel(panel, { ...this.#ctx, ws: this.#ws(), roles: this.#roles }),
      accounts: () => accountsPanel(panel, { ...this.#ctx, ws: this.#ws(), roles: this.#roles }),
    })[this.tab]();
  }

  #tabKey(e) {
    const ids = TABS.map((t) => t[0]);
    const i = ids.indexOf(this.tab);
    const n = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: ids.length - 1 }[e.key];
    if (n === undefined) return;
    e.preventDefault();
    this.tab = ids[(n + ids.length) % ids.length];
    this.render();
    this.querySelector(`#tab-${this.tab}`)?.focus();
  }

  #gate(action, what) {
    if (this.#ctx.client.can(action)) return null;
    return roleNotice(this.#roles, this.#ws().role, action, what);
  }

  #saveRow(label, onclick, disabled) {
    const status = h('p', { class: 'save-status', role: 'status' });
    const b = h('button', { type: 'submit', class: 'primary', disabled, text: label });
    return { row: h('div', { class: 'actions' }, b, status), status, onclick };
  }

  #workspace(panel) {
    const { client } = this.#ctx;
    const ws = this.#ws();
    const allowed = client.can('manage_settings');
    const name = h('input', { type: 'text', value: ws.name, disabled: !allowed, autocomplete: 'off' });
    const logo = h('input', { type: 'url', value: ws.logo_url ?? '', disabled: !allowed });
    const fields = { name: field('Name', name), logo_url: field('Logo URL', logo, { hint: 'An https address of an image.' }) };
    const save = this.#saveRow('Save workspace', null, !allowed);
    panel.append(this.#gate('manage_settings', 'change the name and logo') ?? '', h('form', { novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      save.status.textContent = 'Saving…';
      try {
        await client.workspaces.update(ws.id, { name: name.value, logo: logo.value === '' ? null : logo.value });
        showErrors(fields, {});
        save.status.textContent = 'Saved.';
      } catch (err) {
        const rest = showErrors(fields, err.errors ?? {});
        save.status.textContent = rest.join(' ') || (Object.keys(err.errors ?? {}).length ? 'Not saved: see the fields above.' : errorText(err));
      }
    } }, fields.name, fields.logo_url, save.row));
    // Once, here, and only for the role that may delete the workspace (the core's table).
    if (client.can('delete_workspace')) panel.append(this.#danger());
  }

  // The choice lists (tone, image style, font, language) are the core's: the values its brand
  // rules accept, so the form cannot offer one a save would refuse.
  async #brand(panel) {
    const { client } = this.#ctx;
    const ws = this.#ws();
    const allowed = client.can('manage_settings');
    const b = ws.brand ?? {};
    let cat;
    try {
      cat = await sdk.brandCatalog();
    } catch (err) {
      panel.append(h('p', { class: 'error', role: 'alert', text: `The brand options could not be loaded (${errorText(err)}). Reload the page to try again.` }));
      return;
    }
    const choices = (rows) => rows.map((r) => [r.value, r.label]);
    const controls = {
      website: h('input', { type: 'url', value: b.website ?? '' }),
      description: h('textarea', { rows: '3', value: b.description ?? '' }),
      tone: select([['', '—'], ...choices(cat.tones)], b.tone),
      voice_notes: h('textarea', { rows: '3', value: b.voice_notes ?? '' }),
      image_style: select(choices(cat.image_styles), b.image_style ?? cat.defaults.image_style),
      primary_color: h('input', { type: 'text', value: b.primary_color ?? '', placeholder: '#RRGGBB' }),
      background_color: h('input', { type: 'text', value: b.background_color ?? '', placeholder: '#RRGGBB' }),
      text_color: h('input', { type: 'text', value: b.text_color ?? '', placeholder: '#RRGGBB' }),
      font: select(choices(cat.fonts), b.font ?? cat.defaults.font),
      content_language: select(choices(cat.content_languages), b.content_language ?? cat.defaults.content_language),
    };
    const labels = { website: 'Website', description: 'Description', tone: 'Tone', voice_notes: 'Voice notes', image_style: 'Image style', primary_color: 'Primary colour', background_color: 'Background colour', text_color: 'Text colour', font: 'Font', content_language: 'Content language' };
    const fields = {};
    for (const [k, c] of Object.entries(controls)) {
      c.disabled = !allowed;
      fields[k] = field(labels[k], c);
    }
    // Each colour can be typed (#RRGGBB, or left empty for none) or picked; the two stay in step.
    const HEX = /^#[0-9a-fA-F]{6}$/;
    for (const k of ['primary_color', 'background_color', 'text_color']) {
      const text = controls[k];
      const picker = h('input', { type: 'color', 'aria-label': `Pick the ${labels[k].toLowerCase()}`, value: HEX.test(text.value) ? text.value.toLowerCase() : '#000000', disabled: !allowed });
      // No colour set: the picker is shown faded, so its black is not read as a choice.
      const mark = () => picker.classList.toggle('unset', !HEX.test(text.value));
      picker.addEventListener('input', () => { text.value = picker.value; mark(); });
      text.addEventListener('input', () => { if (HEX.test(text.value)) picker.value = text.value.toLowerCase(); mark(); });
      mark();
      const row = h('div', { class: 'color-row' });
      text.replaceWith(row);
      row.append(text, picker);
    }
    const save = this.#saveRow('Save brand', null, !allowed);
    panel.append(this.#gate('manage_settings', 'edit the brand profile') ?? '', h('form', { class: 'brand-form', novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      const brand = {};
      for (const [k, c] of Object.entries(controls)) brand[k] = c.value;
      save.status.textContent = 'Saving…';
      try {
        await client.workspaces.update(ws.id, { brand });
        showErrors(fields, {});
        save.status.textContent = 'Brand profile saved.';
      } catch (err) {
        const rest = showErrors(fields, err.errors ?? {});
        save.status.textContent = rest.join(' ') || (Object.keys(err.errors ?? {}).length ? 'Not saved: see the fields above.' : errorText(err));
      }
    } }, Object.values(fields), save.row));
  }

  async #team(panel) {
    const { client } = this.#ctx;
    const ws = this.#ws();
    const team = client.in(ws.id).team;
    const allowed = client.can('manage_team');
    const listBox = h('div', { 'aria-busy': 'true' }, h('div', { class: 'skeleton line' }), h('div', { class: 'skeleton line' }));
    const email = h('input', { type: 'email', autocomplete: 'off', disabled: !allowed });
    // The roles this person may hand out and what each may do: the core's catalog. A role that
    // may assign none still sees the assignable ones, greyed out.
    const roles = await sdk.roleCatalog(ws.role).catch(() => this.#roles);
    const byRole = new Map((roles?.roles ?? []).map((r) => [r.role, r]));
    const assignable = roles?.assignable.length ? roles.assignable : (roles?.roles ?? []).filter((r) => r.assignable).map((r) => r.role);
    const choices = (list) => list.map((r) => [r, byRole.get(r)?.name ?? r]);
    const role = select(choices(assignable), 'member');
    role.disabled = !allowed;
    const describe = () => byRole.get(role.value)?.description ?? '';
    const fields = { email: field('Email', email), role: field('Role', role, { hint: describe() || undefined }) };
    role.addEventListener('change', () => {
      const hint = fields.role.querySelector('.hint');
      if (hint) hint.textContent = describe();
    });
    const status = h('p', { role: 'status', class: 'save-status' });
    const reload = async () => {
      let data;
      try {
        data = await team.list();
      } catch (err) {
        clear(listBox, h('p', { class: 'error', role: 'alert', text: `${errorText(err)} Reload the page to try again.` }));
        return;
      }
      listBox.removeAttribute('aria-busy');
      const rows = data.members.map((m) => {
        // Whether this member's role is fixed (the owner's: neither changed nor removed) is the
        // core's catalog, and so is the reason the disabled control gives.
        const held = byRole.get(m.role);
        const isFixed = held?.fixed === true;
        const rs = select(choices(isFixed ? [m.role] : assignable), m.role);
        rs.disabled = !allowed || isFixed;
        rs.id = uid('role');
        // A role changes on "Save role", not on the select's change: arrow keys on a closed select
        // fire one change per step, and viewer -> admin would pass through member on its way.
        const saveRole = allowed && !isFixed ? h('button', { type: 'button', class: 'save-role', 'aria-label': `Save role of ${m.name}`, disabled: true, text: 'Save role', onclick: async () => {
          saveRole.disabled = true;
          try {
            await team.updateRole(m.user_id, rs.value);
            m.role = rs.value;
            status.textContent = `${m.name} is now ${rs.value}.`;
          } catch (err) {
            rs.value = m.role;
            status.textContent = errorText(err);
          }
        } }) : null;
        rs.addEventListener('change', () => { if (saveRole) saveRole.disabled = rs.value === m.role; });
        // Disabled controls say why.
        const fixed = isFixed ? h('span', { class: 'hint', id: `${rs.id}-why`, text: ` ${held.fixed_reason ?? ''}` }) : null;
        if (fixed) rs.setAttribute('aria-describedby', fixed.id);
        return h('tr', {}, h('td', { text: m.name }), h('td', { class: 'email', text: m.email }),
          h('td', {}, h('label', { class: 'visually-hidden', for: rs.id, text: `Role of ${m.name}` }), rs, saveRole ? ' ' : null, saveRole, fixed),
          h('td', {}, allowed && !isFixed ? h('button', { type: 'button', class: 'danger-link', 'aria-label': `Remove ${m.name}`, onclick: async () => {
            try {
              await team.remove(m.user_id);
              status.textContent = `${m.name} was removed.`;
              reload();
            } catch (err) {
              status.textContent = errorText(err);
            }
          }, text: 'Remove' }) : null));
      });
      const invites = data.invites.map((inv) => h('li', {}, `${inv.email} (${inv.role}, pending) `,
        allowed ? h('button', { type: 'button', 'aria-label': `Cancel invite for ${inv.email}`, onclick: async () => {
          try {
            await team.cancelInvite(inv.id);
            status.textContent = `Invite for ${inv.email} cancelled.`;
            reload();
          } catch (err) {
            status.textContent = errorText(err);
          }
        }, text: 'Cancel invite' }) : null));
      clear(listBox,
        h('table', { class: 'table' }, h('caption', { text: 'Members' }),
          tableHead('Name', 'Email', 'Role'), h('tbody', {}, rows)),
        h('h3', { text: 'Pending invites' }),
        invites.length ? h('ul', { class: 'invites' }, invites) : h('p', { class: 'hint', text: 'No pending invites.' }));
    };
    panel.append(this.#gate('manage_team', 'invite, remove or change the role of members') ?? '', listBox,
      h('form', { class: 'inline-form', novalidate: true, onsubmit: async (e) => {
        e.preventDefault();
        try {
          await team.invite({ email: email.value, role: role.value });
          showErrors(fields, {});
          status.textContent = `Invite sent to ${email.value}.`;
          email.value = '';
          reload();
        } catch (err) {
          const rest = showErrors(fields, err.errors ?? {});
          status.textContent = rest.join(' ') || (Object.keys(err.errors ?? {}).length ? '' : errorText(err));
        }
      } }, h('h3', { text: 'Invite a member' }), fields.email, fields.role, h('button', { type: 'submit', class: 'primary', disabled: !allowed, text: 'Invite' })), status);
    reload();
  }

  async #keys(panel) {
    const { client } = this.#ctx;
    const ws = this.#ws();
    const apiKeys = client.in(ws.id).apiKeys;
    const allowed = client.can('manage_api_keys');
    const gate = this.#gate('manage_api_keys', 'create, list or delete API keys');
    if (!allowed) return panel.append(gate, devicesSection(client, ws) ?? '');
    const listBox = h('div', { 'aria-busy': 'true' }, h('div', { class: 'skeleton line' }));
    const name = h('input', { type: 'text', autocomplete: 'off' });
    const expires = h('input', { type: 'date' });
    const fields = { name: field('Key name', name), expires_at: field('Expires on', expires, { hint: 'Optional; the key stops working at the end of that day (UTC).' }) };
    const shown = h('div', { class: 'once', 'aria-live': 'polite' });
    const status = h('p', { role: 'status', class: 'save-status' });
    const reload = async () => {
      let keys;
      try {
        keys = await apiKeys.list();
      } catch (err) {
        clear(listBox, h('p', { class: 'error', role: 'alert', text: errorText(err) }));
        return;
      }
      // Last used in the workspace's display zone, as the calendar shows times.
      const used = await zoneWordsOf(keys.map((k) => k.last_used_at), ws.id);
      listBox.removeAttribute('aria-busy');
      clear(listBox, keys.length ? h('table', { class: 'table' }, h('caption', { text: 'Your keys for this workspace' }),
        tableHead('Name', 'Created', 'Expires', 'Last used'),
        h('tbody', {}, keys.map((k) => h('tr', {}, h('td', { text: k.name }), h('td', { text: k.created_at?.slice(0, 10) ?? '' }), h('td', { text: k.expires_at?.slice(0, 10) ?? 'Never' }), h('td', { text: k.last_used_at ? used.get(k.last_used_at) : 'Never' }),
          h('td', {}, h('button', { type: 'button', class: 'danger-link', 'aria-label': `Delete key ${k.name}`, onclick: () => confirmKeyDelete({
            key: k, wsName: ws.name, pageUsesKey: client.credentialKind?.(ws.id) === 'key',
            onConfirm: async () => {
              await apiKeys.delete(k.id);
              status.textContent = `Key "${k.name}" deleted.`;
              reload();
            },
          }), text: 'Delete' }))))))
        : h('p', { class: 'hint', text: 'No keys yet. Create one below to call the API from a script.' }));
    };
    panel.append(listBox, h('form', { class: 'inline-form', novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      try {
        const out = await apiKeys.create({ name: name.value, expiresAt: expires.value || undefined });
        showErrors(fields, {});
        const tokenId = uid('tok');
        clear(shown, h('p', { text: 'Copy this key now: it is shown only once.' }),
          h('label', { for: tokenId, text: `New key "${out.token?.name ?? name.value}"` }),
          h('input', { type: 'text', id: tokenId, readonly: true, value: out.plain_token, class: 'mono' }),
          h('button', { type: 'button', onclick: async (ev) => {
            try {
              await navigator.clipboard.writeText(out.plain_token);
              ev.target.textContent = 'Copied';
            } catch {
              document.getElementById(tokenId)?.select();
              status.textContent = 'Copying was refused by the browser: the key is selected, press Ctrl+C.';
            }
          }, text: 'Copy key' }),
          // Shown once means gone once copied: the plain key leaves the DOM, not just the view.
          h('button', { type: 'button', onclick: () => {
            clear(shown);
            status.textContent = 'The new key is hidden now; it cannot be shown again.';
            name.focus();
          }, text: 'Done, hide the key' }));
        name.value = '';
        reload();
      } catch (err) {
        const rest = showErrors(fields, err.errors ?? {});
        status.textContent = rest.join(' ') || (Object.keys(err.errors ?? {}).length ? '' : errorText(err));
      }
    } }, h('h3', { text: 'Create a key' }), fields.name, fields.expires_at, h('button', { type: 'submit', class: 'primary', text: 'Create key' })), shown, status,
    devicesSection(client, ws) ?? '');
    reload();
  }

  #danger() {
    return h('section', { class: 'danger-zone', 'aria-labelledby': 'danger-title' },
      h('h3', { id: 'danger-title', text: 'Danger zone' }),
      h('p', { text: 'Deleting removes every post, account, member, invite and key of this workspace. It cannot be undone.' }),
      h('button', { type: 'button', class: 'danger', onclick: () => this.#confirmDelete(), text: 'Delete workspace' }));
  }

  #confirmDelete() {
    const { client, onDeleted } = this.#ctx;
    const ws = this.#ws();
    openDialog(`Delete ${ws.name}?`, (body, close) => {
      const input = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false' });
      const f = field(`Type the workspace name (${ws.name}) to confirm`, input);
      const status = h('p', { role: 'alert', class: 'form-error' });
      body.append(h('form', { novalidate: true, onsubmit: async (e) => {
        e.preventDefault();
        try {
          await client.workspaces.remove(ws.id, { confirmName: input.value });
          close();
          onDeleted(ws);
        } catch (err) {
          const rest = showErrors({ confirm_name: f }, err.errors ?? {});
          status.textContent = rest.join(' ') || (Object.keys(err.errors ?? {}).length ? '' : errorText(err));
        }
      } }, h('p', { text: 'This removes the workspace and everything in it.' }), f, status,
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close, text: 'Cancel' }), h('button', { type: 'submit', class: 'danger', text: 'Delete workspace' }))));
    });
  }
}

customElements.define('tp-settings', SettingsView);
