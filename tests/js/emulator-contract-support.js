// The emulator contract suites' shared setup (tests/js/emulator-contract*.test.js): each suite
// runs once per mode against its own emulator on 127.0.0.1, with the values its cases share.
import { describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { IDS, TOKENS, startEmulator } from '../../server/emulator/test-harness.js';

export const API_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;
export const FINALIZED = 'This post has already been processed and cannot be re-published. Duplicate it to try again.';
export const fixture = (name) => readFileSync(new URL(`../../server/fixtures/media/${name}`, import.meta.url));
export const future = (days = 2) => new Date(Date.now() + days * 86400000).toISOString().replace(/\.\d+Z$/, 'Z');

// Registers the cases `body` adds once per mode. `env.h` is that mode's running emulator (set
// before the first case), `env.api` its HTTP client, and `env.draft` creates a draft post (an X
// post unless told otherwise) and asserts the 201.
export function contractSuite(body) {
  for (const mode of ['self-hosted', 'cloud']) {
    describe(`emulator contract (${mode})`, () => {
      const env = { mode };
      before(async () => {
        env.h = await startEmulator({ mode });
      });
      after(() => env.h.close());
      env.api = (...args) => env.h.api(...args);
      env.draft = async (platforms = [{ social_account_id: IDS.x, content_type: 'x_post' }], extra = {}, token = TOKENS.owner) => {
        const r = await env.api('POST', 'posts', { token, body: { content: 'hello', platforms, ...extra } });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        return r.body;
      };
      body(env);
    });
  }
}
