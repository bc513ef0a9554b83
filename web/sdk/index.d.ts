// Hand-written types for the SDK (Emscripten 3.1.6 has no --emit-tsd), one module per part under
// types/, all re-exported here. tests/js/sdk-types.test.js compiles them with tsc --strict
// together with tests/types/consumer.ts, which uses every export, and checks that the declared and
// the run-time exports are the same names.
export * from './types/core.js';
export * from './types/counting.js';
export * from './types/workspaces.js';
export * from './types/transport.js';
export * from './types/posts.js';
export * from './types/calendar.js';
export * from './types/signing.js';
export * from './types/resources.js';
export * from './types/wall-time.js';
export * from './types/wording.js';
export * from './types/publish-watch.js';
