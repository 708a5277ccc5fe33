// Embedding on a publisher's page: one script, any number of viewers, no
// style or script bleeding either way; and the iframe that sizes itself.
import { createHash } from 'node:crypto';
import { base, expect, test } from './no-errors.mjs';

const EXAMPLE = 'example/index.html';
const first = (page) => page.locator('#first-viewer');
const second = (page) => page.locator('#second-viewer');
const frameViewer = (page) => page.frameLocator('#frame-viewer');

// Computed styles of what a reader sees in a viewer.
const viewerStyles = (host) =>
  host.evaluate((el) => {
    const root = el.shadowRoot;
    const pick = (sel) => {
      const e = root.querySelector(sel);
      const s = getComputedStyle(e);
      return [sel, s.display, s.color, s.fontSize, s.fontFamily, s.backgroundColor, s.visibility, e.getBoundingClientRect().height];
    };
    return ['h1', '.story__body p', '.story__standfirst', '.timeline__time', '.viewer', '.viewer-frame'].map(pick);
  });

const hostStyles = (page) =>
  page.evaluate(() =>
    ['body', 'header h1', '#host-text', 'main h2', 'a, p'].map((sel) => {
      const e = document.querySelector(sel);
      const s = getComputedStyle(e);
      return [sel, s.color, s.fontSize, s.fontFamily, s.margin, s.backgroundColor, s.lineHeight, s.display];
    }));

test('the example page shows two different stories inline and one in a frame', async ({ page }) => {
  await page.goto(EXAMPLE);
  await expect(first(page).getByRole('heading', { level: 1 })).toHaveText('Central library reopens after restoration');
  await expect(second(page).getByRole('heading', { level: 1 })).toHaveText('Rain expected along the coast this weekend');
  await expect(frameViewer(page).getByRole('heading', { level: 1 })).toHaveText("City council approves next year's budget");
  // Each viewer is mounted into its own element, in a shadow root, not into <body>.
  expect(await first(page).evaluate((e) => !!e.shadowRoot)).toBe(true);
  expect(await page.evaluate(() => document.querySelectorAll('body > .viewer-frame, body > main.viewer').length)).toBe(0);
  // data-sections="story,timeline": the second viewer has no social bar.
  // Inside the publisher's page the viewers add no landmarks of their own.
  await expect(first(page).getByRole('group', { name: 'Follow us' })).toHaveCount(1);
  await expect(first(page).getByRole('navigation')).toHaveCount(0);
  await expect(second(page).getByRole('group', { name: 'Follow us' })).toHaveCount(0);
  await expect(second(page).getByRole('heading', { name: 'Latest' })).toBeVisible();
  // The host page keeps its own title: embedded viewers do not own the document.
  await expect(page).toHaveTitle(/The Daily Example/);
});

test("a hostile host stylesheet changes nothing the viewer shows", async ({ page }) => {
  await page.goto(EXAMPLE);
  await expect(first(page).getByRole('heading', { level: 1 })).toBeVisible();
  const before = await viewerStyles(first(page));
  await page.addStyleTag({ content: '* { color: red !important; font-size: 40px !important } h1 { display: none }' });
  const after = await viewerStyles(first(page));
  expect(after).toEqual(before);
  // The host's own h1 is hidden by it: the stylesheet did apply to the host.
  await expect(page.locator('body > header h1')).toBeHidden();
});

