// A live timeline against the test server's /__test/feed, which counts the
// requests it gets and answers 304 when nothing changed. The page's clock is
// Playwright's, paused: each poll happens when a test moves time on.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './no-errors.mjs';

const T0 = new Date('2025-10-15T12:00:00Z');
const entry = (id, minute) => ({ id, time: `2025-10-15T11:${String(minute).padStart(2, '0')}:00Z`, headline: `Headline ${id}` });
const FIRST = [entry('a', 10), entry('b', 20)];
const NEWER = [entry('c', 30), entry('d', 40), entry('e', 50)];

let keys = 0;

async function setFeed(request, key, state) {
  const res = await request.post(`/__test/feed?key=${key}`, { data: state });
  expect(res.ok()).toBe(true);
}

async function stats(request, key) {
  return (await request.get(`/__test/feed-stats?key=${key}`)).json();
}

// Opens a story whose timeline polls the feed every 10 s (the least allowed),
// and waits for the first answer to be on screen.
async function openLive(page, request, { inline = FIRST, feed = { entries: FIRST }, interval = 10 } = {}) {
  const key = `${test.info().testId}-${++keys}`;
  await setFeed(request, key, { doc: feed });
  const article = {
    schema_version: 1, id: 'live', lang: 'en-GB', headline: 'Live story', published: '2025-10-15T11:00:00Z',
    body: [{ type: 'paragraph', text: 'P' }],
    timeline: { title: 'Live', source: `/__test/feed?key=${encodeURIComponent(key)}`, live: true, interval, entries: inline },
  };
  await page.clock.install({ time: T0 });
  await page.clock.pauseAt(new Date(+T0 + 1000));
  const b64 = Buffer.from(JSON.stringify(article)).toString('base64');
  await page.goto(`index.html?src=${encodeURIComponent(`/__test/body?b64=${encodeURIComponent(b64)}`)}`);
  await expect(checkedAt(page)).toHaveAttribute('datetime', '2025-10-15T12:00:01.000Z');
  return key;
}

const timeline = (page) => page.getByRole('region', { name: 'Live' });
const checkedAt = (page) => page.locator('.timeline__checked time');
const headlines = (page) => timeline(page).locator('.timeline__headline');

// Moves the page's clock on, waits for the server to have seen `requests`
// requests in all, and for the last answer to be handled.
async function advance(page, request, key, ms, requests) {
  await page.clock.runFor(ms);
  await expect.poll(async () => (await stats(request, key)).requests).toBe(requests);
  await expect(timeline(page)).toHaveAttribute('aria-busy', 'false');
}

test('polls with conditional requests: a 304 changes nothing', async ({ page, request }) => {
  const key = await openLive(page, request);
  expect(await stats(request, key)).toMatchObject({ requests: 1, conditional: 0 });
  await advance(page, request, key, 9_000, 1); // not before the interval
  await advance(page, request, key, 1_000, 2);
  await expect(checkedAt(page)).toHaveAttribute('datetime', '2025-10-15T12:00:11.000Z');
  expect(await stats(request, key)).toMatchObject({ requests: 2, conditional: 1, notModified: 1 });
  await expect(headlines(page)).toHaveText(['Headline b', 'Headline a']);
  await expect(page.locator('.timeline__new')).toHaveCount(0);
  await expect(page).toHaveTitle('Live story');
});

test('new entries wait behind an announced button, counted in the title', async ({ page, request }) => {
  const key = await openLive(page, request);
  await setFeed(request, key, { doc: { entries: [...FIRST, ...NEWER] } });
  await advance(page, request, key, 10_000, 2);
  const button = timeline(page).locator('[aria-live="polite"]').getByRole('button', { name: '3 new updates' });
  await expect(button).toBeVisible();
  // Nothing moved under the reader.
  await expect(headlines(page)).toHaveText(['Headline b', 'Headline a']);
  await expect(page).toHaveTitle('(3) Live story');
  // The entries on screen are kept, not rebuilt, when the new ones go in.
  const entries = timeline(page).locator('.timeline__entry');
  await entries.evaluateAll((lis) => lis.forEach((li) => { li.__kept = true; }));

  await button.click();
  await page.clock.runFor(100);
  await expect(headlines(page)).toHaveText(['Headline e', 'Headline d', 'Headline c', 'Headline b', 'Headline a']);
  expect(await entries.evaluateAll((lis) => lis.map((li) => li.__kept === true))).toEqual([false, false, false, true, true]);
  await expect(button).toHaveCount(0);
  await expect(page).toHaveTitle('Live story');
  await expect(timeline(page).locator('.timeline__link').first()).toBeFocused();
});

