// <trypost-calendar> in Chromium: the example page under the strict CSP with 2,000 posts, error
// states, hostile host CSS, keyboard navigation, and months built ahead while idle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useWidgetServer, openExample, waitRendered } from './widget-support.js';

useWidgetServer();

test('example page, strict CSP: 2,000 posts render as a month grid with "+N more", no console error', async () => {
  const { page, problems, events } = await openExample();
  await waitRendered(page);
  const info = await page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    const cells = [...root.querySelectorAll('[role="gridcell"]')];
    return {
      title: root.querySelector('[part~="title"]').textContent,
      cells: cells.length,
      tabbable: cells.filter((c) => c.tabIndex === 0).length,
      posts: root.querySelectorAll('[part~="post"]').length,
      maxPerCell: Math.max(...cells.map((c) => c.querySelectorAll('[part~="post"]').length)),
      more: [...root.querySelectorAll('[part~="more"]')].map((m) => m.textContent),
      unlabelled: [...root.querySelectorAll('[part~="post"]')].filter((p) => !p.getAttribute('aria-label')).length,
      editors: root.querySelectorAll('input, textarea, select, [contenteditable], form').length,
      inlineStyles: document.querySelectorAll('style').length + root.querySelectorAll('style').length,
      bg: getComputedStyle(root.querySelector('.root')).backgroundColor,
    };
  });
  assert.equal(info.title, 'May 2026');
  assert.ok(info.cells === 35 || info.cells === 42, `whole weeks: ${info.cells}`);
  assert.equal(info.tabbable, 1, 'roving tabindex: one day in the tab order');
  assert.equal(info.maxPerCell, 3, 'max-rows=4 counts the "+N more" line: 3 posts then the line');
  assert.ok(info.more.length > 20 && info.more.every((t) => /^\+\d+ more$/.test(t)), info.more.slice(0, 3).join());
  assert.equal(info.unlabelled, 0, 'every post has a screen-reader label');
  assert.equal(info.editors, 0, 'read only: no editing control');
  assert.equal(info.inlineStyles, 0);
  assert.equal(info.bg, 'rgb(255, 251, 235)', 'the workspace brand background from the snapshot');
  // The shown posts are the core's: the 2026-05-04 cell holds the first 3 of that day in time order.
  assert.ok(events.some((e) => e.type === 'load') && events.some((e) => e.type === 'render'));
  assert.ok(!events.some((e) => e.type === 'error'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('keyboard: arrows move the focus between days, PageDown shows the next month and announces it', async () => {
  const { page, problems } = await openExample();
  await waitRendered(page);
  await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelector('[role="gridcell"][tabindex="0"]').focus());
  const focused = () => page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.activeElement?.dataset.date);
  const start = await focused();
  assert.equal(start, '2026-05-15', 'the date attribute gets the focus stop');
  // Enter on a day with "+N more" shows all of its posts in the cell.
  const dayCount = () => page.evaluate(() => {
    const cell = document.querySelector('trypost-calendar').shadowRoot.querySelector('[data-date="2026-05-15"]');
    return { posts: cell.querySelectorAll('[part~="post"]').length, more: Number(/\d+/.exec(cell.querySelector('[part~="more"]')?.textContent ?? '0')[0]) };
  });
  const folded = await dayCount();
  assert.equal(folded.posts, 3);
  assert.ok(folded.more > 0);
  await page.keyboard.press('Enter');
  assert.deepEqual(await dayCount(), { posts: 3 + folded.more, more: 0 });
  assert.equal(await focused(), '2026-05-15');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), '2026-05-16');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), '2026-05-23');
  await page.keyboard.press('Home');
  assert.equal(await focused(), '2026-05-18', 'Home: first day of the row (Monday start)');
  await page.keyboard.press('PageDown');
  assert.equal(await focused(), '2026-06-18');
  const after = await page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    return { title: root.querySelector('[part~="title"]').textContent, live: root.querySelector('[aria-live]').textContent,
      tabbable: root.querySelectorAll('[role="gridcell"][tabindex="0"]').length };
  });
  assert.deepEqual(after, { title: 'June 2026', live: 'June 2026', tabbable: 1 });
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  assert.equal(await focused(), '2026-04-18');
  assert.deepEqual(problems, []);
  await page.close();
});

