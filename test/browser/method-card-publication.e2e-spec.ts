import { cohortWithTracks, TestServer, type TrackedCohort } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';

const TIMEOUT = 120_000;

describe('a programme manager publishes a method card version as open data, and withdraws it', () => {
  let server: TestServer;
  let browser: Browser;
  let cohort: TrackedCohort;
  let cleanCardId: string;

  const cardArticle = (page: Page, title: string) => page.getByRole('article', { name: title });
  const noSidewaysScroll = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortWithTracks(server, ['Amira Haddad']);
    const [participant] = cohort.participants;
    const learning = await server.http.post(`/api/tracks/${cohort.trackIds[0]}/learnings`).set(participant.auth).send({ kind: 'method', text: 'Korta möten fungerar.', tags: ['möten'] }).expect(201);
    const card = (title: string, evidence: string) =>
      server.http
        .post('/api/method-cards')
        .set(cohort.manager.auth)
        .send({ title, whenToUse: 'När många ska höras på kort tid.', steps: ['Boka 20 minuter', 'Låt alla tala en gång'], evidence, learnings: [{ learningId: learning.body.id }] })
        .expect(201);
    cleanCardId = (await card('Korta möten', 'Alla hann säga sitt på tjugo minuter.')).body.id;
    await card('Samtal med Amira', 'Amira Haddad (811218-9876) tyckte det fungerade.');
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'in Swedish on a desktop: publishes under CC0 with the citation shown, is stopped by personal data, unpublishes',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      await logIn(page, cohort.manager.email, cohort.manager.password);
      await page.goto('/manage/method-cards');
      await page.getByRole('heading', { level: 1, name: 'Metodkort' }).waitFor();

      const clean = cardArticle(page, 'Korta möten');
      await clean.getByRole('button', { name: 'Visa innehåll och användning' }).click();
      await clean.getByText('Ingen version är publicerad.').waitFor();
      await clean.getByRole('radio', { name: 'CC0 (fri användning)' }).check();
      await clean.getByRole('button', { name: 'Publicera version 1' }).click();
      await clean.getByText('Version 1 är publicerad.').waitFor();
      await clean.getByText(/^Version 1, CC0, publicerad /).waitFor();
      await clean.getByText(/Korta möten\. Samverka, metodkort version 1, \d{4}-\d{2}-\d{2}\. CC0 1\.0\. .*\/api\/open\/method-cards\/korta-moten\/versions\/1$/).waitFor();
      expect(await clean.getByRole('link', { name: 'Öppna den publika adressen' }).getAttribute('href')).toMatch(/\/api\/open\/method-cards\/korta-moten\/versions\/1$/);
      await checkPage(app, 'manager-method-card-published-desktop-sv');

      const named = cardArticle(page, 'Samtal med Amira');
      await named.getByRole('button', { name: 'Visa innehåll och användning' }).click();
      await named.getByRole('button', { name: 'Publicera version 1' }).click();
      await named.getByRole('alert').getByText('Versionen innehåller personuppgifter och kan inte publiceras. Skriv en ny version utan dem.').waitFor();
      await named.getByRole('listitem').filter({ hasText: 'Titel: ett namn' }).waitFor();
      await named.getByRole('listitem').filter({ hasText: 'Underlag: ett personnummer' }).waitFor();
      await checkPage(app, 'manager-method-card-personal-data-desktop-sv');

      await clean.getByRole('button', { name: 'Avpublicera version 1' }).click();
      await clean.getByText('Version 1 är avpublicerad.').waitFor();
      await clean.getByRole('button', { name: 'Publicera version 1 igen' }).waitFor();
      const gone = await server.http.get(`/api/open/method-cards/${cleanCardId}/versions/1`).expect(410);
      expect(gone.body.citation).toMatch(/^Korta möten\. Samverka/);
      expect(app.problems).toEqual([]);
      await app.context.close();
    },
    TIMEOUT,
  );

  it(
    'in English on a 360 px phone: publishes again, the citation wrapping within the screen',
    async () => {
      const app = await openApp(browser, server, PHONE);
      const { page } = app;
      await logIn(page, cohort.manager.email, cohort.manager.password);
      await page.getByRole('button', { name: 'English' }).click();
      await page.goto('/manage/method-cards');
      const clean = cardArticle(page, 'Korta möten');
      await clean.getByRole('button', { name: 'Show contents and use' }).click();
      await clean.getByText(/^Version 1, CC0, unpublished /).waitFor();
      await clean.getByRole('button', { name: 'Publish version 1 again' }).click();
      await clean.getByText('Version 1 is published.').waitFor();
      await server.http.get(`/api/open/method-cards/${cleanCardId}/versions/1`).expect(200);
      expect(await noSidewaysScroll(page)).toBe(true);
      await checkPage(app, 'manager-method-card-published-phone-en');
      expect(app.problems).toEqual([]);
      await app.context.close();
    },
    TIMEOUT,
  );
});
