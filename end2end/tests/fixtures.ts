import { test as base, expect, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';

/** A private 10.x.y.z address per test and project: the server trusts
 * X-Forwarded-For from a loopback peer, so each test has its own login, sign-up
 * and guest limits, and a test that spends one (`learners.spec.ts`) does not
 * lock out the others' sign-ins. */
export function addressOf(key: string): string {
  const h = createHash('sha256').update(key).digest();
  return `10.${h[0]}.${h[1]}.${h[2] || 1}`;
}

// One fixture for every test that imports `test` from here: a console error, an
// uncaught exception, a failed request or a 5xx reply fails the test. A test that
// provokes one on purpose (a 404 page, going offline) matches it with `allowErrors`
// (one RegExp: `test.use` would read an array as [value, options]).
export const test = base.extend<{ allowErrors: RegExp | null; problems: string[] }>({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use, info) => {
    await use({ ...extraHTTPHeaders, 'X-Forwarded-For': addressOf(`${info.project.name} ${info.testId}`) });
  },
  allowErrors: [null, { option: true }],
  problems: [async ({ page, allowErrors, javaScriptEnabled }, use) => {
    const problems: string[] = [];
    const note = (text: string) => { if (!allowErrors?.test(text)) problems.push(text); };
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
