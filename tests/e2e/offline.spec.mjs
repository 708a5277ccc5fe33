// Offline: the service worker of the viewer's own pages (sw.js, written by
// the release build) precaches the app and keeps the last good copy of each
// story shown. Offline, a story read before comes back with a notice; one
// never read says it needs a connection; a new deploy takes over at the next
// navigation and deletes the old build's cache; inline embeds register
// nothing on the publisher's origin.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './no-errors.mjs';

test.use({ serviceWorkers: 'allow' });
// One test server for both workers: the deploy switch is global.
test.describe.configure({ mode: 'serial' });

const h1 = (page) => page.getByRole('heading', { level: 1 });
const WEATHER = 'Rain expected along the coast this weekend';
const LIBRARY = 'Central library reopens after restoration';

/** Waits until the page's service worker controls it. */
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null);

/** Waits until the worker has saved the story at `src` (a path under the viewer). */
const saved = (page, src) => page.waitForFunction(async (src) => {
  const cache = await caches.open('article-viewer-saved');
  return (await cache.keys()).some((r) => r.url === new URL(src, location.href).href);
}, src);

const appCaches = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('article-viewer-app-')));

for (const pageName of ['index.html', 'embed.html']) {
  test(`${pageName}: offline, a story read before comes back from the saved copy, with a notice and Retry`, async ({ page, context }) => {
    const src = 'articles/sample-weekend-weather.json';
    await page.goto(`${pageName}?src=${src}`);
    await expect(h1(page)).toHaveText(WEATHER);
    // The first story of a first visit loads before the worker runs: it is
    // handed over once the worker is ready.
    await saved(page, src);
    await controlled(page);

    await context.setOffline(true);
    await page.reload();
    await expect(h1(page)).toHaveText(WEATHER);
    const notice = page.getByRole('status').filter({ hasText: 'You’re offline' });
    await expect(notice).toHaveText(/^You’re offline — showing the copy saved at \d{1,2}:\d{2}( [AP]M)?\.\s*Retry$/);
    // The notice is clean under axe, in light and in dark.
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .options({ rules: { 'target-size': { enabled: true } } })
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), colorScheme).toEqual([]);
    }
    // Retry while still offline: the saved copy again, still said so.
    await notice.getByRole('button', { name: 'Retry' }).click();
    await expect(notice).toBeVisible();
    await expect(h1(page)).toHaveText(WEATHER);

    // Back online: the story is fetched again by itself, the notice goes.
    await context.setOffline(false);
    await expect(notice).toHaveCount(0);
    await expect(h1(page)).toHaveText(WEATHER);
  });
}

test('offline, the notice speaks the story’s language', async ({ page, context }) => {
  const src = 'articles/sample-arabic-library.json';
  await page.goto(`index.html?src=${src}`);
  await expect(h1(page)).toBeVisible();
  await saved(page, src);
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'أنت غير متصل بالإنترنت' });
  await expect(notice).toContainText('تُعرض النسخة المحفوظة في');
  await expect(notice.getByRole('button', { name: 'إعادة المحاولة' })).toBeVisible();
  await context.setOffline(false);
});

test('offline, the default page (its story preloaded and prerendered) comes back with the saved copy', async ({ page, context }) => {
  await page.goto('index.html');
  await expect(h1(page)).toBeVisible();
  await saved(page, 'articles/syria-russia-moscow-visit.json');
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'You’re offline' })).toBeVisible();
  await expect(h1(page)).toHaveText('Syrian president seeks to redefine ties with Russia during Moscow visit');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('offline, the app itself comes from the precache, and a story never read says it needs a connection', async ({ page, context }) => {
  await page.goto('index.html');
  await expect(h1(page)).toBeVisible();
  await saved(page, 'articles/syria-russia-moscow-visit.json');
  await controlled(page);
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));

  await context.setOffline(true);
  await page.goto(`index.html?src=articles/sample-library-reopens.json`);
  // The page, its script and wasm came from the cache: the viewer runs.
  await expect(page.getByRole('alert')).toContainText('You’re offline, and this story hasn’t been saved on this device. It needs a connection.');
  expect(failed.filter((u) => /\.(js|wasm|html)$/.test(new URL(u).pathname))).toEqual([]);
  await context.setOffline(false);
  await expect(h1(page)).toHaveText(LIBRARY);
});

test('a new deploy takes over at the next navigation and deletes the old build’s cache', async ({ page, request }) => {
  try {
    await page.goto('index.html');
    await expect(h1(page)).toBeVisible();
    await controlled(page);
    const before = await appCaches(page);
    expect(before).toHaveLength(1);

    await request.get('__test/deploy?build=next');
    // The next navigation finds the new worker; it installs its files under
    // its own cache, takes over and deletes the old one.
    await page.reload();
    await expect(h1(page)).toBeVisible();
    await expect.poll(() => appCaches(page)).toEqual([`${before[0]}-next`]);
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');

    // The page after that comes whole from the new build's cache.
    await page.reload();
    await expect(h1(page)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Facebook' }).first()).toBeVisible();
  } finally {
    await request.get('__test/deploy?build=');
  }
});

test('a live blog read before comes back offline with every update: the live module is precached', async ({ page, context }) => {
  const src = 'articles/sample-live-blog.json';
  const updates = page.locator('.live-blog article.update');
  await page.goto(`index.html?src=${src}`);
  await expect(updates).toHaveCount(6);
  await saved(page, src);
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'You’re offline' })).toBeVisible();
  await expect(page.locator('.live-blog__label')).toHaveText('Live');
  await expect(updates).toHaveCount(6);
  await context.setOffline(false);
});

test('inline embeds register nothing on the publisher’s origin', async ({ page }) => {
  // A publisher's page on one origin, two inline viewers from the viewer's on another.
  await page.goto('__test/strict-host.html');
  await expect(page.locator('#two').getByRole('heading', { level: 1 })).toHaveText(WEATHER);
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
  expect(await page.evaluate(() => caches.keys())).toEqual([]);
});