test('a hidden tab makes no requests, and polls again when shown', async ({ page, request }) => {
  const key = await openLive(page, request);
  const setHidden = (hidden) => page.evaluate((hidden) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  await setHidden(true);
  await advance(page, request, key, 60_000, 1);
  await setHidden(false);
  await expect(checkedAt(page)).toHaveAttribute('datetime', '2025-10-15T12:01:01.000Z');
  expect((await stats(request, key)).requests).toBe(2);
});

test('errors back off: 10 s, then 20 s, then 40 s; success resets', async ({ page, request }) => {
  const key = await openLive(page, request);
  await setFeed(request, key, { doc: { entries: FIRST }, status: 503 });
  await advance(page, request, key, 10_000, 2); // fails
  await advance(page, request, key, 19_000, 2);
  await advance(page, request, key, 1_000, 3); // fails again
  await advance(page, request, key, 39_000, 3);
  await advance(page, request, key, 1_000, 4); // and again
  await advance(page, request, key, 79_000, 4);
  expect((await stats(request, key)).failed).toBe(3);
  // What was on screen stays there through the failures.
  await expect(headlines(page)).toHaveText(['Headline b', 'Headline a']);
  await setFeed(request, key, { doc: { entries: FIRST } });
  await advance(page, request, key, 1_000, 5); // succeeds
  await advance(page, request, key, 10_000, 6); // back to the interval
});

test('the pause control stops updates until resumed', async ({ page, request }) => {
  const key = await openLive(page, request);
  const pause = timeline(page).getByRole('button', { name: 'Pause updates' });
  await expect(pause).toHaveAttribute('aria-pressed', 'false');
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  await setFeed(request, key, { doc: { entries: [...FIRST, ...NEWER] } });
  await advance(page, request, key, 120_000, 1);
  await expect(page.locator('.timeline__new')).toHaveCount(0);
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'false');
  await expect(timeline(page).getByRole('button', { name: '3 new updates' })).toBeVisible();
  expect((await stats(request, key)).requests).toBe(2);
});

test('a publisher cannot poll more often than every 10 s', async ({ page, request }) => {
  const key = await openLive(page, request, { interval: 1 });
  await advance(page, request, key, 9_000, 1);
  await advance(page, request, key, 1_000, 2);
});

test('an empty inline timeline shows the source at once', async ({ page, request }) => {
  await openLive(page, request, { inline: [], feed: { entries: FIRST } });
  await expect(headlines(page)).toHaveText(['Headline b', 'Headline a']);
  await expect(page.locator('.timeline__new')).toHaveCount(0);
});

test('a live JSON Feed source works like a timeline', async ({ page, request }) => {
  const item = (e) => ({ id: e.id, title: e.headline, date_published: e.time, url: `https://news.example/${e.id}` });
  const key = await openLive(page, request, { feed: { version: 'https://jsonfeed.org/version/1.1', title: 'Feed', items: FIRST.map(item) } });
  await setFeed(request, key, { doc: { version: 'https://jsonfeed.org/version/1.1', title: 'Feed', items: [...FIRST, NEWER[0]].map(item) } });
  await advance(page, request, key, 10_000, 2);
  await timeline(page).getByRole('button', { name: '1 new update' }).click();
  await expect(headlines(page)).toHaveText(['Headline c', 'Headline b', 'Headline a']);
  await expect(timeline(page).locator('.timeline__link').first()).toHaveAttribute('href', 'https://news.example/c');
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation in a live timeline with updates waiting, ${colorScheme}`, async ({ page, request }) => {
    await page.emulateMedia({ colorScheme });
    const key = await openLive(page, request);
    await setFeed(request, key, { doc: { entries: [...FIRST, ...NEWER] } });
    await advance(page, request, key, 10_000, 2);
    await expect(timeline(page).getByRole('button', { name: '3 new updates' })).toBeVisible();
    await page.clock.resume(); // axe waits on timers of its own
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .options({ rules: { 'target-size': { enabled: true } } })
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
