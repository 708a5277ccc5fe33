// Live blogs: the sample as a reader finds it, the order toggle, key events
// and permalinks (focus, Back), "Since your last visit", a live source
// adding updates under the button without moving the reader, Pause, a blog
// of 2,000 updates (live-blog.speed.spec.mjs), axe light and dark, Arabic,
// the JSON-LD, print, and the live module loaded only for a live blog.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './no-errors.mjs';
import { blog, serve, stats, update, updates } from './live-blog-fixtures.mjs';

const SAMPLE = 'index.html?src=articles/sample-live-blog.json';
const stream = (page) => page.locator('.live-blog__updates > *');
const ids = async (page) => stream(page).evaluateAll((els) => els.map((e) => e.id || `[${e.getAttribute('role')}]`));

test('the sample: Live by the headline, key events, the pinned update first, then newest first', async ({ page }) => {
  const modules = [];
  page.on('request', (r) => { if (r.url().includes('article-live')) modules.push(r.url()); });
  await page.goto(SAMPLE);
  const story = page.locator('article.story');
  await expect(story.locator('.live-blog__label')).toHaveText('Live');
  // The label sits by the headline, the key events under the standfirst.
  expect(await story.evaluate((s) => s.querySelector('.live-blog__status').nextElementSibling.className)).toContain('story__headline');
  expect(await story.evaluate((s) => s.querySelector('.story__standfirst').nextElementSibling.className)).toBe('live-blog__key-events');
  const keyEvents = page.getByRole('group', { name: 'Key events' });
  await expect(keyEvents.getByRole('link')).toHaveText(['11:20 Music stage moves indoors', '10:15 The tall ship arrives']);
  await expect(keyEvents.getByRole('link').first()).toHaveAttribute('href', '#update-s5');
  // The story's own body comes first, then the updates.
  expect(await story.evaluate((s) => s.querySelector('.story__body').nextElementSibling.className)).toBe('live-blog');
  await expect(updates(page)).toHaveCount(6);
  const pinned = page.locator('.live-blog__pinned article.update');
  await expect(pinned).toHaveAttribute('id', 'update-s6');
  await expect(pinned.locator('.update__flag')).toHaveText('Pinned');
  expect(await ids(page)).toEqual(['update-s5', 'update-s4', 'update-s3', 'update-s2', 'update-s1']);
  const s3 = page.locator('#update-s3');
  await expect(s3.locator('.update__flag')).toHaveText('Key event');
  await expect(s3.locator('h3')).toHaveText('The tall ship arrives');
  await expect(s3.locator('.update__author')).toHaveText('By Sample Reporter');
  await expect(s3.locator('time')).toHaveAttribute('datetime', '2025-10-15T10:15:00+03:00');
  await expect(s3.locator('time')).toHaveText('15 October 2025 at 10:15');
  await expect(s3.locator('img')).toHaveAttribute('alt', /boats moored/);
  await expect(s3.getByRole('button', { name: 'Share' })).toHaveAttribute('data-url', /sample-live-blog\.json#update-s3$/);
  // The live module, once.
  expect(modules.filter((u) => u.endsWith('.wasm'))).toHaveLength(1);
});

test('the default story never loads the live module', async ({ page }) => {
  const modules = [];
  page.on('request', (r) => { if (r.url().includes('article-live')) modules.push(r.url()); });
  await page.goto('index.html');
  await expect(page.locator('.story__headline')).toBeVisible();
  await page.waitForTimeout(500);
  expect(modules).toEqual([]);
});

test('Oldest first turns the stream around and is remembered for that blog', async ({ page, request }) => {
  await page.goto(SAMPLE);
  const toggle = page.getByRole('button', { name: 'Oldest first' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await ids(page)).toEqual(['update-s1', 'update-s2', 'update-s3', 'update-s4', 'update-s5']);
  // The pinned update stays first.
  await expect(page.locator('.live-blog__pinned article')).toHaveAttribute('id', 'update-s6');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Oldest first' })).toHaveAttribute('aria-pressed', 'true');
  expect(await ids(page)).toEqual(['update-s1', 'update-s2', 'update-s3', 'update-s4', 'update-s5']);
  // Another live blog keeps its own order.
  const other = await serve(request, blog([update('a', '09:10'), update('b', '09:20')]));
  await page.goto(`index.html?src=${encodeURIComponent(other.url)}`);
  await expect(page.getByRole('button', { name: 'Oldest first' })).toHaveAttribute('aria-pressed', 'false');
  expect(await ids(page)).toEqual(['update-b', 'update-a']);
});

test('a key event scrolls to its update with focus; Back returns to the link', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 700 });
  await page.goto(SAMPLE);
  const link = page.getByRole('group', { name: 'Key events' }).getByRole('link', { name: /tall ship/ });
  await link.click();
  await expect(page).toHaveURL(/#update-s3$/);
  await expect(page.locator('#update-s3')).toBeFocused();
  await expect(page.locator('#update-s3')).toBeInViewport();
  await page.goBack();
  await expect(page).not.toHaveURL(/#update-/);
  await expect(link).toBeFocused();
  await expect(link).toBeInViewport();
  await page.goForward();
  await expect(page.locator('#update-s3')).toBeFocused();
});

test('an address with #update-<id> opens on that update, focused', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 700 });
  await page.goto(`${SAMPLE}#update-s1`);
  await expect(page.locator('#update-s1')).toBeFocused();
  await expect(page.locator('#update-s1')).toBeInViewport();
});