test("the viewer's styles change nothing of the host page's", async ({ page }) => {
  await page.route('**/embed.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await page.goto(EXAMPLE);
  const without = await hostStyles(page);
  await page.unroute('**/embed.js');
  await page.goto(EXAMPLE);
  await expect(first(page).getByRole('heading', { level: 1 })).toBeVisible();
  expect(await hostStyles(page)).toEqual(without);
});

test('a publisher brands the viewer through custom properties on its element', async ({ page }) => {
  await page.goto(EXAMPLE);
  // The example sets --av-color-accent: #1d3557 on the first viewer only.
  await expect(first(page).locator('.timeline__time').first()).toHaveCSS('color', 'rgb(29, 53, 87)');
  await expect(second(page).locator('.timeline__time').first()).not.toHaveCSS('color', 'rgb(29, 53, 87)');
});

const frameHeights = (page) =>
  page.evaluate(async () => {
    const frame = document.getElementById('frame-viewer');
    const inner = frame.contentDocument.body.getBoundingClientRect().height;
    return { outer: frame.getBoundingClientRect().height, inner };
  });

async function expectFrameFitsContent(page) {
  await expect.poll(async () => {
    const { outer, inner } = await frameHeights(page);
    return Math.abs(outer - inner);
  }, { timeout: 10_000 }).toBeLessThanOrEqual(2);
}

test('the iframe matches its content height after load, a timeline click and a width change', async ({ page }) => {
  await page.setViewportSize({ width: 1300, height: 900 });
  await page.goto(EXAMPLE);
  const frame = frameViewer(page);
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText("City council approves next year's budget");
  await expectFrameFitsContent(page);
  const tall = (await frameHeights(page)).outer;

  await frame.getByRole('link', { name: /Rain expected/ }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Rain expected along the coast this weekend');
  await expectFrameFitsContent(page);
  expect((await frameHeights(page)).outer).not.toBe(tall);

  const before = (await frameHeights(page)).outer;
  await page.setViewportSize({ width: 700, height: 900 });
  await expectFrameFitsContent(page);
  expect((await frameHeights(page)).outer).not.toBe(before);
});

test('a forged height message from another origin, or from the page itself, changes nothing', async ({ page, baseURL }) => {
  await page.goto(EXAMPLE);
  await expect(frameViewer(page).getByRole('heading', { level: 1 })).toBeVisible();
  await expectFrameFitsContent(page);
  const before = (await frameHeights(page)).outer;
  const other = new URL(baseURL);
  other.port = String(Number(other.port) + 1);
  await page.evaluate((src) => new Promise((resolve) => {
    const forger = document.createElement('iframe');
    forger.src = src;
    forger.onload = resolve;
    document.body.append(forger);
  }), new URL('fixtures/forge.html', other).href);
  await page.evaluate(() => postMessage({ type: 'article-viewer:height', height: 9 }, '*'));
  await page.waitForTimeout(300);
  expect((await frameHeights(page)).outer).toBe(before);
});

test('the iframe posts only to the origin the host named', async ({ page }) => {
  await page.goto('embed.html?src=articles/sample-city-budget.json&host=https%3A%2F%2Fpublisher.example');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // At top level, parent is the page itself: a message to another origin is not delivered here.
  const received = await page.evaluate(() => new Promise((resolve) => {
    let got = false;
    addEventListener('message', () => { got = true; });
    setTimeout(() => resolve(got), 500);
    document.body.style.paddingBottom = '10px';
  }));
  expect(received).toBe(false);
});

test('navigation in one viewer leaves the other viewer and the host URL alone', async ({ page }) => {
  await page.goto(EXAMPLE);
  await expect(second(page).getByRole('heading', { level: 1 })).toBeVisible();
  const url = page.url();
  const historyLength = await page.evaluate(() => history.length);
  await first(page).getByRole('link', { name: /City council/ }).click();
  await expect(first(page).getByRole('heading', { level: 1 })).toHaveText("City council approves next year's budget");
  await expect(second(page).getByRole('heading', { level: 1 })).toHaveText('Rain expected along the coast this weekend');
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
});

const publisherPage = (script, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
  <title>Publisher</title><script type="module" src="${script}"></script></head><body>${body}</body></html>`;

test('the script and wasm load from another origin (a CDN), data-src resolves against the host page', async ({ page, baseURL }) => {
  const cdn = new URL(baseURL);
  cdn.port = String(Number(cdn.port) + 1);
  const wasmFrom = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasmFrom.push(new URL(r.url()).origin));
  // Served for real (a page Playwright fulfils has no address, and Chrome
  // then refuses it loopback requests).
  const html = publisherPage(new URL('embed.js', cdn).href,
    '<div data-article-viewer data-src="../articles/sample-city-budget.json" data-theme="dark"></div>');
  await page.goto(`__test/body?type=text/html&b64=${encodeURIComponent(Buffer.from(html).toString('base64'))}`);
  const viewer = page.locator('[data-article-viewer]');
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText("City council approves next year's budget");
  expect(wasmFrom).toEqual([cdn.origin]);
  // data-theme="dark" in a light page.
  const bg = await viewer.evaluate((e) => getComputedStyle(e.shadowRoot.querySelector('.viewer-frame')).backgroundColor);
  expect(bg).toBe('rgb(18, 18, 18)');
});

test('data-history="on" keeps the host address in step with the viewer', async ({ page }) => {
  await page.route('**/publisher/history.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: publisherPage('../embed.js', '<div data-article-viewer data-history="on" data-src="../articles/sample-weekend-weather.json"></div>'),
  }));
  await page.goto('publisher/history.html');
  const viewer = page.locator('[data-article-viewer]');
  await viewer.getByRole('link', { name: /Central library/ }).click();
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Central library reopens after restoration');
  expect(new URL(page.url()).searchParams.get('src')).toContain('sample-library-reopens.json');
  await page.goBack();
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Rain expected along the coast this weekend');
});

test('the Embed control gives both snippets for the current article, and they work', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await page.goto('index.html?src=articles/sample-library-reopens.json');
  await page.getByText('Embed', { exact: true }).click();
  const inline = await page.getByRole('textbox', { name: /In your page/ }).inputValue();
  const iframe = await page.getByRole('textbox', { name: /In an iframe/ }).inputValue();
  expect(inline).toContain('data-src="http://127.0.0.1');
  expect(inline).toContain('sample-library-reopens.json');
  expect(iframe).toContain('embed.html?src=');
  expect(iframe).toContain('title="Central library reopens after restoration"');

  await page.getByRole('button', { name: 'Copy' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(inline);

  // Pasted into a publisher's page, each snippet shows the story.
  for (const [name, snippet] of [['inline', inline], ['iframe', iframe]]) {
    await page.route(`**/publisher/${name}.html`, (route) => route.fulfill({
      contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>P</title></head><body>${snippet}</body></html>`,
    }));
    await page.goto(`publisher/${name}.html`);
    const root = name === 'inline' ? page.locator('[data-article-viewer]') : page.frameLocator('iframe');
    await expect(root.getByRole('heading', { level: 1 })).toHaveText('Central library reopens after restoration');
  }
  await expectFrameFitsContentOf(page);
});

