// The blocks newsroom stories are made of — pull quotes, tables, galleries,
// videos, third-party embeds behind a click, key points, fact boxes,
// related links, corrections — in real Chromium, from the shipped sample.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './no-errors.mjs';

const SAMPLE = JSON.parse(readFileSync(new URL('../../public/articles/sample-every-block.json', import.meta.url), 'utf8'));
const AT = 'index.html?src=articles/sample-every-block.json';
const PLAYER = 'https://www.youtube-nocookie.com/embed/jNQXAC9IVRw';
const PLAYER_ORIGINS = [
  'https://open.spotify.com', 'https://platform.twitter.com', 'https://player.vimeo.com', 'https://w.soundcloud.com',
  'https://www.instagram.com', 'https://www.tiktok.com', 'https://www.youtube-nocookie.com',
];
const h1 = (page) => page.getByRole('heading', { level: 1 });
const address = (doc, query = '') =>
  `index.html?src=${encodeURIComponent(`/__test/body?b64=${encodeURIComponent(Buffer.from(JSON.stringify(doc)).toString('base64'))}`)}${query}`;

/// Every request that leaves the test server, as it is made.
function outside(page) {
  const seen = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1') && !r.url().startsWith('data:')) seen.push(r.url());
  });
  return seen;
}

/// Answers for every player origin with a stand-in page (no internet here).
async function standInPlayers(page) {
  await page.route(/^https:\/\/[^/]+\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Player</title><p>Player</p>' }));
}

async function scrollThrough(page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
  });
}

