// The publisher's API: <article-viewer> and <div data-article-viewer> are
// viewers whenever they are in the page — at load, inserted later by a
// single-page site, changed, removed — and tell the page what happens in
// them with events. Each publisher page here is served by a route, with
// embed.js from this build.
import { expect, test } from './no-errors.mjs';

const SEED = 'Syrian president seeks to redefine ties with Russia during Moscow visit';
const LIBRARY = 'Central library reopens after restoration';
const WEATHER = 'Rain expected along the coast this weekend';

// A publisher's page at /publisher/NAME.html: its own text, embed.js, `body`.
async function publisherPage(page, name, body) {
  await page.route(`**/publisher/${name}.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Publisher</title>
<script type="module" src="../embed.js"></script></head>
<body><h1>The Daily Example</h1><main id="app"><p>The publisher's own text.</p></main>${body}</body></html>`,
  }));
  await page.goto(`publisher/${name}.html`);
}

const headline = (host) => host.locator('[data-live] .story__headline');

// Records the viewer events the page hears, on document (they bubble out of
// the shadow root).
const recordEvents = (page) => page.evaluate(() => {
  window.__events = [];
  for (const type of ['load', 'error', 'open', 'update']) {
    document.addEventListener(`article-viewer:${type}`, (e) => window.__events.push({ type, detail: e.detail, target: e.target.tagName.toLowerCase() }));
  }
});
const events = (page) => page.evaluate(() => window.__events);

test('a viewer inserted 1.5 s after load appears, in either form', async ({ page }) => {
  await publisherPage(page, 'late', `<script type="module">
    setTimeout(() => {
      document.getElementById('app').insertAdjacentHTML('beforeend',
        '<article-viewer src="../articles/sample-library-reopens.json"></article-viewer>' +
        '<div data-article-viewer data-src="../articles/sample-weekend-weather.json"></div>');
    }, 1500);
  </script>`);
  await page.waitForTimeout(1000);
  await expect(page.locator('article-viewer')).toHaveCount(0);
  await expect(headline(page.locator('article-viewer'))).toHaveText(LIBRARY);
  await expect(headline(page.locator('[data-article-viewer]'))).toHaveText(WEATHER);
  // In its own shadow root, styled by the viewer's stylesheet.
  const family = await page.locator('article-viewer').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.story__headline')).fontFamily);
  expect(family).not.toBe(await page.locator('h1').first().evaluate((h) => getComputedStyle(h).fontFamily));
});

test('src changed twice loads each story in place; el.src works as the attribute does', async ({ page }) => {
  await publisherPage(page, 'change', '<article-viewer src="../articles/syria-russia-moscow-visit.json"></article-viewer>');
  const host = page.locator('article-viewer');
  await expect(headline(host)).toHaveText(SEED);
  await recordEvents(page);
  await host.evaluate((el) => el.setAttribute('src', '../articles/sample-library-reopens.json'));
  await expect(headline(host)).toHaveText(LIBRARY);
  await host.evaluate((el) => { el.src = '../articles/sample-weekend-weather.json'; });
  await expect(headline(host)).toHaveText(WEATHER);
  expect(await host.evaluate((el) => el.src)).toBe('../articles/sample-weekend-weather.json');
  // One viewer at a time in the element, and the page heard each story.
  await expect(host.locator('[data-live]')).toHaveCount(1);
  await expect.poll(async () => (await events(page)).filter((e) => e.type === 'load').map((e) => e.detail.headline))
    .toEqual([LIBRARY, WEATHER]);
  // A bad address: the alert, with Retry, and the page hears why.
  await host.evaluate((el) => { el.src = '/__test/status/404'; });
  await expect(host.getByRole('alert')).toContainText('could not be found');
  await expect.poll(async () => (await events(page)).filter((e) => e.type === 'error').map((e) => e.detail))
    .toEqual([{ src: '/__test/status/404', message: 'This story could not be found.' }]);
  // theme and sections take effect at once too.
  await host.evaluate((el) => { el.src = '../articles/sample-library-reopens.json'; el.sections = 'story'; el.theme = 'dark'; });
  await expect(headline(host)).toHaveText(LIBRARY);
  await expect(host.locator('.timeline')).toHaveCount(0);
  expect(await host.evaluate((el) => getComputedStyle(el).colorScheme)).toBe('dark');
});

