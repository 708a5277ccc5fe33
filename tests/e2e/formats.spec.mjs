// What publishers already publish — WordPress REST posts and collections,
// JSON Feed, RSS, Atom, article pages — read by the formats module in its
// Web Worker, end to end in Chromium: through ?src=, a publisher's data-src
// and <article-viewer src>, and a live timeline's source; hostile HTML and
// URLs in every field of each format under the release policy.
import { readFileSync } from 'node:fs';
import { expect, hostileTest as test } from './no-errors.mjs';

const CORPUS = JSON.parse(readFileSync(new URL('../fixtures/xss/payloads.json', import.meta.url), 'utf8')).payloads;

const h1 = (page) => page.getByRole('heading', { level: 1 });
const at = (src) => `index.html?src=${encodeURIComponent(src)}`;
const body = (text, type = 'application/json') =>
  `/__test/body?b64=${encodeURIComponent(Buffer.from(text).toString('base64'))}&type=${encodeURIComponent(type)}`;

// Every request the page makes, by path.
function requests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(new URL(r.url()).pathname));
  return seen;
}

const SAMPLES = [
  { file: 'wordpress-post.json', headline: 'Sample: the new tram line opens – and it’s free this weekend', text: 'Where it runs', entries: 0 },
  { file: 'wordpress-posts.json', headline: 'Sample: the new tram line opens – and it’s free this weekend', text: 'Where it runs', entries: 4 },
  { file: 'feed.json', headline: 'Sample: the lighthouse museum reopens', text: 'Opening hours', entries: 3 },
  { file: 'feed.rss', headline: 'Sample: night buses return to the old town', text: 'N1: Harbour to the station', entries: 3 },
  { file: 'feed.atom', headline: 'Sample: tall ships arrive early', text: 'The wind was kind to us.', entries: 3 },
  { file: 'article-page.html', headline: 'Sample: the old observatory opens its dome', text: 'Booking', entries: 0 },
];

test('the default story loads exactly one wasm, and never the formats module', async ({ page }) => {
  const seen = requests(page);
  await page.goto('index.html');
  await expect(h1(page)).toBeVisible();
  await page.getByRole('link', { name: /City council/ }).click();
  await expect(h1(page)).toHaveText("City council approves next year's budget");
  expect(seen.filter((p) => p.endsWith('.wasm'))).toHaveLength(1);
  expect(seen.filter((p) => p.includes('article-formats'))).toEqual([]);
});

