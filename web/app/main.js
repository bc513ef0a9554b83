import { coreVersion } from '../sdk/index.js';

const out = document.getElementById('core-version');
coreVersion().then(
  (v) => {
    out.textContent = v;
    document.getElementById('app').setAttribute('aria-busy', 'false');
  },
  (err) => {
    out.textContent = 'unavailable';
    console.error('core failed to load:', err.message);
  },
);
