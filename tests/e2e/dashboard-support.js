// Shared setup for the dashboard browser tests: the dev server with the emulator mounted at /api
// (demo seed, data in a fresh temp folder per call), and small steps driven by roles and names.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevServer, listen } from '../../server/dev.js';
import { createEmulator } from '../../server/emulator/index.js';

export const ARTIFACTS = new URL('./artifacts/', import.meta.url);
export const OWNER_TOKEN = 'acct_demo_olivia_owner_7f3c2a91d4e8b605';
export const VIEWER_TOKEN = 'acct_demo_victor_viewer_5e6f7a8b9c0d1e2f';

export async function startDashboard({ mode = 'self-hosted', rateLimit = 0, seed = 'demo' } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'trypost-dash-'));
  const emulator = await createEmulator({ mode, dataDir, seed, tickMs: 0, control: true, rateLimit });
  const server = createDevServer({ handlers: [emulator.handle] });
  const { port } = await listen(server, 0);
  return {
    url: `http://127.0.0.1:${port}`,
    emulator,
    async close() {
      await emulator.close?.();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function signIn(page, url, token = OWNER_TOKEN, key = '', { remember = false } = {}) {
  await page.goto(`${url}/app/`);
  await page.getByLabel('Account token').fill(token);
  if (key) await page.getByLabel('Workspace API key (optional)').fill(key);
  if (remember) await page.getByRole('checkbox', { name: 'Remember on this device' }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /^Workspace: / }).waitFor();
}

export function switcher(page) {
  return page.getByRole('button', { name: /^Workspace: / });
}

export async function pickWorkspace(page, name) {
  await switcher(page).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${name} `) }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage: false });
}

// Day names as the calendar's gridcells carry them ("Wednesday 16 December 2026, 1 post").
export function dayName(dateText) {
  const [y, m, d] = dateText.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

// The 15th of next month (UTC), a date every run can schedule in and navigate to with "Next".
export function nextMonthDay(day) {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, day)).toISOString().slice(0, 10);
}

// The dashboard, a fresh browser and one 1280x800 page watched for console errors and CSP
// violations; close() ends all of it.
export async function openDashboardPage(options) {
  const { launchBrowser, watchPage } = await import('./browser.js');
  const dash = await startDashboard(options);
  const browser = await launchBrowser({ extraArgs: options?.browserArgs ?? [] });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const problems = watchPage(page);
  return {
    dash, browser, page, problems,
    async close() {
      await browser.close();
      await dash.close();
    },
  };
}

// `page` gets the dashboard as a page in `lang` (its <html lang>), whose hour cycle its times are
// written in: "09:30 AM" in en-US. Call before the page is opened.
export async function routeLanguage(page, lang) {
  await page.route((url) => url.pathname === '/app/' || url.pathname.endsWith('/index.html'), async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: (await res.text()).replace('<html lang="en-GB">', `<html lang="${lang}">`) });
  });
}

// Once the month is painted and the page idle, its hour cycle is known: the next drawing uses it.
export function clockReady(page) {
  return page.evaluate(() => new Promise((r) => {
    const idle = () => requestIdleCallback(r, { timeout: 3000 });
    if (performance.getEntriesByName('tp:month-painted').length) return idle();
    new PerformanceObserver((_, o) => {
      if (!performance.getEntriesByName('tp:month-painted').length) return;
      o.disconnect();
      idle();
    }).observe({ type: 'mark' });
  }));
}

// The display zone, typed into the searchable "Time zone" field and picked with Enter.
export async function pickZone(page, zone) {
  const input = page.getByLabel('Time zone');
  await input.fill(zone);
  await input.press('Enter');
}

// Every post of the workspace whose content is `content`, read through every page of /posts with
// `api` (workspaceApi): what the page sent, as the server keeps it.
export async function postsByContent(api, content) {
  const out = [];
  for (let n = 1; ; n++) {
    const page = await api(`/posts?page=${n}`);
    out.push(...page.data.filter((p) => p.content === content));
    if (n >= (page.meta?.last_page ?? 1)) return out;
  }
}

// GET of the emulator's REST API with `workspace`'s key, as a script would call it: the answer's
// JSON, once its status is asserted to be 200.
export function workspaceApi(dash, workspace) {
  const key = dash.emulator.secrets.keys.find((k) => k.workspace === workspace).plain_token;
  return async (path) => {
    const res = await fetch(`${dash.url}/api${path}`, { headers: { authorization: `Bearer ${key}`, accept: 'application/json' } });
    assert.equal(res.status, 200, await res.clone().text());
    return res.json();
  };
}

// openDashboardPage signed in as the owner, in `workspace` with its calendar shown, and `api`
// (workspaceApi) to read back what the page sent.
export async function openWorkspacePage(workspace) {
  const env = await openDashboardPage();
  await signIn(env.page, env.dash.url);
  await env.page.getByRole('grid').waitFor();
  await pickWorkspace(env.page, workspace);
  await env.page.getByRole('grid').waitFor();
  return { ...env, api: workspaceApi(env.dash, workspace) };
}

// openWorkspacePage for a whole test file: opened before its first test and closed after its
// last; `use` receives {dash, browser, page, problems, api} once it is open.
export function useWorkspacePage(workspace, use) {
  let env = null;
  before(async () => {
    env = await openWorkspacePage(workspace);
    use(env);
  });
  after(async () => env?.close());
}
