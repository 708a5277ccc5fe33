// Every reader: accessibility, right-to-left, languages, themes, print,
// sharing and metadata, in real Chromium.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './no-errors.mjs';

const article = (name) => JSON.parse(readFileSync(new URL(`../../public/articles/${name}.json`, import.meta.url), 'utf8'));
const SEED = article('syria-russia-moscow-visit');
const ARABIC = article('sample-arabic-library');
const h1 = (page) => page.getByRole('heading', { level: 1 });

const PAGES = {
  'default article': ['index.html', SEED.headline],
  'right-to-left article': ['index.html?src=articles/sample-arabic-library.json', ARABIC.headline],
  'error state': ['index.html?src=articles/missing.json', null],
  'embed example': ['example/index.html', 'Central library reopens after restoration'],
};

async function ready(page, expected) {
  if (expected) await expect(page.getByRole('heading', { level: 1, name: expected })).toBeVisible();
  else await expect(page.getByRole('alert')).toBeVisible();
  // The live viewer has taken over from the story prerendered into the page
  // (or there was none): what the test looks at stays put.
  await expect(page.locator('[data-prerendered]')).toHaveCount(0);
}

for (const [name, [path, expected]] of Object.entries(PAGES)) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds no violation: ${name}, ${colorScheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await ready(page, expected);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .options({ rules: { 'target-size': { enabled: true } } })
        .analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary).toEqual([]);
    });
  }
}

test('axe finds no violation with prefers-contrast: more', async ({ page }) => {
  await page.emulateMedia({ contrast: 'more' });
  await page.goto('index.html');
  await ready(page, SEED.headline);
  const results = await new AxeBuilder({ page }).withTags(['wcag2aa', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

// WCAG relative luminance contrast between an element's text and the first
// opaque background behind it.
const contrastOf = (locator) => locator.evaluate((el) => {
  const rgb = (c) => c.match(/[\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = null;
  for (let n = el; n; n = n.parentElement ?? n.getRootNode().host) {
    const c = getComputedStyle(n).backgroundColor;
    if (rgb(c).length === 3 || rgb(c)[3] === 1) { bg = c; break; }
  }
  const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(bg ?? 'rgb(255,255,255)'))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
});

for (const [label, media] of [['light', { colorScheme: 'light' }], ['dark', { colorScheme: 'dark' }], ['more contrast', { contrast: 'more' }]]) {
  test(`colour pairs meet WCAG AA as rendered: ${label}`, async ({ page }) => {
    await page.emulateMedia(media);
    await page.goto('index.html');
    await ready(page, SEED.headline);
    const story = page.getByRole('article');
    for (const locator of [
      h1(page), story.locator('.story__body p').first(), story.locator('.story__section'),
      story.locator('.story__dateline'), story.locator('.story__reading-time'),
      page.locator('.timeline__time').first(), page.locator('.timeline__headline').first(),
      page.locator('.social-bar__link').first(), page.locator('.share__button'),
    ]) {
      expect(await contrastOf(locator), await locator.evaluate((e) => e.className)).toBeGreaterThanOrEqual(4.5);
    }
  });
}

test('a skip link leads to the story, focus is visible, and headings never skip a level', async ({ page }) => {
  await page.goto('index.html');
  await ready(page, SEED.headline);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the story' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  expect(await skip.evaluate((e) => getComputedStyle(e).outlineStyle)).not.toBe('none');
  // The skip link moves within the story: it does not load it again (which
  // would rebuild it under the reader's focus).
  const reloads = [];
  page.on('request', (r) => { if (r.url().includes('syria-russia-moscow-visit.json')) reloads.push(r.url()); });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  await page.keyboard.press('Tab');
  // The next stop is inside the story, past the social bar before it.
  expect(await page.evaluate(() => document.activeElement.closest('#story') !== null)).toBe(true);
  expect(reloads).toEqual([]);
  await expect(h1(page)).toHaveText(SEED.headline);
  const levels = await page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])));
  expect(levels[0]).toBe(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
});

test('reduced motion turns transitions off', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('index.html');
  await ready(page, SEED.headline);
  expect(await page.getByRole('article').evaluate((e) => getComputedStyle(e).transitionDuration)).toBe('0s');
});

test.describe('a reader whose browser speaks Arabic', () => {
  // Times follow the reader's locale; the interface follows the article.
  test.use({ locale: 'ar-SY' });

  test('an Arabic article is right-to-left and mirrored, in Arabic, with Arabic digits', async ({ page }) => {
    await page.goto('index.html?src=articles/sample-arabic-library.json');
    await ready(page, ARABIC.headline);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar-SY');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    expect(await h1(page).evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
    // Interface strings from the Arabic catalogue.
    const social = page.getByRole('navigation', { name: 'تابعونا' });
    await expect(social).toBeVisible();
    const timeline = page.getByRole('region', { name: 'الأحدث' });
    await expect(timeline).toBeVisible();
    await expect(page.getByRole('button', { name: 'مشاركة' })).toBeVisible();
    await expect(page.locator('.story__reading-time')).toHaveText(/^وقت القراءة: [٠-٩]+ د$/);
    await expect(timeline.locator('time').first()).toHaveText(/[٠-٩]{2}:[٠-٩]{2}/);
    await expect(page.locator('.story__dateline time').first()).toContainText('٢٠٢٥');
    // Mirrored: the social links run right to left, the time sits right of its
    // headline, the quote's rule is on its right.
    const [first, second] = await social.getByRole('link').evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().x));
    expect(first).toBeGreaterThan(second);
    const entry = timeline.locator('li').first();
    const timeBox = await entry.locator('time').boundingBox();
    const headlineBox = await entry.locator('.timeline__headline').boundingBox();
    expect(timeBox.x).toBeGreaterThan(headlineBox.x);
    const quote = page.locator('.story__quote');
    expect(await quote.evaluate((e) => [getComputedStyle(e).borderRightWidth, getComputedStyle(e).borderLeftWidth])).toEqual(['4px', '0px']);
  });
});

