// Every sample the viewer ships works as shipped, from the release build:
// each article in public/articles shows its story and its timeline, a
// timeline `source` loads, and nothing answers 4xx or 5xx nor raises an alert.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from './no-errors.mjs';

const dir = new URL('../../public/articles/', import.meta.url);
const samples = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

/** Collects every answer of 400 or more and every request that got no
 * answer. (Chromium reports some finished, used responses as ERR_ABORTED
 * when a page lets go of their streams: those had an answer.) */
function watchNetwork(page) {
  const bad = [];
  page.on('response', (r) => { if (r.status() >= 400) bad.push(`${r.status()} ${r.url()}`); });
  page.on('requestfailed', async (r) => {
    if (!(await r.response())) bad.push(`failed ${r.url()}: ${r.failure()?.errorText}`);
  });
  return bad;
}

test('the samples are all tested here', () => {
  expect(samples.length).toBeGreaterThanOrEqual(6);
});

for (const file of samples) {
  const article = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
  test(`the sample ${file} shows its story, timeline and source`, async ({ page }) => {
    const bad = watchNetwork(page);
    // The source is relative to the article that names it.
    const articleUrl = new URL(`articles/${file}`, test.info().project.use.baseURL);
    const source = article.timeline?.source
      ? page.waitForResponse(new URL(article.timeline.source, articleUrl).href)
      : null;
    await page.goto(`index.html?src=articles/${file}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.headline);
    await expect(page.locator('.story__body > *').first()).toBeVisible();
    if (article.timeline) {
      const entries = page.locator('.timeline .timeline__headline');
      await expect(entries.first()).toBeVisible();
      if (source) {
        expect((await source).status(), 'the timeline source answers').toBeLessThan(300);
        await expect(page.locator('.timeline')).toHaveAttribute('aria-busy', 'false');
        await expect(page.locator('.timeline__status')).toHaveCount(0);
      }
    }
    if (article.social) await expect(page.locator('.social-bar a').first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(bad, 'requests that failed or answered 4xx/5xx').toEqual([]);
  });
}

test('the default page and the publisher examples load without a failed request', async ({ page }) => {
  const bad = watchNetwork(page);
  await page.goto('index.html');
  await expect(page.locator('.timeline .timeline__headline')).toHaveCount(9);
  await page.goto('example/index.html');
  await expect(page.locator('[data-article-viewer]').first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('[data-article-viewer]')]
    .every((host) => host.shadowRoot?.querySelector('.story__headline')))).toBe(true);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The example that pastes the snippet, once its viewer has taken over.
  await page.goto('example/snippet.html');
  await expect(page.locator('[data-article-viewer] [data-live]:not([hidden]) .story__headline')).toBeVisible();
  await expect(page.locator('[data-article-viewer] [data-live] .timeline__headline')).toHaveCount(9);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(bad, 'requests that failed or answered 4xx/5xx').toEqual([]);
});

test('the single-page example: its viewers appear 1.5 s after load and follow its routes', async ({ page }) => {
  const bad = watchNetwork(page);
  await page.goto('example/single-page.html');
  const story = (host) => page.locator(`${host} [data-live] .story__headline`);
  await expect(story('article-viewer')).toHaveText('Central library reopens after restoration');
  await page.getByRole('button', { name: 'Weather' }).click();
  await expect(story('[data-article-viewer]')).toHaveText('Rain expected along the coast this weekend');
  await expect(page.locator('article-viewer')).toHaveCount(0);
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(story('article-viewer')).toHaveText('Central library reopens after restoration');
  expect(bad, 'requests that failed or answered 4xx/5xx').toEqual([]);
});

test('the element example counts reads from the events and sets the attributes from script', async ({ page }) => {
  const bad = watchNetwork(page);
  await page.goto('example/element.html');
  const story = page.locator('article-viewer [data-live] .story__headline');
  await expect(story).toHaveText('Syrian president seeks to redefine ties with Russia during Moscow visit');
  await expect(page.locator('#reads')).toHaveText('1');
  await page.getByRole('button', { name: 'Another story' }).click();
  await expect(story).toHaveText("City council approves next year's budget");
  await expect(page.locator('#reads')).toHaveText('2');
  await page.locator('article-viewer .timeline__link', { hasText: 'Central library' }).click();
  await expect(page.getByRole('log')).toContainText('open: http://127.0.0.1');
  await expect(page.locator('#reads')).toHaveText('3');
  await page.getByLabel('Theme').selectOption('dark');
  await expect.poll(() => page.locator('article-viewer').evaluate((el) => getComputedStyle(el).colorScheme)).toBe('dark');
  expect(bad, 'requests that failed or answered 4xx/5xx').toEqual([]);
});
