import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import { addTracks, cohortInProgress, TestServer, waitUntil, type ProgressCohort } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';

const TIMEOUT = 180_000;
/** By participant: graduated, evaluation, test environment, co-design, matched, discontinued, then two more matched. */
const NAMES = ['Amira Haddad', 'Bo Lindqvist', 'Cecilia Öberg', 'David Nilsson', 'Ebba Ström', 'Farid Said', 'Östen Ek', 'Adam Berg'];
const BOARD_SIZE = 300;

describe('a programme manager follows a cohort’s tracks, reads its impact and learning, and its method cards', () => {
  let server: TestServer;
  let browser: Browser;
  let cohort: ProgressCohort;

  /** The names on a stage's column, top to bottom. */
  const column = (page: Page, stage: RegExp) => page.getByRole('region', { name: stage });
  const namesIn = (page: Page, stage: RegExp) => column(page, stage).getByRole('listitem').getByRole('link').allTextContents();
  // Run in the page (as strings: these tests are compiled without the DOM's types).
  const noSidewaysScroll = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortInProgress(server, NAMES);
    // Ebba has waited longest in matched, Östen a while, Adam just arrived.
    const [, , , , ebba, , osten] = cohort.trackIds;
    const ago = (trackId: string, days: number) => server.db.query(`UPDATE tracks SET stage_entered_at = now() - make_interval(days => $2) WHERE id = $1`, [trackId, days]);
    await ago(ebba, 40);
    await ago(osten, 20);
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'in Swedish on a desktop: the board sorted two ways, a track opened, the reports with a CSV, the method cards',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      await logIn(page, cohort.manager.email, cohort.manager.password);

      await page.goto(`/manage/cohorts/${cohort.cohortId}/tracks`);
      await page.getByRole('heading', { level: 1, name: 'Spår' }).waitFor();
      await column(page, /^Examen, ett spår$/).getByRole('link', { name: 'Öppna spåret för Amira Haddad' }).waitFor();
      await column(page, /^Avbrutet, ett spår$/).getByRole('link', { name: 'Öppna spåret för Farid Said' }).waitFor();
      await column(page, /^Samskapande, ett spår$/).getByText('Kvar att klara: Testplan, Testtillfälle, 2 examenskriterier').waitFor();
      await column(page, /^Utvärdering, ett spår$/).getByText('Kvar att klara: 2 examenskriterier').waitFor();
      expect(await namesIn(page, /^Matchad, 3 spår$/)).toEqual(['Ebba Ström', 'Östen Ek', 'Adam Berg']);
      const ebbasCard = column(page, /^Matchad/).getByRole('listitem').first();
      await ebbasCard.getByText('40 dagar i steget').waitFor();
      await ebbasCard.getByText(/^Längre än normala tiden/).waitFor();
      expect(await column(page, /^Matchad/).getByRole('listitem').last().getByText(/^Längre än normala tiden/).count()).toBe(0);
      await checkPage(app, 'manager-tracks-board-desktop-sv');

      await page.getByText('Namn', { exact: true }).click();
      expect(await namesIn(page, /^Matchad/)).toEqual(['Adam Berg', 'Ebba Ström', 'Östen Ek']);

      // Each card leads to the track's own page, where a manager moves it on.
      const bosCard = page.getByRole('link', { name: 'Öppna spåret för Bo Lindqvist' });
      expect(await bosCard.getAttribute('href')).toBe(`/tracks/${cohort.trackIds[1]}`);
      await Promise.all([page.waitForURL(`**/tracks/${cohort.trackIds[1]}`, { waitUntil: 'commit' }), bosCard.click()]);
      await page.getByRole('heading', { level: 2, name: 'Programledarens beslut' }).waitFor();
      await page.goto(`/manage/cohorts/${cohort.cohortId}/tracks`);
      await page.getByRole('heading', { level: 1, name: 'Spår' }).waitFor();

      await page.getByRole('navigation', { name: 'Omgångens sidor' }).getByRole('link', { name: 'Effekter och lärande' }).click();
      await page.getByRole('heading', { level: 1, name: /^Effekter och lärande/ }).waitFor();
      const graduations = page.getByRole('table', { name: 'Utfall vid examen' });
      await graduations.getByRole('row', { name: 'Infört av förvaltningen 1' }).waitFor();
      await page.getByRole('table', { name: 'Från ansökan till examen' }).getByRole('row', { name: /^Examinerade 1 / }).waitFor();
      await page.getByRole('table', { name: 'Lärdomar: hinder och framgångsfaktorer' }).getByRole('row', { name: 'tillit 0 2 0 0' }).waitFor();
      await page.getByRole('table', { name: 'Mätvärden mot mål' }).getByRole('row', { name: /^Unga som bokat själva 2 \d 55 personer \(summa\)/ }).waitFor();
      // 40 measured in October, 15 in November: the month's sum and the running total.
      await page.getByRole('table', { name: 'Mätvärden över tid' }).getByRole('row', { name: 'Unga som bokat själva nov. 2026 1 15 personer (summa) 55 personer' }).waitFor();
      await page.getByRole('table', { name: 'Täckning av de globala målen' }).getByRole('rowheader', { name: '4. God utbildning för alla' }).waitFor();
      await page.getByRole('table', { name: 'Tid per steg' }).getByRole('rowheader', { name: 'Samskapande' }).waitFor();
      for (const title of ['Från ansökan till examen', 'Tid per steg', 'Täckning av de globala målen', 'Mätvärden mot mål', 'Mätvärden över tid', 'Lärdomar: hinder och framgångsfaktorer', 'Utfall vid examen']) {
        await page.getByRole('img', { name: `Diagram: ${title}. Siffrorna finns i tabellen.` }).locator('svg.recharts-surface').first().waitFor();
      }
      await checkPage(app, 'manager-impact-desktop-sv');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner CSV: Utfall vid examen' }).click()]);
      expect(download.suggestedFilename()).toBe('graduations.csv');
      const rows = parse(await text(await download.createReadStream()), { columns: true, bom: true }) as { outcome: string; graduates: string }[];
      expect(rows.find((row) => row.outcome === 'adopted_by_department')?.graduates).toBe('1');
      expect(rows.filter((row) => row.outcome !== 'adopted_by_department').every((row) => row.graduates === '0')).toBe(true);

      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Metodkort' }).click();
      await page.getByRole('heading', { level: 1, name: 'Metodkort' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Kontaktperson på plats' }).waitFor();
      await page.getByRole('button', { name: 'Visa innehåll och användning' }).click();
      await page.getByText('Spår som använt kortet: 1. Omgångar: 1. Förvaltningar: 1.').waitFor();
      await page.getByText('Pågår: 1').waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Cecilia Öberg – Utmaning för Cecilia Öberg: Testmiljö, version 1' }).getByRole('link', { name: 'Cecilia Öberg' }).waitFor();
      await page.getByText(/^Version 1: Kontaktperson på plats/).waitFor();
      await checkPage(app, 'manager-method-cards-desktop-sv');
      expect(app.problems).toEqual([]);
      await app.context.close();
    },
    TIMEOUT,
  );

  it(
    'in English on a 360 px phone: the board stacks, the reports’ tables scroll within themselves',
    async () => {
      const app = await openApp(browser, server, PHONE);
      const { page } = app;
      await logIn(page, cohort.manager.email, cohort.manager.password);
      await page.getByRole('button', { name: 'English' }).click();

      await page.goto(`/manage/cohorts/${cohort.cohortId}/tracks`);
      await page.getByRole('heading', { level: 1, name: 'Tracks' }).waitFor();
      await column(page, /^Matched, 3 tracks$/).getByText('40 days in stage').waitFor();
      expect(await noSidewaysScroll(page)).toBe(true);
      await checkPage(app, 'manager-tracks-board-phone-en');

      await page.goto(`/manage/cohorts/${cohort.cohortId}/impact`);
      await page.getByRole('table', { name: 'Graduation outcomes' }).getByRole('row', { name: 'Adopted by the department 1' }).waitFor();
      await page.getByRole('table', { name: 'Metrics over time' }).getByRole('row', { name: 'Unga som bokat själva Oct 2026 1 40 personer (sum) 40 personer' }).waitFor();
      await page.getByRole('table', { name: 'Coverage of the Global Goals' }).getByRole('rowheader', { name: '4. Quality education' }).waitFor();
      expect(await noSidewaysScroll(page)).toBe(true);
      await checkPage(app, 'manager-impact-phone-en');

      await page.goto('/manage/method-cards');
      await page.getByRole('heading', { level: 2, name: 'Kontaktperson på plats' }).waitFor();
      await page.getByRole('button', { name: 'Show contents and use' }).click();
      await page.getByRole('heading', { level: 4, name: 'Tracks that used the card' }).waitFor();
      await page.getByText('Utmaning för Cecilia Öberg: Test environment, version 1').waitFor();
      expect(await noSidewaysScroll(page)).toBe(true);
      await checkPage(app, 'manager-method-cards-phone-en');
      expect(app.problems).toEqual([]);
      await app.context.close();
    },
    TIMEOUT,
  );

  it(
    `opens and sorts a board of ${BOARD_SIZE} tracks`,
    async () => {
      await addTracks(server, cohort, BOARD_SIZE - NAMES.length);
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      await logIn(page, cohort.manager.email, cohort.manager.password);
      const cards = page.locator('[aria-label^="Öppna spåret för"]');
      await page.goto(`/manage/cohorts/${cohort.cohortId}/tracks`);
      await page.getByRole('heading', { level: 1, name: 'Spår' }).waitFor();
      await waitUntil(async () => (await cards.count()) === BOARD_SIZE, `all ${BOARD_SIZE} cards drawn`);
      const byName = (await namesIn(page, /^Matchad/)).sort(new Intl.Collator('sv-SE').compare);
      await page.getByText('Namn', { exact: true }).click();
      await waitUntil(async () => JSON.stringify(await namesIn(page, /^Matchad/)) === JSON.stringify(byName), 'the matched column sorted by name');
      await checkPage(app, 'manager-tracks-board-300-desktop-sv');
      await app.context.close();
    },
    TIMEOUT,
  );
});
