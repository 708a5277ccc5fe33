// trunk post-build hook. From the built index.html it makes:
//
//   embed.html   the chrome-less page for iframes (<body data-embed="frame">)
//   embed.js     the one module script a publisher includes to embed viewers
//
// and, in release builds:
//
//   the default article prerendered into index.html, by the viewer itself in
//   headless Chromium, so that the first view paints the story before the
//   wasm has arrived (the wasm then takes over the same markup);
//   the stylesheet inline in index.html and embed.html (no round trip before
//   the first paint), allowed by its hash;
//   the Content-Security-Policy, as a <meta http-equiv> in index.html and
//   embed.html and in _headers for static hosts (Netlify, Cloudflare Pages;
//   the end-to-end test server reads it too), from the one policy below.
//   Inline scripts (trunk's loader, the prerender switch) are allowed by hash.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
// `trunk serve` in debug injects its own live-reload script: no policy, no prerender.
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';

const read = (name) => readFileSync(join(dir, name), 'utf8');
const write = (name, text) => writeFileSync(join(dir, name), text);
let index = read('index.html');

// The iframe page: no chrome, and no preload of the default article (an
// iframe always names its own).
let embed = index
  .replace(/<body>/, '<body data-embed="frame">')
  .replace(/\s*<!--[^>]*-->\s*<link rel="preload" href="articles\/[^"]*" as="fetch"[^>]*>/, '');

const js = index.match(/import init, \* as bindings from '\.\/([^']+\.js)'/)?.[1];
const wasm = index.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!js || !wasm) throw new Error('post-build: trunk loader not found in index.html');
write(
  'embed.js',
  `// Embeds article viewers in any page:
//   <script type="module" src="…/embed.js"></script>
//   <div data-article-viewer data-src="article.json"></div>
// Each element gets its own viewer in a shadow root. Generated at build time.
//
// No waterfall: every viewer's article, the wasm and its JavaScript start
// downloading at once, here, instead of one after the other. The articles
// are preloaded as the viewer will fetch them (CORS, same-origin
// credentials), so its own request takes the preloaded answer.
const base = new URL('./', import.meta.url).href;
globalThis.articleViewerBase = base;
for (const host of document.querySelectorAll('[data-article-viewer][data-src]')) {
  let url;
  try {
    url = new URL(host.getAttribute('data-src').trim(), document.baseURI);
  } catch {
    continue; // the viewer says what is wrong with it
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = url.href;
  document.head.append(link);
}
const wasm = fetch(new URL('${wasm}', base));
const { default: init } = await import(new URL('${js}', base).href);
await init({ module_or_path: wasm });
`,
);

if (!release) {
  write('embed.html', embed);
  console.log('post-build: embed.html, embed.js');
  process.exit(0);
}

// ------------------------------------------------------------- prerender

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };

async function prerender() {
  const { chromium } = await import('@playwright/test');
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    try {
      const body = readFileSync(path.startsWith(dir) ? path : join(dir, 'index.html'));
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    // Times are the reader's, so the prerender needs a reader: one in the
    // publisher's language and at the default story's own offset (Etc/GMT
    // zones count the other way). The live viewer then re-renders them in
    // each reader's zone.
    const preloaded = readFileSync(join(dir, 'index.html'), 'utf8').match(/<link rel="preload" href="([^"]+\.json)"/)?.[1];
    const story = preloaded ? JSON.parse(readFileSync(join(dir, preloaded), 'utf8')) : {};
    const offset = /([+-])(\d{2}):00$/.exec(story.published ?? '');
    const timezoneId = offset ? `Etc/GMT${offset[1] === '+' ? '-' : '+'}${Number(offset[2])}` : 'UTC';
    const page = await browser.newPage({ locale: story.lang ?? 'en', timezoneId });
    await page.goto(`${origin}/index.html`);
    await page.locator('.story__headline').waitFor({ timeout: 30_000 });
    const snapshot = await page.evaluate(() => ({
      html: document.querySelector('.viewer-frame').outerHTML,
      title: document.title,
      description: document.querySelector('meta[name=description]')?.content ?? '',
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
    }));
    // Links the viewer wrote as absolute addresses of this temporary server
    // become relative to the page.
    snapshot.html = snapshot.html.replaceAll(`${origin}/`, '');
    return snapshot;
  } finally {
    await browser.close();
    server.close();
  }
}

