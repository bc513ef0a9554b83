// The dashboard's static module graph, read from the sources: every module an entry imports or
// re-exports (`import ... from`, `import '...'`, `export ... from`), followed through every level.
// Paths come back relative to web/app/ ("dom.js", "../sdk/core.js"), as the page names them.
import { readFileSync } from 'node:fs';

const APP = new URL('../../web/app/', import.meta.url);

export function staticGraph(...entries) {
  const seen = new Set();
  const walk = (url) => {
    if (seen.has(url.href)) return;
    seen.add(url.href);
    for (const m of readFileSync(url, 'utf8').matchAll(/^(?:import|export)\s+(?:[^'";]*?from\s+)?'([^']+)'/gm)) walk(new URL(m[1], url));
  };
  for (const e of entries) walk(new URL(e, APP));
  return new Set([...seen].map((h) => (h.startsWith(APP.href) ? h.slice(APP.href.length) : `../sdk/${h.split('/web/sdk/')[1]}`)));
}
