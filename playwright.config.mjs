// End-to-end tests: the release build (dist/) served on 127.0.0.1, driven in
// the system Chromium. Playwright never downloads a browser here.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.mjs',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    // A reader where the reference story was published (+03:00), reading
    // British English: the seed's times read as on the reference page.
    // Tests of other readers set their own (tests/e2e/time.spec.mjs).
    locale: 'en-GB',
    timezoneId: 'Asia/Damascus',
    // The viewer's own pages register a service worker, and Playwright's
    // routes do not see what a service worker fetches: tests that shape the
    // network block it; tests/e2e/offline.spec.mjs allows it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // Main-thread task lengths are measured on a machine of two cores: the
  // tests that measure them run after every other, so that no other test's
  // browser (or cargo, which a snippet test runs) shares the cores.
  projects: [
    { name: 'chromium', testIgnore: /\.speed\.spec\.mjs$/ },
    { name: 'speed', testMatch: /\.speed\.spec\.mjs$/, dependencies: ['chromium'] },
  ],
  webServer: {
    command: `node tests/e2e/server.mjs ${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    stderr: 'pipe',
    timeout: 15_000,
  },
});
