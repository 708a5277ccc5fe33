// trunk post-build hook. From the built index.html it makes:
//
//   embed.html   the chrome-less page for iframes (<body data-embed="frame">)
//   embed.js     the one module script a publisher includes to embed viewers
//
//   example/snippet.html  the publisher example pasting the inline snippet
//                         that carries its story
//
// and, in release builds:
//
//   the default article prerendered into index.html, by the core's one HTML
//   writer run natively (article-snippet), so that the first view
//   paints the story before the wasm has arrived (the wasm then takes over
//   the same markup);
//   the stylesheet inline in index.html and embed.html (no round trip before
//   the first paint), as snippets carry it, allowed by its hash;
//   the Content-Security-Policy, as a <meta http-equiv> in index.html and
//   embed.html and in _headers for static hosts (Netlify, Cloudflare Pages;
//   the end-to-end test server reads it too), from the one policy below.
//   Inline scripts (trunk's loader, the prerender switch) are allowed by hash;
//   sw.js, the service worker of the viewer's own pages (index.html and
//   embed.html register it; embed.js never does): this build's files
//   precached for offline under a cache named after their hash, and the last
//   good copy of each story the viewer showed (see "Offline" in the README).
import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

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

const css = index.match(/<link rel="stylesheet" href="([^"]+\.css)"/)?.[1];
const js = index.match(/import init, \* as bindings from '\.\/([^']+\.js)'/)?.[1];
const wasm = index.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!js || !wasm || !css) throw new Error('post-build: trunk loader not found in index.html');
// embed.js, the one script a publisher includes:
//   <script type="module" src="…/embed.js" integrity="sha384-…" crossorigin="anonymous"></script>
//   <article-viewer src="article.json"></article-viewer>
//   <div data-article-viewer data-src="article.json"></div>
// Each element gets its own viewer in a shadow root, whenever it appears:
// embed.js defines <article-viewer> (attributes src, theme, sections, lang,
// data; a change takes effect at once) and watches the page for
// <div data-article-viewer> added, changed or removed later, as single-page
// sites do. A viewer whose element leaves the page stops all its work.
//
// No waterfall: every viewer's article, the wasm, its JavaScript and the
// stylesheet start downloading at once, instead of one after the other. The
// articles are preloaded as the viewer will fetch them (CORS, same-origin
// credentials), so its own request takes the preloaded answer. The
// stylesheet becomes one constructed sheet that every viewer's shadow root
// adopts, ready before the first viewer renders.
//
// Integrity all the way: the snippet pins embed.js by its hash, and embed.js
// loads the wasm, its JavaScript and the stylesheet only if they match the
// hashes it carries, so a file changed on a CDN fails closed: a message in
// the console, and nothing runs (a snippet's story stays as it was). The
// comments stay here: every publisher's page downloads embed.js.
const sri = (name) => `sha384-${createHash('sha384').update(readFileSync(join(dir, name))).digest('base64')}`;
// The formats module (formats/, a module of its own): its glue and a few
// lines that answer the viewer's requests, as one worker script. The viewer
// fetches it with the integrity below, starts it from a blob: URL (so that
// a viewer embedded from another origin has it too), and the script fetches
// its wasm with the wasm's own integrity: a changed file fails closed.
const FORMATS = 'article-formats.js';
const FORMATS_WASM = 'article-formats_bg.wasm';
const FORMATS_WORKER = 'article-formats-worker.js';
if (!read(FORMATS).includes('let wasm_bindgen =')) throw new Error(`post-build: ${FORMATS} does not declare wasm_bindgen`);
write(FORMATS_WORKER, `${read(FORMATS)}
let ready;
self.onmessage = async ({ data: [id, base, text, url, timeline] }) => {
  try {
    ready ??= wasm_bindgen({ module_or_path: fetch(new URL('${FORMATS_WASM}', base), { integrity: '${sri(FORMATS_WASM)}' }) });
    await ready;
  } catch (e) {
    ready = undefined;
    self.postMessage([id, null, \`the formats module did not load: \${e?.message ?? e}\`]);
    return;
  }
  try {
    self.postMessage([id, wasm_bindgen.convert(text, url, timeline)]);
  } catch (e) {
    self.postMessage([id, null, String(e?.message ?? e), true]);
  }
};
`);
unlinkSync(join(dir, FORMATS));
// The modules loaded only when needed, each a classic script (its glue,
// which declares `wasm_bindgen` with `let`, no property of the global
// object: the build names it, and keeps it in a block of its own) and its wasm — the Embed control's writer
// (writer/) and live blogs (live/). `articleViewerModule(name, base)` loads
// one once, the script and the wasm each only if it matches the hash below,
// and gives its exports: a changed file fails closed, in the publisher's
// page as in the viewer's own.
const MODULES = { 'article-writer': 'articleViewerWriter', 'article-live': 'articleViewerLive' };
const moduleHashes = {};
for (const [name, global] of Object.entries(MODULES)) {
  const glue = `${name}.js`;
  if (!read(glue).includes('let wasm_bindgen =')) throw new Error(`post-build: ${glue} does not declare wasm_bindgen`);
  // In a block of its own: two modules' `let wasm_bindgen` in one page.
  write(glue, `{\n${read(glue)}\nself.${global} = wasm_bindgen;\n}\n`);
  moduleHashes[name] = [sri(glue), sri(`${name}_bg.wasm`), global];
}
const LIVE = 'article-live.js';
const modulesClient = (base) => `globalThis.articleViewerModule??=(()=>{const m={},I=${JSON.stringify(moduleHashes)};return(n,b=${base})=>m[n]??=new Promise((a,f)=>{const s=document.createElement('script');s.src=new URL(n+'.js',b).href;s.integrity=I[n][0];s.crossOrigin='anonymous';s.onload=a;s.onerror=()=>f(new Error(n+'.js did not load or did not match its integrity'));document.head.append(s)}).then(()=>{const g=self[I[n][2]];return g({module_or_path:fetch(new URL(n+'_bg.wasm',b),{integrity:I[n][1]})}).then(()=>g)}).catch((e)=>{delete m[n];throw e})})();`;
// The viewer's side of it, for the viewer's own pages (inline) and embed.js
// alike: `articleViewerFormats(text, url, timeline)` answers [json], or
// [null, why, true] when the document holds no story the module reads, or
// [null, why] when the module did not load. The worker's script is fetched
// with its integrity (an error page fails it too) and started from a blob:
// URL of what was fetched, so that a viewer embedded from another origin has
// it too.
const formatsClient = (base) => `globalThis.articleViewerFormats??=(()=>{let w,n=0;const q=new Map(),start=()=>fetch(new URL('${FORMATS_WORKER}',${base}),{integrity:'${sri(FORMATS_WORKER)}'}).then((r)=>r.blob()).then((s)=>{const x=new Worker(URL.createObjectURL(s));x.onmessage=({data:d})=>{q.get(d[0])?.(d.slice(1));q.delete(d[0])};return x});return async(text,url,timeline)=>{try{const x=await(w??=start()),id=n++;return await new Promise((a)=>{q.set(id,a);x.postMessage([id,${base},text,url,timeline])})}catch(e){w=undefined;return[null,'the formats module did not load: '+(e?.message??e)]}}})();`;
const FORMATS_INLINE = `<script>${formatsClient("new URL('./', location.href).href")}${modulesClient("new URL('./', location.href).href")}</script>`;
index = index.replace('</head>', `    ${FORMATS_INLINE}\n  </head>`);
embed = embed.replace('</head>', `    ${FORMATS_INLINE}\n  </head>`);

