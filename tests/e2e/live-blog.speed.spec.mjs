// A live blog of 2,000 updates opened in place without a main-thread task
// over 50 ms, every update reachable by its permalink. Run after every other
// test (the "speed" project): task lengths mean nothing on cores another
// test's browser shares.
import { expect, test } from './no-errors.mjs';
import { blog, serve, update, updates } from './live-blog-fixtures.mjs';

test('a blog of 2,000 updates opens without a main-thread task over 50 ms, every update reachable', async ({ page, request }) => {
  const list = Array.from({ length: 2000 }, (_, i) => {
    const t = new Date(Date.UTC(2025, 9, 15, 6, 0) + i * 60_000).toISOString().replace('.000Z', 'Z');
    return {
      id: `u${i}`, time: t, headline: i % 10 ? undefined : `Headline ${i}`, key: i % 400 === 0,
      body: [{ type: 'paragraph', text: `Update ${i}: a paragraph of the kind a live blog is made of, a sentence or two long.` }],
    };
  });
  const doc = await serve(request, blog(list));
  // Opened in place from another story, as a reader would come to it.
  const from = await serve(request, blog([update('a', '09:10')], {}, {
    live_blog: undefined,
    body: [{ type: 'related', links: [{ title: 'The big live blog', article: doc.url }] }],
  }));
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  });
  // Another test's browser shares these two cores: a task it stretches is
  // its, not this blog's. The opening is measured up to three times; the
  // blog passes when one opening needed no task over 50 ms.
  const runs = [];
  for (let attempt = 0; attempt < 3 && !runs.some((r) => r.length === 0); attempt++) {
    await page.goto(`index.html?src=${encodeURIComponent(from.url)}`);
    const link = page.getByRole('link', { name: 'The big live blog' });
    await expect(link).toBeVisible();
    await page.waitForTimeout(300);
    const clicked = await page.evaluate(() => performance.now());
    await link.click();
    await expect(updates(page)).toHaveCount(2000, { timeout: 20_000 });
    await page.waitForTimeout(300);
    runs.push((await page.evaluate(() => window.__long)).filter(([start]) => start >= clicked).map(([, d]) => Math.round(d)));
  }
  console.log(`2,000 updates opened in place: tasks over 50 ms in each opening: ${JSON.stringify(runs)}`);
  expect(runs.some((r) => r.length === 0), JSON.stringify(runs)).toBe(true);
  // The oldest, by its permalink.
  await page.goto(`index.html?src=${encodeURIComponent(doc.url)}#update-u0`);
  await expect(page.locator('#update-u0')).toBeFocused();
});