test('each event reaches the page with its detail: load, open, error, update', async ({ page, request, baseURL }) => {
  const key = `api-${Date.now()}`;
  const entry = (id, minute) => ({ id, time: `2025-10-15T11:${minute}:00Z`, headline: `Headline ${id}`, article: '/articles/sample-library-reopens.json' });
  await request.post(`/__test/feed?key=${key}`, { data: { doc: { entries: [entry('a', 10)] } } });
  const article = {
    schema_version: 1, id: 'live-api', lang: 'en-GB', headline: 'Live for the page', published: '2025-10-15T11:00:00Z',
    body: [{ type: 'paragraph', text: 'P' }],
    timeline: { title: 'Live', source: `/__test/feed?key=${key}`, live: true, interval: 10, entries: [entry('a', 10)] },
  };
  const src = `/__test/body?b64=${encodeURIComponent(Buffer.from(JSON.stringify(article)).toString('base64'))}`;
  await page.clock.install({ time: new Date('2025-10-15T12:00:00Z') });
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['load', 'error', 'open', 'update']) {
      document.addEventListener(`article-viewer:${type}`, (e) => window.__events.push({ type, detail: e.detail, target: e.target.tagName.toLowerCase(), composed: e.composed, bubbles: e.bubbles }));
    }
  });
  await publisherPage(page, 'events', `<article-viewer src="${src}"></article-viewer>`);
  const host = page.locator('article-viewer');
  await expect(headline(host)).toHaveText('Live for the page');
  await expect(host.locator('.timeline__checked time')).toHaveCount(1);
  await expect.poll(() => events(page)).toContainEqual({
    type: 'load', target: 'article-viewer', composed: true, bubbles: true,
    detail: { src: new URL(src, baseURL).href, id: 'live-api', headline: 'Live for the page' },
  });
  // Three more entries arrive on the next poll: the page hears how many wait.
  await request.post(`/__test/feed?key=${key}`, { data: { doc: { entries: [entry('a', 10), entry('b', 20), entry('c', 30), entry('d', 40)] } } });
  await page.clock.runFor(11_000);
  await expect(host.getByRole('button', { name: '3 new updates' })).toBeVisible();
  await expect.poll(async () => (await events(page)).filter((e) => e.type === 'update').map((e) => e.detail)).toEqual([{ count: 3 }]);
  // The reader opens a story in place from the timeline.
  await host.locator('.timeline__link', { hasText: 'Headline a' }).click();
  await expect(headline(host)).toHaveText(LIBRARY);
  await expect.poll(async () => (await events(page)).filter((e) => e.type === 'open').map((e) => e.detail)).toEqual([
    { src: new URL('/articles/sample-library-reopens.json', baseURL).href, from: new URL(src, baseURL).href },
  ]);
});

