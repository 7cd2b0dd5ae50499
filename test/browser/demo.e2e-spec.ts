import { demoLogins, TestServer, type DemoLogin } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE, type AppPage } from './support/browser.js';

const TIMEOUT = 200_000;
/** The approved challenges of the demo's five departments: what a match or a track is about. */
const DEMO_CHALLENGES = ['Bryta ensamheten bland äldre', 'Fler unga i föreningslivet', 'Tryggare vägar till skolan', 'Biblioteket som mötesplats för nyanlända', 'Vägar till jobb för unga vuxna'];

/**
 * The demo as `npm start` seeds it on an empty database: each login it prints works in the
 * browser, and the entrepreneur and the department find their work there.
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
