import { test as base, expect, type Page } from '@playwright/test';

// One fixture for every test that imports `test` from here: a console error, an
// uncaught exception, a failed request or a 5xx reply fails the test. A test that
// provokes one on purpose (a 404 page, going offline) lists it in `allowErrors`.
export const test = base.extend<{ allowErrors: RegExp[]; problems: string[] }>({
  allowErrors: async ({}, use) => { await use([]); },
  problems: [async ({ page, allowErrors, javaScriptEnabled }, use) => {
    const problems: string[] = [];
    const note = (text: string) => { if (!allowErrors.some((re) => re.test(text))) problems.push(text); };
    page.on('console', (m) => { if (m.type() === 'error') note(`console: ${m.text()}`); });
    page.on('pageerror', (e) => note(`page error: ${e.message}`));
    page.on('requestfailed', (r) => {
      const why = r.failure()?.errorText ?? '';
      // A navigation that replaces a page aborts that page's pending requests.
      // Without JavaScript, Chromium refuses the page's module scripts and says "csp".
      if (!javaScriptEnabled && why === 'csp') return;
      if (!why.includes('ERR_ABORTED')) note(`request failed: ${r.method()} ${r.url()} ${why}`);
    });
    page.on('response', (r) => { if (r.status() >= 500) note(`${r.status()}: ${r.request().method()} ${r.url()}`); });
    await use(problems);
    expect(problems, 'console errors and failed requests').toEqual([]);
  }, { auto: true }],
});

export { expect, type Page };
