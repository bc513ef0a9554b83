// <tp-workspace-switcher>: the active workspace as a menu button; the menu lists every workspace
// (logo, name, the user's role) and "Create workspace". Arrow keys move, Escape closes.
import { h, clear, uid } from './dom.js';

function logo(ws) {
  if (ws?.logo_url) return h('img', { class: 'ws-logo', src: ws.logo_url, alt: '' });
  // The initial is drawn by CSS (data-initial), so it is not part of the button's visible text:
  // the button's name must contain what it shows (WCAG 2.5.3, label in name).
  return h('span', { class: 'ws-logo ws-initial', 'aria-hidden': 'true', 'data-initial': (ws?.name ?? '?').trim().charAt(0).toUpperCase() || '?' });
}

const ROLE = { owner: 'Owner', admin: 'Admin', member: 'Member', viewer: 'Viewer' };

export class WorkspaceSwitcher extends HTMLElement {
  #state = { active: null, workspaces: [] };
  #open = false;
  #menuId = uid('ws-menu');

  connectedCallback() {
    this.classList.add('ws-switcher');
    this.render();
  }

  update(state) {
    this.#state = state;
    this.render();
  }

  render() {
    const { active, workspaces } = this.#state;
    const button = h('button', {
      type: 'button', class: 'ws-button', 'aria-haspopup': 'menu', 'aria-expanded': String(this.#open),
      'aria-controls': this.#menuId,
      'aria-label': active ? `Workspace: ${active.name} (${ROLE[active.role] ?? active.role}). Switch workspace` : 'Choose a workspace',
      onclick: () => this.toggle(),
      onkeydown: (e) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          this.toggle(true);
        }
      },
    }, logo(active), h('span', { class: 'ws-name', text: active?.name ?? 'No workspace' }), h('span', { class: 'chev', 'aria-hidden': 'true', text: '▾' }));
    const items = workspaces.map((ws) => h('button', {
      type: 'button', role: 'menuitem', tabindex: '-1', class: 'ws-item',
      'aria-current': ws.id === active?.id ? 'true' : null,
      dataset: { id: ws.id },
      onclick: () => this.pick(ws.id),
    }, logo(ws), h('span', { class: 'ws-item-name', text: ws.name }), h('span', { class: 'ws-role', text: ROLE[ws.role] ?? ws.role })));
    // Offered only to those the account API lets create one (state.canCreate).
    const create = this.#state.canCreate === false ? null : h('button', { type: 'button', role: 'menuitem', tabindex: '-1', class: 'ws-item ws-create', onclick: () => this.#emit('create-workspace') },
      h('span', { class: 'ws-logo ws-initial', 'aria-hidden': 'true', 'data-initial': '+' }), h('span', { text: 'Create workspace' }));
    const menu = h('div', { role: 'menu', id: this.#menuId, 'aria-label': 'Workspaces', class: 'ws-menu', hidden: !this.#open, onkeydown: (e) => this.#menuKey(e) }, items, create);
    clear(this, button, menu);
  }

  toggle(force) {
    this.#open = force ?? !this.#open;
    this.render();
    if (this.#open) {
      const items = [...this.querySelectorAll('[role=menuitem]')];
      (items.find((i) => i.getAttribute('aria-current') === 'true') ?? items[0])?.focus();
      const away = (e) => {
        if (!this.contains(e.target)) {
          document.removeEventListener('pointerdown', away, true);
          if (this.#open) this.toggle(false);
        }
      };
      document.addEventListener('pointerdown', away, true);
    } else this.querySelector('.ws-button')?.focus();
  }

  pick(id) {
    this.#open = false;
    this.render();
    this.querySelector('.ws-button')?.focus();
    this.#emit('switch-workspace', { id });
  }

  #emit(type, detail = {}) {
    if (type === 'create-workspace') {
      this.#open = false;
      this.render();
    }
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, detail }));
  }

  #menuKey(e) {
    const items = [...this.querySelectorAll('[role=menuitem]')];
    const i = items.indexOf(document.activeElement);
    const go = (n) => {
      e.preventDefault();
      items[(n + items.length) % items.length]?.focus();
    };
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(items.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.preventDefault();
      this.toggle(false);
    }
  }
}

customElements.define('tp-workspace-switcher', WorkspaceSwitcher);
