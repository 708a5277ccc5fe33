// The cross-engine suite: every check of checks.mjs in each engine named on
// the command line (default: firefox webkit), against the release build in
// dist/ served on 127.0.0.1 by the end-to-end test server. Every browser is a
// reader in America/New_York, so that no time can pass by being shown as the
// publisher wrote it.
//
//   node tests/engines/run.mjs [chromium] [firefox] [webkit]
//
// An engine that truly cannot do something here is an exception: named,
// counted and listed with its reason below and in the README — never a
// silent skip. There are none today.
import { spawn } from 'node:child_process';
import { launch } from './adapters.mjs';
import { checks } from './checks.mjs';

const EXCEPTIONS = {
  // engine: { 'check name': 'why this engine cannot do it here' },
};

const engines = process.argv.slice(2).length ? process.argv.slice(2) : ['firefox', 'webkit'];
const port = Number(process.env.ENGINES_PORT ?? 4273);
const base = `http://127.0.0.1:${port}/`;
const TZ = 'America/New_York';

const server = spawn(process.execPath, [new URL('../e2e/server.mjs', import.meta.url).pathname, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  server.stdout.once('data', resolve);
  server.once('exit', (code) => reject(new Error(`test server exited (${code})`)));
});

let passed = 0;
let failed = 0;
let excepted = 0;
try {
  for (const name of engines) {
    const started = Date.now();
    const browser = await launch(name, TZ);
    console.log(`\n${name}: ${browser.version}`);
    try {
      for (const check of checks) {
        const reason = EXCEPTIONS[name]?.[check.name];
        if (reason) {
          excepted++;
          console.log(`  exception  ${check.name}\n             ${reason}`);
          continue;
        }
        const t = Date.now();
        try {
          await check.run(browser, base);
          const errors = browser.errors();
          if (errors.length) throw new Error(`uncaught errors in the page: ${errors.join('; ')}`);
          passed++;
          console.log(`  ok         ${check.name} (${Date.now() - t} ms)`);
        } catch (e) {
          failed++;
          console.log(`  FAILED     ${check.name} (${Date.now() - t} ms)\n             ${e.message.split('\n').join('\n             ')}`);
        }
      }
    } finally {
      await browser.close();
    }
    console.log(`  ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  server.kill();
}
console.log(`\nengines: ${passed} passed, ${failed} failed${excepted ? `, ${excepted} exceptions` : ''}`);
process.exit(failed ? 1 : 0);