test("a React-like page replaces its content: the removed viewer's live timeline makes no request again", async ({ page, request }) => {
  const key = `react-${Date.now()}`;
  await request.post(`/__test/feed?key=${key}`, { data: { doc: { entries: [{ id: 'a', time: '2025-10-15T11:10:00Z', headline: 'Headline a' }] } } });
  const article = {
    schema_version: 1, id: 'live-gone', lang: 'en-GB', headline: 'Live, then gone', published: '2025-10-15T11:00:00Z',
    body: [{ type: 'paragraph', text: 'P' }],
    timeline: { title: 'Live', source: `/__test/feed?key=${key}`, live: true, interval: 10, entries: [] },
  };
  const src = `/__test/body?b64=${encodeURIComponent(Buffer.from(JSON.stringify(article)).toString('base64'))}`;
  await page.clock.install({ time: new Date('2025-10-15T12:00:00Z') });
  await publisherPage(page, 'react', `<script type="module">
    // What a single-page framework does on a route change: the old view's
    // nodes go, the new view's come.
    window.route = (html) => { document.getElementById('app').replaceChildren(); document.getElementById('app').innerHTML = html; };
    window.route("<div data-article-viewer data-src='${src}'></div>");
  </script>`);
  await expect(headline(page.locator('[data-article-viewer]'))).toHaveText('Live, then gone');
  // The first answer handled (its "Updated" time shown): the next poll is scheduled.
  await expect(page.locator('[data-article-viewer] .timeline__checked time')).toHaveCount(1);
  await page.clock.runFor(11_000);
  await expect.poll(async () => (await (await request.get(`/__test/feed-stats?key=${key}`)).json()).requests).toBe(2);
  await page.evaluate(() => window.route('<article-viewer src="../articles/sample-weekend-weather.json"></article-viewer>'));
  await expect(headline(page.locator('article-viewer'))).toHaveText(WEATHER);
  const before = (await (await request.get(`/__test/feed-stats?key=${key}`)).json()).requests;
  // A minute of the removed viewer's polling interval, six times over.
  for (let i = 0; i < 6; i++) await page.clock.runFor(11_000);
  await page.waitForTimeout(300);
  expect((await (await request.get(`/__test/feed-stats?key=${key}`)).json()).requests).toBe(before);
  // Put back, a viewer starts again.
  await page.evaluate(() => window.route('<article-viewer src="../articles/sample-library-reopens.json"></article-viewer>'));
  await expect(headline(page.locator('article-viewer'))).toHaveText(LIBRARY);
});

test('200 insert/remove cycles: nodes, listeners and the JS heap stay flat, the wasm memory bounded', async ({ page }) => {
  test.setTimeout(120_000);
  // The wasm's memory, seen where the page instantiates it.
  await page.addInitScript(() => {
    for (const name of ['instantiateStreaming', 'instantiate']) {
      const original = WebAssembly[name];
      WebAssembly[name] = async (...args) => {
        const result = await original.apply(WebAssembly, args);
        window.__wasmMemory = (result.instance ?? result).exports?.memory;
        return result;
      };
    }
  });
  await publisherPage(page, 'soak', '');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const cycle = (n) => page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      const el = document.createElement('article-viewer');
      el.setAttribute('src', '../articles/sample-library-reopens.json');
      document.getElementById('app').append(el);
      await new Promise((resolve) => {
        const check = () => (el.shadowRoot?.querySelector('[data-live] .story__headline') ? resolve() : setTimeout(check, 5));
        check();
      });
      el.remove();
    }
  }, n);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(100);
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
    return { nodes: m.Nodes, listeners: m.JSEventListeners, heap: m.JSHeapUsedSize, wasm };
  };
  // Warm up: the wasm, the stylesheet, the engine's own caches (the heap
  // grows for the first hundred cycles or so, then stays).
  await cycle(100);
  const start = await measure();
  await cycle(100);
  const middle = await measure();
  await cycle(100);
  const end = await measure();
  console.log('soak', JSON.stringify({ start, middle, end }));
  expect(end.nodes, 'DOM nodes').toBeLessThanOrEqual(start.nodes * 1.05);
  expect(end.listeners, 'event listeners').toBeLessThanOrEqual(start.listeners * 1.05);
  expect(end.heap, 'JS heap').toBeLessThanOrEqual(start.heap * 1.05);
  // The wasm's memory never shrinks, but it must not keep growing either:
  // the second hundred cycles take nothing the first did not.
  expect(middle.wasm, 'the wasm memory was seen').toBeGreaterThan(0);
  expect(end.wasm, 'wasm memory').toBeLessThanOrEqual(middle.wasm * 1.05);
  expect(await page.locator('article-viewer').count()).toBe(0);
});