test('the interface language follows data-lang in an embed', async ({ page }) => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>P</title>
    <script type="module" src="../embed.js"></script></head><body>
    <div id="fr" data-article-viewer data-lang="fr" data-src="../articles/sample-city-budget.json"></div>
    <div id="ar" data-article-viewer data-lang="ar" data-src="../articles/missing.json"></div></body></html>`;
  await page.goto(`__test/body?type=text/html&b64=${encodeURIComponent(Buffer.from(html).toString('base64'))}`);
  await expect(page.locator('#fr').getByRole('group', { name: 'Suivez-nous' })).toBeVisible();
  await expect(page.locator('#fr').getByRole('heading', { name: 'À la une' })).toBeVisible();
  await expect(page.locator('#ar').getByRole('alert')).toContainText('لم يُعثر على هذا الخبر');
  await expect(page.locator('#ar').getByRole('button', { name: 'إعادة المحاولة' })).toBeVisible();
});

test('a theme can be pinned: ?theme=dark in a light browser', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('index.html?theme=dark');
  await ready(page, SEED.headline);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(18, 18, 18)');
});

test('print shows the story alone, with the address of each link', async ({ page }) => {
  await page.goto('index.html?src=articles/sample-city-budget.json');
  await ready(page, "City council approves next year's budget");
  await page.emulateMedia({ media: 'print' });
  const snapshot = await page.locator('body').ariaSnapshot();
  expect(snapshot).toContain("heading \"City council approves next year's budget\" [level=1]");
  expect(snapshot).toContain('What changes next year');
  for (const gone of ['Latest', 'Follow us', 'Share', 'Embed', 'Skip to the story']) expect(snapshot).not.toContain(gone);
  await page.emulateMedia({ media: 'screen' });
  await page.goto('index.html?src=articles/sample-city-budget.json');
  await ready(page, "City council approves next year's budget");
  const withLinks = {
    ...article('sample-city-budget'),
    byline: [{ name: 'Ada Reporter', url: 'https://news.example/ada' }],
  };
  await page.route('**/linked.json', (route) => route.fulfill({ json: withLinks }));
  await page.goto(`index.html?src=${encodeURIComponent('/linked.json')}`);
  await ready(page, withLinks.headline);
  await page.emulateMedia({ media: 'print' });
  const after = await page.locator('.story__byline a').evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toBe('" (https://news.example/ada)"');
});

test('Share uses the Web Share API where the browser has it', async ({ page }) => {
  await page.addInitScript(() => {
    window.__shared = [];
    Navigator.prototype.share = function (data) { window.__shared.push(data); return Promise.resolve(); };
  });
  await page.goto('index.html?src=articles/sample-city-budget.json');
  await ready(page, "City council approves next year's budget");
  await page.getByRole('button', { name: 'Share' }).click();
  await expect.poll(() => page.evaluate(() => window.__shared)).toEqual([
    { title: "City council approves next year's budget", url: page.url() },
  ]);
});

test('Share copies the link and says so where there is no Web Share API', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await page.addInitScript(() => { delete Navigator.prototype.share; });
  await page.goto('index.html?src=articles/sample-city-budget.json');
  await ready(page, "City council approves next year's budget");
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});

test('every timeline entry has a permalink', async ({ page }) => {
  await page.goto('index.html?src=articles/sample-arabic-library.json');
  await ready(page, ARABIC.headline);
  const hrefs = await page.locator('.timeline__entry').evaluateAll((lis) => lis.map((li) => li.querySelector('a')?.getAttribute('href')));
  expect(hrefs).toHaveLength(3);
  for (const href of hrefs) expect(href).toBeTruthy();
  // An entry without a story of its own links to its own place.
  const plain = page.locator('.timeline__entry').nth(1);
  expect(await plain.locator('a').getAttribute('href')).toBe(`#${await plain.getAttribute('id')}`);
  await plain.locator('a').click();
  await expect(h1(page)).toHaveText(ARABIC.headline);
});

const words = (a) => a.body.flatMap((b) => b.spans ? b.spans.map((s) => s.text) : b.items ?? [b.text ?? '']).join(' ').split(/\s+/).filter(Boolean).length;

test('title, description, canonical link, JSON-LD and reading time follow the story', async ({ page }) => {
  await page.goto('index.html');
  await ready(page, SEED.headline);
  const check = async (a) => {
    await expect(page).toHaveTitle(a.headline);
    const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    expect(ld).toMatchObject({
      '@context': 'https://schema.org', '@type': 'NewsArticle', headline: a.headline,
      datePublished: a.published, inLanguage: a.lang, mainEntityOfPage: page.url(), wordCount: words(a),
    });
    expect((ld.author ?? []).map((p) => p.name)).toEqual((a.byline ?? []).map((p) => p.name));
    if (a.updated) expect(ld.dateModified).toBe(a.updated);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description.length).toBeGreaterThan(20);
    expect((a.standfirst ?? a.body[0].text).startsWith(description.replace(/…$/, ''))).toBe(true);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', page.url());
    await expect(page.locator('.story__reading-time')).toHaveText(`${Math.max(1, Math.ceil(words(a) / 200))} min read`);
  };
  await check(SEED);
  await page.getByRole('link', { name: /Central library/ }).click();
  await ready(page, 'Central library reopens after restoration');
  await check(article('sample-library-reopens'));
});
