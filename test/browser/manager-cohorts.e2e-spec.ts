import { assignReviewer, cohortReviewer, expectStatus, managerWithWaitingWork, moveCohort, TestServer, type Session } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';

const TIMEOUT = 180_000;
const COHORT = 'Hösten 2027';
const JUROR = 'Maja Lindqvist';
/** A label as Mantine renders it: the text, then an asterisk when required. */
const startsWith = (label: string) => new RegExp(`^${label}`);

describe('a programme manager sets up a cohort: settings, questions, rubric, jury, opening', () => {
  let server: TestServer;
  let browser: Browser;
  let manager: Session;
  let programmeName = '';
  let cohortId = '';

  beforeAll(async () => {
    server = await TestServer.start();
    // One of each kind of waiting work, for the home page.
    const work = await managerWithWaitingWork(server);
    manager = work.manager;
    ({ name: programmeName } = await expectStatus<{ name: string }>(await server.http.get(`/api/programmes/${work.programmeId}`).set(manager.auth), 200, 'get programme'));
    // Someone who was on an earlier cohort's jury, to be added to the new one.
    const juror = await cohortReviewer(server, manager, work.openCohortId, JUROR);
    // …who has declared a conflict of interest with that cohort's applicant.
    await assignReviewer(server, manager, work.waitingApplicationId, juror.userId);
    await expectStatus(
      await server.http.post(`/api/applications/${work.waitingApplicationId}/conflicts`).set(juror.auth).send({ scope: 'applicant', reason: 'Vi har arbetat ihop tidigare.' }),
      201,
      'declare conflict',
    );
    browser = await connectBrowser();
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  it(
    'in Swedish on a desktop',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      await logIn(page, manager.email, manager.password);

      // The home page lists what waits, each with the page that handles it.
      await page.getByRole('heading', { level: 2, name: 'Ansökningar som väntar på beslut' }).waitFor();
      await page.getByRole('link', { name: 'En ansökan i Våren 2027' }).waitFor();
      await page.getByRole('link', { name: /^En matchning i / }).waitFor();
      await page.getByRole('link', { name: /^Ett spår i .* längre än normalt i sitt steg$/ }).waitFor();
      await page.getByText('En utmaning väntar på granskning.').waitFor();
      await expect(page.getByText(/Sidorna för dig som .* är på väg/).count()).resolves.toBe(0);
      await checkPage(app, 'manager-home-desktop-sv');
      await page.getByRole('link', { name: 'En ansökan i Våren 2027' }).click();
      await page.waitForURL(/\/manage\/cohorts\/[^/]+\/applications$/);

      await page.getByRole('navigation').getByRole('link', { name: 'Program' }).click();
      await heading(page, 'Program').waitFor();
      await checkPage(app, 'manager-programmes-desktop-sv');

      // The programme's description, then a new cohort.
      await page.getByRole('link', { name: programmeName }).click();
      await heading(page, programmeName).waitFor();
      await page.getByRole('link', { name: 'Våren 2027' }).waitFor();
      await page.getByLabel('Beskrivning').fill('Stadens accelerator för social innovation, två omgångar om året.');
      await page.getByRole('button', { name: 'Spara programmet' }).click();
      await page.getByText('Programmet är sparat.').waitFor();
      await page.getByRole('button', { name: 'Skapa en ny omgång' }).click();
      await page.getByLabel(startsWith('Omgångens namn')).fill(COHORT);
      await page.getByLabel('Första dag').fill('2027-02-01');
      await page.getByLabel('Sista dag').fill('2027-06-15');
      await page.getByLabel(startsWith('Ansökan öppnar')).fill('2027-01-10T09:00');
      await page.getByLabel(startsWith('Ansökan stänger')).fill('2027-01-05T17:00');
      await checkPage(app, 'manager-new-cohort-desktop-sv');
      // A window that closes before it opens is refused, next to the field.
      await page.getByRole('button', { name: 'Skapa omgången' }).click();
      await page.getByText('Ansökan måste stänga efter att den öppnar.').waitFor();
      await page.getByLabel(startsWith('Ansökan stänger')).fill('2027-01-25T17:00');
      await page.getByRole('button', { name: 'Skapa omgången' }).click();
      await heading(page, COHORT).waitFor();
      cohortId = page.url().split('/').pop() ?? '';
      await page.getByText('Här nu').waitFor();
      await checkPage(app, 'manager-cohort-planning-desktop-sv');

      // A question and a rubric criterion of the manager's own.
      await page.getByRole('button', { name: 'Lägg till en fråga' }).click();
      const questions = page.getByRole('group', { name: /^Fråga \d+$/ });
      const question = questions.last();
      await question.getByLabel(startsWith('Frågan som de sökande läser')).fill('Vilken förvaltning vill ni helst arbeta med?');
      await question.getByLabel('Typ av svar').click();
      await page.getByRole('option', { name: 'Ett val' }).click();
      await question.getByRole('checkbox', { name: 'Måste besvaras' }).check();
      await question.getByLabel('Svarsalternativ').fill('Skola');
      await question.getByLabel('Svarsalternativ').press('Enter');
      await question.getByLabel('Svarsalternativ').fill('Omsorg');
      await question.getByLabel('Svarsalternativ').press('Enter');
      await page.getByRole('button', { name: 'Lägg till ett kriterium' }).click();
      const criterion = page.getByRole('group', { name: /^Kriterium \d+$/ }).last();
      await criterion.getByLabel(startsWith('Vad juryn bedömer')).fill('Samverkan med förvaltningen');
      await criterion.getByLabel(startsWith('Vikt')).fill('2');
      await page.getByRole('button', { name: 'Spara frågor och mall' }).click();
      await page.getByText(/^Frågorna och bedömningsmallen är sparade/).waitFor();

      // The earlier juror joins this cohort's jury.
      await page.getByRole('combobox', { name: 'Lägg till en tidigare granskare' }).click();
      await page.getByRole('option', { name: JUROR }).click();
      await page.getByRole('button', { name: 'Lägg till i juryn' }).click();
      await page.getByRole('table', { name: 'En person i juryn' }).getByRole('cell', { name: JUROR }).waitFor();
      await checkPage(app, 'manager-cohort-edited-desktop-sv');

      // Opening freezes the questions and the rubric.
      await page.getByRole('button', { name: 'Öppna för ansökan' }).click();
      await page.getByText('Låsta sedan omgången öppnade').waitFor();
      await expect(page.getByRole('button', { name: 'Lägg till en fråga' }).count()).resolves.toBe(0);
      await page.getByRole('listitem').filter({ hasText: 'Vilken förvaltning vill ni helst arbeta med?' }).waitFor();

      // Someone else moves the cohort on meanwhile: the page's move is refused with the reason.
      await moveCohort(server, manager, cohortId, 'selecting');
      await page.getByRole('button', { name: 'Stäng ansökan och börja urvalet' }).click();
      await page.getByRole('alert').getByText(/Steget går inte att ta från omgångens nuvarande läge/).waitFor();
      await page.getByRole('button', { name: 'Starta omgången' }).waitFor();
      await checkPage(app, 'manager-cohort-refused-desktop-sv');
      expect(app.problems).toEqual([]);
      await app.context.close();
    },
    TIMEOUT,
  );

  it(
    'in English on a 360 px phone',
    async () => {
      const app = await openApp(browser, server, PHONE);
      const { page } = app;
      await logIn(page, manager.email, manager.password);
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await page.getByRole('link', { name: 'One application in Våren 2027' }).waitFor();
      await checkPage(app, 'manager-home-phone-en');
      await page.goto('/manage/programmes');
      await heading(page, 'Programmes').waitFor();
      await checkPage(app, 'manager-programmes-phone-en');
      await page.getByRole('link', { name: programmeName }).click();
      await page.getByRole('link', { name: COHORT }).waitFor();
      await checkPage(app, 'manager-programme-phone-en');
      await page.getByRole('link', { name: COHORT }).click();
      await heading(page, COHORT).waitFor();
      await page.getByText('Frozen since the cohort opened').waitFor();
      await page.getByRole('table', { name: 'One person on the jury' }).waitFor();
      await page.getByText('No reviewer has declared a conflict.').waitFor();
      await checkPage(app, 'manager-cohort-phone-en');

      // The earlier cohort shows its reviewer's declared conflict, both people named.
      await page.goto('/manage/programmes');
      await page.getByRole('link', { name: programmeName }).click();
      await page.getByRole('link', { name: 'Våren 2027' }).click();
      const conflicts = page.getByRole('table', { name: 'Conflicts reviewers declared on applications' });
      await conflicts.getByRole('row').filter({ hasText: JUROR }).filter({ hasText: 'Vera Väntande' }).filter({ hasText: 'Vi har arbetat ihop tidigare.' }).waitFor();
      await checkPage(app, 'manager-cohort-conflicts-phone-en');
      expect(app.problems).toEqual([]);
      await app.context.close();
    },
    TIMEOUT,
  );
});
