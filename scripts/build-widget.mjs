#!/usr/bin/env node
// Writes dist/widget/: the <trypost-calendar> element as one minified module (with its source
// map), the calendar-only WASM core next to it (CMake target trypost_calendar_wasm:
// wasm/bindings.cpp with only its calendar and snapshot section, at -Oz), the example pages and a
// README snippet. esbuild joins the element and the modules it imports (one request and one
// compressed file instead of fifteen); the SDK's core loader is rewritten on the way to load the
// calendar-only core (each rewrite must match exactly once, so a moved import fails the build
// instead of shipping a broken path).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = `${root}dist/widget/`;
const wasmDir = `${root}build/wasm/`;
const CORE = ['trypost-calendar-core.mjs', 'trypost-calendar-core.wasm'];

for (const f of CORE) {
  if (!existsSync(wasmDir + f)) {
    console.error(`build-widget: ${wasmDir}${f} is missing; run \`bash scripts/build.sh wasm\` first`);
    process.exit(1);
  }
}

function rewrite(text, file, pairs) {
  for (const [from, to] of pairs) {
    const n = text.split(from).length - 1;
    if (n !== 1) throw new Error(`build-widget: expected "${from}" once in ${file}, found ${n}`);
    text = text.replace(from, to);
  }
  return text;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const examples = ['example.html', 'example.css', 'example.js', 'example-live.html', 'example-live.js'];
for (const f of examples) copyFileSync(`${root}web/widget/${f}`, out + f);
for (const f of CORE) copyFileSync(wasmDir + f, out + f);

// The element and every module it imports (web/widget/ and the SDK's calendar modules), joined.
// The SDK's core loader is the one module that differs: it loads the calendar-only core, whose
// glue stays its own file next to its .wasm (imported on demand). node:fs is only reached when the
// module runs under Node (tests), never in a page.
const calendarOnlyCore = {
  name: 'calendar-only-core',
  setup(b) {
    b.onLoad({ filter: /[\\/]web[\\/]sdk[\\/]core\.js$/ }, (args) => ({
      loader: 'js',
      contents: rewrite(readFileSync(args.path, 'utf8'), 'web/sdk/core.js',
        [["'./wasm/trypost-core.mjs'", "'./trypost-calendar-core.mjs'"], ["'./wasm/trypost-core.wasm'", "'./trypost-calendar-core.wasm'"]]),
    }));
  },
};
const result = await build({
  entryPoints: [`${root}web/widget/trypost-calendar.js`],
  outfile: `${out}trypost-calendar.js`,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  sourcesContent: true,
  external: ['./trypost-calendar-core.mjs', 'node:fs/promises'],
  plugins: [calendarOnlyCore],
  metafile: true,
  logLevel: 'error',
});
// The widget must load the calendar-only core, never the SDK's whole one.
if (!Object.keys(result.metafile.inputs).some((f) => f.endsWith('web/sdk/core.js')))
  throw new Error('build-widget: the element no longer imports web/sdk/core.js; check how it loads its core');

// What a page downloads to show the widget (example files and the source map excluded).
const shipped = ['trypost-calendar.js', ...CORE];
const sizes = shipped.map((f) => {
  const bytes = readFileSync(out + f);
  return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const total = sizes.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

writeFileSync(out + 'README.md', `# <trypost-calendar>

A read-only content calendar for one TryPost workspace. Copy this folder to your site (or a CDN)
and add one line to the page:

\`\`\`html
<script type="module" src="/trypost/trypost-calendar.js"></script>

<trypost-calendar src="/trypost/calendar-snapshot.json" view="month"></trypost-calendar>
<!-- or, live through the widget proxy with a short-lived read-only token: -->
<trypost-calendar endpoint="https://proxy.example/widget-api/workspaces/WORKSPACE_ID" token="…"></trypost-calendar>
\`\`\`

The module fetches \`trypost-calendar-core.wasm\` from this folder. Works under
\`Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'\`
(serve \`.wasm\` as \`application/wasm\`). Attributes: src | endpoint + token, view (month, week, list),
date, week-start, time-zone, max-rows, labels, prepare (none: do not build neighbour months ahead).
Events: load, render, error.
Theming: --tp-accent, --tp-bg, --tp-fg, --tp-muted, --tp-border, --tp-font, --tp-font-size,
--tp-radius, --tp-post-radius, --tp-hour-height, --tp-week-height and ::part(...). See docs/widget.md in trypost-core for the full reference.

A snapshot file comes from \`trypost snapshot --api URL --key KEY > calendar-snapshot.json\` or the
dashboard's "Export calendar". The live form needs the widget proxy next to your site:
\`trypost widget-proxy --port 8787\` with TRYPOST_API_URL, TRYPOST_API_KEYS (WORKSPACE_ID=KEY,...),
TRYPOST_WIDGET_SECRET (base64, 16+ bytes) and TRYPOST_WIDGET_ORIGINS in its environment, and a
token your server mints per visit (\`trypost widget-token\`). The proxy keeps no state: run several
behind a load balancer with the same environment. \`example-live.html\` asks \`./demo-token.json\` for its token
(the dev server of trypost-core serves one); point it at your own token route.

Transfer size (gzip -9): ${kib(total.gzip)} (${kib(total.raw)} raw) for ${shipped.join(', ')}.
`);

for (const s of sizes) console.log(`widget: ${s.file.padEnd(22)} ${kib(s.raw).padStart(11)} ${kib(s.gzip).padStart(11)} gzip`);
console.log(`widget: total                  ${kib(total.raw).padStart(11)} ${kib(total.gzip).padStart(11)} gzip -> dist/widget/`);