test('the sample story shows every block as a reader expects', async ({ page }) => {
  await page.goto(AT);
  await expect(h1(page)).toHaveText(SAMPLE.headline);
  const story = page.locator('main .story');

  const keyPoints = story.locator('.story__key-points');
  await expect(keyPoints.getByRole('heading', { name: 'Key points', level: 2 })).toBeVisible();
  await expect(keyPoints.getByRole('listitem')).toHaveCount(3);

  await expect(story.locator('.story__pullquote blockquote')).toHaveText(SAMPLE.body[2].text);
  await expect(story.locator('.story__pullquote figcaption')).toHaveText('Festival director');

  const table = story.getByRole('region', { name: 'Saturday’s programme on the main stages' });
  await expect(table).toHaveAttribute('tabindex', '0');
  await expect(table.locator('caption')).toHaveText('Saturday’s programme on the main stages');
  await expect(table.getByRole('columnheader')).toHaveText(['Time', 'Quay stage', 'Lighthouse stage', 'Market hall', 'Boats']);
  await expect(table.getByRole('rowheader')).toHaveText(['12:00', '15:00', '19:00', '22:00']);
  await expect(table.getByRole('cell')).toHaveCount(16);

  const gallery = story.getByRole('figure', { name: 'Last festival’s highlights.' });
  const photos = gallery.getByRole('img');
  await expect(photos).toHaveCount(3);
  await expect(photos.nth(0)).toHaveAttribute('loading', 'eager');
  for (const i of [1, 2]) await expect(photos.nth(i)).toHaveAttribute('loading', 'lazy');
  for (const i of [0, 1, 2]) {
    await expect(photos.nth(i)).toHaveAttribute('width', '1200');
    await expect(photos.nth(i)).toHaveAttribute('height', '800');
  }
  await expect(gallery.locator('figcaption').first()).toContainText('The night market on the old quay.');
  // Each photo really arrives (a relative src is the article's, not the page's).
  await scrollThrough(page);
  for (const i of [0, 1, 2]) await expect.poll(() => photos.nth(i).evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  const video = story.locator('video');
  await expect(video).toHaveAttribute('controls', '');
  await expect(video).toHaveAttribute('preload', 'none');
  // Addresses are the article's own: next to it, not to the page.
  await expect(video).toHaveAttribute('poster', /\/articles\/media\/harbour-poster\.svg$/);
  await expect(video).toHaveAttribute('src', /\/articles\/media\/harbour\.webm$/);
  await expect(video).toHaveAccessibleName(SAMPLE.body[6].title);
  await expect(video.locator('track[kind="captions"]')).toHaveCount(2);
  await expect(video.locator('track').first()).toHaveAttribute('srclang', 'en');

  const embed = story.locator('.story__embed');
  await expect(embed).toContainText(SAMPLE.body[7].title);
  await expect(embed).toContainText('This content comes from YouTube, which may use cookies');
  await expect(embed.getByRole('button', { name: 'Load content from YouTube' })).toBeVisible();
  await expect(embed.getByRole('link', { name: 'Open on YouTube' })).toHaveAttribute('href', SAMPLE.body[7].url);
  await expect(embed.getByRole('checkbox', { name: 'Always load content from YouTube' })).not.toBeChecked();
  await expect(embed.locator('iframe')).toHaveCount(0);

  const factbox = story.getByRole('complementary', { name: 'Getting there' });
  await expect(factbox.locator('p')).toHaveText(SAMPLE.body[8].body[0].text);
  await expect(factbox.getByRole('listitem')).toHaveCount(3);

  const related = story.locator('.story__related');
  await expect(related.getByRole('heading', { name: 'Related' })).toBeVisible();
  await expect(related.getByRole('link')).toHaveText([SAMPLE.body[9].links[0].title, SAMPLE.body[9].links[1].title, SAMPLE.body[9].links[2].title]);

  // The correction, after the body, its time in the reader's words and zone.
  await expect(story.locator('.story__corrections')).toHaveText(
    `Correction, 15 October 2025 at 12:40: ${SAMPLE.corrections[0].text}`);
  await expect(story.locator('.story__corrections time')).toHaveAttribute('datetime', '2025-10-15T12:40:00+03:00');
  const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  expect(ld.correction).toEqual([{ '@type': 'CorrectionComment', text: SAMPLE.corrections[0].text, datePublished: '2025-10-15T12:40:00+03:00' }]);
});

test('the sample opens from a sample story’s related links, and its related story opens in place with Back returning', async ({ page }) => {
  await page.goto('index.html');
  await page.getByRole('link', { name: /City council/ }).click();
  await page.locator('.story__related').getByRole('link', { name: /Harbour festival returns/ }).click();
  await expect(h1(page)).toHaveText(SAMPLE.headline);
  await page.evaluate(() => { window.__samePage = true; });
  await page.locator('.story__related').getByRole('link', { name: /City council/ }).click();
  await expect(h1(page)).toHaveText("City council approves next year's budget");
  expect(page.url()).toContain('src=' + encodeURIComponent('articles/sample-city-budget.json'));
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
  await page.goBack();
  await expect(h1(page)).toHaveText(SAMPLE.headline);
});

test('nothing is requested from a third party before "Load content"; then the player, from its own origin', async ({ page }) => {
  const requests = outside(page);
  await standInPlayers(page);
  await page.goto(AT);
  await expect(h1(page)).toHaveText(SAMPLE.headline);
  await scrollThrough(page);
  await page.waitForTimeout(300);
  expect(requests).toEqual([]);

  const embed = page.locator('.story__embed');
  await embed.getByRole('button', { name: 'Load content from YouTube' }).click();
  const frame = embed.locator('iframe');
  await expect(frame).toHaveAttribute('src', PLAYER);
  await expect(frame).toHaveAttribute('title', SAMPLE.body[7].title);
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-presentation');
  await expect(frame).toHaveAttribute('allow', 'fullscreen; picture-in-picture');
  await expect(frame).toHaveAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
  await expect(embed.getByRole('button', { name: /Load content/ })).toHaveCount(0);
  await expect(frame).toBeFocused();
  await expect.poll(() => requests).toEqual([PLAYER]);
  const url = new URL(requests[0]);
  expect([url.origin, url.pathname]).toEqual(['https://www.youtube-nocookie.com', '/embed/jNQXAC9IVRw']);
  // Its box was reserved: 16:9.
  const box = await frame.boundingBox();
  expect(box.width / box.height).toBeCloseTo(16 / 9, 1);
  // The link to the provider and the caption stay.
  await expect(embed.getByRole('link', { name: 'Open on YouTube' })).toBeVisible();
});

test('a hostile or unknown embed address never becomes a frame, and nothing is requested', async ({ page }) => {
  const requests = outside(page);
  await standInPlayers(page);
  const hostile = [
    ['youtube', 'javascript:alert(document.domain)//https://www.youtube.com/watch?v=jNQXAC9IVRw'],
    ['youtube', 'https://www.youtube.com.evil.example/watch?v=jNQXAC9IVRw'],
    ['youtube', 'https://evil.example/?www.youtube.com/watch?v=jNQXAC9IVRw'],
    ['vimeo', 'https://www.youtube.com/watch?v=jNQXAC9IVRw'],
    ['other', 'https://www.youtube.com/watch?v=jNQXAC9IVRw'],
    ['x', 'data:text/html,<script>alert(1)</script>'],
  ];
  const doc = {
    schema_version: 1, id: 'h', lang: 'en-GB', headline: 'Hostile embeds', published: '2025-10-15T11:00:00Z',
    body: hostile.map(([provider, url], i) => ({ type: 'embed', provider, url, title: `Embed ${i}` })),
  };
  await page.addInitScript(() => localStorage.setItem('article-viewer-always-load',
    'youtube vimeo x instagram tiktok spotify soundcloud other'));
  await page.goto(address(doc));
  await expect(h1(page)).toHaveText('Hostile embeds');
  const embeds = page.locator('.story__embed');
  await expect(embeds).toHaveCount(hostile.length);
  await expect(page.locator('main iframe')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Load content/ })).toHaveCount(0);
  // The https: ones are ordinary links; the others their title as text.
  for (const [i, [, url]] of hostile.entries()) {
    const link = embeds.nth(i).getByRole('link');
    if (url.startsWith('https:')) await expect(link).toHaveAttribute('href', url);
    else {
      await expect(link).toHaveCount(0);
      await expect(embeds.nth(i)).toHaveText(`Embed ${i}`);
    }
  }
  await page.waitForTimeout(300);
  expect(requests).toEqual([]);
});

