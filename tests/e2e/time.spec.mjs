// Times are the reader's: each browser context here is a reader in another
// locale and time zone, with the clock fixed, reading tests/e2e/fixtures/times.json
// (six entries in UTC that cross midnight in some zones and, in New York,
// the end of daylight saving time on 2025-11-02 at 06:00 UTC).
import { expect, test } from './no-errors.mjs';

const NOW = new Date('2025-11-02T12:00:00Z');

// Arabic-Indic and Persian digits read as ASCII, then the numbers in a text.
const numbers = (text) =>
  (text.replace(/[\u0660-\u0669]/g, (d) => d.charCodeAt(0) - 0x0660).replace(/[\u06f0-\u06f9]/g, (d) => d.charCodeAt(0) - 0x06f0)
    .match(/\d+/g) ?? []).map(Number);

// Each reader: the day groups, newest first. A group is its heading (today,
// yesterday, or numbers its text must contain: the day of the month and the
// year, in the locale's calendar) and its entries as [headline, hour, minute].
const READERS = [
  {
    locale: 'en-US', timezoneId: 'America/New_York', today: 'Today', yesterday: 'Yesterday',
    groups: [
      ['today', [['E', 1, 30], ['D', 1, 30]]],
      ['yesterday', [['F', 19, 45]]],
      [[15, 2025], [['C', 21, 0], ['B', 17, 15], ['A', 16, 30]]],
    ],
  },
  {
    locale: 'ar-SY', timezoneId: 'Asia/Damascus', today: 'اليوم', yesterday: 'أمس',
    groups: [
      ['today', [['E', 9, 30], ['D', 8, 30], ['F', 2, 45]]],
      [[16, 2025], [['C', 4, 0], ['B', 0, 15]]],
      [[15, 2025], [['A', 23, 30]]],
    ],
  },
  {
    // Iran keeps +03:30 all year; fa-IR dates are in the Persian calendar:
    // 2025-10-16 is 24 Mehr 1404.
    locale: 'fa-IR', timezoneId: 'Asia/Tehran', today: 'امروز', yesterday: 'دیروز',
    groups: [
      ['today', [['E', 10, 0], ['D', 9, 0], ['F', 3, 15]]],
      [[24, 1404], [['C', 4, 30], ['B', 0, 45], ['A', 0, 0]]],
    ],
  },
  {
    locale: 'en-GB', timezoneId: 'UTC', today: 'Today', yesterday: 'Yesterday',
    groups: [
      ['today', [['E', 6, 30], ['D', 5, 30]]],
      ['yesterday', [['F', 23, 45]]],
      [[16, 2025], [['C', 1, 0]]],
      [[15, 2025], [['B', 21, 15], ['A', 20, 30]]],
    ],
  },
  {
    // A half-hour offset: India, +05:30.
    locale: 'en-IN', timezoneId: 'Asia/Kolkata', today: 'Today', yesterday: 'Yesterday',
    groups: [
      ['today', [['E', 12, 0], ['D', 11, 0], ['F', 5, 15]]],
      [[16, 2025], [['C', 6, 30], ['B', 2, 45], ['A', 2, 0]]],
    ],
  },
];

const DATETIMES = {
  A: '2025-10-15T20:30:00Z', B: '2025-10-15T21:15:00Z', C: '2025-10-16T01:00:00Z',
  D: '2025-11-02T05:30:00Z', E: '2025-11-02T06:30:00Z', F: '2025-11-01T23:45:00Z',
};

async function readTimeline(page) {
  await expect(page.locator('.timeline__entry')).toHaveCount(6);
  return page.locator('.timeline__day').evaluateAll((days) => days.map((day) => ({
    heading: day.querySelector('.timeline__day-heading')?.textContent ?? null,
    entries: [...day.querySelectorAll('.timeline__entry')].map((e) => ({
      headline: e.querySelector('.timeline__headline').textContent,
      time: e.querySelector('time').textContent,
      datetime: e.querySelector('time').getAttribute('datetime'),
      title: e.querySelector('time').getAttribute('title'),
    })),
  })));
}