const embedJs = `const base = new URL('./', import.meta.url).href;
globalThis.articleViewerBase = base;
${formatsClient('base')}
${modulesClient('base')}
const DIV = '[data-article-viewer]';
const ATTRIBUTES = ['src', 'theme', 'sections', 'lang', 'data'];
for (const host of document.querySelectorAll(\`\${DIV}[data-src], article-viewer[src]\`)) {
  let url;
  try {
    url = new URL((host.getAttribute('data-src') ?? host.getAttribute('src')).trim(), document.baseURI);
  } catch {
    continue;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
  document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: url.href }));
}
const get = (name, integrity) => fetch(new URL(name, base), { integrity }).then((r) => {
  if (!r.ok) throw new Error(\`\${name}: HTTP \${r.status}\`);
  return r;
});
try {
  const wasm = get('${wasm}', '${sri(wasm)}');
  const css = get('${css}', '${sri(css)}').then((r) => r.text());
  const glue = new URL('${js}', base).href;
  await new Promise((loaded, failed) => document.head.append(Object.assign(document.createElement('link'), {
    rel: 'modulepreload', href: glue, integrity: '${sri(js)}', crossOrigin: 'anonymous', onload: loaded, onerror: () => failed(new Error(glue)),
  })));
  const { default: init, mountViewer, unmountViewer } = await import(glue);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(await css);
  globalThis.articleViewerSheet = sheet;
  await init({ module_or_path: await wasm });
  const again = (host) => {
    unmountViewer(host);
    if (host.isConnected) mountViewer(host);
  };
  if (!customElements.get('article-viewer')) {
    customElements.define('article-viewer', class extends HTMLElement {
      static observedAttributes = ATTRIBUTES;
      connectedCallback() { mountViewer(this); }
      disconnectedCallback() { unmountViewer(this); }
      attributeChangedCallback(name, old, value) { if (old !== value && this.isConnected) again(this); }
    });
    for (const name of ATTRIBUTES) {
      Object.defineProperty(customElements.get('article-viewer').prototype, name, {
        get() { return this.getAttribute(name) ?? ''; },
        set(value) { this.setAttribute(name, value); },
      });
    }
  }
  const hosts = (node) => (node.nodeType !== 1 ? [] : [...(node.matches(DIV) ? [node] : []), ...node.querySelectorAll(DIV)]);
  document.querySelectorAll(DIV).forEach(mountViewer);
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        if (r.target.matches(DIV)) again(r.target);
        continue;
      }
      for (const node of r.removedNodes) for (const host of hosts(node)) if (!host.isConnected) unmountViewer(host);
      for (const node of r.addedNodes) for (const host of hosts(node)) if (host.isConnected) mountViewer(host);
    }
  }).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ATTRIBUTES.map((a) => \`data-\${a}\`),
  });
} catch (e) {
  console.error('article viewer: not started, a file did not load or did not match its integrity hash:', e);
}
`;
write('embed.js', embedJs);
const embedIntegrity = `sha384-${createHash('sha384').update(embedJs, 'utf8').digest('base64')}`;
// The Embed control writes it into the snippets it gives.
index = index.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    <meta name="article-viewer-embed-integrity" content="${embedIntegrity}">`);



// ------------------------------------------------------------- ahead of time

// Stories written ahead of time by the core's one HTML writer, natively
// (src/bin/article-snippet.rs): no browser needed. A build that cannot run
// it fails, and says why: the page it would ship is the slow one.
const root = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
function articleSnippet(args) {
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', '--bin', 'article-snippet', '--', ...args], {
    cwd: root, encoding: 'utf8', maxBuffer: 64 << 20,
  });
  if (run.status !== 0) {
    console.error(`post-build: cannot render a story ahead of time (cargo run --bin article-snippet -- ${args.join(' ')}):
