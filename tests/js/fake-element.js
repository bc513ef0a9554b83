// A small stand-in for the DOM, enough for the calendar entry builders (web/widget/post-item.js,
// web/app/calendar-entry.js) to run under Node: installed as `document` and `Node` on import
// when the realm has none.
export class FakeElement {
  constructor(tag) {
    this.tag = tag;
    this.children = [];
    this.attributes = {};
    this.dataset = {};
    this.className = '';
    this.textContent = '';
    this.title = '';
    this.classList = { add: (c) => { this.className += ` ${c}`; } };
  }
  setAttribute(k, v) {
    this.attributes[k] = String(v);
    if (k === 'class') this.className = String(v);
    if (k.startsWith('data-')) this.dataset[k.slice(5)] = String(v);
    if (k === 'title') this.title = String(v);
  }
  getAttribute(k) { return this.attributes[k] ?? null; }
  append(...nodes) { this.children.push(...nodes); }
}
globalThis.document ??= { createElement: (tag) => new FakeElement(tag), createTextNode: (text) => ({ text }) };
globalThis.Node ??= FakeElement;
