// The performance benchmark: every figure measured side by side in one run,
// A and B alternated, after a warm-up, median of RUNS runs (min / median /
// max), reported as ratios because these machines are shared and noisy.
//
// Usage: scripts/bench   (builds the release first; takes a few minutes)
//        RUNS=20 scripts/bench
//        SKIP_STARTUP=1 skips the throttled startup pairs, ONLY_STARTUP=1 runs
//        nothing else, ONLY_FORMATS=1 (with SKIP_STARTUP=1) only the other
//        formats' rows, ONLY_LIVE=1 (with SKIP_STARTUP=1) only the live
//        blog's; DEBUG=1 logs page closes.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const RUNS = Number(process.env.RUNS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 4273);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const dist = 'dist';
const benchDir = join(dist, 'bench');
mkdirSync(benchDir, { recursive: true });

// ---------------------------------------------------------------- fixtures

const seed = JSON.parse(readFileSync(join(dist, 'articles/syria-russia-moscow-visit.json'), 'utf8'));
const css = readdirSync(dist).find((f) => /^viewer-.*\.css$/.test(f));
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// A static page of the default article: the same markup and stylesheet as the
// viewer renders, written by hand, the stylesheet inline — the floor any
// render is held to.
const clock = (t) => t.slice(11, 16);
const inlineCss = `<style>${readFileSync(join(dist, css), 'utf8')}</style>`;
const STATIC_STORY = `<div class="viewer-frame"><main class="viewer"><div class="viewer__story">
<nav class="social-bar" aria-label="Follow us"><p class="social-bar__title" aria-hidden="true">Follow us</p><ul class="social-bar__links">
${seed.social.links.map((l) => `<li><a class="social-bar__link" href="${esc(l.url)}">${esc(l.label)}</a></li>`).join('')}</ul></nav>
<article class="story" id="story"><header class="story__header"><p class="story__section">${esc(seed.section)}</p>
<h1 class="story__headline">${esc(seed.headline)}</h1><p class="story__dateline"><span>Published <time datetime="${seed.published}">15 October 2025 at 11:50</time></span></p></header>
<div class="story__body">${seed.body.map((b) => b.type === 'heading' ? `<h2 class="story__subheading">${esc(b.text)}</h2>` : `<p>${esc(b.text)}</p>`).join('')}</div></article></div>
<section class="timeline" aria-label="Latest"><div class="timeline__header"><h2 class="timeline__title">Latest</h2></div>
<div class="timeline__day"><h3 class="timeline__day-heading">Wednesday 15 October 2025</h3><ol class="timeline__entries">
${seed.timeline.entries.map((e) => `<li class="timeline__entry"><a class="timeline__link" href="#"><time class="timeline__time" datetime="${e.time}">15 Oct, ${clock(e.time)}</time><span class="timeline__headline">${esc(e.headline)}</span></a></li>`).join('')}
</ol></div></section></main></div>`;
writeFileSync(join(benchDir, 'static.html'), `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(seed.headline)}</title>
${inlineCss}</head><body>${STATIC_STORY}</body></html>`);

