// A returning visit's first frame, drawn by a classic script before any module has loaded: the
// page as last painted from live data (page-snapshot.js), kept in the first-paint record
// (post-cache.js). Modules wait for the whole parse and their import graph; this draws the month
// as soon as the parser reaches it (a new tab: ~165 ms instead of ~195 ms, docs/dashboard-loading.md).
// main.js then builds the live page in its place, the same nodes and text, so nothing visibly
// changes; until then the saved page is inert and marked busy.
//
// Writing stored HTML with innerHTML: the text is the page's own DOM serialised (text and
// attributes escaped by the serialiser), read from this origin's storage, which only script
// already running on this origin can write; and the origin's CSP (script-src 'self') keeps any
// inline script or handler in it from running.
//
// It is drawn only when main.js would draw the same month: the record is the open workspace's,
// saved by this version of the app (the versioned URL it is served from), on today's UTC date
// (a fresh visit opens today's month), for the permissions the workspace still has.
//
// It also starts the modules (main.js): at once when nothing is drawn, and after the saved page's
// frame when it is. Started from the page's head instead, they were fetched, compiled and run
// between the saved page and its frame, and the frame waited for them.
//
// A classic script cannot import post-cache.js: the two record names below are the ones it keeps.
(() => {
  performance.mark('tp:first-paint-script');
  const here = document.currentScript.src;
  const root = document.getElementById('app');
  let started = false;
  const startModules = () => {
    if (started) return;
    started = true;
    document.head.append(Object.assign(document.createElement('script'), { type: 'module', src: new URL('./main.js', here).href }));
  };

  // The saved page's HTML, or null when it is not what main.js would draw now.
  const savedPage = () => {
    try {
      const meta = JSON.parse(localStorage.getItem('trypost-first-paint'));
      const paint = JSON.parse(localStorage.getItem('trypost-first-paint-month'));
      const active = meta?.workspaces?.find((w) => w.id === meta.active);
      const page = paint?.page;
      if (!active || paint.workspace !== active.id || typeof page?.html !== 'string') return null;
      if (page.base !== new URL('.', here).href) return null;
      if (page.day !== new Date().toISOString().slice(0, 10)) return null;
      if (page.can_edit !== (active.permissions?.manage_posts === true)) return null;
      return page.html;
    } catch {
      return null; // storage blocked or the record damaged: the modules paint as on any visit
    }
  };

  const html = root ? savedPage() : null;
  if (html === null) {
    // The first paint's modules (the chunks main.js imports), announced at once: main.js would
    // name them only once fetched and parsed. Not after a saved page is drawn: fetched and
    // compiled beside its first frame, they delayed it, and main.js finds them in time to take
    // over. FIRST_PAINT_MODULES is written in when the dashboard is bundled
    // (server/dashboard-bundle.js), from the bundle's own graph; the sources served as they are
    // preload nothing.
    for (const m of typeof FIRST_PAINT_MODULES === 'undefined' ? [] : FIRST_PAINT_MODULES) {
      document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href: new URL(m, here).href }));
    }
    startModules();
    return;
  }
  // A tab opened in the background makes no frames: there the modules start after a moment anyway.
  setTimeout(startModules, 250);
  root.innerHTML = html;
  // Label colours are classes named by the colour (calendar-entry.js); their rules are made again
  // here through CSSOM, as the CSP allows no style attribute.
  const colours = new Set([...(root.querySelectorAll?.('.label-dot') ?? [])].flatMap((d) => [...d.classList].filter((c) => /^lc-[0-9a-f]{6}$/.test(c))));
  if (colours.size && 'adoptedStyleSheets' in document) {
    const sheet = new CSSStyleSheet();
    for (const c of colours) sheet.insertRule(`.label-dot.${c} { background-color: #${c.slice(3)}; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  for (const el of root.children) el.inert = true;
  root.setAttribute('aria-busy', 'true');
  root.dataset.saved = 'drawn';
  performance.mark('tp:snapshot-shown');
  // The frame after the change (as main.js marks its paints), then the modules.
  requestAnimationFrame(() => setTimeout(() => {
    performance.mark('tp:month-painted');
    startModules();
  }, 0));
})();