async function expectFrameFitsContentOf(page) {
  await expect.poll(() => page.evaluate(() => {
    const frame = document.querySelector('iframe');
    return Math.abs(frame.getBoundingClientRect().height - frame.contentDocument.body.getBoundingClientRect().height);
  }), { timeout: 10_000 }).toBeLessThanOrEqual(2);
}

test("on a publisher's page each article downloads with the wasm, not after it, and only once", async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(EXAMPLE);
  await expect(first(page).getByRole('heading', { level: 1 })).toBeVisible();
  await expect(second(page).getByRole('heading', { level: 1 })).toBeVisible();
  const timing = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd })));
  const wasm = timing.find((e) => e.name.endsWith('_bg.wasm'));
  for (const article of ['sample-library-reopens.json', 'sample-weekend-weather.json']) {
    const json = timing.find((e) => e.name.endsWith(`/articles/${article}`));
    expect(json.start, `${article} starts before the wasm has arrived`).toBeLessThan(wasm.end);
    // The viewer's own request took the preloaded answer.
    expect(requests.filter((u) => u.endsWith(`/articles/${article}`)), article).toHaveLength(1);
  }
});

test("a publisher page under the README's strict policy hosts two inline viewers with no violation", async ({ page }) => {
  const refused = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) refused.push(m.text()); });
  await page.goto('__test/strict-host.html');
  await expect(page.locator('#one').getByRole('heading', { level: 1 })).toHaveText('Central library reopens after restoration');
  await expect(page.locator('#two').getByRole('heading', { level: 1 })).toHaveText('Rain expected along the coast this weekend');
  // Styled by the viewer's constructed stylesheet, which the policy does not need to allow.
  const font = await page.locator('#one .story__body p').first().evaluate((e) => getComputedStyle(e).fontFamily);
  expect(font).toMatch(/^Georgia/);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(refused).toEqual([]);
  // The policy is really enforced: an inline style is refused and seen.
  await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'h1 { color: red }' })));
  await expect.poll(() => page.evaluate(() => window.__violations.length)).toBe(1);
});

