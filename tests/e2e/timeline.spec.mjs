// The timeline's other shapes: a JSON Feed (inline and as a source), and
// sizes far beyond a day's news.
import { expect, test } from './no-errors.mjs';

const region = (page, name) => page.getByRole('region', { name });

test('a JSON Feed source fills the timeline, its links through the URL policy', async ({ page }) => {
  await page.goto('index.html?src=/fixtures/feed-source.json');
  const timeline = region(page, 'Latest');
  await expect(timeline.locator('.timeline__headline')).toHaveText(['Feed item three', 'Feed item two', 'Feed item one']);
  const links = timeline.locator('.timeline__link');
  await expect(links.nth(1)).toHaveAttribute('href', 'https://news.example/2');
  // No url: the external_url.
  await expect(links.nth(2)).toHaveAttribute('href', 'https://elsewhere.example/1');
  // A javascript: url is refused: the entry links only to its own place.
  await expect(links.nth(0)).toHaveAttribute('href', /^#entry-/);
  await expect(timeline.locator('time').first()).toHaveAttribute('datetime', '2025-10-15T11:00:00+03:00');
});

test('an inline JSON Feed is a timeline too', async ({ page, request }) => {
  const feed = JSON.parse(await (await request.get('/fixtures/feed.json')).text());
  const article = {
    schema_version: 1, id: 'inline-feed', lang: 'en-GB', headline: 'Inline feed', published: '2025-10-15T11:50:00+03:00',
    body: [{ type: 'paragraph', text: 'P' }], timeline: feed,
  };
  const b64 = Buffer.from(JSON.stringify(article)).toString('base64');
  await page.goto(`index.html?src=${encodeURIComponent(`/__test/body?b64=${encodeURIComponent(b64)}`)}`);
  const timeline = region(page, 'Newsroom feed');
  await expect(timeline.locator('.timeline__headline')).toHaveText(['Feed item three', 'Feed item two', 'Feed item one']);
});

test('a source that fails says so in the timeline and keeps the story', async ({ page }) => {
  const article = {
    schema_version: 1, id: 'failing-source', lang: 'en-GB', headline: 'Story stays', published: '2025-10-15T11:50:00+03:00',
    body: [{ type: 'paragraph', text: 'P' }], timeline: { source: '/__test/status/404' },
  };
  const b64 = Buffer.from(JSON.stringify(article)).toString('base64');
  await page.goto(`index.html?src=${encodeURIComponent(`/__test/body?b64=${encodeURIComponent(b64)}`)}`);
  await expect(region(page, 'Latest').getByRole('status')).toHaveText('Couldn’t load the latest headlines.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Story stays');
});

test('100,000 timeline entries and 10,000 paragraphs: a page at a time, the rest on request', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`index.html?src=${encodeURIComponent('/__test/big?entries=100000&paragraphs=10000')}`);
  await expect(page.locator('.story__body > p')).toHaveCount(10_000);
  const timeline = region(page, 'Latest');
  await expect(timeline).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  const entries = timeline.locator('.timeline__entry');
  await expect(entries).toHaveCount(100);
  await expect(entries.first().locator('.timeline__headline')).toHaveText('Entry 1');
  const more = timeline.getByRole('button', { name: 'Show more' });
  await more.click();
  await expect(entries).toHaveCount(200);
  // Reading goes on at the first entry the button brought.
  await expect(entries.nth(100).getByRole('link')).toBeFocused();
  await expect(entries.last().locator('.timeline__headline')).toHaveText('Entry 200');
});

// Marks the DOM nodes of entries, to tell later whether they were kept or rebuilt.
const mark = (entries, indices) => entries.evaluateAll((lis, indices) => indices.forEach((i) => { lis[i].__kept = true; }), indices);
const kept = (entries, indices) => entries.evaluateAll((lis, indices) => indices.map((i) => lis[i].__kept === true), indices);

test('Show more adds the next page without rebuilding the entries shown', async ({ page }) => {
  await page.goto(`index.html?src=${encodeURIComponent('/__test/big?entries=250&paragraphs=1')}`);
  const timeline = region(page, 'Latest');
  await expect(timeline).toHaveAttribute('aria-busy', 'false');
  const entries = timeline.locator('.timeline__entry');
  await expect(entries).toHaveCount(100);
  await mark(entries, [0, 50, 99]);
  await timeline.getByRole('button', { name: 'Show more' }).click();
  await expect(entries).toHaveCount(200);
  expect(await kept(entries, [0, 50, 99, 100])).toEqual([true, true, true, false]);
});
