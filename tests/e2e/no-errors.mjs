// The `test` every browser test uses: it fails on any uncaught error in the
// page, which includes a panic or trap in the wasm.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

// Records alert/confirm/prompt/print calls and CSP violations before any page script runs.
const HOOKS = () => {
  window.__executed = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => { window.__executed.push(`${name}(${String(args[0])})`); };
  }
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
};

// The `test` of hostile-input specs: alert/confirm/prompt/print hooked and
// CSP violations recorded before any page script runs; it fails on any
// uncaught error or dialog.
export const hostileTest = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
    await page.addInitScript(HOOKS);
    await use(page);
    expect(errors, 'uncaught errors, wasm traps or dialogs').toEqual([]);
  },
});

export { base, expect };
