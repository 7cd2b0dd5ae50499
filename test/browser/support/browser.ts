import { AxeBuilder } from '@axe-core/playwright';
import type { TestServer } from '@samverka/testing';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// Shared with the benchmarks and the README's screenshots.
export { logIn } from '@samverka/testing';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 780 };
const SCREENSHOTS = new URL('../screenshots/', import.meta.url).pathname;

/** The one Chromium the global setup started. */
export function connectBrowser(): Promise<Browser> {
  const endpoint = process.env.SAMVERKA_TEST_BROWSER;
  if (!endpoint) throw new Error('SAMVERKA_TEST_BROWSER is not set: run the tests with npm test');
  return chromium.connect(endpoint);
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and refused resources (a CSP violation shows up here). */
  problems: string[];
}

/** A fresh browser profile on the server's web app, at a given size, with a Swedish browser. */
export async function openApp(browser: Browser, server: TestServer, viewport = DESKTOP): Promise<AppPage> {
  const context = await browser.newContext({ baseURL: server.url, viewport, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  // Fail within seconds rather than at the test's timeout, with the locator named.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // API answers in 4xx are part of the app's flow (no session yet, no profile yet); a CSP refusal or a script error is not.
    if (message.type() === 'error' && !/the server responded with a status of 4\d\d/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

/** Checks the page with axe-core for WCAG 2.1 A and AA and returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** A full-page screenshot under test/browser/screenshots (git-ignored), to look at by eye. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** Every page is checked with axe and photographed under its name. */
export async function checkPage(app: AppPage, name: string): Promise<void> {
  await app.page.waitForLoadState('networkidle');
  // A dialog fading in has blended colours that axe would read as too little contrast; spinners never end.
  await app.page.evaluate(
    'Promise.allSettled(document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity).map((animation) => animation.finished)).then(() => true)',
  );
  await screenshot(app.page, name);
  expect({ page: name, violations: await seriousViolations(app.page) }).toEqual({ page: name, violations: [] });
}
