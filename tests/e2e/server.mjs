// A static server for the release build on 127.0.0.1, with a few routes that
// let tests shape the network: failures, slow answers, counted requests.
//
//   /                      dist/ (the trunk release build)
//   /fixtures/…            tests/e2e/fixtures/
//   /__test/status/404     answers that status with an HTML error page
//   /__test/slow?ms=N&file=articles/x.json   answers a dist file after N ms
//   /__test/flaky?key=K&fails=N&status=S&retryAfter=R&file=…   fails N times per key, then serves
//   /__test/count?key=K    how many requests /__test/flaky saw for K
//   /__test/body?b64=…&status=S&type=T&length=none&retryAfter=R   exactly these bytes
//   /__test/stream?kb=N    N KiB without a Content-Length
//   /__test/feed?key=K     a live timeline source: the document (and status) last POSTed
//                          (a string: sent as it is, as application/rss+xml)
//                          for K, with an ETag, answering 304 to a matching If-None-Match
//   /__test/feed-stats?key=K   {requests, conditional, notModified, failed} seen for K
//   /__test/misbehave?how=H&file=articles/x.json   a network gone wrong, H one of:
//                          reset (the connection dropped halfway through the body), stall (the
//                          first bytes, then nothing), trickle (a byte a second), long-length /
//                          short-length (Content-Length larger / smaller than the body),
//                          gzip-bomb (a few KB that inflate past the size cap), redirect-loop,
//                          redirect-origin (to the same file on the second port, another origin),
//                          redirect-scheme (to a data: URL), html-type (the JSON as text/html),
//                          empty (a 200 with no body), login (a 200 with an HTML login page)
//   /__test/strict-host.html   a publisher's page hosting two inline viewers from the second port
//                          (the viewer's "CDN") under exactly the policy the README documents
//   /__test/big?entries=N&paragraphs=M   an article of M paragraphs, its timeline N entries
//                          from /__test/big-timeline?entries=N
//   /configured.html?sources=…&timeout-ms=…&csp=off   index.html with <meta name="article-viewer-…">
//                          (csp=off: without its Content-Security-Policy)
//   /__test/deploy?build=B     from now on, /sw.js is the build's service worker as a new deploy
//                          B would write it (its version, hence its cache's name, ends in B)
//   /watched.html          index.html under its own policy, with one more inline script (allowed
//                          by its hash) that records every securitypolicyviolation in __violations
//
// Usage: node tests/e2e/server.mjs [port]   (default 4173, or $PORT; also port + 1)
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const mounts = [
  ['/fixtures/', join(root, 'tests/e2e/fixtures')],
  ['/', join(root, 'dist')],
];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
};
const failures = new Map();
const feeds = new Map();

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

// A generated article with `paragraphs` paragraphs and a timeline of
// `entries` entries a minute apart, from its source (too big to inline).
function bigArticle(entries, paragraphs) {
  return JSON.stringify({
    schema_version: 1, id: 'big', lang: 'en-GB', headline: `Big: ${entries} entries, ${paragraphs} paragraphs`,
    published: '2025-10-15T12:00:00Z',
    body: Array.from({ length: Math.max(paragraphs, 1) }, (_, i) => ({ type: 'paragraph', text: `Paragraph ${i + 1}: the quick brown fox jumps over the lazy dog, again and again.` })),
    timeline: { source: `/__test/big-timeline?entries=${entries}` },
  });
}

function bigTimeline(entries) {
  const start = Date.parse('2025-10-15T12:00:00Z');
  return JSON.stringify({
    entries: Array.from({ length: entries }, (_, i) => ({
      id: `e${i}`, time: new Date(start - i * 60_000).toISOString().replace('.000Z', 'Z'), headline: `Entry ${i + 1}`, url: `https://news.example/${i}`,
    })),
  });
}

// The headers a static host would send for a path, from the build's own
// _headers file (Netlify's format: a path, then indented headers; `/*`
// matches everything, and every matching block applies).
async function hostHeaders(pathname) {
  let text;
  try {
    text = await readFile(join(root, 'dist/_headers'), 'utf8');
  } catch {
    return {};
  }
  const headers = {};
  let applies = false;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) {
      const pattern = line.trim();
      applies = pattern.endsWith('/*') ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern;
    } else if (applies && line.includes(':')) {
      const i = line.indexOf(':');
      headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return headers;
}