// A release without its prerendered story would be a silently slower page:
// the build fails instead, and says why.
let prerendered;
try {
  prerendered = await prerender();
} catch (e) {
  console.error(`post-build: cannot prerender the default story into index.html: ${e.message.split('\n')[0]}
  The prerender runs the built viewer in Debian's Chromium (/usr/bin/chromium, or $CHROMIUM)
  through the Node packages of package-lock.json: run scripts/setup, which installs both.`);
  process.exit(1);
}
const escAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
if (prerendered) {
  // Another ?src= must not flash the default story: this switch, in <head>,
  // hides the prerendered one before the first paint.
  const SWITCH = `<script>if (new URLSearchParams(location.search).has('src')) document.documentElement.setAttribute('data-src', '');</script>`;
  index = index
    .replace(/<html lang="[^"]*">/, `<html lang="${escAttr(prerendered.lang)}" dir="${escAttr(prerendered.dir)}">`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escText(prerendered.title)}</title>`)
    .replace(/<meta name="description" content="[^"]*">/, `<meta name="description" content="${escAttr(prerendered.description)}">`)
    .replace(/<head>/, `<head>\n    ${SWITCH}`)
    .replace(/<body>/, `<body>\n${prerendered.html.replace('<div class="viewer-frame"', '<div data-prerendered="" class="viewer-frame"')}`);
}

// ------------------------------------------------------------- critical CSS

// The stylesheet goes inline into the pages of the viewer's own: the first
// paint needs no second round trip. (It is small: about 3.5 KB gzip.) The
// policy allows it by its hash.
const inlineStyle = (html) => html.replace(/<link rel="stylesheet" href="([^"]+\.css)"[^>]*>/, (link, href) => {
  const css = read(href).trim();
  if (css.includes('</style')) throw new Error(`post-build: ${href} cannot be inlined`);
  return `<style>${css}</style>`;
});
index = inlineStyle(index);
embed = inlineStyle(embed);
if (/<link rel="stylesheet"/.test(index)) throw new Error('post-build: the stylesheet link was not inlined');
const styleHashes = [...new Set([...index.matchAll(/<style>([\s\S]*?)<\/style>/g), ...embed.matchAll(/<style>([\s\S]*?)<\/style>/g)]
  .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`))];

// ------------------------------------------------------------- CSP

const hashesOf = (html) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
  .filter(([, attrs, body]) => !/\bsrc=/.test(attrs) && !/application\/ld\+json/.test(attrs) && body.length > 0)
  .map(([, , body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
const hashes = [...new Set([...hashesOf(index), ...hashesOf(embed)])];

const policy = {
  'default-src': ["'none'"],
  'script-src': ["'self'", ...hashes, "'wasm-unsafe-eval'"],
  'style-src': ["'self'", ...styleHashes],
  'img-src': ["'self'", 'https:'],
  'connect-src': ["'self'", 'https:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};
const csp = Object.entries(policy).map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');
const withMeta = (html) => html
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '')
  .replace(/<head>/, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${csp}">`);
write('index.html', withMeta(index));
write('embed.html', withMeta(embed));

write(
  '_headers',
  [
    '/*',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    // embed.js, the wasm and the articles load from a CDN into publishers' pages.
    '  Access-Control-Allow-Origin: *',
    '/',
    `  Content-Security-Policy: ${csp}; frame-ancestors 'self'`,
    '/index.html',
    `  Content-Security-Policy: ${csp}; frame-ancestors 'self'`,
    // Publishers frame this one.
    '/embed.html',
    `  Content-Security-Policy: ${csp}`,
    '',
  ].join('\n'),
);
console.log(`post-build: embed.html, embed.js, _headers, CSP (${hashes.length} inline script hashes)${prerendered ? ', default article prerendered' : ''}`);
