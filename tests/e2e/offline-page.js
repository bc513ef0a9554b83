// Opening a file from file:// the way a person with no network does: the browser context
// offline and every request that is not a file refused and recorded, so a test can assert that
// nothing tried to reach out.
import { pathToFileURL } from 'node:url';
import { watchPage } from './browser.js';

// Cuts the context off the network. `attempts` collects every refused URL; restore() brings the
// network back.
export async function cutNetwork(context) {
  await context.setOffline(true);
  const attempts = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    attempts.push(url);
    return route.abort();
  });
  return {
    attempts,
    async restore() {
      await context.unroute('**/*');
      await context.setOffline(false);
    },
  };
}

// A page of `browser` (launchBrowser's) at width x height with the network cut, on `file`, once
// its month title (#period) is painted: {page, problems, attempts, close()}.
export async function openOffline(browser, file, { width = 1280, height = 900 } = {}) {
  const { context } = browser;
  const network = await cutNetwork(context);
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const problems = watchPage(page);
  await page.goto(pathToFileURL(file).href);
  await page.locator('#period').waitFor();
  return {
    page, problems, attempts: network.attempts,
    async close() {
      await page.close();
      await network.restore();
    },
  };
}
