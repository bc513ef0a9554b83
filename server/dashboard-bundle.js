// The dashboard as a browser loads it: web/app's modules and the SDK modules they import, joined
// by esbuild into a handful of files. Served one module per source file, a first visit fetched
// and evaluated some sixty files, and each import level cost a round; joined, the first paint is
// main.js and the few chunks it imports, and the rest arrives as a few more chunks.
//
// esbuild splits at each dynamic import() of the sources: code reached from more than one entry
// (main.js and the modules loaded later) goes into a shared chunk, so every module still runs
// once and shares its state (app-state.js). Chunk names carry a digest of their content.
//
// The WASM glue and the core stay their own files, in wasm/ beside the chunks: core.js imports
// './wasm/trypost-core.mjs' and names './wasm/trypost-core.wasm' relative to itself, and esbuild
// keeps those paths as written, so they resolve beside whichever chunk holds core.js.
//
// Built in memory (nothing written to disk): the dev server and tests running side by side each
// build their own, and an edit to web/ is picked up by the next page load (server/dev.js).
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join, relative } from 'node:path';
import { build, transform } from 'esbuild';

const PAGE_FILES = ['index.html', 'app.css', 'favicon.svg'];
const CORE_FILES = ['trypost-core.mjs', 'trypost-core.wasm'];

export class BundleError extends Error {}

// webRoot: the web/ folder. -> { files: Map<path, Buffer>, version, firstPaint: [chunk paths] }
// Paths are relative to the dashboard's folder ("main.js", "chunk-AB12CD34.js", "wasm/...").
export async function bundleDashboard(webRoot) {
  const app = join(webRoot, 'app');
  const wasm = join(webRoot, 'sdk', 'wasm');
  for (const f of CORE_FILES) {
    if (!existsSync(join(wasm, f))) throw new BundleError(`the dashboard needs the WASM core: ${join(wasm, f)} is missing; run \`npm run build\``);
  }
  const result = await build({
    entryPoints: [join(app, 'main.js')],
    outdir: app,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    sourcesContent: true,
    external: ['./wasm/trypost-core.mjs', 'node:fs/promises'],
    metafile: true,
    write: false,
    logLevel: 'silent',
  }).catch((err) => {
    throw new BundleError(`the dashboard's modules do not build: ${err.errors?.[0]?.text ?? err.message}`);
  });
  const files = new Map();
  for (const out of result.outputFiles) files.set(relative(app, out.path), Buffer.from(out.contents));

  // What main.js imports statically: the first paint's modules, announced by first-paint.js.
  const main = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint && basename(o.entryPoint) === 'main.js');
  const firstPaint = main[1].imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => basename(i.path));
  const script = await transform(readFileSync(join(app, 'first-paint.js'), 'utf8'), {
    define: { FIRST_PAINT_MODULES: JSON.stringify(firstPaint.map((p) => `./${p}`)) },
    minify: true,
    target: 'es2022',
  });
  files.set('first-paint.js', Buffer.from(script.code));
  for (const f of PAGE_FILES) files.set(f, readFileSync(join(app, f)));
  for (const f of CORE_FILES) files.set(`wasm/${f}`, readFileSync(join(wasm, f)));

  const hash = createHash('sha256');
  for (const [path, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${path}\0${bytes.length}\0`).update(bytes);
  return { files, version: hash.digest('hex').slice(0, 16), firstPaint };
}