async function fileFor(pathname) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    let rel;
    try {
      rel = decodeURIComponent(pathname.slice(prefix.length)) || 'index.html';
    } catch {
      return null;
    }
    const path = normalize(join(dir, rel));
    if (!path.startsWith(dir)) return null;
    try {
      const info = await stat(path);
      return info.isDirectory() ? join(path, 'index.html') : path;
    } catch {
      return null;
    }
  }
  return null;
}

// Compressed once per file version, as a static host or CDN would serve them.
const compressed = new Map();
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt']);

async function encode(path, encoding) {
  const { mtimeMs } = await stat(path);
  const key = `${path}\0${mtimeMs}\0${encoding}`;
  if (!compressed.has(key)) {
    const raw = await readFile(path);
    compressed.set(key, encoding === 'br'
      ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      : gzipSync(raw, { level: 9 }));
  }
  return compressed.get(key);
}

async function send(res, pathname, status = 200, accept = '') {
  const path = await fileFor(pathname);
  if (!path) return sendStatus(res, 404);
  try {
    const encoding = !COMPRESSIBLE.has(extname(path)) ? null
      : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    const body = encoding ? await encode(path, encoding) : await readFile(path);
    res.writeHead(status, {
      ...(await hostHeaders(pathname)),
      'Content-Type': types[extname(path)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      ...(encoding ? { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' } : {}),
    });
    res.end(body);
  } catch {
    sendStatus(res, 404);
  }
}

function sendStatus(res, status) {
  const body = `<!doctype html><title>${status}</title><h1>Error ${status}</h1>`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(body);
}

async function misbehave(req, res, how, file) {
  const body = await readFile(join(root, 'dist', normalize(file).replace(/^(\.\.[/\\])+/, '')));
  const json = { 'Content-Type': types['.json'], 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
  const self = `/__test/misbehave?how=${how}&file=${encodeURIComponent(file)}`;
  let timer;
  res.on('close', () => clearInterval(timer));
  switch (how) {
    case 'reset':
      res.writeHead(200, { ...json, 'Content-Length': body.length });
      res.write(body.subarray(0, body.length >> 1));
      return setTimeout(() => res.socket?.destroy(), 100);
    case 'stall':
      res.writeHead(200, { ...json, 'Content-Length': body.length });
      return res.write(body.subarray(0, 16)); // and nothing more
    case 'trickle': {
      res.writeHead(200, { ...json, 'Content-Length': body.length });
      let at = 0;
      timer = setInterval(() => (at < body.length ? res.write(body.subarray(at, ++at)) : res.end()), 1000);
      return undefined;
    }
    case 'long-length':
      res.writeHead(200, { ...json, 'Content-Length': body.length + 100 });
      res.write(body);
      return setTimeout(() => res.socket?.destroy(), 100);
    case 'short-length':
      res.writeHead(200, { ...json, 'Content-Length': body.length - 40 });
      return res.end(body.subarray(0, body.length - 40));
    case 'gzip-bomb': {
      // 4 MiB of spaces inside a JSON string: a few KB on the wire.
      const bomb = gzipSync(Buffer.concat([Buffer.from('{"headline": "'), Buffer.alloc(4 << 20, 0x20), Buffer.from('"}')]), { level: 9 });
      res.writeHead(200, { ...json, 'Content-Encoding': 'gzip', 'Content-Length': bomb.length });
      return res.end(bomb);
    }
    case 'redirect-loop':
      res.writeHead(302, { Location: self, 'Access-Control-Allow-Origin': '*' });
      return res.end();
    case 'redirect-origin': {
      const port = Number(req.headers.host.split(':')[1]);
      res.writeHead(302, { Location: `http://127.0.0.1:${port + 1}/${file}`, 'Access-Control-Allow-Origin': '*' });
      return res.end();
    }
    case 'redirect-scheme':
      res.writeHead(302, { Location: `data:application/json;base64,${body.toString('base64')}`, 'Access-Control-Allow-Origin': '*' });
      return res.end();
    case 'html-type':
      res.writeHead(200, { ...json, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
      return res.end(body);
    case 'empty':
      res.writeHead(200, { ...json, 'Content-Length': 0 });
      return res.end();
    case 'login': {
      const page = '<!doctype html><html><head><title>Sign in</title></head><body><form method="post" action="/login"><input name="user"><input name="password" type="password"><button>Sign in</button></form></body></html>';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(page) });
      return res.end(page);
    }
    default:
      return sendStatus(res, 400);
  }
}

const handler = (req, res) => {
  res.on('error', () => {});
  handle(req, res).catch((e) => {
    console.error(`${req.url}: ${e.stack}`);
    if (!res.headersSent) sendStatus(res, 500);
    else res.destroy();
  });
};

async function handle(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const q = url.searchParams;
  if (url.pathname.startsWith('/__test/status/')) {
    return sendStatus(res, Number(url.pathname.split('/').pop()) || 500);
  }
  if (url.pathname === '/__test/slow') {
    await new Promise((r) => setTimeout(r, Number(q.get('ms') ?? 1000)));
    return send(res, '/' + q.get('file'));
  }
  if (url.pathname === '/__test/body') {
    // Serves exactly the bytes given (base64), with the status and headers asked.
    const body = Buffer.from(q.get('b64') ?? '', 'base64');
    const headers = { 'Content-Type': q.get('type') ?? 'application/json' };
    if (q.get('retryAfter')) headers['Retry-After'] = q.get('retryAfter');
    if (q.get('length') !== 'none') headers['Content-Length'] = body.length;
    res.writeHead(Number(q.get('status') ?? 200), headers);
    return res.end(body);
  }
  if (url.pathname === '/__test/stream') {
    // An answer with no Content-Length, `kb` kilobytes of JSON-ish bytes in chunks.
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const chunk = Buffer.alloc(1024, 0x20);
    let left = Number(q.get('kb') ?? 4096);
    const pump = () => {
      while (left > 0) {
        left--;
        if (!res.write(chunk)) return res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => { left = 0; });
    return pump();
  }
  if (url.pathname === '/__test/count') {
    // How many requests a key has seen (for retry tests).
    return res.end(String(failures.get(q.get('key')) ?? 0));
  }
  if (url.pathname === '/__test/feed') {
    const key = q.get('key');
    if (req.method === 'POST') {
      // {doc, status, retryAfter}: what the next polls get.
      const state = JSON.parse(await readBody(req));
      const old = feeds.get(key);
      feeds.set(key, { ...state, stats: old?.stats ?? { requests: 0, conditional: 0, notModified: 0, failed: 0 } });
      return res.end('ok');
    }
    const feed = feeds.get(key);
    if (!feed) return sendStatus(res, 404);
    const { stats } = feed;
    stats.requests++;
    const inm = req.headers['if-none-match'];
    if (inm || req.headers['if-modified-since']) stats.conditional++;
    if (feed.status && feed.status !== 200) {
      stats.failed++;
      if (feed.retryAfter) res.setHeader('Retry-After', String(feed.retryAfter));
      return sendStatus(res, feed.status);
    }
    // A string is a document as it is (an RSS feed); anything else, JSON.
    const raw = typeof feed.doc === 'string';
    const body = raw ? feed.doc : JSON.stringify(feed.doc);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (inm === etag) {
      stats.notModified++;
      res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': raw ? 'application/rss+xml' : types['.json'], ETag: etag, 'Cache-Control': 'no-cache' });
    return res.end(body);
  }
  if (url.pathname === '/__test/feed-stats') {
    res.writeHead(200, { 'Content-Type': types['.json'] });
    return res.end(JSON.stringify(feeds.get(q.get('key'))?.stats ?? null));
  }
  if (url.pathname === '/__test/strict-host.html') {
    const self = `http://${req.headers.host}`;
    const viewer = `http://127.0.0.1:${Number(req.headers.host.split(':')[1]) + 1}`;
    // The README's policy for a page hosting inline viewers, with the
    // viewer's origin and the articles' origins filled in.
    const policy = [
      "default-src 'none'",
      `script-src ${viewer} 'wasm-unsafe-eval'`,
      `connect-src ${viewer} ${self}`,
      `img-src ${viewer} ${self} https:`,
      "style-src 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join('; ');
    res.writeHead(200, { 'Content-Type': types['.html'], 'Content-Security-Policy': policy, 'Cache-Control': 'no-store' });
    return res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A strict host</title>
<script src="${viewer}/fixtures/watch-violations.js"></script>
<script type="module" src="${viewer}/embed.js"></script></head>
<body><h1>A strict host</h1>
<div id="one" data-article-viewer data-src="${viewer}/articles/sample-library-reopens.json"></div>
<div id="two" data-article-viewer data-src="../articles/sample-weekend-weather.json"></div>
</body></html>`);
  }
  if (url.pathname === '/__test/misbehave') {
    return misbehave(req, res, q.get('how'), q.get('file') ?? 'articles/sample-city-budget.json');
  }
  if (url.pathname === '/__test/big') {
    res.writeHead(200, { 'Content-Type': types['.json'] });
    return res.end(bigArticle(Number(q.get('entries') ?? 0), Number(q.get('paragraphs') ?? 1)));
  }
  if (url.pathname === '/__test/big-timeline') {
    res.writeHead(200, { 'Content-Type': types['.json'] });
    return res.end(bigTimeline(Number(q.get('entries') ?? 0)));
  }
  if (url.pathname === '/configured.html') {
    // dist/index.html with the <meta> configuration given in the query.
    let html = await readFile(join(root, 'dist/index.html'), 'utf8');
    const cspOff = q.get('csp') === 'off';
    q.delete('csp');
    if (cspOff) html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    const metas = [...q].filter(([name]) => name !== 'src').map(([name, content]) =>
      `<meta name="article-viewer-${name.replace(/[^a-z-]/g, '')}" content="${content.replace(/[<>"&]/g, '')}">`);
    html = html.replace('</head>', `${metas.join('')}</head>`);
    const headers = await hostHeaders(cspOff ? '/configured.html' : '/index.html');
    res.writeHead(200, { ...headers, 'Content-Type': types['.html'], 'Cache-Control': 'no-store' });
    return res.end(html);
  }
  if (url.pathname === '/watched.html') {
    const watch = "window.__violations=[];document.addEventListener('securitypolicyviolation',function(e){window.__violations.push(e.violatedDirective+' '+e.blockedURI)});";
    const hash = `'sha256-${createHash('sha256').update(watch).digest('base64')}'`;
    let html = await readFile(join(root, 'dist/index.html'), 'utf8');
    html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, (meta) =>
      `${meta.replace("script-src 'self'", `script-src 'self' ${hash}`)}<script>${watch}</script>`);
    if (!html.includes(watch)) throw new Error('watched.html: no Content-Security-Policy in dist/index.html');
    const headers = await hostHeaders('/index.html');
    if (headers['Content-Security-Policy']) {
      headers['Content-Security-Policy'] = headers['Content-Security-Policy'].replace("script-src 'self'", `script-src 'self' ${hash}`);
    }
    res.writeHead(200, { ...headers, 'Content-Type': types['.html'], 'Cache-Control': 'no-store' });
    return res.end(html);
  }
  if (url.pathname === '/__test/flaky') {
    const key = q.get('key');
    const seen = failures.get(key) ?? 0;
    failures.set(key, seen + 1);
    if (seen < Number(q.get('fails') ?? 1)) {
      if (q.get('retryAfter')) res.setHeader('Retry-After', q.get('retryAfter'));
      return sendStatus(res, Number(q.get('status') ?? 503));
    }
    return send(res, '/' + q.get('file'));
  }
  if (url.pathname === '/__test/deploy') {
    deployed = q.get('build') ?? '';
    res.writeHead(204);
    return res.end();
  }
  if (url.pathname === '/sw.js' && deployed) {
    const sw = (await readFile(join(root, 'dist/sw.js'), 'utf8'))
      .replace(/const VERSION = '([^']+)'/, (_, v) => `const VERSION = '${v}-${deployed}'`);
    res.writeHead(200, { 'Content-Type': types['.js'], 'Cache-Control': 'no-store' });
    return res.end(sw);
  }
  return send(res, url.pathname, 200, req.headers['accept-encoding'] ?? '');
}

// The service worker a new deploy would ship (/__test/deploy).
let deployed = '';

// Two origins: the second plays a CDN that serves the viewer's script to a
// publisher's page on the first.
const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
for (const p of [port, port + 1]) {
  createServer(handler).listen(p, '127.0.0.1', () => console.log(`serving dist/ on http://127.0.0.1:${p}/`));
}