test('an iframe with the documented sandbox works, and a host that never sends ?host= gets no messages', async ({ page }) => {
  await page.route('**/publisher/no-host.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>P</title>
<script>window.__messages = []; addEventListener('message', (e) => window.__messages.push(e.data));</script></head>
<body><iframe title="story" style="width: 600px; height: 400px"
  sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"
  src="../embed.html?src=articles/sample-city-budget.json"></iframe></body></html>`,
  }));
  await page.goto('publisher/no-host.html');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText("City council approves next year's budget");
  // A timeline click inside the sandbox opens the story in place.
  await frame.getByRole('link', { name: /Central library/ }).first().click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Central library reopens after restoration');
  await page.setViewportSize({ width: 700, height: 600 });
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__messages)).toEqual([]);
});

// embed.js carries the hashes of the files it loads: a file changed on its
// way (a compromised CDN) fails closed, with a message, and nothing runs.
for (const [what, pattern] of [['wasm', '**/article-viewer-*_bg.wasm'], ["wasm's JavaScript", /article-viewer-[0-9a-f]+\.js$/], ['stylesheet', '**/viewer-*.css']]) {
  base(`a tampered ${what} stops embed.js, which says so`, async ({ page }) => {
    const messages = [];
    page.on('console', (m) => { if (m.type() === 'error') messages.push(m.text()); });
    await page.route(pattern, async (route) => {
      const response = await route.fetch();
      // Still a valid file, only not the one that was built: a wasm with one
      // string changed (an appended byte would not even compile), a script or
      // stylesheet with a line more.
      const original = await response.body();
      const at = original.indexOf('Follow us');
      const body = what === 'wasm'
        ? Buffer.concat([original.subarray(0, at), Buffer.from('Follow me'), original.subarray(at + 9)])
        : Buffer.concat([original, Buffer.from('\n')]);
      if (what === 'wasm') expect(at).toBeGreaterThan(0);
      await route.fulfill({ response, body, headers: { ...response.headers(), 'content-length': String(body.length), 'content-encoding': '' } });
    });
    await page.goto(EXAMPLE);
    await expect.poll(() => messages.join('\n')).toContain('did not match its integrity hash');
    await page.waitForTimeout(500);
    // No viewer started: no shadow root, nothing rendered.
    expect(await page.evaluate(() => [...document.querySelectorAll('[data-article-viewer]')].map((h) => !!h.shadowRoot))).toEqual([false, false]);
  });
}

test('the inline snippet pins embed.js by its hash', async ({ page, request }) => {
  const embedJs = await (await request.get('embed.js')).body();
  const hash = `sha384-${createHash('sha384').update(embedJs).digest('base64')}`;
  await page.goto('index.html?src=articles/sample-library-reopens.json');
  await page.getByText('Embed', { exact: true }).click();
  const inline = await page.getByRole('textbox', { name: /In your page/ }).inputValue();
  expect(inline).toContain(`embed.js" integrity="${hash}" crossorigin="anonymous"></script>`);
});
