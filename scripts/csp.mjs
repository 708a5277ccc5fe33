// trunk post-build hook (release builds): writes the Content-Security-Policy
// into index.html as a <meta http-equiv> and into _headers for static hosts
// (Netlify, Cloudflare Pages and the end-to-end test server read it), from
// the one policy below. trunk's inline module loader is allowed by its hash;
// nothing else inline runs.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
if ((process.env.TRUNK_PROFILE ?? 'release') !== 'release') {
  // `trunk serve` in debug injects its own live-reload script: no policy there.
  process.exit(0);
}

const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter(([tag, body]) => !/\bsrc=/.test(tag.slice(0, tag.indexOf('>'))) && body.length > 0)
  .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);

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
// Only an HTTP header can carry these; a <meta> policy ignores them with a warning.
const headerOnly = { 'frame-ancestors': ["'self'"] };

const serialize = (p) => Object.entries(p).map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${serialize(policy)}">`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
html = html.replace(/<head>/, `<head>\n    ${meta}`);
writeFileSync(htmlPath, html);

writeFileSync(
  join(dir, '_headers'),
  [
    '/*',
    `  Content-Security-Policy: ${serialize({ ...policy, ...headerOnly })}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n'),
);
console.log(`csp: ${hashes.length} inline script hash(es) in index.html and _headers`);
