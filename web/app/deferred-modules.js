// What the first paint does not need, loaded after it: the SDK with the WASM core, settings, the
// composer and the remembered session.
import { h, errorText } from './dom.js';
import { loadCore } from '../sdk/core.js';
import { app } from './app-state.js';
import { notify } from './page-notices.js';

// The remembered session (WebCrypto, IndexedDB) is needed only after the first paint: loaded then.
export const session = () => import('./session.js');

// The rest of the module graph, announced all at once so it arrives in one round instead of one
// import level at a time; first-paint.js preloads only the first paint's modules, so a returning
// visit's paint does not queue behind these (a browser opens 6 connections per server).
const REST = ['../sdk/index.js', '../sdk/core.js', '../sdk/client.js', '../sdk/calendar.js', '../sdk/transport.js',
  '../sdk/outbox.js', '../sdk/posts.js', '../sdk/counting.js', '../sdk/signing.js', '../sdk/resources.js', '../sdk/brand.js',
  '../sdk/roles.js', '../sdk/post-actions.js',
  '../sdk/wasm/trypost-core.mjs', './settings.js', './composer.js', './labels-signatures.js', './accounts-settings.js',
  './composer-checks.js', './composer-uploads.js', './role-notice.js',
  '../sdk/post-window.js', './month-first.js', './meta-lists.js', './session.js', '../sdk/storage.js', '../sdk/idb.js',
  '../sdk/session-credential.js', './session-ui.js', '../sdk/workspace-error.js', '../sdk/payment-blocks.js',
  '../sdk/network-events.js', '../sdk/listeners.js', '../sdk/waiting-keys.js', '../sdk/post-pages.js', '../sdk/workspace-lifecycle.js'];
export function loadRest() {
  app.rest ??= (async () => {
    // Resolved here: a link's href is relative to the page, an import's to this module.
    const here = (path) => new URL(path, import.meta.url).href;
    for (const href of REST) document.head.append(h('link', { rel: 'modulepreload', href: here(href) }));
    document.head.append(h('link', { rel: 'preload', href: here('../sdk/wasm/trypost-core.wasm'), as: 'fetch', type: 'application/wasm', crossorigin: 'anonymous' }));
    // The core compiles while the rest of the modules arrive, not after: the client needs it first.
    loadCore().catch(() => { /* reported by coreVersion below */ });
    const [index, composer, labels, , firstMonth] = await Promise.all([import('../sdk/index.js'), import('./composer.js'), import('./labels-signatures.js'), import('./settings.js'), import('./month-first.js')]);
    app.openComposer = composer.openComposer;
    app.defaultSignatureId = labels.defaultSignatureId;
    app.monthFirst = firstMonth;
    app.sdk = index;
    const sdk = index;
    sdk.displayNames?.().then((n) => { app.names = n; }, () => {});
    performance.mark('tp:rest-loaded');
    sdk.coreVersion().then((v) => { document.getElementById('core-version').textContent = v; }, (err) => {
      document.getElementById('core-version').textContent = 'unavailable';
      notify(`The core failed to load (${errorText(err)}). Reload the page; if it persists, rebuild with npm run build.`);
    });
    return sdk;
  })();
  return app.rest;
}
