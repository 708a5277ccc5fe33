// Long sessions lose nothing and leak nothing: hundreds of in-app
// navigations in one page — timeline clicks, Back and Forward, failures
// between them — and after a warm-up the page's DOM nodes, event listeners,
// JS heap after GC, wasm memory and live timers grow by at most 5 %.
//
// The test command runs SOAK_NAVIGATIONS=300 (the default); `scripts/soak`
// runs 1,000 and prints the figures.
import { expect, test } from './no-errors.mjs';

const N = Number(process.env.SOAK_NAVIGATIONS ?? 300);
const HEADLINES = {
  'articles/sample-city-budget.json': "City council approves next year's budget",
  'articles/sample-library-reopens.json': 'Central library reopens after restoration',
  'articles/sample-weekend-weather.json': 'Rain expected along the coast this weekend',
  'articles/syria-russia-moscow-visit.json': 'Syrian president seeks to redefine ties with Russia during Moscow visit',
};

// The wasm's memory, and the live timers, counted where the viewer sets and
// clears them.
const COUNT_TIMERS = () => {
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  const live = new Set();
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
  window.setTimeout = (f, ms, ...a) => { const id = st((...x) => { live.delete(id); f(...x); }, ms, ...a); live.add(id); return id; };
  window.clearTimeout = (id) => { live.delete(id); ct(id); };
  window.setInterval = (f, ms, ...a) => { const id = si(f, ms, ...a); live.add(id); return id; };
  window.clearInterval = (id) => { live.delete(id); ci(id); };
  window.__timers = () => live.size;
};

// The JS heap after GC, as objects: a heap snapshot's nodes other than V8's
// compiled code (which grows as functions get optimised, and is not held by
// the page) and the engine's native bookkeeping (the debugger's network and
// console buffers among it).
async function jsHeap(cdp) {
  await cdp.send('Runtime.discardConsoleEntries');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks = [];
  const take = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', take);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', take);
  const { snapshot, nodes } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const [type, size] = [fields.indexOf('type'), fields.indexOf('self_size')];
  const types = snapshot.meta.node_types[0];
  let bytes = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    if (!['code', 'native', 'synthetic'].includes(types[nodes[i + type]])) bytes += nodes[i + size];
  }
  return bytes;
}

async function measure(page, cdp) {
  const heap = await jsHeap(cdp);
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  const [wasm, timers] = await page.evaluate(() => [window.__wasm.memory.buffer.byteLength, window.__timers()]);
  return { nodes, listeners: jsEventListeners, heap, wasm, timers };
}

test(`${N} in-app navigations leak nothing`, async ({ page }) => {
  test.setTimeout(120_000 + N * 600);
  await page.addInitScript(COUNT_TIMERS);
  const cdp = await page.context().newCDPSession(page);
  const sample = () => measure(page, cdp);
  const headline = page.getByRole('heading', { level: 1 });
  const open = (src) => page.evaluate((s) => {
    const url = new URL(location.href);
    url.searchParams.set('src', s);
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
  }, src);

  await page.goto('index.html?src=articles/sample-city-budget.json');
  await expect(headline).toHaveText(HEADLINES['articles/sample-city-budget.json']);
  let done = 0;
  let expected = HEADLINES['articles/sample-city-budget.json'];
  // One round: a timeline click, Back, Forward, a failure, another story.
  const round = async (i) => {
    const target = i % 2 ? 'Central library reopens after restoration' : 'Rain expected along the coast this weekend';
    await page.locator('main .timeline__link', { hasText: target }).first().click();
    await expect(headline).toHaveText(target);
    await page.goBack();
    await expect(headline).toHaveText(expected);
    await page.goForward();
    await expect(headline).toHaveText(target);
    await open('__test/status/404');
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(headline).toHaveText(target);
    await open('articles/sample-city-budget.json');
    await expect(headline).toHaveText(HEADLINES['articles/sample-city-budget.json']);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expected = HEADLINES['articles/sample-city-budget.json'];
    done += 5;
  };
  let i = 0;
  while (done < N / 5) await round(i++);
  const before = await sample();
  while (done < N) await round(i++);
  const after = await sample();
  const growth = Object.fromEntries(Object.keys(before).map((k) => [k, before[k] ? after[k] / before[k] - 1 : after[k]]));
  console.log(`soak: ${done} navigations; after the warm-up (${Math.round(N / 5)}) → the end: ${JSON.stringify({ before, after })}`);
  for (const key of ['nodes', 'listeners', 'heap', 'wasm']) {
    expect(growth[key], `${key}: ${before[key]} → ${after[key]}`).toBeLessThanOrEqual(0.05);
  }
  expect(after.timers, 'live timers').toBeLessThanOrEqual(before.timers);
  await expect(headline).toHaveText(HEADLINES['articles/sample-city-budget.json']);
});

// A day of a live timeline on Playwright's clock: every 10 s against a feed
// that mostly answers 304, gains entries now and then, fails in a burst
// (503 for a stretch, the poller backing off) and recovers. Every request
// comes exactly when the backoff says, not a millisecond before; timers and
// memory stay flat; no entry is lost or shown twice; and "n new updates" is
// right at the end. The test command runs SOAK_HOURS=3; `scripts/soak` 24.
const HOURS = Number(process.env.SOAK_HOURS ?? 3);
const T0 = new Date('2025-10-15T00:00:00Z');
const INTERVAL = 10_000;
const MAX_BACKOFF = 600_000;