test("an update's Share gives the address of that update", async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await page.goto(SAMPLE);
  await page.locator('#update-s4').getByRole('button', { name: 'Share' }).click();
  await expect(page.locator('#update-s4').getByRole('status')).toHaveText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/index\.html\?src=articles(%2F|\/)sample-live-blog\.json#update-s4$/);
});

test('"Since your last visit" sits between the updates new to this device and those seen', async ({ page, request }) => {
  const first = await serve(request, blog([update('a', '09:10'), update('b', '09:20')]));
  await page.goto(`index.html?src=${encodeURIComponent(first.url)}`);
  await expect(updates(page)).toHaveCount(2);
  await expect(page.getByRole('separator')).toHaveCount(0);
  // The same blog later, with two updates more.
  await request.post(`/__test/feed?key=${encodeURIComponent(first.key)}`, {
    data: { doc: blog([update('a', '09:10'), update('b', '09:20'), update('c', '09:30'), update('d', '09:40')]) },
  });
  await page.reload();
  await expect(updates(page)).toHaveCount(4);
  const marker = page.getByRole('separator', { name: 'Since your last visit' });
  await expect(marker).toBeVisible();
  expect(await ids(page)).toEqual(['update-d', 'update-c', '[separator]', 'update-b', 'update-a']);
  // Seen now: the next visit has nothing new.
  await page.reload();
  await expect(updates(page)).toHaveCount(4);
  await expect(page.getByRole('separator')).toHaveCount(0);
  // Nothing was sent anywhere: it is on the device.
  expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('article-viewer:live-blog:')))).toBe(true);
});

test('a live source adds updates behind a button, never moving the reader; Pause stops it', async ({ page, request }) => {
  const T0 = new Date('2025-10-15T07:00:00Z');
  const list = Array.from({ length: 12 }, (_, i) => update(`u${i}`, `09:${String(10 + i * 2).padStart(2, '0')}`));
  const source = await serve(request, { updates: list });
  const doc = await serve(request, blog(list, { source: source.url, interval: 10 }));
  await page.clock.install({ time: T0 });
  await page.goto(`index.html?src=${encodeURIComponent(doc.url)}`);
  await expect(updates(page)).toHaveCount(12);
  await expect.poll(async () => (await stats(request, source.key)).requests).toBe(1);
  await expect(page.locator('.live-blog__insert')).toHaveCount(0);
  // The reader is reading an update in the middle.
  await page.locator('#update-u5').scrollIntoViewIfNeeded();
  const before = await page.locator('#update-u5').evaluate((e) => e.getBoundingClientRect().top);
  await request.post(`/__test/feed?key=${encodeURIComponent(source.key)}`, {
    data: { doc: { updates: [...list, update('n1', '10:00'), update('n2', '10:05'), update('n3', '10:10')] } },
  });
  await page.clock.runFor(10_000);
  const button = page.getByRole('button', { name: '3 new updates' });
  await expect(button).toBeVisible();
  await expect(updates(page)).toHaveCount(12);
  expect(await page.locator('#update-u5').evaluate((e) => e.getBoundingClientRect().top)).toBeCloseTo(before, 0);
  await button.click();
  await expect(updates(page)).toHaveCount(15);
  expect((await ids(page)).slice(0, 3)).toEqual(['update-n3', 'update-n2', 'update-n1']);
  await expect(page.locator('#update-n3')).toBeFocused();
  await expect(page.locator('.live-blog__insert')).toHaveCount(0);
  // Conditional requests; paused, no more.
  const seen = (await stats(request, source.key)).requests;
  expect((await stats(request, source.key)).conditional).toBeGreaterThan(0);
  const pause = page.getByRole('button', { name: 'Pause updates' });
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  await page.clock.runFor(60_000);
  await page.waitForTimeout(300);
  expect((await stats(request, source.key)).requests).toBe(seen);
  await pause.click();
  await expect.poll(async () => (await stats(request, source.key)).requests).toBe(seen + 1);
});

