// trunk post-build hook (release builds). From the built index.html it makes:
//
//   embed.html   the chrome-less page for iframes (<body data-embed="frame">)
//   embed.js     the one module script a publisher includes to embed viewers
//   _headers     headers for static hosts (Netlify, Cloudflare Pages; the
//                end-to-end test server reads it too)
//
// and writes the Content-Security-Policy into index.html and embed.html as a
// <meta http-equiv> and into _headers, from the one policy below. trunk's
// inline module loader is allowed by its hash; nothing else inline runs.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
// `trunk serve` in debug injects its own live-reload script: no policy there.
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';

const read = (name) => readFileSync(join(dir, name), 'utf8');
const write = (name, text) => writeFileSync(join(dir, name), text);
let index = read('index.html');

const hashes = [...index.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
  .filter(([, attrs, body]) => !/\bsrc=/.test(attrs) && body.length > 0)
  .map(([, , body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);

const policy = {
  'default-src': ["'none'"],
  'script-src': ["'self'", ...hashes, "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'https:'],
  'connect-src': ["'self'", 'https:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};
const serialize = (p) => Object.entries(p).map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');
const withMeta = (html) =>
  !release ? html : html
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '')
    .replace(/<head>/, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${serialize(policy)}">`);

index = withMeta(index);
write('index.html', index);

// The iframe page: no chrome, and no preload of the default article (an
// iframe always names its own).
write(
  'embed.html',
  index
    .replace(/<body>/, '<body data-embed="frame">')
    .replace(/\s*<!--[^>]*-->\s*<link rel="preload" href="articles\/[^"]*" as="fetch"[^>]*>/, ''),
);

const js = index.match(/import init, \* as bindings from '\.\/([^']+\.js)'/)?.[1];
const wasm = index.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!js || !wasm) throw new Error('post-build: trunk loader not found in index.html');
write(
  'embed.js',
  `// Embeds article viewers in any page:
//   <script type="module" src="…/embed.js"></script>
//   <div data-article-viewer data-src="article.json"></div>
// Each element gets its own viewer in a shadow root. Generated at build time.
const base = new URL('./', import.meta.url).href;
globalThis.articleViewerBase = base;
const { default: init } = await import(new URL('${js}', base).href);
await init({ module_or_path: new URL('${wasm}', base) });
`,
);

const csp = serialize(policy);
if (release) write(
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
console.log(`post-build: embed.html, embed.js${release ? `, _headers and the CSP (${hashes.length} inline script hash)` : ''}`);