for (const sample of SAMPLES) {
  test(`${sample.file} renders through ?src=, saying where it came from`, async ({ page }) => {
    const seen = requests(page);
    await page.goto(at(`sources/${sample.file}`));
    await expect(h1(page)).toHaveText(sample.headline);
    await expect(page.getByText(sample.text, { exact: true })).toBeVisible();
    const from = page.locator('.story__body a', { hasText: 'news.example' }).last();
    await expect(from).toHaveAttribute('href', /^https:\/\/news\.example\//);
    await expect(page.locator('.story__body')).toContainText(/From\s+news\.example/);
    // The formats module: its worker script and its wasm, once each.
    expect(seen.filter((p) => p.endsWith('article-formats-worker.js'))).toHaveLength(1);
    expect(seen.filter((p) => p.endsWith('article-formats_bg.wasm'))).toHaveLength(1);
    if (sample.entries) {
      await expect(page.getByRole('region', { name: /./ }).locator('.timeline__headline')).toHaveCount(sample.entries);
    }
    // Nothing of the post's scripts or inline handlers came through.
    expect(await page.locator('#story script, [onclick], [style*="color:red"]').count()).toBe(0);
  });
}

test('the formats module fails closed: a worker script that is not the build\'s is refused by its integrity', async ({ page }) => {
  const seen = requests(page);
  await page.route('**/article-formats-worker.js', (route) => route.fulfill({ body: 'self.onmessage = () => {};', contentType: 'text/javascript' }));
  await page.goto(at('sources/feed.rss'));
  await expect(page.getByRole('alert')).toContainText('Couldn’t load this story');
  await page.getByRole('alert').locator('summary').click();
  await expect(page.getByRole('alert')).toContainText('the formats module did not load');
  expect(seen.filter((p) => p.endsWith('article-formats_bg.wasm')), 'its wasm never fetched').toEqual([]);
});

test('the service worker precaches the formats module, and the release policy allows its worker', async ({ page, request }) => {
  const sw = await (await request.get('sw.js')).text();
  expect(sw).toContain('"article-formats-worker.js"');
  expect(sw).toContain('"article-formats_bg.wasm"');
  const response = await page.goto('index.html');
  expect(response.headers()['content-security-policy']).toContain("worker-src 'self' blob:");
});

test('a feed entry opens in place from the feed already fetched; the address says which; reload and Back work', async ({ page }) => {
  const seen = requests(page);
  await page.goto(at('sources/feed.rss'));
  await expect(h1(page)).toHaveText('Sample: night buses return to the old town');
  await page.getByRole('link', { name: 'Sample: the river path is open again' }).click();
  await expect(h1(page)).toHaveText('Sample: the river path is open again');
  await expect(page.getByText('The river path reopens after the floods.', { exact: false })).toBeVisible();
  expect(seen.filter((p) => p.endsWith('/sources/feed.rss')), 'the feed, fetched once').toHaveLength(1);
  expect(new URL(page.url()).searchParams.get('src')).toMatch(/feed\.rss#item=/);
  await page.reload();
  await expect(h1(page)).toHaveText('Sample: the river path is open again');
  await page.goBack();
  await expect(h1(page)).toHaveText('Sample: night buses return to the old town');
});

test('a WordPress collection: the newest post, every post in the timeline, a protected one says so', async ({ page }) => {
  await page.goto(at('sources/wordpress-posts.json'));
  await expect(h1(page)).toHaveText('Sample: the new tram line opens – and it’s free this weekend');
  await page.getByRole('link', { name: 'Sample: a members-only briefing' }).click();
  await expect(h1(page)).toHaveText('Sample: a members-only briefing');
  await expect(page.getByText(/protected by a password/)).toBeVisible();
});

test('a publisher page: <article-viewer src> with a WordPress post and data-src with an RSS feed', async ({ page }) => {
  await page.goto('example/formats.html');
  const wordpress = page.locator('article-viewer');
  await expect(wordpress.getByRole('heading', { level: 1 })).toHaveText('Sample: the new tram line opens – and it’s free this weekend');
  const rss = page.locator('div[data-article-viewer]');
  await expect(rss.getByRole('heading', { level: 1 })).toHaveText('Sample: night buses return to the old town');
  await expect(rss.locator('.timeline__headline')).toHaveCount(3);
});

test('every format through a publisher\'s data-src, inserted after load as a single-page site does', async ({ page }) => {
  await page.goto('example/formats.html');
  await expect(page.locator('article-viewer').getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate((files) => {
    for (const file of files) {
      const host = Object.assign(document.createElement('div'), { className: 'late' });
      host.setAttribute('data-article-viewer', '');
      host.setAttribute('data-src', `../sources/${file}`);
      document.querySelector('main').append(host);
    }
  }, SAMPLES.map((s) => s.file));
  for (const [i, sample] of SAMPLES.entries()) {
    await expect(page.locator('div.late').nth(i).getByRole('heading', { level: 1 })).toHaveText(sample.headline);
  }
});

for (const [file, count] of [['feed.json', 3], ['feed.rss', 3], ['feed.atom', 3], ['wordpress-posts.json', 4]]) {
  test(`${file} as a live timeline's source`, async ({ page }) => {
    const article = {
      schema_version: 1, id: `live-${file}`, lang: 'en-GB', headline: 'A story with a live source', published: '2025-10-15T11:00:00Z',
      body: [{ type: 'paragraph', text: 'P' }],
      timeline: { title: 'From the source', source: `/sources/${file}`, live: true, interval: 60, entries: [] },
    };
    await page.goto(at(body(JSON.stringify(article))));
    const timeline = page.getByRole('region', { name: 'From the source' });
    await expect(timeline.locator('.timeline__headline')).toHaveCount(count);
    await timeline.locator('.timeline__link').first().click();
    await expect(h1(page)).not.toHaveText('A story with a live source');
  });
}

test('anything else: a clear message, in the reader\'s words, and the viewer still works', async ({ page }) => {
  await page.goto('index.html');
  await expect(h1(page)).toBeVisible();
  const headline = await h1(page).textContent();
  await page.goto(at(body('<?xml version="1.0"?><inventory><item>bolts</item></inventory>', 'application/xml')));
  await expect(page.getByRole('alert')).toContainText('This address doesn’t hold a story the viewer can read.');
  // A JSON document of no known shape says the same.
  await page.goto(at(body('{"title": "not a post", "items": 3}')));
  await expect(page.getByRole('alert')).toContainText('This address doesn’t hold a story the viewer can read.');
  await page.goto('index.html');
  await expect(h1(page)).toHaveText(headline);
});

test('a live timeline whose source is an RSS feed: new items arrive as updates', async ({ page, request }) => {
  const key = `rss-${Date.now()}`;
  const rss = (items) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${items.map(([id, minute]) =>
    `<item><guid>${id}</guid><title>Wire ${id}</title><link>https://news.example/${id}</link><pubDate>Wed, 15 Oct 2025 11:${minute}:00 GMT</pubDate></item>`).join('')}</channel></rss>`;
  const post = (doc) => request.post(`/__test/feed?key=${key}`, { data: { doc } });
  expect((await post(rss([['a', '10'], ['b', '20']]))).ok()).toBe(true);
  const article = {
    schema_version: 1, id: 'live-rss', lang: 'en-GB', headline: 'Live from a feed', published: '2025-10-15T11:00:00Z',
    body: [{ type: 'paragraph', text: 'P' }],
    timeline: { title: 'Wire', source: `/__test/feed?key=${key}`, live: true, interval: 10, entries: [] },
  };
  const T0 = new Date('2025-10-15T12:00:00Z');
  await page.clock.install({ time: T0 });
  await page.goto(at(body(JSON.stringify(article))));
  const timeline = page.getByRole('region', { name: 'Wire' });
  await expect(timeline.locator('.timeline__headline')).toHaveText(['Wire b', 'Wire a']);
  expect((await post(rss([['a', '10'], ['b', '20'], ['c', '30']]))).ok()).toBe(true);
  await page.clock.runFor(11_000);
  await expect(timeline.getByRole('button', { name: /1 new/ }).or(timeline.getByText('Wire c'))).toBeVisible();
});

// ------------------------------------------------------------- hostile input

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const FORMATS = {
  wordpress: (batch) => [JSON.stringify(batch.map((p, i) => ({
    id: i + 1, title: { rendered: p }, excerpt: { rendered: p }, content: { rendered: batch.map((q) => `<div>${q}</div>`).join('') },
    link: p, date_gmt: `2025-10-15T08:${String(i % 60).padStart(2, '0')}:00`,
    _embedded: { author: [{ name: p }], 'wp:featuredmedia': [{ source_url: p, alt_text: p }] },
  }))), 'application/json'],
  jsonfeed: (batch) => [JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: batch[0],
    items: batch.map((p, i) => ({ id: String(i), title: p, url: p, external_url: p, image: p, summary: p,
      content_html: batch.map((q) => `<div>${q}</div><a href=${JSON.stringify(q)}>l</a><img src=${JSON.stringify(q)}>`).join(''),
      date_published: `2025-10-15T08:${String(i % 60).padStart(2, '0')}:00Z` })),
  }), 'application/feed+json'],
  rss: (batch) => [`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escapeXml(batch[0])}</title>${batch.map((p, i) =>
    `<item><title>${escapeXml(p)}</title><link>${escapeXml(p)}</link><guid>${i}</guid><description>${escapeXml(p)}</description><content:encoded>${escapeXml(batch.map((q) => `<div>${q}</div>`).join(''))}</content:encoded><enclosure url="${escapeXml(p)}" type="image/png"/><pubDate>Wed, 15 Oct 2025 08:${String(i % 60).padStart(2, '0')}:00 GMT</pubDate></item>`).join('')}</channel></rss>`, 'application/rss+xml'],
  atom: (batch) => [`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${escapeXml(batch[0])}">${batch.map((p, i) =>
    `<entry xml:base="${escapeXml(p)}"><id>${i}</id><title type="html">${escapeXml(p)}</title><link href="${escapeXml(p)}"/><updated>2025-10-15T08:${String(i % 60).padStart(2, '0')}:00Z</updated><content type="html">${escapeXml(batch.map((q) => `<div>${q}</div>`).join(''))}</content></entry>`).join('')}</feed>`, 'application/atom+xml'],
  page: (batch) => [`<!doctype html><html><head><meta property="og:image" content="${escapeXml(batch[0])}"><script type="application/ld+json">${JSON.stringify({
    '@type': 'LiveBlogPosting', headline: batch[0], url: batch[0], image: batch[0],
    liveBlogUpdate: batch.map((p) => ({ headline: p, articleBody: p, url: p })),
  }).replace(/</g, '\\u003c')}</script></head><body><article>${batch.map((q) => `<div>${q}</div>`).join('')}</article></body></html>`, 'text/html'],
};

// What the rendered viewer must never hold.
const UNSAFE = () => {
  const bad = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      if (root === document && el.closest('head')) continue;
      // The page's own scripts sit in <head> and right in <body>; the viewer's tree holds none.
      if (el.tagName === 'SCRIPT' && !el.closest('head') && el.parentElement !== document.body) bad.push(`script: ${el.outerHTML.slice(0, 80)}`);
      for (const { name, value } of el.attributes) {
        if (/^on/i.test(name)) bad.push(`${el.tagName} ${name}`);
        if (['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'xlink:href'].includes(name.toLowerCase())
          && /^\s*(javascript|data|vbscript):/i.test(value)) bad.push(`${el.tagName} ${name}=${value.slice(0, 60)}`);
      }
    }
  };
  walk(document);
  return bad;
};

const BATCH = 40;
for (const [format, write] of Object.entries(FORMATS)) {
  test(`${CORPUS.length} public XSS payloads in every HTML and URL field of ${format}: nothing runs, nothing unsafe rendered, no CSP report`, async ({ page, request }) => {
    test.setTimeout(180_000);
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    // Nothing leaves 127.0.0.1: payloads name outside hosts.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    let stories = 0;
    for (let start = 0; start < CORPUS.length; start += BATCH) {
      const batch = CORPUS.slice(start, start + BATCH);
      const [doc] = write(batch);
      // Served as it is by the test server, too long for an address.
      const key = `xss-${format}-${start}-${Date.now()}`;
      expect((await request.post(`/__test/feed?key=${key}`, { data: { doc } })).ok()).toBe(true);
      await page.goto(`watched.html?src=${encodeURIComponent(`/__test/feed?key=${key}`)}`);
      await expect(page.locator('main h1, [role=alert]').first()).toBeVisible();
      if (await page.locator('main h1').count()) stories++;
      // Open a few of its entries in place, where there are any.
      const entries = page.locator('.timeline__link');
      for (let i = 0; i < Math.min(await entries.count(), 2); i++) {
        await entries.nth(i).click();
        await expect(page.locator('main h1, [role=alert]').first()).toBeVisible();
      }
      expect(await page.evaluate(UNSAFE), `batch at ${start}`).toEqual([]);
      expect(await page.evaluate(() => window.__executed), `batch at ${start}`).toEqual([]);
      expect(await page.evaluate(() => window.__violations), `batch at ${start}`).toEqual([]);
    }
    // The payloads were read and rendered as stories, not refused whole.
    expect(stories).toBe(Math.ceil(CORPUS.length / BATCH));
  });
}
