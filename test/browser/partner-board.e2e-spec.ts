import { cohortReadyForMatching, expectStatus, HELSINGBORG, registerEntrepreneur, TestServer, type MatchingCohort, type Session } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE, type AppPage } from './support/browser.js';

const CHALLENGE = 'Bryta ensamheten bland äldre';
const OFFER = 'Träffpunkt med äldre tar emot tester';
const SEARCH = 'Söker en mötesplats för att testa en app';
const TIMEOUT = 150_000;

const daysFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const startsWith = (text: string) => new RegExp(`^${text}`);

describe('the partner board: a search, its suggestions, interest, a yes, and an admin hiding a post', () => {
  let server: TestServer;
  let browser: Browser;
  let cohort: MatchingCohort;
  let bertil: Session;

  beforeAll(async () => {
    server = await TestServer.start();
    // Petra takes part in a cohort, so she sees its approved challenge; Bertil offers a test environment in the next municipality.
    cohort = await cohortReadyForMatching(server, {
      participants: [{ displayName: 'Petra Lind' }],
      challenges: [{ title: CHALLENGE, themes: ['ensamhet'], competences: ['äldre'], municipalityCode: HELSINGBORG }],
    });
    bertil = await registerEntrepreneur(server, 'Bertil Berg');
    await expectStatus(
      await server.http.post('/api/partner-posts').set(bertil.auth).send({
        direction: 'offer',
        kind: 'test_environment',
        title: OFFER,
        description: 'En mötesplats i Höganäs där äldre kommer varje vecka; personalen är gärna med när något nytt prövas.',
        tags: ['äldre', 'ensamhet', 'mötesplats'],
        municipalityCode: '1284',
        endsOn: daysFromNow(40),
      }),
      201,
      'offer',
    );
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  async function checkBoth(app: AppPage, name: string): Promise<void> {
    await checkPage(app, `${name}-desktop`);
    await app.page.setViewportSize(PHONE);
    await checkPage(app, `${name}-phone`);
    await app.page.setViewportSize(DESKTOP);
  }

  it(
    'lets a participant post a search, see suggestions with reasons, and reach the offer’s poster only after they say yes',
    async () => {
      const petra = cohort.participants[0];
      const petrasApp = await openApp(browser, server);
      const bertilsApp = await openApp(browser, server);
      try {
        const { page } = petrasApp;
        await logIn(page, petra.email, petra.password);
        await page.getByRole('navigation').getByRole('link', { name: 'Partnertavlan' }).first().click();
        await heading(page, 'Partnertavlan').waitFor();
        await page.getByRole('heading', { level: 2, name: OFFER }).waitFor();
        await checkBoth(petrasApp, 'partners-board-sv');

        // A filter that leaves nothing says so in words; clearing it brings the offer back.
        await page.getByRole('combobox', { name: 'Vad gäller det' }).click();
        await page.getByRole('option', { name: 'Finansiering' }).click();
        await page.getByText('Inga inlägg passar filtret.').waitFor();
        await page.getByRole('combobox', { name: 'Vad gäller det' }).click();
        await page.getByRole('option', { name: 'Allt' }).click();
        await page.getByRole('heading', { level: 2, name: OFFER }).waitFor();

        await page.getByRole('link', { name: 'Nytt inlägg' }).click();
        await heading(page, 'Nytt inlägg på partnertavlan').waitFor();
        await page.getByRole('radio', { name: 'Söker' }).check();
        await page.getByRole('combobox', { name: 'Vad gäller det' }).click();
        await page.getByRole('option', { name: 'Testmiljö' }).click();
        await page.getByLabel(startsWith('Rubrik')).fill(SEARCH);
        await page.getByLabel(startsWith('Beskrivning')).fill('Vi behöver en plats där äldre kan prova appen tillsammans med personal under fyra veckor.');
        for (const tag of ['äldre', 'ensamhet']) {
          await page.getByRole('combobox', { name: startsWith('Taggar') }).fill(tag);
          await page.getByRole('combobox', { name: startsWith('Taggar') }).press('Enter');
        }
        await page.getByRole('combobox', { name: 'Kommun' }).fill('Helsingb');
        await page.getByRole('option', { name: 'Helsingborg' }).click();
        await checkBoth(petrasApp, 'partners-editor-sv');
        await page.getByRole('button', { name: 'Publicera inlägget' }).click();

        // Her post, with the offer and the challenge suggested, and why.
        await heading(page, SEARCH).waitFor();
        const suggestions = page.getByRole('region', { name: 'Förslag från Samverka' });
        await suggestions.getByRole('heading', { name: OFFER }).waitFor();
        await suggestions.getByText('2 av 2 taggar gemensamma: äldre, ensamhet · samma län').waitFor();
        await suggestions.getByRole('heading', { name: CHALLENGE }).waitFor();
        await suggestions.getByText('2 av 2 taggar gemensamma: äldre, ensamhet · samma kommun').waitFor();
        await page.getByText('Ingen har anmält intresse ännu.').waitFor();
        await checkBoth(petrasApp, 'partners-post-own-sv');

        await suggestions.getByRole('link', { name: OFFER }).click();
        await heading(page, OFFER).waitFor();
        await page.getByRole('button', { name: 'Jag är intresserad' }).click();
        await page.getByText('Du har anmält intresse.', { exact: false }).waitFor();
        expect(await page.getByText(bertil.email).count()).toBe(0);
        await checkPage(petrasApp, 'partners-post-interested-desktop-sv');

        // Bertil sees who is interested, without an address until he says yes.
        const bertils = bertilsApp.page;
        await logIn(bertils, bertil.email, bertil.password);
        await bertils.goto('/partners');
        await bertils.getByRole('link', { name: OFFER }).click();
        await heading(bertils, OFFER).waitFor();
        // Her name also shows on her search among the suggestions; the interest is in its own list.
        const interests = bertils.getByRole('list', { name: 'Intresseanmälningar till inlägget' });
        await interests.getByText('Petra Lind').waitFor();
        await interests.getByText('Visas när du har tackat ja').waitFor();
        expect(await bertils.getByText(petra.email).count()).toBe(0);
        await checkBoth(bertilsApp, 'partners-interests-sv');
        await bertils.getByRole('button', { name: 'Tacka ja till Petra Lind' }).click();
        await bertils.getByRole('link', { name: petra.email }).waitFor();

        await page.reload();
        await page.getByText('Den som skrev inlägget har tackat ja.', { exact: false }).waitFor();
        await page.getByRole('link', { name: bertil.email }).waitFor();
        await checkPage(petrasApp, 'partners-post-accepted-desktop-sv');

        // A search for a partner to a challenge she can see names it.
        await page.goto('/partners/new');
        await heading(page, 'Nytt inlägg på partnertavlan').waitFor();
        await page.getByRole('combobox', { name: 'Vad gäller det' }).click();
        await page.getByRole('option', { name: 'Partner till en utmaning' }).click();
        await page.getByRole('combobox', { name: 'Utmaning' }).click();
        await page.getByRole('option', { name: CHALLENGE }).click();
        await page.getByLabel(startsWith('Rubrik')).fill('Söker en partner med vana av äldreboenden');
        await page.getByLabel(startsWith('Beskrivning')).fill('Någon som kan hjälpa oss att komma i kontakt med personalen.');
        await page.getByRole('button', { name: 'Publicera inlägget' }).click();
        await heading(page, 'Söker en partner med vana av äldreboenden').waitFor();
        await page.getByText(`Gäller utmaningen: ${CHALLENGE}`).waitFor();
        expect([...petrasApp.problems, ...bertilsApp.problems]).toEqual([]);
      } finally {
        await petrasApp.context.close();
        await bertilsApp.context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'lets an admin hide a post with a reason, in English, after which its author sees why',
    async () => {
      const app = await openApp(browser, server);
      try {
        const { page } = app;
        await logIn(page, cohort.admin.email, cohort.admin.password);
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('navigation').getByRole('link', { name: 'Partner board' }).first().click();
        await heading(page, 'Partner board').waitFor();
        await page.getByRole('link', { name: SEARCH }).click();
        await heading(page, SEARCH).waitFor();
        await page.getByRole('heading', { level: 2, name: 'Hide the post' }).waitFor();
        await checkBoth(app, 'partners-post-admin-en');
        await page.getByLabel(startsWith('Reason')).fill('Contains a phone number; please write it without.');
        await page.getByRole('button', { name: 'Hide the post' }).click();
        await page.getByText('An admin has hidden the post').waitFor();
        await page.getByText('Reason: Contains a phone number; please write it without.').waitFor();
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
      const hidden = await server.http.get('/api/partner-posts').query({ tag: 'ensamhet', direction: 'look_for' }).set(bertil.auth).expect(200);
      expect(hidden.body.items).toEqual([]);
    },
    TIMEOUT,
  );
});