test('"Always load content from YouTube" is kept on this device, and undone by the same checkbox', async ({ page }) => {
  await standInPlayers(page);
  await page.goto(AT);
  const embed = page.locator('.story__embed');
  const always = embed.getByRole('checkbox', { name: 'Always load content from YouTube' });
  await always.check();
  await expect(embed.locator('iframe')).toHaveAttribute('src', PLAYER);
  expect(await page.evaluate(() => localStorage.getItem('article-viewer-always-load'))).toBe('youtube');

  await page.reload();
  await expect(h1(page)).toHaveText(SAMPLE.headline);
  await expect(embed.locator('iframe')).toHaveAttribute('src', PLAYER);
  await expect(embed.getByRole('button', { name: /Load content/ })).toHaveCount(0);
  await expect(always).toBeChecked();

  await always.uncheck();
  expect(await page.evaluate(() => localStorage.getItem('article-viewer-always-load'))).toBe('');
  await page.reload();
  await expect(h1(page)).toHaveText(SAMPLE.headline);
  await expect(embed.getByRole('button', { name: 'Load content from YouTube' })).toBeVisible();
  await expect(embed.locator('iframe')).toHaveCount(0);
});

test('under the release policy the blocks and a loaded player raise no violation; frame-src is exactly the players', async ({ page }) => {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await standInPlayers(page);
  const response = await page.goto(AT);
  for (const policy of [response.headers()['content-security-policy'],
    await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')]) {
    const frameSrc = /frame-src ([^;]+)/.exec(policy)[1].trim().split(/\s+/).sort();
    expect(frameSrc).toEqual(PLAYER_ORIGINS);
    expect(policy).toMatch(/media-src 'self' https:/);
  }
  await expect(h1(page)).toHaveText(SAMPLE.headline);
  await scrollThrough(page);
  await page.getByRole('button', { name: 'Load content from YouTube' }).click();
  await expect(page.locator('.story__embed iframe')).toHaveAttribute('src', PLAYER);
  await page.locator('track').first().evaluate((t) => { t.track.mode = 'showing'; });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  // Canary: a frame from anywhere else is refused, and seen.
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.src = 'https://evil.example/';
    document.body.append(f);
  });
  await expect.poll(() => page.evaluate(() => window.__violations.filter((v) => v.startsWith('frame-src')).length)).toBeGreaterThan(0);
});

