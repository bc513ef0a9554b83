// What the first paint does not need, loaded after it: the SDK with the WASM core, settings, the
// composer and the remembered session.
import { h, errorText } from './dom.js';
import { loadCore, CORE_WASM_URL } from '../sdk/core.js';
import { app } from './app-state.js';
import { notify } from './page-notices.js';

// The remembered session (WebCrypto, IndexedDB) is needed only after the first paint: loaded then.
export const session = () => import('./session.js');

export function loadRest() {
  app.rest ??= (async () => {
    // The core's bytes are asked for at once, not once its glue has arrived and asks.
    document.head.append(h('link', { rel: 'preload', href: CORE_WASM_URL, as: 'fetch', type: 'application/wasm', crossorigin: 'anonymous' }));
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