test(`${HOURS} hours of a live timeline keep to the backoff and leak nothing`, async ({ page, baseURL }) => {
  test.setTimeout(60_000 + HOURS * 60_000);
  const key = `soak-${Date.now()}`;
  const at = (ms) => new Date(+T0 + ms).toISOString().replace('.000Z', 'Z');
  let entries = [{ id: 'e0', time: at(-60_000), headline: 'Entry 0' }];
  // Node's own fetch, not Playwright's request fixture: that one keeps every
  // response's body until the test ends, and a day is tens of thousands of
  // calls, each slower than the last as its heap grows.
  const api = (path, init) => fetch(new URL(path, baseURL), init);
  const setFeed = async (state) => expect((await api(`/__test/feed?key=${key}`, { method: 'POST', body: JSON.stringify(state) })).ok).toBe(true);
  const requests = async () => (await (await api(`/__test/feed-stats?key=${key}`)).json()).requests;
  await setFeed({ doc: { entries } });
  await page.clock.install({ time: T0 });
  await page.clock.pauseAt(new Date(+T0 + 1000));
  // After the clock: the live timers are counted on the clock's own.
  await page.addInitScript(COUNT_TIMERS);
  const article = {
    schema_version: 1, id: 'soak', lang: 'en-GB', headline: 'A long day', published: at(0),
    body: [{ type: 'paragraph', text: 'P' }],
    timeline: { title: 'Live', source: `/__test/feed?key=${encodeURIComponent(key)}`, live: true, interval: 10, entries: [] },
  };
  const b64 = Buffer.from(JSON.stringify(article)).toString('base64');
  await page.goto(`index.html?src=${encodeURIComponent(`/__test/body?b64=${encodeURIComponent(b64)}`)}`);
  // Advances the page's clock. Each call of Playwright's public clock API
  // also adds an init script to the context (to replay the clock after a
  // navigation, which this page never makes), and each call is slower than
  // the one before: over a simulated day a poll went from 80 ms to 0.5 s.
  // The clock's own controller in the page does the same advance.
  const runFor = (ms) => page.evaluate((ms) => globalThis.__pwClock.controller.runFor(ms), ms);
  const live = page.getByRole('region', { name: 'Live' });
  await expect(live.locator('.timeline__headline')).toHaveText(['Entry 0']);
  await expect(live).toHaveAttribute('aria-busy', 'false');
  const cdp = await page.context().newCDPSession(page);
  const sample = () => measure(page, cdp);

  // The day's script: hour by hour, an entry every 20 minutes; from 1/3 to
  // 1/2 of the day the feed fails with 503.
  const end = HOURS * 3_600_000;
  const failFrom = end / 3;
  const failUntil = end / 2;
  let now = 1000; // the clock's time since T0
  let due = now + INTERVAL;
  let failures = 0;
  let count = await requests();
  let added = 0;
  let before = null;
  while (due <= end) {
    // Not a millisecond early…
    await runFor(due - now - 1);
    expect(await requests(), `no request before ${at(due)}`).toBe(count);
    // …and then exactly on time.
    const failing = due >= failFrom && due < failUntil;
    const grows = !failing && Math.floor(due / 1_200_000) > Math.floor(now / 1_200_000);
    if (grows) {
      entries = [{ id: `e${entries.length}`, time: at(due - 5000), headline: `Entry ${entries.length}` }, ...entries];
      added++;
    }
    await setFeed(failing ? { doc: { entries }, status: 503 } : { doc: { entries } });
    await runFor(1);
    now = due;
    count++;
    // Waits for the request and its answer on screen, polling tightly: a
    // day is thousands of polls.
    for (const until = Date.now() + 10_000; ;) {
      const [seen, busy] = [await requests(), await live.getAttribute('aria-busy')];
      if (seen === count && busy === 'false') break;
      expect(seen, `the request due at ${at(due)}`).toBeLessThanOrEqual(count);
      if (Date.now() > until) throw new Error(`the request due at ${at(due)}: ${seen} of ${count}, busy ${busy}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    failures = failing ? failures + 1 : 0;
    due = now + (failures === 0 ? INTERVAL : Math.min(INTERVAL * 2 ** Math.min(failures, 16), MAX_BACKOFF));
    if (!before && now >= end / 6) before = await sample();
  }
  const after = await sample();
  console.log(`soak: ${HOURS} h of polling, ${count} requests, ${added} new entries; ${JSON.stringify({ before, after })}`);
  for (const k of ['nodes', 'listeners', 'heap', 'wasm']) {
    expect(after[k] / before[k] - 1, `${k}: ${before[k]} → ${after[k]}`).toBeLessThanOrEqual(0.05);
  }
  expect(after.timers, 'live timers').toBeLessThanOrEqual(before.timers);
  // Nothing lost, nothing twice: the entries on screen and those waiting.
  await expect(live.getByRole('button', { name: `${added} new update${added === 1 ? '' : 's'}` })).toBeVisible();
  await live.getByRole('button', { name: /new update/ }).click();
  await expect(live.locator('.timeline__headline')).toHaveText(entries.map((e) => e.headline));
});