test('a wide table scrolls inside its region on a phone, never the page, and the keyboard can scroll it', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(AT);
  const region = page.getByRole('region', { name: 'Saturday’s programme on the main stages' });
  await expect(region).toBeVisible();
  const widths = await region.evaluate((r) => ({ scroll: r.scrollWidth, client: r.clientWidth }));
  expect(widths.scroll).toBeGreaterThan(widths.client);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
});

test('right to left: the blocks mirror and speak Arabic', async ({ page }) => {
  const arabic = { ...SAMPLE, lang: 'ar', body: SAMPLE.body.map((b) => (b.type === 'key_points' || b.type === 'related' ? { ...b, title: undefined } : b)) };
  await page.goto(address(arabic));
  await expect(h1(page)).toHaveText(SAMPLE.headline);
  await expect(page.locator('.viewer')).toHaveAttribute('dir', 'rtl');
  const keyPoints = page.locator('.story__key-points');
  await expect(keyPoints.getByRole('heading')).toHaveText('النقاط الرئيسية');
  const borders = await keyPoints.evaluate((e) => [getComputedStyle(e).borderRightWidth, getComputedStyle(e).borderLeftWidth]);
  expect(borders).toEqual(['4px', '0px']);
  await expect(page.locator('.story__related').getByRole('heading')).toHaveText('ذو صلة');
  await expect(page.getByRole('button', { name: 'تحميل المحتوى من YouTube' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'تحميل المحتوى من YouTube دائمًا' })).toBeVisible();
  await expect(page.locator('.story__corrections')).toContainText('تصحيح،');
  // A table's first column is on the right.
  const [first, last] = await page.locator('.story__table th[scope="col"]').evaluateAll((ths) => [ths[0].getBoundingClientRect().x, ths.at(-1).getBoundingClientRect().x]);
  expect(first).toBeGreaterThan(last);
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation in the sample with every block, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(AT);
    await expect(h1(page)).toHaveText(SAMPLE.headline);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .options({ rules: { 'target-size': { enabled: true } } })
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('printed: an embed is its title and link, a gallery its figures, a wide table whole', async ({ page }) => {
  await page.goto(AT);
  await expect(h1(page)).toHaveText(SAMPLE.headline);
  await page.emulateMedia({ media: 'print' });
  const embed = page.locator('.story__embed');
  await expect(embed.locator('.story__consent')).toBeHidden();
  await expect(embed.locator('.story__always')).toBeHidden();
  await expect(embed.locator('.story__embed-title')).toBeVisible();
  await expect(embed.getByRole('link', { name: /Open on YouTube/ })).toBeVisible();
  await expect(page.locator('.story__gallery img')).toHaveCount(3);
  for (const img of await page.locator('.story__gallery img').all()) await expect(img).toBeVisible();
  expect(await page.locator('.story__table').evaluate((e) => getComputedStyle(e).overflowX)).toBe('visible');
});

test('less data: the gallery waits for "Show image", the video shows no poster, the embed no still', async ({ page }) => {
  const media = [];
  page.on('request', (r) => { if (r.url().includes('/media/')) media.push(r.url()); });
  await page.goto(`${AT}&data=low`);
  await expect(h1(page)).toHaveText(SAMPLE.headline);
  await scrollThrough(page);
  await expect(page.locator('.story__gallery').getByRole('button', { name: 'Show image' })).toHaveCount(3);
  await expect(page.locator('video')).not.toHaveAttribute('poster');
  await expect(page.locator('.story__embed img')).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(media).toEqual([]);
  await page.locator('.story__gallery').getByRole('button', { name: 'Show image' }).first().click();
  await expect(page.getByRole('img', { name: 'Stalls along the quay at dusk' })).toBeVisible();
});
