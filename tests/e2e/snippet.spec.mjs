// The inline snippet that carries its story (example/snippet.html, written by
// the build with `cargo run --bin article-snippet`): the story is in the
// publisher's HTML, readable without JavaScript, and the viewer takes it over
// in place without moving anything.
import { base, expect, test } from './no-errors.mjs';

const SNIPPET = 'example/snippet.html';
const SEED_HEADLINE = 'Syrian president seeks to redefine ties with Russia during Moscow visit';
const host = (page) => page.locator('[data-article-viewer]');

// What a reader reads in each part, wherever the story is (shadow root or page).
const texts = (page, rootSelector) => page.evaluate((sel) => {
  const el = sel ? document.querySelector(sel) : document;
  const root = el.shadowRoot ?? el;
  return ['.story', '.social-bar', '.timeline'].map((s) => root.querySelector(s)?.innerText ?? null);
}, rootSelector);

base('with JavaScript off, the snippet shows the story, styled, with its timeline as links', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(SNIPPET);
  // The declarative shadow root: the story, in the viewer's styles, isolated.
  const h1 = host(page).getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(SEED_HEADLINE);
  await expect(h1).toBeVisible();
  expect(await h1.evaluate((e) => getComputedStyle(e).fontFamily)).not.toContain('Trebuchet');
  await expect(host(page).getByRole('heading', { level: 2, name: 'Key topics: military bases and Assad’s extradition' })).toBeVisible();
  await expect(host(page).locator('.story__dateline time').first()).toHaveText('15 October 2025 at 11:50');
  const entries = host(page).locator('.timeline a.timeline__link:visible');
  await expect(entries).toHaveCount(10);
  // Each opens its story in the viewer's own page, which needs no script to follow.
  await expect(entries.first()).toHaveAttribute('href', '../index.html?src=articles%2Fsyria-russia-moscow-visit.json');
  // The same story as the element's own children, for crawlers and for a
  // page whose CMS strips <template>; the shadow root hides them.
  const light = await page.evaluate(() => {
    const el = document.querySelector('[data-article-viewer]');
    return [...el.children].filter((c) => c.tagName !== 'TEMPLATE').map((c) => c.textContent).join(' ');
  });
  expect(light).toContain(SEED_HEADLINE);
  expect(light).toContain('Key topics: military bases and Assad’s extradition');
  await context.close();
});

base('a page whose CMS stripped the <template> still shows a readable story', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.route(`**/${SNIPPET}`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<template shadowrootmode="open">[\s\S]*?<\/template>/, '');
    await route.fulfill({ response, body: html });
  });
  await page.goto(SNIPPET);
  expect(await host(page).evaluate((e) => e.shadowRoot)).toBeNull();
  const h1 = page.getByRole('heading', { level: 1, name: SEED_HEADLINE });
  await expect(h1).toBeVisible();
  // In the page's own styles: plainly, as the publisher's text.
  expect(await h1.evaluate((e) => getComputedStyle(e).fontFamily)).toContain('Trebuchet');
  await expect(page.getByRole('link', { name: /Putin/ }).first()).toBeVisible();
  await context.close();
});

test('the viewer takes the snippet over in place, without a layout shift', async ({ page }) => {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(SNIPPET);
  const before = await texts(page, '[data-article-viewer]');
  expect(before[0]).toContain(SEED_HEADLINE);
  // Taken over: the live viewer shows the story; the prerendered copy is gone.
  await expect(host(page).locator('[data-live]:not([hidden]) .story__headline')).toHaveText(SEED_HEADLINE);
  await expect(host(page).locator('[data-prerendered]')).toHaveCount(0);
  await expect(host(page).getByRole('heading', { level: 1 })).toHaveCount(1);
  // The live viewer's own times are there too: nothing moved while it took over.
  await page.waitForTimeout(500);
  const cls = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
  expect(cls).toBeLessThanOrEqual(0.02);
});

test('the snippet, the prerendered page and the live viewer show the same text', async ({ browser }) => {
  // A reader in the story's language and zone (the default context: en-GB, +03:00).
  const off = await browser.newContext({ javaScriptEnabled: false });
  const still = await off.newPage();
  await still.goto(SNIPPET);
  const snippet = await texts(still, '[data-article-viewer]');
  await still.goto('index.html');
  const prerendered = await texts(still, null);
  await off.close();

  const page = await browser.newPage();
  await page.goto(SNIPPET);
  await expect(host(page).locator('[data-prerendered]')).toHaveCount(0);
  await expect(host(page).locator('[data-live] .story__headline')).toHaveText(SEED_HEADLINE);
  const live = await texts(page, '[data-article-viewer]');
  await page.close();

  expect(snippet[0]).toContain(SEED_HEADLINE);
  expect(snippet).toEqual(prerendered);
  expect(live).toEqual(snippet);
});

base('when the live viewer cannot load, the snippet story stays under its alert', async ({ page }) => {
  await page.route('**/articles/syria-russia-moscow-visit.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(SNIPPET);
  await expect(host(page).getByRole('alert')).toBeVisible();
  await expect(host(page).locator('[data-prerendered] .story__headline')).toHaveText(SEED_HEADLINE);
  await expect(host(page).locator('[data-prerendered] .story__headline')).toBeVisible();
});
