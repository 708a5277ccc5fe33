// One small face over each browser driver, so that every check is written
// once (checks.mjs) and run in every engine:
//
//   chromium  puppeteer-core over CDP, Debian's chromium
//   firefox   puppeteer-core over WebDriver BiDi, Debian's firefox-esr (no geckodriver)
//   webkit    plain W3C WebDriver over HTTP: WebKitGTK's WebKitWebDriver driving
//             MiniBrowser (webkit2gtk-driver), under Xvfb when there is no display
//
// A page is driven through: goto(url), evaluate(fn, ...args) (fn's source runs
// in the page; arguments and result are JSON), click(selector) (a real click
// from the driver, with the user activation that WebKit's history needs),
// back(), url(), dialogs() (the prompts the page opened), close().
// Every browser runs in the reader's zone given as `tz` (through TZ).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

// Before a driver's click: the element in the middle of the view, and two
// frames for what scrolling lays out (entries with `content-visibility: auto`
// take their real size only when they come near the view, moving what is below).
const SETTLE = `(async (selector) => {
  document.querySelector(selector)?.scrollIntoView({ block: 'center' });
  for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
})`;

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Wraps a puppeteer page (CDP or BiDi). */
async function puppeteerEngine(name, launchOptions) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ headless: true, ...launchOptions });
  const page = await browser.newPage();
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(`${d.type()}: ${d.message()}`); await d.dismiss().catch(() => {}); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
  return {
    name,
    version: await browser.version(),
    async goto(url) { await page.goto(url, { waitUntil: 'load' }); },
    async evaluate(fn, ...args) { return page.evaluate(fn, ...args); },
    async click(selector) {
      await page.evaluate(`${SETTLE}(${JSON.stringify(selector)})`);
      await page.click(selector);
    },
    async back() { await page.goBack({ waitUntil: 'load' }).catch(() => {}); },
    async url() { return page.url(); },
    dialogs: () => dialogs.splice(0),
    errors: () => errors.splice(0),
    async close() { await browser.close(); },
  };
}

/** A free port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** WebKitGTK through its WebDriver, spoken to directly over HTTP. */
async function webkitEngine(tz) {
  const port = await freePort();
  const env = { ...process.env, TZ: tz };
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], { env, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (json.value?.error) {
      const e = new Error(`${json.value.error}: ${json.value.message}`);
      e.code = json.value.error;
      throw e;
    }
    return json.value;
  };
  let session;
  for (let i = 0; i < 100 && !session; i++) {
    try {
      session = await call('POST', '/session', {
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
      });
    } catch (e) {
      if (e.code) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (!session) throw new Error('WebKitWebDriver did not answer');
  const s = `/session/${session.sessionId}`;
  const dialogs = [];
  // An open prompt blocks every command with "unexpected alert open": note
  // it, dismiss it, go on.
  const guarded = async (method, path, body) => {
    try {
      return await call(method, path, body);
    } catch (e) {
      if (e.code !== 'unexpected alert open') throw e;
      dialogs.push(e.message);
      await call('POST', `${s}/alert/dismiss`, {}).catch(() => {});
      return call(method, path, body);
    }
  };
  const checkPrompt = async () => {
    try {
      dialogs.push(`prompt: ${await call('GET', `${s}/alert/text`)}`);
      await call('POST', `${s}/alert/dismiss`, {});
    } catch { /* no such alert */ }
  };
  return {
    name: 'webkit',
    version: `WebKitGTK ${session.capabilities.browserVersion}`,
    async goto(url) { await guarded('POST', `${s}/url`, { url }); },
    async evaluate(fn, ...args) {
      return guarded('POST', `${s}/execute/async`, {
        script: `const done = arguments[arguments.length - 1];
          Promise.resolve((${fn.toString()})(...Array.prototype.slice.call(arguments, 0, -1)))
            .then(done, (e) => done({ __error: String(e && e.stack || e) }));`,
        args,
      }).then((v) => {
        if (v && v.__error) throw new Error(v.__error);
        return v;
      });
    },
    async click(selector) {
      await this.evaluate(new Function(`return ${SETTLE}(${JSON.stringify(selector)})`));
      const el = await guarded('POST', `${s}/element`, { using: 'css selector', value: selector });
      await guarded('POST', `${s}/element/${Object.values(el)[0]}/click`, {});
    },
    async back() { await guarded('POST', `${s}/back`, {}); },
    async url() { return guarded('GET', `${s}/url`); },
    dialogs: () => dialogs.splice(0),
    errors: () => [],
    async close() {
      await checkPrompt();
      await call('DELETE', s).catch(() => {});
      driver.kill();
    },
    checkPrompt,
  };
}

export async function launch(name, tz) {
  switch (name) {
    case 'chromium':
      return puppeteerEngine('chromium', {
        executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, env: { ...process.env, TZ: tz },
      });
    case 'firefox':
      return puppeteerEngine('firefox', {
        browser: 'firefox', executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr', env: { ...process.env, TZ: tz },
        extraPrefsFirefox: { 'intl.locale.requested': 'en-GB' },
      });
    case 'webkit':
      if (!existsSync(MINIBROWSER)) throw new Error(`no ${MINIBROWSER}: install webkit2gtk-driver`);
      return webkitEngine(tz);
    default:
      throw new Error(`unknown engine ${name}`);
  }
}