test('prefers-color-scheme: dark gives the dark palette; prefers-reduced-motion: reduce runs no animation', async () => {
  const read = async (media) => {
    const { page, problems } = await openExample();
    await page.emulateMedia(media);
    await waitRendered(page);
    const r = await page.evaluate(async () => {
      const root = document.querySelector('trypost-calendar').shadowRoot;
      root.querySelector('[part~="nav-next"]').click();
      return { bg: getComputedStyle(root.querySelector('.root')).backgroundColor, animations: root.getAnimations().length };
    });
    assert.deepEqual(problems, []);
    await page.close();
    return r;
  };
  assert.deepEqual(await read({ colorScheme: 'light', reducedMotion: 'no-preference' }), { bg: 'rgb(255, 251, 235)', animations: 1 });
  assert.deepEqual(await read({ colorScheme: 'dark', reducedMotion: 'reduce' }), { bg: 'rgb(17, 24, 39)', animations: 0 });
});

test("another framework's globals on the page (process shim, AMD define, extended prototypes) change nothing", async () => {
  const { page, problems, events } = await openExample({
    init: () => {
      // What bundlers and older libraries leave behind: a webpack-style process shim, RequireJS's
      // define, Prototype.js/MooTools-style prototype extensions, a wrapped fetch.
      window.process = { env: { NODE_ENV: 'production' }, versions: {}, browser: true };
      window.define = function define() { throw new Error('AMD define called by the widget'); };
      window.define.amd = {};
      Array.prototype.last = function last() { return this[this.length - 1]; };
      Object.defineProperty(Object.prototype, 'polluted', { value: 1, enumerable: true, configurable: true, writable: true });
      const f = window.fetch;
      window.fetch = (...a) => f(...a);
    },
  });
  await waitRendered(page);
  const posts = await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelectorAll('[part~="post"]').length);
  assert.ok(posts > 50);
  assert.ok(!events.some((e) => e.type === 'error'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('host CSS `* { all: unset }` and `font-size: 40px` change nothing inside the shadow root', async () => {
  const { page, problems } = await openExample();
  await waitRendered(page);
  const measure = () => page.evaluate(() => {
    const host = document.querySelector('trypost-calendar');
    host.style.setProperty('width', '900px', 'important'); // same outer width in both runs (CSSOM, CSP-safe)
    const h = host.getBoundingClientRect();
    const root = host.shadowRoot;
    const picks = [root.querySelector('.root'), root.querySelector('.header'), root.querySelector('[part~="title"]'),
      ...root.querySelectorAll('[part~="nav-button"]'), root.querySelector('[role="grid"]'),
      ...[...root.querySelectorAll('[role="gridcell"]')].slice(0, 10), ...[...root.querySelectorAll('[part~="post"]')].slice(0, 10),
      ...[...root.querySelectorAll('[part~="more"]')].slice(0, 3)];
    const props = ['font-size', 'font-family', 'line-height', 'color', 'background-color', 'display', 'padding-top', 'margin-top', 'border-top-width', 'letter-spacing', 'word-spacing', 'font-style', 'font-weight', 'text-transform', 'text-indent', 'white-space', 'list-style-type'];
    return picks.map((e) => {
      const r = e.getBoundingClientRect();
      const cs = getComputedStyle(e);
      return { box: [r.x - h.x, r.y - h.y, r.width, r.height].map((v) => Math.round(v * 10) / 10), style: props.map((p) => cs.getPropertyValue(p)) };
    });
  });
  const before = await measure();
  await page.evaluate(() => {
    const hostile = new CSSStyleSheet();
    hostile.replaceSync('* { all: unset } html, body, * { font-size: 40px; } trypost-calendar { line-height: 5; color: lime; letter-spacing: 3px; word-spacing: 9px; font-style: italic; font-weight: 900; text-transform: uppercase; text-indent: 20px; white-space: pre; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, hostile];
  });
  const hostileFont = await page.evaluate(() => getComputedStyle(document.body).fontSize);
  assert.equal(hostileFont, '40px', 'the hostile CSS is in force on the page');
  const afterHostile = await measure();
  assert.equal(afterHostile.length, before.length);
  assert.ok(before.length > 20);
  for (let i = 0; i < before.length; i++) assert.deepEqual(afterHostile[i], before[i], `element ${i}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('error states: a damaged snapshot and a network failure show a message and fire `error`, nothing thrown', async () => {
  for (const [options, code, text, field] of [
    [{ snapshot: JSON.stringify({ format: 'trypost-calendar-snapshot', version: 1, posts: [{ id: 5, status: 'nonsense' }] }) }, 'bad-data', /damaged/, 'posts.0.status'],
    [{ snapshot: '{"format": "trypost-calendar-snap' }, 'bad-data', /damaged/],
    [{ snapshot: JSON.stringify({ format: 'trypost-calendar-snapshot', version: 2, posts: [] }) }, 'bad-data', /damaged|newer/],
    [{ abortSnapshot: true }, 'network', /could not be reached/],
  ]) {
    const { page, problems, events } = await openExample(options);
    await page.waitForFunction(() => document.querySelector('trypost-calendar')?.state === 'error', null, { timeout: 30000 });
    const shown = await page.evaluate(() => {
      const m = document.querySelector('trypost-calendar').shadowRoot.querySelector('[part~="message"]');
      return { text: m.textContent, hidden: m.hidden, role: m.getAttribute('role') };
    });
    assert.match(shown.text, text);
    assert.equal(shown.hidden, false);
    assert.equal(shown.role, 'alert');
    assert.deepEqual(events.filter((e) => e.type === 'error').map((e) => e.code), [code]);
    // The core's field paths reach the page's `error` listener, to point at what is damaged.
    if (field) assert.ok(events.find((e) => e.type === 'error').fields.includes(field), JSON.stringify(events));
    // The failed fetch itself is logged by Chromium as a network error; anything else is a bug.
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|net::ERR_CONNECTION_REFUSED/.test(p)), []);
    assert.ok(!problems.some((p) => p.startsWith('pageerror')));
    await page.close();
  }
});

test('a bad attribute (unknown time zone) is a message inside the element, not an exception', async () => {
  const { page, problems, events } = await openExample({ query: '?time-zone=Mars/Olympus' });
  await page.waitForFunction(() => document.querySelector('trypost-calendar')?.state === 'error', null, { timeout: 30000 });
  assert.deepEqual(events.filter((e) => e.type === 'error').map((e) => e.code), ['bad-attribute']);
  // Fixing the attribute recovers without a reload.
  await page.evaluate(() => document.querySelector('trypost-calendar').setAttribute('time-zone', 'Asia/Tokyo'));
  await waitRendered(page);
  // A value the core refuses comes with its field path, for the page to point at the attribute.
  await page.evaluate(() => document.querySelector('trypost-calendar').setAttribute('max-rows', 'lots'));
  await page.waitForFunction(() => document.querySelector('trypost-calendar')?.state === 'error', null, { timeout: 30000 });
  const refused = events.filter((e) => e.type === 'error');
  assert.deepEqual(refused.map((e) => e.code), ['bad-attribute', 'bad-attribute']);
  assert.deepEqual(refused[1].fields, ['max_rows']);
  await page.evaluate(() => document.querySelector('trypost-calendar').removeAttribute('max-rows'));
  await waitRendered(page);
  // Removed and put back (a framework re-rendering the page): it frees its index and loads again.
  await page.evaluate(() => {
    const c = document.querySelector('trypost-calendar');
    const parent = c.parentElement;
    c.remove();
    window.__stateAfterRemove = c.state;
    parent.prepend(c);
  });
  assert.equal(await page.evaluate(() => window.__stateAfterRemove), 'idle');
  await waitRendered(page);
  assert.deepEqual(problems, []);
  await page.close();
});

test('week and list views, label filter by name', async () => {
  const { page, problems } = await openExample({ query: '?view=week&labels=Promo&max-rows=0' });
  await waitRendered(page);
  const week = await page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    return { cells: root.querySelectorAll('[role="gridcell"]').length, labels: [...root.querySelectorAll('[part~="post"]')].map((p) => p.getAttribute('aria-label')) };
  });
  assert.equal(week.cells, 7);
  assert.ok(week.labels.length > 0 && week.labels.every((l) => l.includes('labels Promo')), week.labels[0]);
  // A status is said in the core's words, as the dashboard says it.
  assert.ok(week.labels.some((l) => l.includes(', partially published, ')), week.labels.join('\n'));
  assert.ok(week.labels.every((l) => !l.includes('_')), week.labels.join('\n'));
  await page.evaluate(() => document.querySelector('trypost-calendar').setAttribute('view', 'list'));
  await page.waitForFunction(() => document.querySelector('trypost-calendar').shadowRoot.querySelector('.list-view'));
  const first = await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelectorAll('.list [part~="post"]').length);
  assert.equal(first, 50, 'one page of 50');
  await page.evaluate(() => document.querySelector('trypost-calendar').shadowRoot.querySelector('[part~="more-button"]').click());
  await page.waitForFunction(() => document.querySelector('trypost-calendar').shadowRoot.querySelectorAll('.list [part~="post"]').length > 50);
  assert.deepEqual(problems, []);
  await page.close();
});

test('months built ahead while idle: a switch shows the same month a fresh build does, one grid visible, one tab stop', async () => {
  const { page, problems } = await openExample();
  await waitRendered(page);
  const state = () => page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    const body = root.querySelector('[part~="body"]');
    const grids = [...body.querySelectorAll('[role="grid"]')];
    const shown = grids.filter((g) => !g.classList.contains('prepared'));
    // On screen: inside the body's box (which clips), and what a pointer at its middle hits.
    const box = body.getBoundingClientRect();
    const inside = (g) => {
      const r = g.getBoundingClientRect();
      return r.right > box.left + 1 && r.left < box.right - 1;
    };
    const hit = root.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height, 300) / 2)?.closest('[role="grid"]');
    return {
      title: root.querySelector('[part~="title"]').textContent,
      shown: shown.length,
      shownOnScreen: shown.length === 1 && inside(shown[0]) && hit === shown[0] && Math.abs(box.height - shown[0].getBoundingClientRect().height) < 1,
      text: shown[0]?.innerText,
      prepared: grids.filter((g) => g.classList.contains('prepared')).map((g) => ({
        hidden: g.getAttribute('aria-hidden') === 'true' && !inside(g) && !g.querySelector('[tabindex="0"]'),
        first: g.querySelector('[role="gridcell"]').dataset.date,
      })),
      tabStops: root.querySelectorAll('[tabindex="0"]').length,
    };
  });
  const click = (which) => page.evaluate((w) => document.querySelector('trypost-calendar').shadowRoot.querySelector(`[part~="nav-${w}"]`).click(), which);
  assert.equal((await state()).prepared.length, 0, 'nothing is built ahead before the reader moves');
  await click('next');
  await page.waitForFunction(() => document.querySelector('trypost-calendar').shadowRoot.querySelectorAll('.prepared').length === 2, null, { timeout: 10000 });
  const june = await state();
  assert.equal(june.title, 'June 2026');
  // Monday-first grids: May starts on Apr 27, July on Jun 29.
  assert.deepEqual(june.prepared.map((p) => p.first).sort(), ['2026-04-27', '2026-06-29']);
  assert.ok(june.prepared.every((p) => p.hidden), 'months built ahead are off screen, hidden from assistive technology, without a tab stop');
  assert.ok(june.shownOnScreen, 'June is the grid on screen, and the body is its height');
  // Find in page (Ctrl+F) finds the month on screen, never a month built ahead out of sight.
  const findable = await page.evaluate(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    const grids = [...root.querySelectorAll('[role="grid"]')];
    const shownText = grids.find((g) => !g.classList.contains('prepared')).innerText;
    const words = (g) => [...g.querySelectorAll('[part~="post"]')].map((p) => p.textContent.trim()).filter((t) => t.length > 6);
    const onlyAhead = grids.filter((g) => g.classList.contains('prepared')).flatMap(words).find((t) => !shownText.includes(t));
    const onScreen = words(grids.find((g) => !g.classList.contains('prepared')))[0];
    const found = (t) => { getSelection().removeAllRanges(); return window.find(t, true, false, true); };
    return { onlyAhead, onScreen, aheadFound: onlyAhead ? found(onlyAhead) : null, shownFound: found(onScreen) };
  });
  assert.ok(findable.onlyAhead, 'a post shown only in a month built ahead');
  assert.equal(findable.shownFound, true, `"${findable.onScreen}" is found on screen`);
  assert.equal(findable.aheadFound, false, `"${findable.onlyAhead}" is not found: its month is out of sight`);
  await click('previous');
  const may = await state();
  assert.equal(may.title, 'May 2026');
  assert.equal(may.shown, 1);
  await page.waitForFunction(() => {
    const root = document.querySelector('trypost-calendar').shadowRoot;
    const body = root.querySelector('[part~="body"]');
    const shown = [...body.querySelectorAll('[role="grid"]')].find((g) => !g.classList.contains('prepared'));
    return Math.abs(body.getBoundingClientRect().height - shown.getBoundingClientRect().height) < 1;
  });
  assert.ok((await state()).shownOnScreen, 'back to May: May is on screen');
  assert.equal(may.tabStops, 1);
  assert.ok(may.prepared.some((p) => p.first === '2026-06-01'), 'June is kept, hidden, for the way back');
  // The same month built on the spot.
  await page.evaluate(() => document.querySelector('trypost-calendar').setAttribute('prepare', 'none'));
  await page.waitForFunction(() => document.querySelector('trypost-calendar').shadowRoot.querySelectorAll('.prepared').length === 0);
  const fresh = await state();
  assert.equal(fresh.text, may.text);
  assert.ok(may.text.includes('more'));
  assert.deepEqual(problems, []);
  await page.close();
});

// A week whose overlaps are known: UTC, Monday 2026-05-11 to Sunday 2026-05-17.
