// Prints what the first view downloads (gzip -9 and brotli bytes) and fails
// when the JavaScript + wasm passes the budget.
//
// Usage: node tests/size.mjs   (after `trunk build --release --offline`)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// A guard against regressions, set just above today's build (215.2 KB gzip
// after the core/shell split, embed.js included; see README, "Performance").
// It only goes down: a feature that needs bytes earns them elsewhere.
const BUDGET_JS_WASM_GZIP = 216 * 1024;

const dist = 'dist';
const files = readdirSync(dist).filter((f) => /\.(html|css|js|wasm)$/.test(f));
files.push('articles/syria-russia-moscow-visit.json');

const rows = files.map((file) => {
  const bytes = readFileSync(join(dist, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
console.log(`${'file'.padEnd(44)}${'raw'.padStart(10)}${'gzip -9'.padStart(10)}${'brotli'.padStart(10)}`);
for (const r of rows) console.log(`${r.file.padEnd(44)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
const sum = (pred, key) => rows.filter(pred).reduce((n, r) => n + r[key], 0);
const code = (r) => /\.(js|wasm)$/.test(r.file);
// What the viewer's own page downloads for its first view: the page, its
// script and wasm, the default article, and the stylesheet if it is not inline.
const index = readFileSync(join(dist, 'index.html'), 'utf8');
const firstView = (r) => r.file === 'index.html' || (r.file !== 'embed.js' && code(r))
  || r.file.startsWith('articles/') || (r.file.endsWith('.css') && index.includes(r.file));
console.log(`${'js + wasm'.padEnd(44)}${kb(sum(code, 'raw'))}${kb(sum(code, 'gzip'))}${kb(sum(code, 'brotli'))}`);
console.log(`${'first view of index.html in all'.padEnd(44)}${kb(sum(firstView, 'raw'))}${kb(sum(firstView, 'gzip'))}${kb(sum(firstView, 'brotli'))}`);

const codeGzip = sum(code, 'gzip');
if (codeGzip > BUDGET_JS_WASM_GZIP) {
  console.error(`js + wasm is ${kb(codeGzip)} gzip, over the budget of ${kb(BUDGET_JS_WASM_GZIP)}`);
  process.exit(1);
}
