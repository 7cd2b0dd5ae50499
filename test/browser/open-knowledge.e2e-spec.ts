import { answerResearchUse, cohortPublishingOpenData, recordLearning, TestServer, type OpenCohort } from '@samverka/testing';
import type { Browser } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';

const TIMEOUT = 180_000;
const AMIRAS_TEXT = 'Föräldrarna litade inte på kommunens utskick förrän fritidsledarna var med.';
const WITH_ADDRESS = 'Skriv till fritid.dalhem@helsingborg.se innan ni bokar lokalen.';

describe('what we learned: the open learnings and impact figures for anyone, and a manager approving a text', () => {
  let server: TestServer;
  let browser: Browser;
  let cohort: OpenCohort;

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortPublishingOpenData(server, ['Amira Haddad', 'Bo Lindqvist', 'Cecilia Berg', 'David Ek'], 1);
    const [amira, bo, cecilia, david] = cohort.participants;
    const texts = ['Ingen kom till det första mötet.', 'Det tog tid att bygga förtroende.', 'Fritidsledarna fick ta kontakten.'];
    await recordLearning(server, amira, cohort.allTrackIds[0], { kind: 'obstacle', text: AMIRAS_TEXT, tags: ['Tillit'] });
    await recordLearning(server, amira, cohort.allTrackIds[0], { kind: 'enabler', text: WITH_ADDRESS, tags: ['lokaler'] });
    for (const [i, author] of [bo, cecilia, david].entries()) await recordLearning(server, author, cohort.allTrackIds[i + 1], { kind: 'obstacle', text: texts[i], tags: ['tillit'] });
    await recordLearning(server, cohort.member, cohort.allTrackIds[4], { kind: 'obstacle', text: 'Förtroendet kom med fritidsledarna.', tags: ['tillit'] });
    await answerResearchUse(server, amira, true);
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'in Swedish on a desktop: read without logging in, grouped two ways; the manager approves one text and is refused one with an address',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      try {
        await page.goto('/login');
        await page.getByRole('main').getByRole('link', { name: 'Vad vi lärt oss' }).click();
        await page.getByRole('heading', { level: 1, name: 'Vad vi lärt oss' }).waitFor();
        const learnings = page.getByRole('region', { name: 'Lärdomar' });
        await learnings.getByRole('heading', { level: 3, name: 'Hinder' }).waitFor();
        await learnings.getByText('5 lärdomar från 5 spår och 5 personer').waitFor();
        // Only one enabler, on one track: not shown, not even as "other".
        expect(await learnings.getByRole('heading', { name: 'Möjliggörare' }).count()).toBe(0);
        const impact = page.getByRole('region', { name: 'Effekter per omgång' });
        await impact.getByRole('table', { name: 'Globala mål' }).getByRole('rowheader', { name: '4. God utbildning för alla' }).waitFor();
        await checkPage(app, 'open-learnings-desktop-sv');

        await page.getByRole('combobox', { name: 'Gruppera lärdomar efter' }).click();
        await page.getByRole('option', { name: 'Etikett' }).click();
        await learnings.getByRole('heading', { level: 3, name: 'tillit' }).waitFor();
        expect(await learnings.getByRole('blockquote').count()).toBe(0);

        await logIn(page, cohort.manager.email, cohort.manager.password);
        await page.goto(`/tracks/${cohort.allTrackIds[0]}`);
        const amirasLearning = page.getByRole('region', { name: 'Lärdomar' }).locator('.mantine-Paper-root').filter({ hasText: AMIRAS_TEXT });
        await amirasLearning.getByRole('button', { name: 'Godkänn texten för öppna data' }).click();
        await amirasLearning.getByText(/^Godkänd för öppna data /).waitFor();
        const withAddress = page.getByRole('region', { name: 'Lärdomar' }).locator('.mantine-Paper-root').filter({ hasText: WITH_ADDRESS });
        await withAddress.getByRole('button', { name: 'Godkänn texten för öppna data' }).click();
        await withAddress.getByRole('alert').getByText(/innehåller ett namn, en e-postadress/).waitFor();
        await checkPage(app, 'track-learning-approval-desktop-sv');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'in English on a 360 px phone: the approved text in its group, filtered by county',
    async () => {
      const app = await openApp(browser, server, PHONE);
      const { page } = app;
      try {
        await page.goto('/open');
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { level: 1, name: 'What we learned' }).waitFor();
        await page.getByRole('combobox', { name: 'Group learnings by' }).click();
        await page.getByRole('option', { name: 'Tag', exact: true }).click();
        const learnings = page.getByRole('region', { name: 'Learnings' });
        await learnings.getByRole('blockquote').filter({ hasText: AMIRAS_TEXT }).waitFor();
        await page.getByRole('region', { name: 'Impact per cohort' }).getByRole('table', { name: 'Global Goals' }).waitFor();
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        await checkPage(app, 'open-learnings-phone-en');

        await page.getByRole('combobox', { name: 'County' }).click();
        await page.getByRole('option', { name: 'Stockholms län' }).click();
        await learnings.getByText(/^No learnings to show/).waitFor();
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );
});