test('an edited update is corrected in place; an ended blog is not polled', async ({ page, request }) => {
  const list = [update('a', '09:10'), update('b', '09:20')];
  const source = await serve(request, { updates: list });
  const doc = await serve(request, blog(list, { source: source.url, interval: 10 }));
  await page.clock.install({ time: new Date('2025-10-15T07:00:00Z') });
  await page.goto(`index.html?src=${encodeURIComponent(doc.url)}`);
  await expect.poll(async () => (await stats(request, source.key)).requests).toBe(1);
  await request.post(`/__test/feed?key=${encodeURIComponent(source.key)}`, {
    data: { doc: { updates: [update('a', '09:10', { headline: 'Update a, corrected' }), list[1]] } },
  });
  await page.clock.runFor(10_000);
  await expect(page.locator('#update-a h3')).toHaveText('Update a, corrected');
  await expect(page.locator('.live-blog__insert')).toHaveCount(0);

  const endedSource = await serve(request, { updates: list });
  const ended = await serve(request, blog(list, { status: 'ended', coverage_end: '2025-10-15T18:00:00+03:00', source: endedSource.url }));
  await page.goto(`index.html?src=${encodeURIComponent(ended.url)}`);
  await expect(page.locator('.live-blog__status')).toHaveText('Ended 15 October 2025 at 18:00');
  await expect(page.getByRole('button', { name: 'Pause updates' })).toHaveCount(0);
  await page.clock.runFor(60_000);
  expect((await stats(request, endedSource.key)).requests).toBe(0);
});

test('"5 min ago" for the last 24 hours, refreshed as time goes by', async ({ page, request }) => {
  const doc = await serve(request, blog([update('a', '11:55'), update('b', '09:00')]));
  await page.clock.install({ time: new Date('2025-10-15T09:00:00Z') }); // 12:00 +03:00
  await page.goto(`index.html?src=${encodeURIComponent(doc.url)}`);
  await expect(page.locator('#update-a time')).toHaveText('5 min ago');
  await expect(page.locator('#update-b time')).toHaveText('3 hr ago');
  await page.clock.runFor(60_000);
  await expect(page.locator('#update-a time')).toHaveText('6 min ago');
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation in a live blog with updates waiting, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(SAMPLE);
    await expect(page.getByRole('button', { name: '1 new update' })).toBeVisible();
    // A later visit: the marker too.
    await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('article-viewer:live-blog:'));
      localStorage.setItem(key, `${Date.parse('2025-10-15T10:30:00+03:00') / 1000} newest`);
    });
    await page.reload();
    await expect(page.getByRole('separator', { name: 'Since your last visit' })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });
}

test('in Arabic, right to left', async ({ page, request }) => {
  const doc = await serve(request, blog([update('a', '09:10', { key: true, headline: 'بدء المحادثات' }), update('b', '09:20', { pinned: true })], {}, { lang: 'ar', headline: 'تغطية مباشرة' }));
  await page.goto(`index.html?src=${encodeURIComponent(doc.url)}`);
  await expect(page.locator('.viewer')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.live-blog__label')).toHaveText('مباشر');
  await expect(page.getByRole('group', { name: 'أبرز الأحداث' }).getByRole('link')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'الأقدم أولًا' })).toBeVisible();
  await expect(page.locator('#update-b .update__flag')).toHaveText('مثبّت');
  await expect(page.locator('#update-a .update__flag')).toHaveText('حدث بارز');
});

