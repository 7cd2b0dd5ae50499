import { cohortReadyForMatching, TestServer, TestWorker, waitUntil, type MatchingCohort } from '@samverka/testing';
import type { Browser } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';

const TIMEOUT = 120_000;

// The size threshold is lowered to two participants, so this cohort's runs go to the worker.
describe('a programme manager sees why a matching run the worker made failed, and starts a new one', () => {
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
        { title: 'Ensamhet bland äldre i Dalhem', competences: ['tjänstedesign'], themes: ['ensamhet'], seats: 1 },
        { title: 'Läxhjälp på biblioteket', competences: ['pedagogik'], themes: ['skola'], seats: 1 },
      ],
    });
    // Two people locked to a challenge with one seat: the worker fails the run for real.
    const [amina, , cecilia] = cohort.participants;
    const queued = await server.http
      .post(`/api/cohorts/${cohort.cohortId}/matching-runs`)
      .set(cohort.manager.auth)
      .send({ algorithm: 'optimal', pins: [amina, cecilia].map((participant) => ({ participantId: participant.userId, challengeId: cohort.challengeIds[0] })) })
      .expect(202);
    worker = await TestWorker.start(server);
    const status = async () => (await server.http.get(`/api/matching-runs/${queued.body.id}`).set(cohort.manager.auth).expect(200)).body.status as string;
    await waitUntil(async () => (await status()) === 'failed', 'the run to fail');
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await server?.stop();
  });

  it(
    'in Swedish: the reason and what to do in words, on a desktop and a phone; a new run without the locked pairs is made',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      try {
        await logIn(page, cohort.manager.email, cohort.manager.password);
        await page.goto(`/manage/cohorts/${cohort.cohortId}/matching`);
        await page.getByRole('heading', { level: 1, name: 'Matchning' }).waitFor();
        const failure = page.getByRole('alert').filter({ hasText: 'Den senaste körningen misslyckades: de låsta paren går inte ihop' });
        await failure.getByText('Gör en ny körning utan låsta par och lås sedan bara par som får plats.', { exact: false }).waitFor();
        const runs = page.getByRole('table', { name: 'Omgångens körningar, nyaste först' });
        await runs.getByRole('cell', { name: 'Misslyckades: de låsta paren går inte ihop', exact: true }).waitFor();
        await checkPage(app, 'manager-matching-failed-desktop');
        await page.setViewportSize(PHONE);
        await checkPage(app, 'manager-matching-failed-phone');
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        await page.setViewportSize(DESKTOP);

        await failure.getByText('Den nya körningen blir optimal, som den som misslyckades, men utan låsta och förbjudna par.').waitFor();
        await failure.getByRole('button', { name: 'Gör en ny körning' }).click();
        await runs.getByRole('cell', { name: 'Inte publicerad', exact: true }).waitFor({ timeout: 30_000 });
        await failure.waitFor({ state: 'detached' });
        const proposals = page.getByRole('table', { name: 'Föreslagna par med poäng och skäl' });
        await proposals.getByRole('rowheader', { name: 'Amina Yusuf' }).waitFor();
        await runs.getByRole('cell', { name: 'Misslyckades: de låsta paren går inte ihop', exact: true }).waitFor();
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );
});