// A publisher's page: its own header and text, then the story — as static
// HTML (the floor), or as the viewer embedded with the bare element.
const publisher = (head, story) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>The Daily Example</title>
<style>body { margin: 0; font: 17px/1.5 "Trebuchet MS", sans-serif; color: #222; background: #fbf8f1; }
header { padding: 12px 24px; background: #1d3557; color: #fff; } header p { margin: 0; font-size: 28px; }
section { padding: 24px; }</style>${head}</head><body><header><p>The Daily Example</p></header>
<section><p>This paragraph belongs to the publisher.</p>${story}</section></body></html>`;
writeFileSync(join(benchDir, 'publisher-static.html'), publisher(inlineCss, STATIC_STORY));
writeFileSync(join(benchDir, 'publisher-bare.html'), publisher('<script type="module" src="../embed.js"></script>',
  '<div data-article-viewer data-src="../articles/syria-russia-moscow-visit.json"></div>'));
// …and with the snippet that carries its story, as
// `cargo run --bin article-snippet` gives it (the Embed control's, taken from
// the control itself, is written once the browser runs: see below).
const STAND_IN = 'https://viewer.invalid/';
const snippet = execFileSync('cargo', ['run', '--quiet', '--bin', 'article-snippet', '--',
  join(dist, 'articles/syria-russia-moscow-visit.json'), '--src', '../articles/syria-russia-moscow-visit.json',
  '--page', `${STAND_IN}bench/publisher-snippet.html`, '--viewer', STAND_IN], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().replaceAll(STAND_IN, '../');
writeFileSync(join(benchDir, 'publisher-snippet.html'), publisher('', snippet));

// What publishers already publish: a 100-post WordPress collection and a
// 500-item RSS feed, each item a few paragraphs of HTML with links, a list
// and an image — read by the viewer's formats module in its worker, and by a
// vanilla-JS page with the browser's own JSON.parse and DOMParser.
const paragraphs = (i) => Array.from({ length: 6 }, (_, p) => `<p>Paragraph ${p} of story ${i}: the council <a href="/city/${i}/${p}">said</a> on <strong>Tuesday</strong> that the plan, first put forward in spring, would go ahead &amp; be reviewed in a year.</p>`).join('')
  + `<ul><li>First point of ${i}</li><li>Second point</li></ul><figure><img src="/media/${i}.jpg" alt="Picture ${i}"><figcaption>Caption ${i}</figcaption></figure>`;
const minute = (i) => `2025-10-15T${String(11 - Math.floor(i / 60) % 12).padStart(2, '0')}:${String(59 - (i % 60)).padStart(2, '0')}:00`;
const FORMATS_BENCH = {
  'wp-100.json': {
    text: JSON.stringify(Array.from({ length: 100 }, (_, i) => ({
      id: 1000 + i, date_gmt: minute(i), modified_gmt: minute(i), link: `https://news.example/story-${i}/`,
      title: { rendered: `Post ${i} &#8211; the council&#8217;s plan` }, excerpt: { rendered: `<p>Excerpt of post ${i}.</p>` },
      content: { rendered: paragraphs(i), protected: false }, _embedded: { author: [{ name: 'Bench Desk' }] },
    }))),
    first: 'Post 0 – the council’s plan',
  },
  'rss-500.xml': {
    text: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench feed</title><link>https://news.example/</link>${Array.from({ length: 500 }, (_, i) => `<item><title>Item ${i} of the feed</title><link>https://news.example/item-${i}/</link><guid>item-${i}</guid><pubDate>${new Date(Date.parse(`${minute(i)}Z`) - Math.floor(i / 720) * 86400000).toUTCString()}</pubDate><dc:creator>Bench Desk</dc:creator><description><![CDATA[<p>Summary ${i}.</p>]]></description><content:encoded><![CDATA[${paragraphs(i)}]]></content:encoded></item>`).join('')}</channel></rss>`,
    first: 'Item 0 of the feed',
  },
};
for (const [name, { text }] of Object.entries(FORMATS_BENCH)) writeFileSync(join(benchDir, name), text);
// The vanilla page: fetch, parse with JSON.parse / DOMParser, render the
// newest item's headline and body and every item's headline, as text.
writeFileSync(join(benchDir, 'vanilla-formats.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>vanilla formats</title></head>
<body><main><h1></h1><div id="body"></div><ol id="timeline"></ol></main><script>
const src = new URLSearchParams(location.search).get('src');
fetch(src).then((r) => r.text()).then((text) => {
  let items;
  if (src.endsWith('.json')) {
    items = JSON.parse(text).map((p) => ({ title: new DOMParser().parseFromString(p.title.rendered, 'text/html').body.textContent, html: p.content.rendered, time: p.date_gmt }));
  } else {
    const xml = new DOMParser().parseFromString(text, 'application/xml');
    items = [...xml.querySelectorAll('item')].map((it) => ({ title: it.querySelector('title').textContent, html: it.getElementsByTagNameNS('http://purl.org/rss/1.0/modules/content/', 'encoded')[0].textContent, time: it.querySelector('pubDate').textContent }));
  }
  const body = new DOMParser().parseFromString(items[0].html, 'text/html').body;
  const out = document.getElementById('body');
  for (const el of body.children) { const p = document.createElement(el.tagName === 'UL' ? 'ul' : 'p'); p.textContent = el.textContent; out.append(p); }
  const ol = document.getElementById('timeline');
  for (const it of items) { const li = document.createElement('li'); li.textContent = it.title; ol.append(li); }
  document.querySelector('h1').textContent = items[0].title;
});
</script></body></html>`);

// Articles with N timeline entries, A and B sets that link to each other.
function timelineArticle(n, set, other) {
  const base = Date.UTC(2025, 9, 15, 12) / 1000;
  const entries = Array.from({ length: n }, (_, i) => {
    const t = new Date((base - i * 60) * 1000).toISOString().replace('.000Z', 'Z');
    return { id: `${set}-${i}`, time: t, headline: `Headline ${set} number ${i} of the day`, article: `timeline-${n}-${other}.json` };
  });
  return {
    schema_version: 1, id: `bench-${n}-${set}`, lang: 'en-GB', headline: `Timeline of ${n} (${set})`,
    published: '2025-10-15T12:00:00Z', body: [{ type: 'paragraph', text: 'A short story.' }],
    timeline: { entries },
  };
}
for (const n of [1000, 10000]) {
  for (const [set, other] of [['a', 'b'], ['b', 'a']]) {
    writeFileSync(join(benchDir, `timeline-${n}-${set}.json`), JSON.stringify(timelineArticle(n, set, other)));
  }
}

// The vanilla-JS reference: fetch, parse, and build the same timeline DOM with
// a <template>, cloneNode and textContent: the viewer's markup, entries
// grouped under the reader's days, the first page of PAGE entries and a
// "Show more" button, times through the same Intl formats.
const PAGE = 100;
const VANILLA_TIMELINE = `
<template id="entry"><li class="timeline__entry"><a class="timeline__link"><time class="timeline__time"></time><span class="timeline__headline" dir="auto"></span></a></li></template>
<template id="day"><div class="timeline__day"><h3 class="timeline__day-heading"></h3><ol class="timeline__entries"></ol></div></template>
<script>
  const PAGE = ${PAGE};
  const entryTemplate = document.getElementById('entry').content.firstElementChild;
  const dayTemplate = document.getElementById('day').content.firstElementChild;
  const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  const dateClock = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const dayName = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const full = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  const localDay = (t) => { const d = new Date(t); return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 864e5; };
  function renderTimeline(section, items) {
    const sorted = items.filter((e) => e.headline.trim() && e.headline.trim() !== '-')
      .map((e) => [Date.parse(e.time), e]).sort((a, b) => b[0] - a[0]);
    const today = localDay(Date.now());
    const days = [];
    let last = null, list = null;
    for (const [t, e] of sorted.slice(0, PAGE)) {
      const day = localDay(t);
      if (day !== last) {
        const group = dayTemplate.cloneNode(true);
        group.firstChild.textContent = dayName.format(t);
        list = group.lastChild;
        days.push(group);
        last = day;
      }
      const li = entryTemplate.cloneNode(true);
      li.id = 'entry-' + e.id;
      const a = li.firstChild;
      a.href = e.article ? '?src=' + encodeURIComponent(e.article) : e.url;
      a.firstChild.dateTime = e.time;
      a.firstChild.title = full.format(t);
      a.firstChild.textContent = (day === today ? clock : dateClock).format(t);
      a.lastChild.textContent = e.headline;
      list.appendChild(li);
    }
    if (sorted.length > PAGE) {
      const more = document.createElement('button');
      more.className = 'timeline__more';
      more.textContent = 'Show more';
      days.push(more);
    }
    section.querySelectorAll('.timeline__day, .timeline__more').forEach((n) => n.remove());
    section.append(...days);
  }
</script>`;
const SECTION = '<section class="timeline" aria-label="Latest"><div class="timeline__header"><h2 class="timeline__title">Latest</h2></div><div class="timeline__updates" aria-live="polite"></div></section>';
writeFileSync(join(benchDir, 'vanilla.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>vanilla</title><link rel="stylesheet" href="../${css}"></head><body>${VANILLA_TIMELINE}
<div class="viewer-frame"><main class="viewer">${SECTION}</main></div>
<script>
  async function render(src) {
    const doc = await (await fetch(src)).json();
    renderTimeline(document.querySelector('section'), doc.timeline.entries);
  }
  window.benchReplace = render;
  render(new URLSearchParams(location.search).get('src'));
</script></body></html>`);

// The same at scale: an article of 10,000 paragraphs whose timeline source
// has 100,000 entries (the test server's /__test/big), built by hand.
writeFileSync(join(benchDir, 'vanilla-big.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>vanilla big</title><link rel="stylesheet" href="../${css}"></head><body>${VANILLA_TIMELINE}
<div class="viewer-frame"><main class="viewer"><div class="viewer__story"><article class="story"><header class="story__header"><h1 class="story__headline"></h1></header><div class="story__body"></div></article></div>${SECTION}</main></div>
<script>
  (async () => {
    const doc = await (await fetch(new URLSearchParams(location.search).get('src'))).json();
    document.querySelector('h1').textContent = doc.headline;
    const p = document.createElement('p');
    document.querySelector('.story__body').append(...doc.body.map((b) => { const n = p.cloneNode(); n.textContent = b.text; return n; }));
    const timeline = await (await fetch(doc.timeline.source)).json();
    renderTimeline(document.querySelector('section'), timeline.entries);
  })();
</script></body></html>`);

// ---------------------------------------------------------------- harness

const server = spawn(process.execPath, ['tests/e2e/server.mjs', String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--js-flags=--expose-gc'],
});

const version = browser.version();

// The snippet the Embed control gives, copied from the control on the
// viewer's own page as a publisher copies it, pasted into the same
// publisher's page.
{
  const page = await browser.newPage();
  await page.goto(`${ORIGIN}/index.html?src=articles/syria-russia-moscow-visit.json`);
  await page.getByText('Embed', { exact: true }).click();
  const area = page.getByRole('textbox', { name: /In your page/ });
  await area.waitFor();
  await page.waitForFunction(() => document.querySelector('.embed-code textarea')?.value.includes('shadowrootmode'));
  writeFileSync(join(benchDir, 'publisher-control.html'), publisher('', await area.inputValue()));
  await page.close();
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};

// Runs a and b alternately, one warm-up each, then RUNS pairs.
async function sideBySide(a, b) {
  await a(); await b();
  const as = [], bs = [];
  for (let i = 0; i < RUNS; i++) { as.push(await a()); bs.push(await b()); }
  return { a: stats(as), b: stats(bs) };
}

// Counts, in the page, until the timeline shows `n` entries starting with
// `first`; returns ms from the article JSON's responseEnd to then.
const WAIT_FOR_TIMELINE = ({ n, first, json }) => new Promise((resolve) => {
  let done = null;
  const shown = Math.min(n, 100); // the first page
  const tick = () => {
    if (done === null) {
      const entries = document.querySelectorAll('.timeline__entry');
      if (entries.length === shown && entries[0].querySelector('.timeline__headline')?.textContent === first) {
        done = performance.now();
      }
    }
    // The JSON's Resource Timing entry can be queued a task after its body
    // was read: wait for it, keeping the time the DOM was done.
    const res = done !== null && performance.getEntriesByType('resource').filter((r) => r.name.includes(json)).pop();
    if (res) resolve(done - res.responseEnd);
    else requestAnimationFrame(tick);
  };
  tick();
});

async function timelineCreate(kind, n) {
  const page = await browser.newPage();
  page.on('crash', () => console.error(`page crashed: ${kind} ${n}`));
  page.on('close', () => process.env.DEBUG && console.error(`page closed: ${kind} ${n}`));
  const json = `timeline-${n}-a.json`;
  const url = kind === 'ours' ? `${ORIGIN}/index.html?src=bench/${json}` : `${ORIGIN}/bench/vanilla.html?src=${json}`;
  await page.goto(url);
  const ms = await page.evaluate(WAIT_FOR_TIMELINE, { n, first: 'Headline a number 0 of the day', json });
  await page.close();
  return ms;
}

async function timelineReplace(kind, n) {
  const page = await browser.newPage();
  const url = kind === 'ours' ? `${ORIGIN}/index.html?src=bench/timeline-${n}-a.json` : `${ORIGIN}/bench/vanilla.html?src=timeline-${n}-a.json`;
  await page.goto(url);
  await page.evaluate(WAIT_FOR_TIMELINE, { n, first: 'Headline a number 0 of the day', json: `timeline-${n}-a.json` });
  const json = `timeline-${n}-b.json`;
  const waiting = page.evaluate(WAIT_FOR_TIMELINE, { n, first: 'Headline b number 0 of the day', json });
  if (kind === 'ours') await page.evaluate(() => document.querySelector('.timeline__entry a').click());
  else await page.evaluate((src) => window.benchReplace(src), json);
  const ms = await waiting;
  await page.close();
  return ms;
}

// Opening a story of `n` entries in place from the timeline: the longest
// task the page ran from the click until its first page of entries shows.
async function openLongest(n) {
  const page = await browser.newPage();
  await page.goto(`${ORIGIN}/index.html?src=bench/timeline-${n}-a.json`);
  await page.evaluate(WAIT_FOR_TIMELINE, { n, first: 'Headline a number 0 of the day', json: `timeline-${n}-a.json` });
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  const waiting = page.evaluate(WAIT_FOR_TIMELINE, { n, first: 'Headline b number 0 of the day', json: `timeline-${n}-b.json` });
  await page.evaluate(() => document.querySelector('.timeline__entry a').click());
  await waiting;
  await page.waitForTimeout(300);
  const longest = await page.evaluate(() => window.__longest);
  await page.close();
  return longest;
}

// A live blog of 2,000 updates (a paragraph each, a headline every tenth),
// opened in place from a related link: the longest task from the click, and
// how long until every update is on the page.
const LIVE_UPDATES = Array.from({ length: 2000 }, (_, i) => ({
  id: `u${i}`, time: new Date(Date.UTC(2025, 9, 15, 6, 0) + i * 60_000).toISOString().replace('.000Z', 'Z'),
  ...(i % 10 ? {} : { headline: `Headline ${i}` }), key: i % 400 === 0,
  body: [{ type: 'paragraph', text: `Update ${i}: a paragraph of the kind a live blog is made of, a sentence or two long, as a newsroom writes them through the day.` }],
}));
const LIVE_STORY = { schema_version: 1, id: 'live', lang: 'en-GB', headline: 'A live blog of 2,000 updates', published: '2025-10-15T09:00:00+03:00', body: [{ type: 'paragraph', text: 'The story so far.' }] };
writeFileSync(join(benchDir, 'live-2000.json'), JSON.stringify({ ...LIVE_STORY, live_blog: { status: 'ended', updates: LIVE_UPDATES } }));
writeFileSync(join(benchDir, 'live-from.json'), JSON.stringify({ ...LIVE_STORY, id: 'from', headline: 'From here', body: [{ type: 'related', links: [{ title: 'The live blog', article: 'live-2000.json' }] }] }));
async function openLiveBlog() {
  const page = await browser.newPage();
  await page.goto(`${ORIGIN}/index.html?src=bench/live-from.json`);
  await page.waitForSelector('a[data-action="open"]');
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
    window.__clicked = performance.now();
  });
  await page.click('a[data-action="open"]');
  await page.waitForFunction(() => document.querySelectorAll('.live-blog article.update').length === 2000, null, { timeout: 30_000 });
  const all = await page.evaluate(() => performance.now() - window.__clicked);
  await page.waitForTimeout(300);
  const longest = await page.evaluate(() => window.__longest);
  await page.close();
  return { longest, all };
}

// A document of another format: from navigation until its newest story's
// headline is on screen, and the longest task the page ran from the
// document's request until then (the converting).
async function formatStory(kind, name) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => { window.__tasks.push(...list.getEntries().map((e) => [e.startTime, e.duration])); })
      .observe({ type: 'longtask', buffered: true });
    // The converting: from the viewer handing the document to the formats
    // module's worker until its answer is back (the page's client wrapped).
    window.__converting = [];
    let client;
    Object.defineProperty(globalThis, 'articleViewerFormats', {
      configurable: true,
      get: () => client,
      set: (f) => {
        client = async (...args) => {
          const start = performance.now();
          const answer = await f(...args);
          window.__converting.push([start, performance.now()]);
          return answer;
        };
      },
    });
  });
  await page.goto(kind === 'ours' ? `${ORIGIN}/index.html?src=bench/${name}` : `${ORIGIN}/bench/vanilla-formats.html?src=${name}`);
  const result = await page.evaluate(({ first, name }) => new Promise((resolve) => {
    const tick = () => {
      if (document.querySelector('main h1')?.textContent === first) {
        const shown = performance.now();
        setTimeout(() => {
          const request = performance.getEntriesByType('resource').find((r) => r.name.includes(name))?.startTime ?? 0;
          const during = (from, to) => Math.max(0, ...window.__tasks.filter(([t, d]) => t + d > from && t < to).map(([, d]) => d));
          // Vanilla JS converts on the main thread: all of it, from the
          // request on. Ours: the tasks the main thread ran, and finished,
          // while the worker converted (the answer's own task is the
          // decoding and building, counted in the next row).
          const converting = window.__converting.length
            ? Math.max(0, ...window.__tasks.filter(([t, d]) => t + d > window.__converting[0][0] && t + d <= window.__converting.at(-1)[1]).map(([, d]) => d))
            : during(request, shown);
          resolve({ shown, longest: converting, untilShown: during(request, shown) });
        }, 300);
      } else requestAnimationFrame(tick);
    };
    tick();
  }), { first: FORMATS_BENCH[name].first, name });
  await page.close();
  return result;
}

async function memory(kind, n) {
  const page = await browser.newPage();
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  const json = `timeline-${n}-a.json`;
  await page.goto(kind === 'ours' ? `${ORIGIN}/index.html?src=bench/${json}` : `${ORIGIN}/bench/vanilla.html?src=${json}`);
  await page.evaluate(WAIT_FOR_TIMELINE, { n, first: 'Headline a number 0 of the day', json });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? 0);
  await page.close();
  return usedSize + wasm;
}

// 100,000 timeline entries and 10,000 paragraphs: time from navigation to
// both on screen, the longest task the page ran meanwhile, memory after, and
// the 95th percentile frame interval while scrolling the whole page.
async function scale(kind) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const src = '/__test/big?entries=100000&paragraphs=10000';
  await page.goto(kind === 'ours' ? `${ORIGIN}/index.html?src=${encodeURIComponent(src)}` : `${ORIGIN}/bench/vanilla-big.html?src=${encodeURIComponent(src)}`);
  const ready = await page.evaluate(() => new Promise((resolve) => {
    const tick = () => {
      if (document.querySelectorAll('.story__body > p').length === 10000 && document.querySelectorAll('.timeline__entry').length === 100) resolve(performance.now());
      else requestAnimationFrame(tick);
    };
    tick();
  }));
  const scroll = await page.evaluate(() => new Promise((resolve) => {
    const frames = [];
    let last = performance.now();
    const step = Math.max(1, (document.documentElement.scrollHeight - innerHeight) / 120);
    const tick = (now) => {
      frames.push(now - last);
      last = now;
      if (frames.length < 120) { scrollBy(0, step); requestAnimationFrame(tick); } else {
        frames.sort((a, b) => a - b);
        resolve(frames[Math.floor(frames.length * 0.95)]);
      }
    };
    requestAnimationFrame(tick);
  }));
  const longest = await page.evaluate(() => window.__longest);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? 0);
  await page.close();
  return { ready, longest, scroll, memory: usedSize + wasm };
}

// Lighthouse's mobile throttling, applied through CDP: 150 ms RTT, 1.6 Mbps
// down, 750 kbps up, 4x CPU; a cold cache every run.
async function startup(url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__lcp = 0;
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url);
  // The story's headline, in the page or in a viewer's shadow root.
  await page.waitForFunction(() => document.querySelector('h1.story__headline')
    || [...document.querySelectorAll('[data-article-viewer]')].some((h) => h.shadowRoot?.querySelector('h1.story__headline')));
  // A snippet's story is there at once: wait for the viewer to take it over,
  // so that the takeover's layout shifts count.
  await page.waitForFunction(() => ![...document.querySelectorAll('[data-article-viewer]')]
    .some((h) => h.shadowRoot?.querySelector('[data-prerendered]')), null, { timeout: 60_000 });
  await page.waitForTimeout(1500);
  const result = await page.evaluate(() => {
    const r = performance.getEntriesByType('resource');
    const json = r.find((e) => e.name.endsWith('.json'));
    const wasm = r.find((e) => e.name.endsWith('.wasm'));
    return { lcp: window.__lcp, cls: window.__cls, overlap: json && wasm ? json.requestStart / wasm.responseEnd : null };
  });
  await context.close();
  return result;
}

// ---------------------------------------------------------------- run

const ms = (x) => `${x.toFixed(0)} ms`;

// Transfer: what the first view downloads, compressed.
const indexHtml = readFileSync(join(dist, 'index.html'), 'utf8');
// The Embed control's writer, the formats module and the live module are
// modules of their own, loaded only when a publisher opens the control, a
// document of another format arrives or a story is a live blog: not part of
// the first view.
const firstView = readdirSync(dist).filter((f) => (f === 'index.html' || /\.(js|wasm)$/.test(f) || (f.endsWith('.css') && indexHtml.includes(f)))
  && !f.startsWith('embed') && !f.startsWith('article-writer') && !f.startsWith('article-formats') && !f.startsWith('article-live'));
const sizes = (files) => files.reduce((acc, f) => {
  const raw = readFileSync(join(dist, f));
  acc.gzip += gzipSync(raw, { level: 9 }).length;
  acc.br += brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return acc;
}, { gzip: 0, br: 0 });
const code = sizes(firstView.filter((f) => /\.(js|wasm)$/.test(f)));
const shell = sizes(['index.html']);
const all = sizes([...firstView, 'articles/syria-russia-moscow-visit.json']);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`first view: ${firstView.join(', ')}, articles/syria-russia-moscow-visit.json`);

console.log(`startup: ${RUNS} pairs under mobile throttling, five pages…`);
const overlaps = [];
const embedOverlaps = [];
const cls = { own: [], bare: [], snippet: [], control: [] };
const skip = { a: stats([1]), b: stats([1]) };
const start = process.env.SKIP_STARTUP ? skip : await sideBySide(
  async () => { const r = await startup(`${ORIGIN}/index.html`); overlaps.push(r.overlap); cls.own.push(r.cls); return r.lcp; },
  async () => (await startup(`${ORIGIN}/bench/static.html`)).lcp,
);
const bare = process.env.SKIP_STARTUP ? skip : await sideBySide(
  async () => { const r = await startup(`${ORIGIN}/bench/publisher-bare.html`); embedOverlaps.push(r.overlap); cls.bare.push(r.cls); return r.lcp; },
  async () => (await startup(`${ORIGIN}/bench/publisher-static.html`)).lcp,
);
const pasted = process.env.SKIP_STARTUP ? skip : await sideBySide(
  async () => { const r = await startup(`${ORIGIN}/bench/publisher-snippet.html`); cls.snippet.push(r.cls); return r.lcp; },
  async () => (await startup(`${ORIGIN}/bench/publisher-static.html`)).lcp,
);
const copied = process.env.SKIP_STARTUP ? skip : await sideBySide(
  async () => { const r = await startup(`${ORIGIN}/bench/publisher-control.html`); cls.control.push(r.cls); return r.lcp; },
  async () => (await startup(`${ORIGIN}/bench/publisher-static.html`)).lcp,
);
if (process.env.ONLY_STARTUP) {
  const r = (x) => (x.a.median / x.b.median).toFixed(2);
  const m = (x) => `${x.median.toFixed(0)} ms`;
  console.log(`own page ${m(start.a)} / floor ${m(start.b)} = ${r(start)}; bare embed ${m(bare.a)} / static ${m(bare.b)} = ${r(bare)}; command's snippet ${m(pasted.a)} / static ${m(pasted.b)} = ${r(pasted)}; Embed control's snippet ${m(copied.a)} / static ${m(copied.b)} = ${r(copied)}; CLS max own ${Math.max(...cls.own)}, bare ${Math.max(...cls.bare)}, command's snippet ${Math.max(...cls.snippet)}, control's snippet ${Math.max(...cls.control)}`);
  await browser.close();
  server.kill();
  process.exit(0);
}
console.log('a 100-post WordPress collection and a 500-item RSS feed…');
const formatRuns = {};
const formatRows = {};
for (const name of process.env.ONLY_LIVE ? [] : Object.keys(FORMATS_BENCH)) {
  formatRuns[name] = { ours: [], vanilla: [], oursShown: [], vanillaShown: [] };
  formatRows[name] = await sideBySide(
    async () => { const r = await formatStory('ours', name); formatRuns[name].ours.push(r.longest); formatRuns[name].oursShown.push(r.untilShown); return r.shown; },
    async () => { const r = await formatStory('vanilla', name); formatRuns[name].vanilla.push(r.longest); formatRuns[name].vanillaShown.push(r.untilShown); return r.shown; },
  );
}
if (process.env.ONLY_FORMATS) {
  for (const [name, runs] of Object.entries(formatRuns)) {
    const med = (xs) => stats(xs.slice(1)).median.toFixed(0);
    console.log(`${name}: until shown ${formatRows[name].a.median.toFixed(0)} / ${formatRows[name].b.median.toFixed(0)} ms; longest task converting ${med(runs.ours)} (max ${stats(runs.ours.slice(1)).max.toFixed(0)}) / ${med(runs.vanilla)} ms; request to story ${med(runs.oursShown)} / ${med(runs.vanillaShown)} ms`);
  }
  await browser.close();
  server.kill();
  process.exit(0);
}
console.log('a live blog of 2,000 updates…');
const liveRuns = [];
for (let i = 0; i <= RUNS; i++) liveRuns.push(await openLiveBlog());
const liveLongest = stats(liveRuns.slice(1).map((r) => r.longest));
const liveAll = stats(liveRuns.slice(1).map((r) => r.all));
if (process.env.ONLY_LIVE) {
  const mmmOf = (x) => `${x.min.toFixed(0)} / ${x.median.toFixed(0)} / ${x.max.toFixed(0)}`;
  console.log(`a 2,000-update live blog opened in place: longest task ${mmmOf(liveLongest)} ms; every update on the page after ${mmmOf(liveAll)} ms`);
  await browser.close();
  server.kill();
  process.exit(0);
}
console.log('timeline create and replace, memory…');
const create1k = await sideBySide(() => timelineCreate('ours', 1000), () => timelineCreate('vanilla', 1000));
const create10k = await sideBySide(() => timelineCreate('ours', 10000), () => timelineCreate('vanilla', 10000));
const replace1k = await sideBySide(() => timelineReplace('ours', 1000), () => timelineReplace('vanilla', 1000));
const mem = await sideBySide(() => memory('ours', 10000), () => memory('vanilla', 10000));
const openRuns = [];
for (let i = 0; i <= RUNS; i++) openRuns.push(await openLongest(10000));
const open10k = stats(openRuns.slice(1));
console.log('100,000 entries and 10,000 paragraphs…');
const scaleRuns = { ours: [], vanilla: [] };
const big = await sideBySide(
  async () => { const r = await scale('ours'); scaleRuns.ours.push(r); return r.ready; },
  async () => { const r = await scale('vanilla'); scaleRuns.vanilla.push(r); return r.ready; },
);
const scaleStat = (kind, key) => stats(scaleRuns[kind].slice(1).map((r) => r[key]));
const scaleRatio = (key) => scaleStat('ours', key).median / scaleStat('vanilla', key).median;

console.log('Lighthouse…');
let lighthouse = null;
try {
  const { default: run } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const result = await run(`${ORIGIN}/index.html`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
  lighthouse = Object.fromEntries(Object.entries(result.lhr.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
  await chrome.kill();
} catch (e) {
  console.error(`Lighthouse did not run: ${e.message}`);
}

await browser.close();
server.kill();

// ---------------------------------------------------------------- report

const ratio = (r) => r.a.median / r.b.median;
// The figures measured (NaN for a row skipped, as with SKIP_STARTUP).
const present = (xs) => { const f = xs.filter((x) => x != null); return f.length ? f : [NaN]; };
const line = (cells) => `| ${cells.join(' | ')} |`;
const mmm = (s, f) => `${f(s.min)} / ${f(s.median)} / ${f(s.max)}`;
const out = [
  line(['figure', 'ours (min / median / max)', 'reference (min / median / max)', 'ratio (medians)', 'goal', 'met']),
  line(['---', '---', '---', '---', '---', '---']),
  line(['transfer: js + wasm', `${kb(code.gzip)} gzip, ${kb(code.br)} brotli`, '64 KB gzip (Leptos in js-framework-benchmark)', `${(code.gzip / (64 * 1024)).toFixed(2)}`, '≤ 130 KB gzip', code.gzip <= 130 * 1024 ? 'yes' : 'no']),
  line(['transfer: html shell', `${kb(shell.gzip)} gzip`, '14 KB (one round trip)', `${(shell.gzip / (14 * 1024)).toFixed(2)}`, '≤ 14 KB', shell.gzip <= 14 * 1024 ? 'yes' : 'no']),
  line(['transfer: first view in all', `${kb(all.gzip)} gzip, ${kb(all.br)} brotli`, '', '', '', '']),
  line(["startup: LCP, the viewer's own page, mobile throttling", mmm(start.a, ms), `${mmm(start.b, ms)} (static HTML, CSS inline)`, ratio(start).toFixed(2), '≤ 1.3', ratio(start) <= 1.3 ? 'yes' : 'no']),
  line(['… its CLS', mmm(stats(cls.own.length ? cls.own : [0]), (x) => x.toFixed(3)), '', '', '≤ 0.02', stats(cls.own.length ? cls.own : [0]).max <= 0.02 ? 'yes' : 'no']),
  line(["startup: LCP, a publisher's page with the bare <div data-article-viewer>", mmm(bare.a, ms), `${mmm(bare.b, ms)} (the same page, the story static)`, ratio(bare).toFixed(2), '≤ 4', ratio(bare) <= 4 ? 'yes' : 'no']),
  line(['… its CLS', mmm(stats(cls.bare.length ? cls.bare : [0]), (x) => x.toFixed(3)), '', '', '≤ 0.02', stats(cls.bare.length ? cls.bare : [0]).max <= 0.02 ? 'yes' : 'no']),
  line(["startup: LCP, a publisher's page with the snippet the Embed control gives", mmm(copied.a, ms), `${mmm(copied.b, ms)} (the same page, the story static)`, ratio(copied).toFixed(2), '≤ 1.5', ratio(copied) <= 1.5 ? 'yes' : 'no']),
  line(['… its CLS, the takeover included', mmm(stats(cls.control.length ? cls.control : [0]), (x) => x.toFixed(3)), '', '', '≤ 0.02', stats(cls.control.length ? cls.control : [0]).max <= 0.02 ? 'yes' : 'no']),
  line(["startup: LCP, a publisher's page with the snippet of `article-snippet`", mmm(pasted.a, ms), `${mmm(pasted.b, ms)} (the same page, the story static)`, ratio(pasted).toFixed(2), '≤ 1.5', ratio(pasted) <= 1.5 ? 'yes' : 'no']),
  line(['… its CLS, the takeover included', mmm(stats(cls.snippet.length ? cls.snippet : [0]), (x) => x.toFixed(3)), '', '', '≤ 0.02', stats(cls.snippet.length ? cls.snippet : [0]).max <= 0.02 ? 'yes' : 'no']),
  line(['overlap: JSON requestStart / wasm responseEnd, own page', mmm(stats(present(overlaps)), (x) => x.toFixed(2)), '', stats(present(overlaps)).median.toFixed(2), '< 1', stats(present(overlaps)).median < 1 ? 'yes' : 'no']),
  line(["overlap: JSON requestStart / wasm responseEnd, publisher's page", mmm(stats(present(embedOverlaps)), (x) => x.toFixed(2)), '', stats(present(embedOverlaps)).median.toFixed(2), '< 1', stats(present(embedOverlaps)).median < 1 ? 'yes' : 'no']),
  line(['timeline create 1,000', mmm(create1k.a, ms), `${mmm(create1k.b, ms)} (vanilla JS)`, ratio(create1k).toFixed(2), '≤ 1.5', ratio(create1k) <= 1.5 ? 'yes' : 'no']),
  line(['timeline create 10,000', mmm(create10k.a, ms), `${mmm(create10k.b, ms)} (vanilla JS)`, ratio(create10k).toFixed(2), '≤ 1.5', ratio(create10k) <= 1.5 ? 'yes' : 'no']),
  line(['timeline replace 1,000', mmm(replace1k.a, ms), `${mmm(replace1k.b, ms)} (vanilla JS)`, ratio(replace1k).toFixed(2), '≤ 1.5', ratio(replace1k) <= 1.5 ? 'yes' : 'no']),
  line(['opening a 10,000-entry story in place: longest task', mmm(open10k, ms), '', '', '≤ 50 ms', open10k.max <= 50 ? 'yes' : 'no']),
  line(['opening a 2,000-update live blog in place: longest task', mmm(liveLongest, ms), '', '', '≤ 50 ms', liveLongest.max <= 50 ? 'yes' : 'no']),
  line(['… until every update is on the page', mmm(liveAll, ms), '', '', '', '']),
  line(['memory after 10,000 (JS heap + wasm)', mmm(mem.a, (x) => `${(x / 1048576).toFixed(1)} MB`), `${mmm(mem.b, (x) => `${(x / 1048576).toFixed(1)} MB`)} (vanilla JS)`, ratio(mem).toFixed(2), '≤ 3', ratio(mem) <= 3 ? 'yes' : 'no']),
  ...Object.entries({ 'wp-100.json': 'a 100-post WordPress collection', 'rss-500.xml': 'a 500-item RSS feed' }).flatMap(([name, what]) => {
    const longest = { ours: stats(formatRuns[name].ours.slice(1)), vanilla: stats(formatRuns[name].vanilla.slice(1)) };
    return [
      line([`${what}: until its newest story shows`, mmm(formatRows[name].a, ms), `${mmm(formatRows[name].b, ms)} (vanilla JS, DOMParser)`, ratio(formatRows[name]).toFixed(2), '', '']),
      line(['… longest main-thread task while converting (ours: in the worker; vanilla JS: on the main thread)', mmm(longest.ours, ms), `${mmm(longest.vanilla, ms)} (vanilla JS, DOMParser)`, '', '≤ 50 ms', longest.ours.max <= 50 ? 'yes' : 'no']),
      line(['… longest main-thread task from the request until the story shows (decoding and building included)', mmm(stats(formatRuns[name].oursShown.slice(1)), ms), `${mmm(stats(formatRuns[name].vanillaShown.slice(1)), ms)} (vanilla JS, DOMParser)`, '', '', '']),
    ];
  }),
  line(['100,000 entries + 10,000 paragraphs: until shown', mmm(big.a, ms), `${mmm(big.b, ms)} (vanilla JS)`, ratio(big).toFixed(2), 'no freeze', '']),
  line(['… longest task meanwhile', mmm(scaleStat('ours', 'longest'), ms), `${mmm(scaleStat('vanilla', 'longest'), ms)} (vanilla JS)`, scaleRatio('longest').toFixed(2), '≤ 100 ms', scaleStat('ours', 'longest').median <= 100 ? 'yes' : 'no']),
  line(['… scrolling: 95th percentile frame', mmm(scaleStat('ours', 'scroll'), ms), `${mmm(scaleStat('vanilla', 'scroll'), ms)} (vanilla JS)`, scaleRatio('scroll').toFixed(2), 'smooth', '']),
  line(['… memory after (JS heap + wasm)', mmm(scaleStat('ours', 'memory'), (x) => `${(x / 1048576).toFixed(1)} MB`), `${mmm(scaleStat('vanilla', 'memory'), (x) => `${(x / 1048576).toFixed(1)} MB`)} (vanilla JS)`, scaleRatio('memory').toFixed(2), 'bounded', '']),
  line(['Lighthouse 12 mobile: perf / a11y / best practices / SEO', lighthouse ? `${lighthouse.performance} / ${lighthouse.accessibility} / ${lighthouse['best-practices']} / ${lighthouse.seo}` : 'did not run', '', '', 'each ≥ 95', lighthouse && Object.values(lighthouse).every((v) => v >= 95) ? 'yes' : 'no']),
];
console.log(`\n${new Date().toISOString().slice(0, 10)}, ${RUNS} runs each after a warm-up, Chromium ${version}\n`);
console.log(out.join('\n'));