${(run.stderr || run.error?.message || '').trim()}`);
    process.exit(1);
  }
  // The style-src source the command names for a strict host policy, and
  // the players' origins (frame-src) the story's embeds may load.
  const styleSource = /style-src ('sha256-[^']+')/.exec(run.stderr)?.[1];
  const frameSrc = /frame-src ([^;\n]+)/.exec(run.stderr)?.[1]?.trim().split(/\s+/);
  if (!frameSrc?.length) {
    console.error('post-build: article-snippet named no frame-src sources');
    process.exit(1);
  }
  return { html: run.stdout, styleSource, frameSrc };
}

// The publisher example that pastes the snippet: each
// <!-- article-snippet SRC --> becomes the Embed control's inline snippet
// for SRC, with its story in it, written for a page in example/. The page
// runs under a strict policy, as a careful publisher's would: its own inline
// styles and the snippet's are allowed by their hashes, the latter as the
// snippet command gives it.
const STAND_IN = 'https://viewer.invalid/';
const hashOf = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
let snippetPage = read('example/snippet.html');
let snippetFrames = [];
const snippetStyles = [...snippetPage.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => hashOf(css));
snippetPage = snippetPage.replace(/<!-- article-snippet (\S+) -->/g, (_, src) => {
  const { html, styleSource, frameSrc } = articleSnippet([
    join(dir, 'example', src), '--src', src, '--page', `${STAND_IN}example/snippet.html`, '--viewer', STAND_IN,
    '--integrity', embedIntegrity,
  ]);
  if (!styleSource) throw new Error('post-build: article-snippet named no style-src source');
  snippetStyles.push(styleSource);
  snippetFrames = frameSrc;
  return html.trim().replaceAll(STAND_IN, '../');
});
const snippetPolicy = `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src 'self' https:; media-src 'self' https:; frame-src ${snippetFrames.join(' ')}; style-src ${snippetStyles.join(' ')}; base-uri 'none'; object-src 'none'`;
snippetPage = snippetPage.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="${snippetPolicy}">`);
write('example/snippet.html', snippetPage);

// The stylesheet goes inline into the pages of the viewer's own (release
// builds): the first paint needs no second round trip. It is the stylesheet
// exactly as a snippet carries it (`article-snippet --css`), so that the
// Embed control, which reads it there, writes the command's snippet byte
// for byte. The policy allows it by its hash.
function snippetCss() {
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', '--bin', 'article-snippet', '--', '--css'], {
    cwd: root, encoding: 'utf8', maxBuffer: 64 << 20,
  });
  if (run.status !== 0 || !run.stdout.trim()) {
    console.error(`post-build: cannot write the stylesheet (cargo run --bin article-snippet -- --css):
${(run.stderr || run.error?.message || '').trim()}`);
    process.exit(1);
  }
  return run.stdout.replace(/\n$/, '');
}
const inlineStyle = (html, css) => html.replace(/<link rel="stylesheet" href="([^"]+\.css)"[^>]*>/, (link, href) => {
  if (css.includes('</style')) throw new Error(`post-build: ${href} cannot be inlined`);
  return `<style data-article-viewer-css>${css}</style>`;
});
if (!release) {
  write('index.html', index);
  write('embed.html', embed);
  console.log('post-build: embed.html, embed.js, example/snippet.html');
  process.exit(0);
}

