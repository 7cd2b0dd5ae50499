import { demoLogins, TestServer, type DemoLogin } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE, type AppPage } from './support/browser.js';

const TIMEOUT = 200_000;
/** The approved challenges of the demo's five departments: what a match or a track is about. */
const DEMO_CHALLENGES = ['Bryta ensamheten bland äldre', 'Fler unga i föreningslivet', 'Tryggare vägar till skolan', 'Biblioteket som mötesplats för nyanlända', 'Vägar till jobb för unga vuxna'];

/**
 * The demo as `npm start` seeds it on an empty database: each login it prints works in the
 * browser, and every role finds real work waiting there.
 */
describe('the demo in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let logins: Map<string, DemoLogin>;

  beforeAll(async () => {
    server = await TestServer.start({ env: { SEED_DEMO: 'true', LOG_LEVEL: 'info' } });
    logins = await demoLogins(server);
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

  async function logInAs(role: string, viewport = DESKTOP): Promise<AppPage> {
    const login = logins.get(role);
    if (!login) throw new Error(`the demo printed no login for ${role}:\n${server.logs}`);
    const app = await openApp(browser, server, viewport);
    await logIn(app.page, login.email, login.password);
    return app;
  }

  it('prints a login for every role', () => {
    expect([...logins.keys()].sort()).toEqual(['admin', 'department_member', 'entrepreneur', 'programme_manager', 'reviewer']);
  });

  it(
    'the entrepreneur finds their match and their track',
    async () => {
      const app = await logInAs('entrepreneur');
      const { page } = app;
      await checkPage(app, 'demo-entrepreneur-home-desktop');
      await nav(page, 'Mina matchningar');
      await heading(page, 'Mina matchningar').waitFor();
      const match = page.getByRole('article').first();
      await expect(match.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(new RegExp(DEMO_CHALLENGES.join('|')));
      await checkPage(app, 'demo-entrepreneur-matches-desktop');
      await nav(page, 'Mitt spår');
      await page.getByRole('link', { name: /Visa spåret/ }).first().click();
      await expect(heading(page, new RegExp(DEMO_CHALLENGES.join('|'))).textContent()).resolves.toBeTruthy();
      await checkPage(app, 'demo-entrepreneur-track-desktop');
      await app.context.close();
    },
    TIMEOUT,
  );

  it(
    'the department finds its challenges, and on a phone too',
    async () => {
      for (const [viewport, size] of [
        [DESKTOP, 'desktop'],
        [PHONE, 'phone'],
      ] as const) {
        const app = await logInAs('department_member', viewport);
        const { page } = app;
        await checkPage(app, `demo-department-home-${size}`);
        if (viewport === PHONE) await page.getByRole('button', { name: 'Öppna menyn' }).click();
        await nav(page, 'Utmaningar');
        await heading(page, 'Utmaningar').waitFor();
        await page.getByRole('link', { name: 'Digital trygghet för äldre' }).waitFor();
        await checkPage(app, `demo-department-challenges-${size}`);
        await page.getByRole('link', { name: DEMO_CHALLENGES[0] }).click();
        await heading(page, DEMO_CHALLENGES[0]).waitFor();
        await checkPage(app, `demo-department-challenge-${size}`);
        await app.context.close();
      }
    },
    TIMEOUT,
  );

  const section = (page: Page, name: string) => page.getByRole('region', { name });

  it(
    'the manager finds applications to decide on, a challenge to review and a stuck track, and follows one to the scoreboard',
    async () => {
      const app = await logInAs('programme_manager');
      const { page } = app;
      await section(page, 'Ansökningar som väntar på beslut').getByRole('link', { name: '6 ansökningar i Våren 2027' }).waitFor();
      await section(page, 'Spår som har fastnat').getByRole('link', { name: 'Ett spår i Hösten 2026 längre än normalt i sitt steg' }).waitFor();
      await section(page, 'Utmaningar som väntar på granskning').getByText('En utmaning väntar på granskning.').waitFor();
      await checkPage(app, 'demo-programme_manager-work-desktop');
      await page.getByRole('link', { name: '6 ansökningar i Våren 2027' }).click();
      await heading(page, 'Urval: Våren 2027').waitFor();
      const rows = page.getByRole('table', { name: /^Ansökningarna med poäng/ }).locator('tbody tr');
      await rows.first().waitFor();
      await expect(rows.count()).resolves.toBe(6);
      await checkPage(app, 'demo-programme_manager-selection-desktop');
      await app.context.close();
    },
    TIMEOUT,
  );

  it(
    'the reviewer finds the applications waiting for their review and opens one to score it',
    async () => {
      const app = await logInAs('reviewer');
      const { page } = app;
      const today = section(page, 'Ansökningar att granska');
      await today.getByText('4 ansökningar väntar på din granskning.').waitFor();
      await checkPage(app, 'demo-reviewer-work-desktop');
      const applicant = (await today.getByRole('listitem').first().getByRole('link').textContent()) as string;
      await today.getByRole('link', { name: applicant }).click();
      await heading(page, `Granska ${applicant}s ansökan`).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Bedömning' }).waitFor();
      await page.getByRole('radiogroup').first().waitFor();
      await checkPage(app, 'demo-reviewer-review-desktop');
      await app.context.close();
    },
    TIMEOUT,
  );

  it(
    'the admin sees the accounts at a glance and finds the demo\'s people',
    async () => {
      const app = await logInAs('admin');
      const { page } = app;
      await section(page, 'Administration').getByText('Inga konton är avstängda.').waitFor();
      await checkPage(app, 'demo-admin-work-desktop');
      await nav(page, 'Personer');
      await heading(page, 'Personer').waitFor();
      // A page of the demo's forty-odd accounts, and the manager found by name among them.
      await page.getByRole('article').nth(19).waitFor();
      await checkPage(app, 'demo-admin-people-desktop');
      await page.getByLabel(/^Sök/).fill('maria.nilsson');
      await page.getByRole('article').nth(1).waitFor({ state: 'detached' });
      await page.getByRole('article', { name: 'Maria Nilsson' }).waitFor();
      await app.context.close();
    },
    TIMEOUT,
  );

  it(
    'anyone finds what the spring cohort learned on the open page, on a desktop and a phone',
    async () => {
      for (const [viewport, size] of [
        [DESKTOP, 'desktop'],
        [PHONE, 'phone'],
      ] as const) {
        const app = await openApp(browser, server, viewport);
        const { page } = app;
        await page.goto('/open');
        await heading(page, 'Vad vi lärt oss').waitFor();
        const learnings = page.getByRole('region', { name: 'Lärdomar' });
        await learnings.getByText('Hemtjänstens personal kände de anhöriga och kunde lämna inbjudan personligen.').waitFor();
        await page.getByText('Personer som nåtts av lösningen').first().waitFor();
        await checkPage(app, `demo-open-${size}`);
        await app.context.close();
      }
    },
    TIMEOUT,
  );

  it.each(['programme_manager', 'reviewer', 'admin'])(
    '%s logs in and lands on the home page, on a desktop and a phone',
    async (role) => {
      for (const [viewport, size] of [
        [DESKTOP, 'desktop'],
        [PHONE, 'phone'],
      ] as const) {
        const app = await logInAs(role, viewport);
        await checkPage(app, `demo-${role}-home-${size}`);
        if (viewport === PHONE) {
          await app.page.getByRole('button', { name: 'Öppna menyn' }).click();
          await app.page.getByRole('button', { name: 'Logga ut' }).waitFor();
          await app.page.locator('#app-navbar').evaluate((navbar) => Promise.all(navbar.getAnimations().map((animation: { finished: Promise<unknown> }) => animation.finished)));
          await checkPage(app, `demo-${role}-menu-${size}`);
        }
        await app.context.close();
      }
    },
    TIMEOUT,
  );
});
