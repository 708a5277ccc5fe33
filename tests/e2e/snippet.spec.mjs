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
  await expect(entries).toHaveCount(9);
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

// The Embed control's snippet: written in the reader's browser by the same
// core function as the command's, from the story on screen.
import { spawnSync } from 'node:child_process';

const SEED_JSON = 'articles/syria-russia-moscow-visit.json';

async function embedControlSnippet(page, reader = {}) {
  await page.goto(`index.html?src=${SEED_JSON}`);
  await page.getByText('Embed', { exact: true }).click();
  const area = page.getByRole('textbox', { name: /In your page/ });
  await expect(area).toHaveValue(/shadowrootmode/);
  return area.inputValue();
}

test("the Embed control gives the command's snippet byte for byte, whatever the reader's zone", async ({ browser, baseURL }) => {
  const integrity = (await (await fetch(new URL('index.html', baseURL))).text())
    .match(/<meta name="article-viewer-embed-integrity" content="([^"]+)"/)[1];
  const src = new URL(SEED_JSON, baseURL).href;
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', '--bin', 'article-snippet', '--',
    `public/${SEED_JSON}`, '--src', src, '--viewer', baseURL, '--integrity', integrity], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const command = run.stdout.replace(/\n$/, '');
  expect(command).toContain('<template shadowrootmode="open">');
  // Two readers far apart: the snippet is written for the story's own zone.
  for (const timezoneId of ['Asia/Damascus', 'America/New_York']) {
    const context = await browser.newContext({ timezoneId, locale: timezoneId === 'Asia/Damascus' ? 'en-GB' : 'en-US' });
    const page = await context.newPage();
    const control = await embedControlSnippet(page);
    expect(control.length).toBeGreaterThan(10_000);
    expect(control === command, `the control's snippet (${control.length} chars) equals the command's (${command.length})`).toBe(true);
    await context.close();
  }
});

test("the Embed control's snippet shows the story with JavaScript off, and is taken over in place", async ({ browser, page }) => {
  const snippet = await embedControlSnippet(page);
  const publisher = (p) => p.route('**/publisher/from-control.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>P</title>
<style>body { margin: 0; font: 17px/1.5 "Trebuchet MS", sans-serif }</style></head><body><p>The publisher's own text.</p>${snippet}</body></html>`,
  }));
  // Without script: the declarative shadow root, styled, and the same text
  // as the build's prerender and the command's snippet.
  const off = await browser.newContext({ javaScriptEnabled: false });
  const still = await off.newPage();
  await publisher(still);
  await still.goto('publisher/from-control.html');
  const h1 = host(still).getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(SEED_HEADLINE);
  expect(await h1.evaluate((e) => getComputedStyle(e).fontFamily)).not.toContain('Trebuchet');
  const fromControl = await texts(still, '[data-article-viewer]');
  await still.goto(SNIPPET);
  const fromCommand = await texts(still, '[data-article-viewer]');
  await still.goto('index.html');
  const prerendered = await texts(still, null);
  await off.close();
  expect(fromControl[0]).toContain('Key topics: military bases and Assad’s extradition');
  expect(fromControl).toEqual(fromCommand);
  expect(fromControl).toEqual(prerendered);

  // With script: taken over without a layout shift.
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await publisher(page);
  await page.goto('publisher/from-control.html');
  await expect(host(page).locator('[data-prerendered]')).toHaveCount(0);
  await expect(host(page).locator('[data-live] .story__headline')).toHaveText(SEED_HEADLINE);
  await page.waitForTimeout(500);
  const cls = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
  expect(cls).toBeLessThanOrEqual(0.02);
});

// The same snippet in the other form of the element: <article-viewer src>.
test('the snippet carrying its story works as <article-viewer> too: painted before any script, taken over in place', async ({ browser, page }) => {
  const asElement = async (route) => {
    const response = await route.fetch();
    const html = (await response.text())
      .replace('<div data-article-viewer data-src="', '<article-viewer src="')
      .replace(/<\/div>(\s*<\/main>)/, '</article-viewer>$1');
    await route.fulfill({ response, body: html });
  };
  const off = await browser.newContext({ javaScriptEnabled: false });
  const still = await off.newPage();
  await still.route(`**/${SNIPPET}`, asElement);
  await still.goto(SNIPPET);
  const h1 = still.locator('article-viewer').getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(SEED_HEADLINE);
  expect(await h1.evaluate((e) => getComputedStyle(e).fontFamily)).not.toContain('Trebuchet');
  await off.close();

  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.route(`**/${SNIPPET}`, asElement);
  await page.goto(SNIPPET);
  const host = page.locator('article-viewer');
  await expect(host.locator('[data-prerendered]')).toHaveCount(0);
  await expect(host.locator('[data-live]:not([hidden]) .story__headline')).toHaveText(SEED_HEADLINE);
  await expect(host.getByRole('heading', { level: 1 })).toHaveCount(1);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(0.02);
});
