// Shared browser harness: Debian's Chromium driven by playwright-core with a fresh profile,
// and the project's own dev server on a free loopback port.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevServer, listen } from '../../server/dev.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// For benches, added to CHROMIUM_ARGS: at launch, Chromium's headless mode builds its omnibox
// popup, a WebUI page in a renderer of its own. That is about 1 s of CPU on this 2-core machine,
// and it lands inside the first timed page load (a cold dashboard visit took 2.5-2.8 s with it
// and 1.8-1.9 s without). A user's browser did that work long before they opened the page.
// Puppeteer turns the same two features off by default.
export const BENCH_ARGS = ['--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'];

// `extraArgs`: for benches only (tests run with exactly CHROMIUM_ARGS).
export async function launchBrowser({ extraArgs = [] } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'trypost-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.TRYPOST_CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
    headless: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function startDevServer(options) {
  const server = createDevServer(options);
  const { port } = await listen(server, 0);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  };
}

// Collects console errors, page errors and CSP violations; a test asserts the list is empty.
export function watchPage(page) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}

// The usual file setup: one dev server and one browser for every test of the file, closed after.
// Returns an object whose `browser` and `server` are set once `before` has run.
export function useBrowserAndServer(serverOptions) {
  const env = { browser: null, server: null };
  before(async () => {
    env.server = await startDevServer(serverOptions);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
