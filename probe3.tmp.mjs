import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const server = spawn(process.execPath, ['tests/e2e/server.mjs', '4296'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((r) => server.stdout.once('data', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto('http://127.0.0.1:4296/index.html?src=articles/syria-russia-moscow-visit.json');
await page.getByText('Embed', { exact: true }).click();
await page.waitForTimeout(3000);
console.log(await page.evaluate(async () => {
  try {
    const w = self.articleViewerWriter; if (!w) return 'no writer';
    await w({ module_or_path: 'article-writer_bg.wasm' });
    const json = await (await fetch('articles/syria-russia-moscow-visit.json')).text();
    return w.writeSnippet(json, location.origin + '/articles/syria-russia-moscow-visit.json', location.origin + '/articles/syria-russia-moscow-visit.json', location.origin + '/', undefined, 'p{}').slice(0, 100);
  } catch (e) { return 'ERR ' + e + ' ' + e.stack; }
}));
console.log((await page.locator('.embed-code textarea').first().inputValue()).slice(0, 200));
await browser.close(); server.kill();
