// The widget's DOM helpers: elements and constructable stylesheets (no style attributes, no
// <style> elements: the widget works under `style-src 'self'` on any host page).
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function sheetFor(css) {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}
