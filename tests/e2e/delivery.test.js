import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowserAndServer, watchPage } from './browser.js';

const env = useBrowserAndServer();

test('the page loads the WASM core under a strict CSP and shows a value computed in C++', async () => {
  const page = await env.browser.context.newPage();
  const problems = watchPage(page);
  const response = await page.goto(`${env.server.url}/app/`);
  assert.equal(
    response.headers()['content-security-policy'],
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'",
  );
  const version = page.getByRole('status', { name: 'Core version' }).or(page.getByLabel('Core version'));
  const cmake = readFileSync(new URL('../../CMakeLists.txt', import.meta.url), 'utf8');
  const expected = cmake.match(/project\(trypost_core VERSION ([0-9.]+)/)[1];
  await version.first().waitFor();
  await page.waitForFunction(() => document.getElementById('core-version').textContent !== '');
  assert.equal(await version.first().textContent(), expected);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the harness does catch a CSP violation (an inline script is refused)', async () => {
  const page = await env.browser.context.newPage();
  const problems = watchPage(page);
  await page.goto(`${env.server.url}/app/`);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.head.append(s);
  });
  await page.waitForTimeout(50);
  assert.equal(await page.evaluate(() => window.__inline), undefined);
  assert.ok(problems.some((p) => p.includes('CSP violation')), problems.join('\n'));
  await page.close();
});