test('search engines: LiveBlogPosting JSON-LD with an update each', async ({ page }) => {
  await page.goto(SAMPLE);
  await expect(updates(page)).toHaveCount(6);
  const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  expect(ld['@type']).toBe('LiveBlogPosting');
  expect(ld.coverageStartTime).toBe('2025-10-15T09:00:00+03:00');
  expect(ld.liveBlogUpdate).toHaveLength(6);
  expect(ld.liveBlogUpdate[0]).toMatchObject({ '@type': 'BlogPosting', headline: 'How to follow the festival', datePublished: '2025-10-15T11:45:00+03:00' });
  expect(ld.liveBlogUpdate[0].url).toMatch(/#update-s6$/);
});

test('print: every update in order, with its time, and no controls', async ({ page }) => {
  await page.goto(SAMPLE);
  await expect(updates(page)).toHaveCount(6);
  await page.emulateMedia({ media: 'print' });
  for (const control of ['Oldest first', 'Pause updates', 'Share']) {
    for (const b of await page.getByRole('button', { name: control, exact: true }).all()) await expect(b).toBeHidden();
  }
  await expect(updates(page)).toHaveCount(6);
  for (const u of await updates(page).all()) await expect(u).toBeVisible();
  const time = await page.locator('#update-s3 .update__time time').evaluate((t) => getComputedStyle(t, '::after').content);
  expect(time).toContain('2025');
});

test('a live blog in a publisher page: its updates, and a link that lands without changing the page address', async ({ page }) => {
  await page.goto('example/element.html');
  await page.evaluate(() => {
    const el = document.createElement('article-viewer');
    el.setAttribute('src', '../articles/sample-live-blog.json');
    el.id = 'live';
    document.body.append(el);
  });
  const host = page.locator('#live');
  await expect(host.locator('article.update')).toHaveCount(6);
  const before = page.url();
  await host.getByRole('link', { name: /tall ship/ }).click();
  await expect(host.locator('#update-s3')).toBeFocused();
  expect(page.url()).toBe(before);
});

test("a live blog's snippet from the Embed control: every update without script, taken over in place once they show", async ({ browser, page }) => {
  await page.goto(SAMPLE);
  // The live module first, then the writer: both in one page.
  await expect(updates(page)).toHaveCount(6);
  await page.getByText('Embed', { exact: true }).click();
  const area = page.getByRole('textbox', { name: /In your page/ });
  await expect(area).toHaveValue(/shadowrootmode/);
  const snippet = await area.inputValue();
  const publisher = (p) => p.route('**/publisher/live.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>P</title></head><body><p>The publisher's text.</p>${snippet}</body></html>`,
  }));
  const off = await browser.newContext({ javaScriptEnabled: false });
  const still = await off.newPage();
  await publisher(still);
  await still.goto('publisher/live.html');
  const viewer = still.locator('[data-article-viewer]');
  // In the shadow root (styled), and as the element's own children (for a
  // page that strips templates, and crawlers).
  await expect(viewer.locator('[data-prerendered] article.update')).toHaveCount(6);
  expect(await viewer.evaluate((h) => h.querySelectorAll(':scope > .viewer-frame article.update').length)).toBe(6);
  await expect(viewer.locator('[data-prerendered] .live-blog__label')).toHaveText('Live');
  await off.close();

  const fresh = await browser.newContext();
  const live = await fresh.newPage();
  await live.addInitScript(() => {
    // What the live viewer shows the moment the snippet's story gives way.
    addEventListener('DOMContentLoaded', () => {
      const root = document.querySelector('[data-article-viewer]').shadowRoot;
      new MutationObserver(() => {
        if (window.__atTakeover === undefined && !root.querySelector('[data-prerendered]')) {
          window.__atTakeover = root.querySelectorAll('[data-live] article.update').length;
        }
      }).observe(root, { childList: true, subtree: true });
    });
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await publisher(live);
  await live.goto('publisher/live.html');
  const host = live.locator('[data-article-viewer]');
  await expect(host.locator('[data-prerendered]')).toHaveCount(0);
  await expect(host.locator('[data-live] article.update')).toHaveCount(6);
  expect(await live.evaluate(() => window.__atTakeover), 'updates shown when the snippet gives way').toBe(6);
  await live.waitForTimeout(500);
  expect(await live.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(0.02);
  await fresh.close();
});

test("the live module fails closed: a script that is not the build's is refused by its integrity, and the story stays", async ({ page }) => {
  await page.route('**/article-live.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\n// changed on the way` });
  });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(SAMPLE);
  await expect(page.locator('.story__headline')).toHaveText('Sample: harbour festival, live');
  await expect.poll(() => warnings.join('\n')).toContain('integrity');
  await expect(updates(page)).toHaveCount(0);
  await expect(page.locator('.story__body')).toContainText('nothing in this story happened');
  await expect(page.getByRole('status').filter({ hasText: 'The live updates could not be loaded' })).toBeVisible();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('low data: an image in an update waits for "Show image"', async ({ page }) => {
  const images = [];
  page.on('request', (r) => { if (r.url().includes('gallery-boats.svg')) images.push(r.url()); });
  await page.goto(`${SAMPLE}&data=low`);
  await expect(updates(page)).toHaveCount(6);
  const show = page.locator('#update-s3').getByRole('button', { name: 'Show image' });
  await expect(show).toBeVisible();
  await page.waitForTimeout(300);
  expect(images).toEqual([]);
  await show.click();
  await expect(page.locator('#update-s3 img')).toBeVisible();
  await expect.poll(() => page.locator('#update-s3 img').evaluate((i) => i.complete && i.naturalWidth > 0)).toBe(true);
  await expect.poll(() => images.length).toBe(1);
});
