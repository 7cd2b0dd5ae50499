import { demoLogins, launchChromium, logIn, TestServer } from '@samverka/testing';
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';

/**
 * The README's screenshots, taken from the demo as `npm start` seeds it: the built server on
 * its own embedded PostgreSQL, in Chromium at 1280 px, written to docs/screenshots/.
 * Run with `npm run screenshots`; beside the benchmarks because it drives the browser as they do.
 */
const OUT = new URL('../../docs/screenshots/', import.meta.url).pathname;
const TALL = 1400;

/** Photographs the top of the page `walk` ends on, or, when the page is long, the part it returns (at most TALL px of it). */
async function shoot(browser: Browser, login: { email: string; password: string }, name: string, walk: (page: Page) => Promise<Locator | void>): Promise<void> {
  const context = await browser.newContext({ baseURL: server.url, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 860 } });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await logIn(page, login.email, login.password);
  const part = await walk(page);
  await page.waitForLoadState('networkidle');
  if (!part) await page.screenshot({ path: `${OUT}${name}.png` });
  else {
    // Clipped from the whole page rather than scrolled to, so the sticky header does not cover the part.
    await page.evaluate('window.scrollTo(0, 0)');
    const box = await part.boundingBox();
    if (!box) throw new Error(`${name}: the part to photograph is not on the page`);
    await page.screenshot({ path: `${OUT}${name}.png`, fullPage: true, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, TALL) } });
  }
  console.log(`docs/screenshots/${name}.png`);
  await context.close();
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

/** From the manager's home page to a tab of the autumn cohort, which has scored applications, three matching runs and tracks. */
async function autumnTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('link', { name: /spår i Hösten 2026/ }).click();
  await page.getByRole('navigation', { name: 'Omgångens sidor' }).getByRole('link', { name: tab }).click();
}

const server = await TestServer.start({ embedded: true, env: { SEED_DEMO: 'true', LOG_LEVEL: 'info' } });
const browser = await launchChromium();
try {
  const logins = await demoLogins(server);
  const entrepreneur = logins.get('entrepreneur') as { email: string; password: string };
  const department = logins.get('department_member') as { email: string; password: string };
  const manager = logins.get('programme_manager') as { email: string; password: string };
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
  await shoot(browser, manager, 'scoreboard', async (page) => {
    await autumnTab(page, 'Ansökningar och urval');
    await page.getByRole('heading', { level: 1, name: 'Urval: Hösten 2026' }).waitFor();
    await page.getByRole('table', { name: /^Ansökningarna med poäng/ }).locator('tbody tr').first().waitFor();
    return page.getByRole('region', { name: 'Ansökningar', exact: true });
  });
  await shoot(browser, manager, 'matching-comparison', async (page) => {
    await autumnTab(page, 'Matchning');
    const comparison = page.getByRole('region', { name: 'Jämför två körningar' });
    // The newest run only fills the seats left after publishing; the stable and the first optimal run are the real choice.
    await comparison.getByLabel('Körning B', { exact: true }).click();
    await page.getByRole('option', { name: /^Optimal, /, selected: false }).click();
    await page.evaluate('document.activeElement.blur()');
    await comparison.getByRole('table', { name: 'Körning A och B sida vid sida' }).waitFor();
    return comparison;
  });
  await shoot(browser, manager, 'tracks-board', async (page) => {
    await autumnTab(page, 'Spår');
    await page.getByText(/^Längre än normala tiden/).first().waitFor();
  });
} finally {
  await browser.close();
  await server.stop();
}
