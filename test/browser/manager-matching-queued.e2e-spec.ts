import { cohortReadyForMatching, TestServer, TestWorker, type MatchingCohort } from '@samverka/testing';
import type { Browser } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';

const TIMEOUT = 120_000;

// The size threshold is lowered to two participants, so this cohort's run goes to the worker.
describe('a programme manager waits for a matching run the worker makes', () => {
  let server: TestServer;
  let worker: TestWorker | undefined;
  let browser: Browser;
  let cohort: MatchingCohort;

  beforeAll(async () => {
    server = await TestServer.start({ env: { MATCHING_JOB_THRESHOLD: '2' } });
    cohort = await cohortReadyForMatching(server, {
      participants: [
        { displayName: 'Amina Yusuf', competences: ['tjänstedesign'], themes: ['ensamhet'] },
        { displayName: 'Ben Carter', competences: ['pedagogik'], themes: ['skola'] },
        { displayName: 'Cecilia Lund', competences: ['tjänstedesign'], themes: ['inkludering'] },
      ],
      challenges: [
        { title: 'Ensamhet bland äldre i Dalhem', competences: ['tjänstedesign'], themes: ['ensamhet'] },
        { title: 'Läxhjälp på biblioteket', competences: ['pedagogik'], themes: ['skola'] },
      ],
    });
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await server?.stop();
  });

  it(
    'sees the run queued, and its proposals once the worker has made it, without reloading',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      try {
        await logIn(page, cohort.manager.email, cohort.manager.password);
        await page.goto(`/manage/cohorts/${cohort.cohortId}/matching`);
        await page.getByRole('heading', { level: 1, name: 'Matchning' }).waitFor();
        await page.getByRole('button', { name: 'Kör optimal matchning' }).click();
        await page.getByText('Körningen är stor och görs i bakgrunden. Den visas här när den är klar.').waitFor();
        const runs = page.getByRole('table', { name: 'Omgångens körningar, nyaste först' });
        await runs.getByRole('cell', { name: 'I kö', exact: true }).waitFor();
        await checkPage(app, 'manager-matching-queued-desktop');
        await page.setViewportSize(PHONE);
        await checkPage(app, 'manager-matching-queued-phone');
        await page.setViewportSize(DESKTOP);

        worker = await TestWorker.start(server);
        await runs.getByRole('cell', { name: 'Inte publicerad', exact: true }).waitFor({ timeout: 30_000 });
        const proposals = page.getByRole('table', { name: 'Föreslagna par med poäng och skäl' });
        await proposals.getByRole('rowheader', { name: 'Amina Yusuf' }).waitFor();
        await checkPage(app, 'manager-matching-queued-done-desktop');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );
});
