// The brand profile's choice lists, asked of the core (the same tables its brand rules check
// against), so a form offers exactly the values a save accepts.
import { loadCore, parseCoreAnswer } from './core.js';

let cached = null;

// {tones, image_styles, fonts, content_languages: [{value, label}], defaults}. Fixed per build,
// so it is read once.
export function brandCatalog() {
  if (!cached) {
    cached = loadCore().then((core) => Object.freeze(parseCoreAnswer(core.brandCatalog('{}'))));
    cached.catch(() => { cached = null; });
  }
  return cached;
}
