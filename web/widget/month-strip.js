// The months a widget keeps side by side: the shown grid and the months built ahead of it while
// the page is idle, as columns of a strip inside the clipped body, laid out, painted and hidden
// from assistive technology (class "prepared", aria-hidden, no tab stop). A switch to one of them
// moves the strip (a compositor transform) and sets the body's height; no grid changes style, so
// the frame of the click restyles, lays out and repaints nothing of the months. Keyed by
// everything that changes a month's drawing.
export class MonthStrip {
  prepared = new Map(); // key -> {grid, answer}
  shownKey = null;
  shownAnswer = null;
  #body;
  #strip; // the body's only child
  #fit = null; // ResizeObserver: the body follows the shown grid's height

  constructor(body, strip) {
    this.#body = body;
    this.#strip = strip;
  }

  get element() {
    return this.#strip;
  }

  // A freshly painted grid (or list) replaces everything in the strip.
  show(content, key, answer) {
    this.prepared.clear();
    this.shownKey = key;
    this.shownAnswer = answer;
    if (key) content.dataset.key = key;
    this.#strip.replaceChildren(content);
    this.place(content);
  }

  // A prepared grid becomes the shown one; the one shown before is kept as prepared (unless a
  // day of it was expanded). Grids far from the new month are removed later, while idle.
  reveal(key, grid, answer) {
    const old = this.shown();
    if (old && old !== grid) {
      const oldKey = old.dataset.key;
      if (oldKey && !old.querySelector('.expanded')) {
        this.hide(old);
        this.prepared.set(oldKey, { grid: old, answer: this.shownAnswer });
      } else {
        old.remove();
      }
    }
    this.prepared.delete(key);
    grid.classList.remove('prepared');
    grid.removeAttribute('aria-hidden');
    this.shownKey = key;
    this.shownAnswer = answer;
    this.place(grid);
  }

  // A month built ahead: laid out now, while idle, and measured before it is hidden (a hidden
  // month has no size).
  add(key, grid, answer) {
    grid.dataset.key = key;
    this.#strip.append(grid);
    grid.dataset.height = String(grid.offsetHeight);
    this.hide(grid);
    this.prepared.set(key, { grid, answer });
  }

  hide(grid) {
    grid.classList.add('prepared');
    grid.setAttribute('aria-hidden', 'true');
    for (const c of grid.querySelectorAll('[tabindex="0"]')) c.tabIndex = -1;
  }

  // Shows `grid` (a child of the strip): the strip moves to its column and the body takes its
  // height (observed, so an expanded day or a narrower page is followed).
  place(grid) {
    const index = [...this.#strip.children].indexOf(grid);
    const alone = this.#strip.children.length <= 1;
    this.#strip.style.transform = `translateX(${-100 * Math.max(0, index)}%)`;
    this.#fit?.disconnect();
    if (alone || typeof ResizeObserver !== 'function') {
      this.#body.style.height = '';
      return;
    }
    const known = grid.dataset.height;
    if (known) this.#body.style.height = `${known}px`;
    this.#fit ??= new ResizeObserver((entries) => {
      const box = entries.at(-1)?.borderBoxSize?.[0];
      const h = box ? box.blockSize : entries.at(-1)?.target.offsetHeight;
      if (h) this.#body.style.height = `${h}px`;
    });
    this.#fit.observe(grid);
  }

  shown() {
    return [...this.#strip.children].find((c) => !c.classList.contains('prepared')) ?? null;
  }

  drop() {
    for (const { grid } of this.prepared.values()) grid.remove();
    this.prepared.clear();
    const shown = this.shown();
    if (shown) this.place(shown);
  }

  // Grids of months other than `near` (YYYY-MM) go (while idle: removing a laid-out month is not
  // free), and the strip is put back on the shown grid's column.
  prune(near) {
    let removed = false;
    for (const [k, entry] of this.prepared) {
      if (!near.has(k.slice(0, 7))) {
        this.prepared.delete(k);
        entry.grid.remove();
        removed = true;
      }
    }
    const shown = this.shown();
    if (removed && shown) this.place(shown);
  }

  disconnect() {
    this.#fit?.disconnect();
  }
}