// The default story, prerendered into index.html: the first view paints it
// before the wasm has arrived (the wasm then takes over the same markup).
const preloaded = index.match(/<link rel="preload" href="([^"]+\.json)"/)?.[1];
if (!preloaded) throw new Error('post-build: no preloaded default article in index.html');
const standalone = articleSnippet([join(dir, preloaded), '--src', preloaded, '--standalone']);
const prerendered = JSON.parse(standalone.html);
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

const viewerCss = snippetCss();
index = inlineStyle(index, viewerCss);
embed = inlineStyle(embed, viewerCss);
if (/<link rel="stylesheet"/.test(index)) throw new Error('post-build: the stylesheet link was not inlined');
const styleHashes = [...new Set([...index.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g), ...embed.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)]
  .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`))];

// ------------------------------------------------------------- offline

// The viewer's own pages register the service worker a few seconds after
// they have loaded: its install downloads the app again, which must not
// compete with what the first view still fetches (the story's images, the
// timeline) on a slow line. Measured with Lighthouse's mobile run: registered
// at load, total blocking time 300-390 ms and a performance score of 88-93;
// three seconds later, 40-200 ms and 97-100 (without a worker: 120-160 ms,
// 96-99). A sandboxed iframe without
// allow-same-origin has no service workers: nothing happens there.
const REGISTER = `<script>addEventListener('load', () => setTimeout(() => { try { navigator.serviceWorker.register('sw.js').catch(() => {}); } catch {} }, 3000));</script>`;
index = index.replace('</body>', `${REGISTER}\n</body>`);
embed = embed.replace('</body>', `${REGISTER}\n</body>`);

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
  // The formats module's worker, started from its checked script.
  'worker-src': ["'self'", 'blob:'],
  // Videos, their captions; the third-party players, exactly, which load
  // only after the reader asks (core/src/players.rs).
  'media-src': ["'self'", 'https:'],
  'frame-src': standalone.frameSrc,
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

// The service worker: this build's files, under a cache named after their
// contents; a new build's worker takes over at the next navigation and
// deletes the old build's cache. The viewer hands over each story that
// decoded ({keep, body} messages): the copy to show offline, the latest 50
// kept. A request for one of this build's files or pages is answered from
// its cache, whatever the query (?src=…); stories and timelines (fetch() and
// <link rel=preload as=fetch>, not images or pages) go to the network first
// and, offline, to the saved copy. Shipped without comments, like embed.js.
// A live blog read offline needs its module too.
const APP_FILES = ['index.html', 'embed.html', 'embed.js', js, wasm, css.replace(/^\.\//, ''), 'favicon.svg', FORMATS_WORKER, FORMATS_WASM, LIVE, 'article-live_bg.wasm'];
const version = createHash('sha256');
for (const name of APP_FILES) version.update(name).update(readFileSync(join(dir, name)));
write('sw.js', `const VERSION = '${version.digest('hex').slice(0, 16)}';
const APP = 'article-viewer-app-' + VERSION;
const SAVED = 'article-viewer-saved';
const FILES = ${JSON.stringify(APP_FILES)};
const KEEP = 50;
const scope = new URL('./', self.location).pathname;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(APP).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('article-viewer-app-') && k !== APP).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  const { keep, body } = event.data || {};
  if (typeof keep !== 'string' || typeof body !== 'string') return;
  event.waitUntil(caches.open(SAVED).then(async (cache) => {
    await cache.put(keep, new Response(body, {
      headers: { 'Content-Type': 'application/json', 'X-Article-Viewer-Saved': new Date().toISOString() },
    }));
    const keys = await cache.keys();
    await Promise.all(keys.slice(0, Math.max(0, keys.length - KEEP)).map((k) => cache.delete(k)));
  }));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const own = url.origin === self.location.origin && url.pathname.startsWith(scope);
  const file = own ? (url.pathname.slice(scope.length) || 'index.html') : null;
  if (FILES.includes(file)) {
    event.respondWith(caches.open(APP)
      .then((cache) => cache.match(file))
      .then((hit) => hit || fetch(request)));
    return;
  }
  if (request.mode === 'navigate' || request.destination !== '') return;
  event.respondWith(fetch(request).catch((error) => caches.open(SAVED)
    .then((cache) => cache.match(request.url))
    .then((saved) => saved || Promise.reject(error))));
});
`);

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
console.log(`post-build: embed.html, embed.js, sw.js, _headers, CSP (${hashes.length} inline script hashes)${prerendered ? ', default article prerendered' : ''}`);
