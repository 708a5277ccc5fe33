import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const server = spawn(process.execPath, ['tests/e2e/server.mjs', '4298'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((r) => server.stdout.once('data', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const n of [1000, 10000]) for (let run = 0; run < 3; run++) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__t = {};
    new MutationObserver(() => {
      const now = performance.now();
      if (!window.__t.h1 && document.querySelector('h1.story__headline')?.textContent.startsWith('Timeline')) window.__t.h1 = now;
      if (!window.__t.slot && document.querySelector('.timeline-slot')) window.__t.slot = now;
      if (!window.__t.entries && document.querySelectorAll('.timeline__entry').length >= 100) window.__t.entries = now;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`http://127.0.0.1:4298/index.html?src=bench/timeline-${n}-a.json`);
  await page.waitForFunction(() => window.__t.entries);
  await page.waitForTimeout(100);
  const r = await page.evaluate((n) => { const res = performance.getEntriesByType('resource').find((e) => e.name.includes(`timeline-${n}-a`)); return { start: res.requestStart, end: res.responseEnd, ...window.__t }; }, n);
  const rel = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v - r.end)]));
  console.log(n, JSON.stringify(rel));
  await page.close();
}
await browser.close(); server.kill();
