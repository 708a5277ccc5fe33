import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const server = spawn(process.execPath, ['tests/e2e/server.mjs', '4297'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((r) => server.stdout.once('data', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto('http://127.0.0.1:4297/configured.html?csp=off&src=bench/timeline-1000-a.json');
await page.waitForFunction(() => document.querySelectorAll('.timeline__entry').length === 100);
await page.waitForTimeout(50);
const marks = await page.evaluate(() => { const r = performance.getEntriesByType('resource').find((e) => e.name.includes('timeline-1000-a')); return { responseEnd: r.responseEnd, now: performance.now() }; });
const { profile } = await cdp.send('Profiler.stop');
console.log(marks);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; let t = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  t += dt[i];
  const n = byId.get(profile.samples[i]);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
  self.set(key, (self.get(key) ?? 0) + dt[i] / 1000);
}
// Buckets of 4 ms after responseEnd: what ran.
const buckets = new Map();
let tt = profile.startTime;
const origin = (await page.evaluate(() => performance.timeOrigin)) * 1000;
for (let i = 0; i < profile.samples.length; i++) {
  tt += dt[i];
  const rel = (tt - origin) / 1000 - marks.responseEnd;
  if (rel < -20 || rel > 110) continue;
  const b = Math.floor(rel / 4) * 4;
  const n = byId.get(profile.samples[i]);
  const name = n.callFrame.functionName || n.callFrame.url.split('/').pop() || '(anon)';
  const m = buckets.get(b) ?? new Map();
  m.set(name, (m.get(name) ?? 0) + dt[i] / 1000);
  buckets.set(b, m);
}
for (const [b, m] of [...buckets].sort((x, y) => x[0] - y[0])) console.log(String(b).padStart(5), [...m].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([k, v]) => `${k}:${v.toFixed(1)}`).join('  '));
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`).join('\n'));
await browser.close(); server.kill();
