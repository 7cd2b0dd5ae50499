import { assignReviewer, cohortInReview, expectStatus, moveCohort, submittedApplicant, TestServer, type CohortInReview, type Session } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE, type AppPage } from './support/browser.js';

const TIMEOUT = 120_000;

/**
 * A waitlisted applicant steps back from the waiting list, and the manager sees who reviews an
 * application and whose review is in. Amira is reviewed by Greta (done) and Sten (not yet); Lova
 * is on the waiting list.
 */
describe('the waiting list and the assigned reviewers', () => {
  let server: TestServer;
  let browser: Browser;
  let cohort: CohortInReview;
  let lova: { entrepreneur: Session; application: { id: string } };

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortInReview(server, {
      cohortName: 'Höstens kohort 2027',
      seats: 1,
      applicants: ['Amira Hassan'],
      jurors: [
        { displayName: 'Greta Generös', scores: { 'Amira Hassan': { impact: 5, feasibility: 4 } } },
        { displayName: 'Sten Sträng', scores: {} },
        { displayName: 'Maja Mitt', scores: {} },
      ],
      moveToSelecting: false,
    });
    await assignReviewer(server, cohort.manager, cohort.applications['Amira Hassan'], cohort.jurors[1].userId);
    lova = await submittedApplicant(server, cohort.cohortId, 'Lova Lind');
    await moveCohort(server, cohort.manager, cohort.cohortId, 'selecting');
    await expectStatus(
      await server.http.post(`/api/applications/${lova.application.id}/decision`).set(cohort.manager.auth).send({ decision: 'waitlist', note: 'Stark idé, men platserna räckte inte.' }),
      200,
      'waitlist Lova',
    );
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  /** Checked with axe and photographed on a desktop and at 360 px. */
  async function checkBoth(app: AppPage, name: string): Promise<void> {
    await app.page.setViewportSize(DESKTOP);
    await checkPage(app, `${name}-desktop`);
    await app.page.setViewportSize(PHONE);
    await checkPage(app, `${name}-phone`);
    await app.page.setViewportSize(DESKTOP);
  }

  it(
    'in Swedish: the waitlisted applicant withdraws from the waiting list, with a reason',
    async () => {
      const app = await openApp(browser, server);
      const { page } = app;
      try {
        await logIn(page, lova.entrepreneur.email, lova.entrepreneur.password);
        await page.getByRole('navigation').getByRole('link', { name: 'Utlysningar' }).first().click();
        await page.getByRole('link', { name: `Visa ansökan: ${cohort.cohortName}` }).click();
        await heading(page, `Ansökan till ${cohort.cohortName}`).waitFor();
        await page.getByText('På reservlistan', { exact: true }).waitFor();
        await page.getByText('Stark idé, men platserna räckte inte.').waitFor();
        await checkBoth(app, 'application-waitlisted');

        await page.getByRole('button', { name: 'Återkalla ansökan' }).click();
        const dialog = page.getByRole('dialog', { name: 'Återkalla ansökan?' });
        await dialog.getByText('Du lämnar reservlistan och kan inte längre få en plats i kohorten.', { exact: false }).waitFor();
        await dialog.getByLabel('Varför återkallar du? (frivilligt)').fill('Jag har fått en plats i ett annat program.');
        await page.setViewportSize(PHONE);
        await checkPage(app, 'application-waitlisted-withdraw-phone');
        await page.setViewportSize(DESKTOP);
        await dialog.getByRole('button', { name: 'Ja, återkalla' }).click();
        await dialog.waitFor({ state: 'hidden' });

        await page.getByRole('status').filter({ hasText: 'Ansökan är återkallad.' }).waitFor();
        await page.getByText('Du har återkallat ansökan.').waitFor();
        await expect(page.getByRole('button', { name: 'Återkalla ansökan' }).count()).resolves.toBe(0);
        await checkPage(app, 'application-withdrawn-desktop');
        const stored = await expectStatus<{ state: string }>(await server.http.get(`/api/applications/${lova.application.id}`).set(lova.entrepreneur.auth), 200, 'get');
        expect(stored.state).toBe('withdrawn');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'in Swedish on a desktop: the manager sees who reviews an application, whose review is in, and assigns one more',
    async () => {
      const app = await openApp(browser, server);
      const { page } = app;
      try {
        await logIn(page, cohort.manager.email, cohort.manager.password);
        await page.goto(`/manage/cohorts/${cohort.cohortId}/applications`);
        await heading(page, `Urval: ${cohort.cohortName}`).waitFor();
        const applications = page.getByRole('region', { name: 'Ansökningar' });
        await applications.getByRole('link', { name: 'Amira Hassan' }).waitFor();
        // Lova left the waiting list, and with it the scoreboard.
        await expect(applications.getByRole('link').allTextContents()).resolves.toEqual(['Amira Hassan']);
        // Her withdrawn application still says whose it is, and offers no decision.
        await page.goto(`/manage/applications/${lova.application.id}`);
        await heading(page, 'Ansökan från Lova Lind').waitFor();
        await page.getByText('Återkallad', { exact: true }).waitFor();
        await page.getByText('Stark idé, men platserna räckte inte.').waitFor();
        await expect(page.getByRole('button', { name: 'Spara beslutet' }).count()).resolves.toBe(0);
        await checkPage(app, 'application-withdrawn-manager-desktop-sv');
        await page.goBack();

        await applications.getByRole('link', { name: 'Amira Hassan' }).click();
        await heading(page, 'Ansökan från Amira Hassan').waitFor();
        const assigned = page.getByRole('region', { name: 'Tilldelade granskare' });
        const list = assigned.getByRole('list', { name: 'Tilldelade granskare' });
        await list.getByRole('listitem').first().waitFor();
        await expect(list.getByRole('listitem').allTextContents()).resolves.toEqual([expect.stringMatching(/^Greta GenerösGranskat \d+ \S+ \d{4}$/), 'Sten SträngHar inte granskat ännu']);
        await checkPage(app, 'application-assigned-reviewers-desktop-sv');

        // Only the jury members not yet assigned are offered.
        await assigned.getByRole('combobox', { name: 'Granskare' }).click();
        await expect(page.getByRole('option').allTextContents()).resolves.toEqual(['Maja Mitt']);
        await page.getByRole('option', { name: 'Maja Mitt' }).click();
        await assigned.getByRole('button', { name: 'Tilldela', exact: true }).click();
        await assigned.getByText('Maja Mitt är tilldelad en ansökan.').waitFor();
        await list.getByText('Maja Mitt').waitFor();
        await expect(list.getByRole('listitem').last().textContent()).resolves.toBe('Maja MittHar inte granskat ännu');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'in English on a 360 px phone: the assigned reviewers fit the screen',
    async () => {
      const app = await openApp(browser, server, PHONE);
      const { page } = app;
      try {
        await page.goto('/login');
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByLabel(/^Email address/).fill(cohort.manager.email);
        await page.getByLabel(/^Password/).fill(cohort.manager.password);
        await page.getByRole('button', { name: 'Log in' }).click();
        await heading(page, /^Hello /).waitFor();
        await page.goto(`/manage/applications/${cohort.applications['Amira Hassan']}`);
        await heading(page, 'Application from Amira Hassan').waitFor();
        const list = page.getByRole('list', { name: 'Assigned reviewers' });
        await list.getByText('Not reviewed yet').first().waitFor();
        // Greta, Sten, and Maja assigned in the Swedish walk.
        await expect(list.getByRole('listitem').count()).resolves.toBe(3);
        await checkPage(app, 'application-assigned-reviewers-phone-en');
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        await page.goto(`/manage/applications/${lova.application.id}`);
        await heading(page, 'Application from Lova Lind').waitFor();
        await checkPage(app, 'application-withdrawn-manager-phone-en');
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );
});
