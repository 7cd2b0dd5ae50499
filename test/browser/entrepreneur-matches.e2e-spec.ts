import { cohortReadyForMatching, expectStatus, TestServer, TestWorker, untilOutboxDrained, waitUntil, type MatchingCohort, type Participant } from '@samverka/testing';
import { text } from 'node:stream/consumers';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, logIn, openApp, PHONE, DESKTOP, type AppPage } from './support/browser.js';

const WORDS = {
  sv: {
    matches: 'Mina matchningar',
    reasons: 'Därför föreslås ni',
    accept: 'Tacka ja',
    confirmAccept: 'Ja, tacka ja',
    accepted: 'Du har tackat ja.',
    close: 'Stäng',
    tracks: 'Mitt spår',
    openTrack: 'Visa spåret',
    stage: 'Matchad',
    testPlanGate: 'En testplan, innan spåret kan gå till testmiljön.',
    learning: 'Vad har du lärt dig?',
    addLearning: 'Lägg till lärdomen',
    learningAdded: 'Lärdomen är sparad.',
    notifications: 'Notiser',
    markRead: 'Markera som läst',
    myData: 'Mina uppgifter',
    given: 'Du gav samtycke',
    withdrawn: 'Du återkallade samtycket',
    download: 'Hämta mina uppgifter',
    exported: 'Filen är hämtad.',
  },
  en: {
    matches: 'My matches',
    reasons: 'Why you are proposed',
    accept: 'Accept',
    confirmAccept: 'Yes, accept',
    accepted: 'You have accepted.',
    close: 'Close',
    tracks: 'My track',
    openTrack: 'Show the track',
    stage: 'Matched',
    testPlanGate: 'A test plan, before the track can enter the test environment.',
    learning: 'What have you learnt?',
    addLearning: 'Add the learning',
    learningAdded: 'The learning is saved.',
    notifications: 'Notifications',
    markRead: 'Mark as read',
    myData: 'My data',
    given: 'You consented',
    withdrawn: 'You withdrew your consent',
    download: 'Download my data',
    exported: 'The file is downloaded.',
  },
};
type Language = keyof typeof WORDS;
const TITLES = ['Ensamhet bland äldre i Dalhem', 'Läxhjälp på biblioteket'];
/** A whole walk through the pages in a browser, with a worker run in the middle. */
const TIMEOUT = 180_000;

describe('an entrepreneur answers a match, follows the track and looks after their data', () => {
  let server: TestServer;
  let browser: Browser;
  let cohort: MatchingCohort;
  const matchIds: string[] = [];

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortReadyForMatching(server, {
      participants: [
        { displayName: 'Amina Yusuf', competences: ['tjänstedesign'], themes: ['ensamhet'] },
        { displayName: 'Ben Carter', competences: ['pedagogik'], themes: ['skola'] },
      ],
      challenges: TITLES.map((title) => ({ title })),
    });
    const { manager, cohortId, participants, challengeIds } = cohort;
    const pins = participants.map((participant, i) => ({ participantId: participant.userId, challengeId: challengeIds[i] }));
    const run = await expectStatus(await server.http.post(`/api/cohorts/${cohortId}/matching-runs`).set(manager.auth).send({ algorithm: 'optimal', pins }), 201, 'run');
    const published = (await expectStatus(await server.http.post(`/api/matching-runs/${run.id}/publish`).set(manager.auth).send({}), 201, 'publish')) as unknown as {
      items: { id: string; participantId: string }[];
    };
    for (const participant of participants) matchIds.push(published.items.find((match) => match.participantId === participant.userId)?.id ?? '');
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

  async function walk(language: Language, index: number): Promise<void> {
    const words = WORDS[language];
    const participant: Participant = cohort.participants[index];
    const title = TITLES[index];
    const app = await openApp(browser, server);
    const { page } = app;
    try {
      await logIn(page, participant.email, participant.password);
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click();

      // The match, its reasons, and the answer with a confirmation.
      await page.getByRole('navigation').getByRole('link', { name: words.matches }).first().click();
      await heading(page, words.matches).waitFor();
      await page.getByRole('heading', { level: 2, name: title }).waitFor();
      await page.getByText(words.reasons).waitFor();
      await checkBoth(app, `matches-${language}`);
      await page.getByRole('button', { name: `${words.accept}: ${title}` }).click();
      const dialog = page.getByRole('dialog');
      await checkPage(app, `matches-respond-${language}`);
      await dialog.getByRole('button', { name: words.confirmAccept }).click();
      await dialog.getByText(words.accepted).waitFor();
      await dialog.getByRole('button', { name: words.close }).last().click();

      // The department accepts too; the worker delivers the notifications.
      await expectStatus(await server.http.post(`/api/matches/${matchIds[index]}/respond`).set(cohort.member.auth).send({ response: 'accept' }), 200, 'department accepts');
      const worker = await TestWorker.start(server);
      try {
        await untilOutboxDrained(server);
      } finally {
        await worker.stop();
      }

      // The track: its stage, the gates still open, and a learning added.
      await page.goto('/tracks');
      await heading(page, words.tracks).waitFor();
      await page.getByRole('link', { name: `${words.openTrack}: ${title}` }).click();
      await heading(page, title).waitFor();
      await page.getByText(words.testPlanGate).waitFor();
      await expect(page.getByText(words.stage, { exact: true }).first().isVisible()).resolves.toBe(true);
      const learning = language === 'sv' ? 'Äldre vill hellre träffas på biblioteket än på fritidsgården.' : 'Pupils ask for help in the evening, not after school.';
      await page.getByLabel(new RegExp(`^${words.learning.replace('?', '\\?')}`)).fill(learning);
      await page.getByRole('button', { name: words.addLearning }).click();
      await page.getByText(words.learningAdded).waitFor();
      await page.getByText(learning).waitFor();
      await checkBoth(app, `track-${language}`);

      // Notifications: the header counts them; one is marked read.
      await page.goto('/notifications');
      await heading(page, words.notifications).waitFor();
      const markButtons = page.getByRole('button', { name: new RegExp(`^${words.markRead}`) });
      await markButtons.first().waitFor();
      const before = await markButtons.count();
      expect(before).toBeGreaterThan(0);
      await checkBoth(app, `notifications-${language}`);
      await markButtons.first().click();
      await waitUntil(async () => (await markButtons.count()) === before - 1, 'one notification fewer to mark read');

      // My data: a consent given and withdrawn, the export downloaded.
      await page.goto('/my-data');
      await heading(page, words.myData).waitFor();
      const consent = page.getByRole('switch').first();
      await consent.click({ force: true });
      await page.getByText(words.given).first().waitFor();
      await consent.click({ force: true });
      await page.getByText(words.withdrawn).first().waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: words.download }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.json$/);
      const exported = JSON.parse(await text(await download.createReadStream())) as { account: { email?: string } };
      expect(JSON.stringify(exported.account)).toContain(participant.email);
      await page.getByText(words.exported).waitFor();
      await checkBoth(app, `my-data-${language}`);
      expect(app.problems).toEqual([]);
    } finally {
      await app.context.close();
    }
  }

  it('in Swedish', () => walk('sv', 0), TIMEOUT);
  it('in English', () => walk('en', 1), TIMEOUT);
});
