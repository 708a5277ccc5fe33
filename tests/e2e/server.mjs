// A static server for the release build on 127.0.0.1, with a few routes that
// let tests shape the network: failures, slow answers, counted requests.
//
//   /                      dist/ (the trunk release build)
//   /fixtures/…            tests/e2e/fixtures/
//   /__test/status/404     answers that status with an HTML error page
//   /__test/slow?ms=N&file=articles/x.json   answers a dist file after N ms
//   /__test/flaky?key=K&fails=N&status=S&file=…   fails N times per key, then serves
//
// Usage: node tests/e2e/server.mjs [port]   (default 4173, or $PORT)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
};
const failures = new Map();

async function fileFor(pathname) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    let rel = decodeURIComponent(pathname.slice(prefix.length)) || 'index.html';
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

async function send(res, pathname, status = 200) {
  const path = await fileFor(pathname);
  if (!path) return sendStatus(res, 404);
  try {
    const body = await readFile(path);
    res.writeHead(status, {
      'Content-Type': types[extname(path)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
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

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const q = url.searchParams;
  if (url.pathname.startsWith('/__test/status/')) {
    return sendStatus(res, Number(url.pathname.split('/').pop()) || 500);
  }
  if (url.pathname === '/__test/slow') {
    await new Promise((r) => setTimeout(r, Number(q.get('ms') ?? 1000)));
    return send(res, '/' + q.get('file'));
  }
  if (url.pathname === '/__test/flaky') {
    const key = q.get('key');
    const seen = failures.get(key) ?? 0;
    failures.set(key, seen + 1);
    if (seen < Number(q.get('fails') ?? 1)) return sendStatus(res, Number(q.get('status') ?? 503));
    return send(res, '/' + q.get('file'));
  }
  return send(res, url.pathname);
});

const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
server.listen(port, '127.0.0.1', () => {
  console.log(`serving dist/ on http://127.0.0.1:${port}/`);
});
