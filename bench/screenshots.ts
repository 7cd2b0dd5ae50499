import { demoLogins, launchChromium, logIn, TestServer } from '@samverka/testing';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

/**
 * The README's screenshots, taken from the demo as `npm start` seeds it: the built server on
 * its own embedded PostgreSQL, in Chromium at 1280 px, written to docs/screenshots/.
 * Run with `npm run screenshots`; beside the benchmarks because it drives the browser as they do.
 */
const OUT = new URL('../../docs/screenshots/', import.meta.url).pathname;

async function shoot(browser: Browser, login: { email: string; password: string }, name: string, walk: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ baseURL: server.url, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 860 } });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await logIn(page, login.email, login.password);
  await walk(page);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${OUT}${name}.png` });
  console.log(`docs/screenshots/${name}.png`);
  await context.close();
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

const server = await TestServer.start({ embedded: true, env: { SEED_DEMO: 'true', LOG_LEVEL: 'info' } });
const browser = await launchChromium();
try {
  const logins = await demoLogins(server);
  const entrepreneur = logins.get('entrepreneur') as { email: string; password: string };
  const department = logins.get('department_member') as { email: string; password: string };
  mkdirSync(OUT, { recursive: true });
  await shoot(browser, entrepreneur, 'entrepreneur-matches', async (page) => {
    await nav(page, 'Mina matchningar');
    await page.getByRole('article').first().waitFor();
  });
  await shoot(browser, department, 'challenge-editor', async (page) => {
    await nav(page, 'Utmaningar');
    await page.getByRole('link', { name: 'Bryta ensamheten bland äldre' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bryta ensamheten bland äldre' }).waitFor();
  });
  await shoot(browser, entrepreneur, 'track', async (page) => {
    await nav(page, 'Mitt spår');
    await page.getByRole('link', { name: /Visa spåret/ }).first().click();
    await page.getByRole('heading', { level: 2 }).first().waitFor();
  });
} finally {
  await browser.close();
  await server.stop();
}
