// The viewer end to end: the release build in real Chromium, over real HTTP.
import { base, expect, test } from './no-errors.mjs';

const SEED_HEADLINE = 'Syrian president seeks to redefine ties with Russia during Moscow visit';
const SEED_TIMES = ['11:50', '11:30', '11:20', '11:00', '10:50', '10:30', '10:20', '10:00', '09:50'];

const story = (page) => page.getByRole('article');
const timeline = (page) => page.getByRole('region', { name: 'Latest' });

test('default page shows the seed story, the Facebook link and the timeline', async ({ page }) => {
  await page.goto('index.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page).toHaveTitle(SEED_HEADLINE);
  await expect(story(page).getByRole('heading', { level: 2 })).toHaveText([
    'Key topics: military bases and Assad’s extradition',
    'Assad’s life in Moscow',
    'A pragmatic approach to rebuilding',
  ]);
  await expect(story(page).locator('time[datetime="2025-10-15T11:50:00+03:00"]')).toContainText('2025');

  const follow = page.getByRole('navigation', { name: 'Follow us' });
  const facebook = follow.getByRole('link', { name: /Facebook/ });
  await expect(facebook).toHaveAttribute('href', 'https://www.facebook.com/');
  await expect(facebook).toHaveAttribute('target', '_blank');
  await expect(facebook).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(facebook.locator('svg')).toHaveCount(1);

  // The reference page's nine times, in its order.
  const entries = timeline(page).getByRole('listitem');
  await expect(entries).toHaveCount(9);
  // A reader in the publisher's zone (playwright.config.mjs), on a later day:
  // the date and the time, under the day's heading.
  await expect(timeline(page).locator('li time')).toHaveText(SEED_TIMES.map((t) => `15 Oct, ${t}`));
  await expect(timeline(page).getByRole('heading', { level: 3 })).toHaveText(['Wednesday, 15 October 2025']);
  const datetimes = await timeline(page).locator('li time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  expect(datetimes).toEqual(SEED_TIMES.map((t) => `2025-10-15T${t}:00+03:00`));
});

test('?src= loads another article, relative or absolute', async ({ page, baseURL }) => {
  await page.goto('index.html?src=articles/sample-library-reopens.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Central library reopens after restoration');
  await expect(story(page).locator('ol > li')).toHaveCount(3);
  await expect(page).toHaveTitle('Central library reopens after restoration');

  const absolute = new URL('articles/sample-weekend-weather.json', baseURL).href;
  await page.goto(`index.html?src=${encodeURIComponent(absolute)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rain expected along the coast this weekend');
  await expect(story(page).locator('blockquote')).toHaveText('Drivers should allow extra time on coastal roads on Saturday.');
});

test('a timeline click opens the story in place, and Back returns', async ({ page }) => {
  await page.goto('index.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
  // A full page load would lose this marker.
  await page.evaluate(() => { window.__sameDocument = true; });

  await timeline(page).getByRole('link', { name: /City council approves/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("City council approves next year's budget");
  await expect(page).toHaveURL(/\?src=articles%2Fsample-city-budget\.json$|\?src=articles\/sample-city-budget\.json$/);
  await expect(page).toHaveTitle("City council approves next year's budget");
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
  await expect(page).toHaveTitle(SEED_HEADLINE);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);

  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("City council approves next year's budget");
});

test('timeline links are real addresses: a reload shows the same story', async ({ page }) => {
  await page.goto('index.html');
  const link = timeline(page).getByRole('link', { name: /Central library/ });
  const href = await link.getAttribute('href');
  await page.goto(href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Central library reopens after restoration');
});

test('a src that answers 404 shows an alert with Retry, and Retry recovers', async ({ page }) => {
  const key = `k${Date.now()}${Math.random()}`;
  const src = `__test/flaky?key=${key}&fails=1&status=404&file=articles/sample-city-budget.json`;
  await page.goto(`index.html?src=${encodeURIComponent(src)}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be found');
  // With no story to show, the failure is the page's heading.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This story could not be found.');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("City council approves next year's budget");
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a failed navigation keeps the story on screen and says what failed', async ({ page }) => {
  await page.goto('index.html?src=fixtures/broken-link.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A story whose timeline has a broken link');
  await page.getByRole('region', { name: 'More' }).getByRole('link', { name: /missing/ }).click();
  await expect(page.getByRole('alert')).toContainText('could not be found');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A story whose timeline has a broken link');
  await expect(page.getByRole('alert').getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('while loading, a skeleton holds the place of the story', async ({ page }) => {
  await page.goto(`index.html?src=${encodeURIComponent('__test/slow?ms=1500&file=articles/sample-city-budget.json')}`);
  await expect(page.getByRole('status')).toHaveText('Loading the story…');
  await expect(page.locator('.skeleton__line').first()).toBeVisible();
  await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("City council approves next year's budget");
  await expect(page.locator('.skeleton')).toHaveCount(0);
  await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'false');
});

test('a page that is not JSON nor an article page says the address holds no story', async ({ page }) => {
  await page.goto('index.html?src=index.html');
  await expect(page.getByRole('alert')).toContainText('This address doesn’t hold a story the viewer can read.');
});

test('fits a 320 px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('index.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the story keeps a readable measure on a wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto('index.html');
  const paragraph = story(page).locator('.story__body p').first();
  await expect(paragraph).toBeVisible();
  // Characters per line: the paragraph's width over the mean width of its own
  // characters, laid out in one line in the same font.
  const perLine = await paragraph.evaluate((p) => {
    const probe = p.cloneNode(true);
    probe.style.cssText = 'position:absolute;white-space:nowrap;width:auto;visibility:hidden';
    p.after(probe);
    const mean = probe.getBoundingClientRect().width / p.textContent.length;
    probe.remove();
    return p.getBoundingClientRect().width / mean;
  });
  expect(perLine).toBeGreaterThan(60);
  expect(perLine).toBeLessThan(80);
  // Timeline beside the story, not below it.
  const storyBox = await story(page).boundingBox();
  const timelineBox = await timeline(page).boundingBox();
  expect(timelineBox.x).toBeGreaterThan(storyBox.x + storyBox.width - 1);
});

test('dark mode follows prefers-color-scheme', async ({ browser }) => {
  const colours = {};
  for (const colorScheme of ['light', 'dark']) {
    const page = await browser.newPage({ colorScheme });
    await page.goto('index.html');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    colours[colorScheme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.close();
  }
  expect(colours.light).toBe('rgb(255, 255, 255)');
  expect(colours.dark).not.toBe(colours.light);
});

test('a publisher restyles the viewer through custom properties', async ({ page }) => {
  await page.goto('index.html');
  // A stylesheet of the publisher's own (an inline <style> would break the CSP).
  await page.addStyleTag({ url: 'fixtures/publisher-theme.css' });
  await expect(timeline(page).locator('time').first()).toHaveCSS('color', 'rgb(1, 2, 3)');
  await expect(story(page)).toHaveCSS('font-family', 'monospace');
});

test('the release build prerenders the default story, exactly as the viewer renders it', async ({ browser }) => {
  const texts = async (page) => page.evaluate(() => ['.story', '.social-bar', '.timeline']
    .map((sel) => document.querySelector(sel)?.innerText));
  // Without JavaScript: what the HTML alone paints.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const still = await noScript.newPage();
  await still.goto('index.html');
  await expect(still.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
  const prerendered = await texts(still);
  await noScript.close();

  const page = await browser.newPage();
  await page.goto('index.html');
  await expect(page.locator('[data-prerendered]')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HEADLINE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  expect(await texts(page)).toEqual(prerendered);
  await page.close();
});

// The wasm is kept away (the loader's failure is expected here).
base('another ?src= never shows the prerendered default story', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('index.html?src=articles/sample-city-budget.json');
  await expect(page.locator('[data-prerendered]')).toBeHidden();
  await expect(page.getByText(SEED_HEADLINE, { exact: true })).toBeHidden();
});

test('when the default story cannot load, the prerendered one stays under the alert', async ({ page }) => {
  let fail = true;
  await page.route('**/articles/syria-russia-moscow-visit.json', (route) => (fail ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
  await page.goto('index.html');
  await expect(page.getByRole('alert')).toContainText('This story could not be found.');
  // The story the reader already had stays, in the one main landmark.
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(['Syrian president seeks to redefine ties with Russia during Moscow visit']);
  await expect(page.getByRole('main').getByText('Follow us')).toBeVisible();
  fail = false;
  await page.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(['Syrian president seeks to redefine ties with Russia during Moscow visit']);
  await expect(page.locator('[data-prerendered]')).toHaveCount(0);
  // The kept copy is gone too (its own empty `.viewer__kept` included).
  await expect(page.locator('.viewer__kept > *')).toHaveCount(0);
});

test("the viewer's own page paints its story without waiting for a stylesheet", async ({ page }) => {
  const styles = [];
  page.on('request', (r) => { if (r.resourceType() === 'stylesheet' || r.url().endsWith('.css')) styles.push(r.url()); });
  await page.goto('index.html');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(styles, 'stylesheet requests').toEqual([]);
  // Styled all the same: the stylesheet is in the page.
  const font = await page.locator('.story__headline').evaluate((h) => getComputedStyle(h).fontFamily);
  expect(font).toContain('Georgia');
});
