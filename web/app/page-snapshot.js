// The page a returning visit draws before any module runs (first-paint.js): the sidebar, the
// page head and the calendar as last painted from live data, as HTML. It is assembled from those
// parts only, never a copy of the whole page: a dialog (a new API key shown once, a post being
// written), a menu, a banner or a notice must never reach storage. It holds what the saved first
// paint already holds (workspace names, the month's posts), and no key or token.

// What may be drawn without the page's code: the parts, with anything interactive-only removed.
const DROPPED = 'dialog, [role="dialog"], [role="alertdialog"], [role="menu"], [role="alert"], [role="status"], script, template';

// Custom elements become plain <div>s (their classes carry their styles): the modules define the
// real ones, and an upgrade of a saved copy would run their code on nodes they did not build.
function plain(node) {
  for (const el of [...node.querySelectorAll('*')].reverse()) {
    if (!el.localName.includes('-')) continue;
    const div = el.ownerDocument.createElement('div');
    for (const { name, value } of el.attributes) div.setAttribute(name, value);
    div.append(...el.childNodes);
    el.replaceWith(div);
  }
  return node;
}

// -> HTML text for #app, or null when the page is not the calendar screen.
// `syncText`: what the status line says while a returning visit checks for changes.
export function pageSnapshot(root, { syncText }) {
  const shell = root.querySelector(':scope > .shell');
  const sidebar = shell?.querySelector(':scope > .sidebar');
  const main = shell?.querySelector(':scope > main');
  const head = main?.querySelector(':scope > .page-head');
  const content = main?.querySelector(':scope > .content');
  const calendar = content?.firstElementChild;
  if (!sidebar || !head || !calendar || content.childElementCount !== 1 || !calendar.matches('.calendar')) return null;
  const skip = root.querySelector(':scope > a.skip');
  const box = root.cloneNode(false);
  const mainCopy = main.cloneNode(false);
  const sync = main.querySelector(':scope > .sync')?.cloneNode(false);
  const banners = main.querySelector(':scope > .banners')?.cloneNode(false);
  if (sync) {
    sync.removeAttribute('role');
    sync.removeAttribute('aria-live');
    sync.textContent = syncText;
  }
  const contentCopy = content.cloneNode(false);
  contentCopy.append(calendar.cloneNode(true));
  mainCopy.append(...[banners, head.cloneNode(true), sync, contentCopy].filter(Boolean));
  const shellCopy = shell.cloneNode(false);
  shellCopy.append(sidebar.cloneNode(true), mainCopy);
  if (skip) box.append(skip.cloneNode(true));
  box.append(shellCopy);
  for (const el of box.querySelectorAll(DROPPED)) el.remove();
  return plain(box).innerHTML;
}
