// Words for people, from the core: the API's field problems in plain words ("Media 1: the file at
// this address could not be downloaded.") and platform, content type and status names ("X",
// "LinkedIn page", "Instagram feed"). The API's paths stay the keys, so a form still finds its fields.
import { loadCore, parseCoreAnswer } from './core.js';

// errors: {path: [API messages]}; options: {message?, platforms?: [wire names per row], content_types?}
// -> {errors: {path: [plain]}, message}
export async function describeProblems(errors, options = {}) {
  const core = await loadCore();
  return parseCoreAnswer(core.describeProblems(JSON.stringify({ errors: errors ?? {}, ...options })));
}

let names = null;
// {platforms: {x: 'X', ...}, content_types: {...}, statuses: {...}}
export async function displayNames() {
  names ??= loadCore().then((core) => parseCoreAnswer(core.describeProblems('{}')));
  return names;
}
