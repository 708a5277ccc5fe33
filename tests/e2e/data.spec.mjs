// Low data: a reader who asks for less (Save-Data, `?data=low`,
// `data-data="low"`) gets images only on a tap, and a live timeline that
// polls at most once a minute.
import { expect, test } from './no-errors.mjs';

const article = (extra = {}) => ({
  schema_version: 1, id: 'photo', lang: 'en-GB', headline: 'A story with a photograph', published: '2025-10-15T11:00:00Z',
  body: [
    { type: 'paragraph', text: 'Before the photograph.' },
    { type: 'image', src: '/fixtures/photo.svg', alt: 'The harbour at dawn', width: 640, height: 360, caption: 'The harbour' },
    { type: 'paragraph', text: 'After the photograph.' },
  ],
  ...extra,
});
const address = (doc, query = '') => `index.html?src=${encodeURIComponent(`/__test/body?b64=${encodeURIComponent(Buffer.from(JSON.stringify(doc)).toString('base64'))}`)}${query}`;
const photoRequests = (page) => {
  const seen = [];
  page.on('request', (r) => { if (r.url().endsWith('/fixtures/photo.svg')) seen.push(r.url()); });
  return seen;
};

test('?data=low: no image is requested before the reader taps "Show image"', async ({ page }) => {
  const seen = photoRequests(page);
  await page.goto(address(article(), '&data=low'));
  await expect(page.getByText('After the photograph.')).toBeVisible();
  const show = page.getByRole('button', { name: 'Show image' });
  await expect(show).toBeVisible();
  await expect(page.getByText('The harbour at dawn')).toBeVisible();
  await page.waitForTimeout(500);
  expect(seen).toEqual([]);
  await show.click();
  await expect(page.getByRole('img', { name: 'The harbour at dawn' })).toBeVisible();
  // The request's event may reach the test a moment after the image shows.
  await expect.poll(() => seen.length).toBe(1);
  await expect(show).toHaveCount(0);
});

test('Save-Data from the browser asks for less data too; without it the image loads at once', async ({ browser }) => {
  const saving = await browser.newPage();
  await saving.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  const seen = photoRequests(saving);
  await saving.goto(address(article()));
  await expect(saving.getByRole('button', { name: 'Show image' })).toBeVisible();
  expect(seen).toEqual([]);
  await saving.close();

  const full = await browser.newPage();
  const loaded = photoRequests(full);
  await full.goto(address(article()));
  await expect(full.getByRole('img', { name: 'The harbour at dawn' })).toBeVisible();
  await expect(full.getByRole('button', { name: 'Show image' })).toHaveCount(0);
  expect(loaded).toHaveLength(1);
  await full.close();
});

test('data-data="low" on an inline viewer, with the button in its language', async ({ page }) => {
  const doc = article({ lang: 'fr' });
  await page.route('**/publisher/low.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>P</title>
<script type="module" src="../embed.js"></script></head><body>
<div data-article-viewer data-data="low" data-src="../__test/body?b64=${encodeURIComponent(Buffer.from(JSON.stringify(doc)).toString('base64'))}"></div></body></html>`,
  }));
  const seen = photoRequests(page);
  await page.goto('publisher/low.html');
  await expect(page.locator('[data-article-viewer]').getByRole('button', { name: 'Afficher l’image' })).toBeVisible();
  expect(seen).toEqual([]);
});

test('with less data a live timeline polls at most once a minute', async ({ page, request }) => {
  const key = `low-${Date.now()}`;
  await request.post(`/__test/feed?key=${key}`, { data: { doc: { entries: [{ id: 'a', time: '2025-10-15T11:10:00Z', headline: 'Headline a' }] } } });
  const requests = async () => (await (await request.get(`/__test/feed-stats?key=${key}`)).json()).requests;
  await page.clock.install({ time: new Date('2025-10-15T12:00:00Z') });
  await page.clock.pauseAt(new Date('2025-10-15T12:00:01Z'));
  const doc = article({ timeline: { title: 'Live', source: `/__test/feed?key=${key}`, live: true, interval: 10, entries: [] } });
  await page.goto(address(doc, '&data=low'));
  await expect(page.getByRole('region', { name: 'Live' }).locator('.timeline__headline')).toHaveText(['Headline a']);
  expect(await requests()).toBe(1);
  await page.clock.runFor(59_000);
  await page.waitForTimeout(300);
  expect(await requests(), 'not at the publisher\'s 10 s').toBe(1);
  await page.clock.runFor(1_000);
  await expect.poll(requests).toBe(2);
});