for (const reader of READERS) {
  test.describe(`a reader in ${reader.timezoneId} (${reader.locale})`, () => {
    test.use({ locale: reader.locale, timezoneId: reader.timezoneId });

    test('sees local times grouped under local days, newest first', async ({ page }) => {
      await page.clock.setFixedTime(NOW);
      await page.goto('index.html?src=/fixtures/times.json');
      const days = await readTimeline(page);
      expect(days.map((d) => d.entries.map((e) => e.headline))).toEqual(reader.groups.map(([, es]) => es.map(([h]) => h)));
      reader.groups.forEach(([heading, expected], i) => {
        const day = days[i];
        if (heading === 'today') expect(day.heading).toBe(reader.today);
        else if (heading === 'yesterday') expect(day.heading).toBe(reader.yesterday);
        else for (const n of heading) expect(numbers(day.heading), day.heading).toContain(n);
        expected.forEach(([headline, hour, minute], j) => {
          const entry = day.entries[j];
          const shown = numbers(entry.time);
          // Today's entries show only the clock time; older ones the date too.
          expect(shown.length, entry.time).toBe(heading === 'today' ? 2 : 3);
          const [h, m] = shown.slice(-2);
          expect(h % 12, `${headline}: ${entry.time}`).toBe(hour % 12);
          expect(m, `${headline}: ${entry.time}`).toBe(minute);
          expect(entry.datetime).toBe(DATETIMES[headline]);
          expect(entry.title, 'the tooltip gives the full moment').not.toBe('');
        });
      });
      // The story's own times are the reader's too.
      const published = await page.locator('.story__published time').textContent();
      const [h, m] = numbers(published).slice(-2);
      const [, todayEntries] = reader.groups[0];
      const d = todayEntries.find(([headline]) => headline === 'D');
      expect([h % 12, m], published).toEqual([d[1] % 12, d[2]]);
    });
  });
}

test.describe('a reader in New York on the night the clocks go back', () => {
  test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

  test('sees 1:30 AM twice, told apart by the zone in the tooltip', async ({ page }) => {
    await page.clock.setFixedTime(NOW);
    await page.goto('index.html?src=/fixtures/times.json');
    const e = page.locator('#entry-e time');
    const d = page.locator('#entry-d time');
    await expect(e).toHaveText(/^01:30\sAM$/);
    await expect(d).toHaveText(/^01:30\sAM$/);
    await expect(d).toHaveAttribute('title', /EDT$/);
    await expect(e).toHaveAttribute('title', /EST$/);
  });
});

test.describe('recent entries', () => {
  test.use({ locale: 'en-GB', timezoneId: 'UTC' });

  test('say how long ago, refreshed every minute', async ({ page }) => {
    const start = new Date('2025-11-02T12:00:00Z');
    const minutesAgo = (n) => new Date(start - n * 60_000).toISOString().replace('.000Z', 'Z');
    const article = {
      schema_version: 1, id: 'recent', lang: 'en-GB', headline: 'Recent', published: minutesAgo(5),
      body: [{ type: 'paragraph', text: 'P' }],
      timeline: {
        entries: [
          { id: 'five', time: minutesAgo(5), headline: 'Five minutes ago' },
          { id: 'two-hours', time: minutesAgo(125), headline: 'Two hours ago' },
          { id: 'old', time: '2025-10-15T08:50:00Z', headline: 'Weeks ago' },
        ],
      },
    };
    await page.clock.install({ time: start });
    await page.clock.pauseAt(new Date(+start + 10_000));
    const b64 = Buffer.from(JSON.stringify(article)).toString('base64');
    await page.goto(`index.html?src=${encodeURIComponent(`/__test/body?b64=${encodeURIComponent(b64)}`)}`);
    await expect(page.locator('#entry-five .timeline__ago')).toHaveText('5 min ago');
    await expect(page.locator('#entry-two-hours .timeline__ago')).toHaveText('2 hr ago');
    await expect(page.locator('#entry-old .timeline__ago')).toHaveCount(0);
    await expect(page.locator('#entry-five time')).toHaveText('11:55');
    await expect(page.locator('#entry-five time')).toHaveAttribute('title', 'Sunday, 2 November 2025 at 11:55 UTC');
    await page.clock.runFor(60_000);
    await expect(page.locator('#entry-five .timeline__ago')).toHaveText('6 min ago');
  });

  test("at midnight, today's entries become yesterday's in place", async ({ page }) => {
    const start = new Date('2025-11-02T23:59:00Z');
    const article = {
      schema_version: 1, id: 'midnight', lang: 'en-GB', headline: 'Midnight', published: '2025-11-02T23:30:00Z',
      body: [{ type: 'paragraph', text: 'P' }],
      timeline: { entries: [{ id: 'late', time: '2025-11-02T23:30:00Z', headline: 'Late news' }] },
    };
    await page.clock.install({ time: start });
    await page.clock.pauseAt(new Date(+start + 1_000));
    const b64 = Buffer.from(JSON.stringify(article)).toString('base64');
    await page.goto(`index.html?src=${encodeURIComponent(`/__test/body?b64=${encodeURIComponent(b64)}`)}`);
    const heading = page.locator('.timeline__day-heading');
    await expect(heading).toHaveText('Today');
    await expect(page.locator('#entry-late time')).toHaveText('23:30');
    await page.locator('#entry-late').evaluate((li) => { li.__kept = true; });
    await page.clock.runFor(120_000);
    await expect(heading).toHaveText('Yesterday');
    await expect(page.locator('#entry-late time')).toHaveText(/^2 Nov,? 23:30$/);
    expect(await page.locator('#entry-late').evaluate((li) => li.__kept === true), 'the entry was kept, not rebuilt').toBe(true);
  });
});
