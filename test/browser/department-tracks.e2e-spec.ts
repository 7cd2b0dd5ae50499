import { acceptMatch, cohortWithProposals, createDepartment, expectStatus, TestServer, type ProposedCohort } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';
import { advanceTrack, startsWith } from './support/manager.js';

/** Two people in two browsers through a whole track: a couple of minutes on a busy two-core machine. */
const TIMEOUT = 240_000;
const INNOVATOR = 'Amina Yusuf';
const TITLE = `Utmaning för ${INNOVATOR}`;

describe('a department answers a proposal and works on the track; the manager moves it to graduation on the same page', () => {
  let server: TestServer;
  let browser: Browser;
  let cohort: ProposedCohort;
  let departmentName: string;

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortWithProposals(server, [INNOVATOR]);
    await acceptMatch(server, cohort.participants[0], cohort.matchIds[0]);
    departmentName = ((await expectStatus(await server.http.get(`/api/departments/${cohort.departmentId}`).set(cohort.admin.auth), 200, 'read department')) as { name: string }).name;
    // The member belongs to a second department too, and chooses which one the pages show.
    const culture = await createDepartment(server, cohort.admin, { name: 'Kulturförvaltningen' });
    await expectStatus(await server.http.post(`/api/departments/${culture.id}/members`).set(cohort.admin.auth).send({ userId: cohort.member.userId }), 201, 'add to a second department');
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).first().click();
  const choose = async (page: Page, label: RegExp, option: string) => {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option }).click();
  };


  it(
    'from the proposal to a follow-up after graduation',
    async () => {
      const member = await openApp(browser, server, DESKTOP);
      const manager = await openApp(browser, server, DESKTOP);
      try {
        // The proposal names the innovator and what the department is shown of them; the department accepts.
        await logIn(member.page, cohort.member.email, cohort.member.password);
        await nav(member.page, 'Matchningar');
        await heading(member.page, 'Matchningsförslag').waitFor();
        await member.page.getByRole('heading', { level: 2, name: INNOVATOR }).waitFor();
        await choose(member.page, /^Förvaltning/, 'Kulturförvaltningen');
        await member.page.getByText('Det finns inga matchningsförslag ännu.').waitFor();
        await choose(member.page, /^Förvaltning/, departmentName);
        await member.page.getByText(`Utmaning: ${TITLE}`).waitFor();
        await member.page.getByText('Social entreprenör').waitFor();
        await member.page.getByText('Kommun: Helsingborg').waitFor();
        await checkPage(member, 'department-proposals-desktop-sv');
        await member.page.getByRole('button', { name: `Tacka ja: ${INNOVATOR}` }).click();
        await member.page.getByText('Ni har tackat ja.').waitFor();

        // The department's tracks, and the track the two yeses started.
        await nav(member.page, 'Spår');
        await heading(member.page, 'Förvaltningens spår').waitFor();
        await member.page.getByText(new RegExp(`^Innovatör: ${INNOVATOR} · Förvaltning: `)).waitFor();
        await checkPage(member, 'department-tracks-desktop-sv');
        await member.page.getByRole('link', { name: `Visa spåret: ${TITLE}` }).click();
        await heading(member.page, TITLE).waitFor();
        const trackUrl = member.page.url();

        // The test plan, with the environment's consent rule said in words.
        await member.page.getByRole('button', { name: 'Skriv testplanen' }).click();
        await choose(member.page, startsWith('Testmiljö'), 'Fritidsgården Dalhem');
        await member.page.getByText('Fritidsgården Dalhem kräver skriftligt samtycke från alla som deltar.', { exact: false }).waitFor();
        await member.page.getByLabel(startsWith('Testet börjar')).fill('2026-10-01');
        await member.page.getByLabel(startsWith('Antal användare som ska delta')).fill('12');
        await member.page.getByLabel(startsWith('Det här ska prövas')).fill('Kvällsträffar där unga själva bokar lokalen.');
        await member.page.getByLabel(startsWith('Så frågar ni om samtycke')).fill('Skriftligt samtycke från vårdnadshavare före första träffen.');
        await member.page.getByRole('button', { name: 'Spara testplanen' }).click();
        await member.page.getByText('Testplanen är sparad.').waitFor();
        await member.page.getByText('12 användare deltar').waitFor();

        // A milestone, marked done; a learning.
        await member.page.getByLabel(startsWith('Vad ska vara gjort?')).fill('Första träffen hållen');
        await member.page.getByLabel(startsWith('Klart senast')).fill('2026-10-08');
        await member.page.getByRole('button', { name: 'Lägg till delmålet' }).click();
        await member.page.getByText('Delmålet är sparat.').waitFor();
        await member.page.getByRole('button', { name: 'Markera som klart: Första träffen hållen' }).click();
        await member.page.getByRole('button', { name: 'Markera som inte klart: Första träffen hållen' }).waitFor();
        await member.page.getByLabel(startsWith('Vad har du lärt dig?')).fill('Unga bokar hellre själva än via en vuxen.');
        await member.page.getByRole('button', { name: 'Lägg till lärdomen' }).click();
        await member.page.getByText('Lärdomen är sparad.').waitFor();
        await checkPage(member, 'department-track-desktop-sv');

        // The manager moves the track on, on the same page, into the test environment.
        await logIn(manager.page, cohort.manager.email, cohort.manager.password);
        await manager.page.goto(new URL(trackUrl).pathname);
        await heading(manager.page, TITLE).waitFor();
        await advanceTrack(manager.page, 'Samskapande', 'Idén är förankrad hos behovsägaren.');
        await advanceTrack(manager.page, 'Testmiljö', 'Testplanen är klar.');
        await checkPage(manager, 'manager-track-desktop-sv');

        // A test session: without consent the environment refuses it, with consent it is recorded.
        await member.page.reload();
        await member.page.setViewportSize(PHONE);
        await heading(member.page, TITLE).waitFor();
        await member.page.getByLabel(startsWith('Datum')).first().fill('2026-10-08');
        await member.page.getByLabel(startsWith('Antal användare som deltog')).fill('9');
        await member.page.getByLabel(startsWith('Det här prövades')).fill('Bokning av lokalen via appen.');
        await member.page.getByLabel(startsWith('Det här sågs')).fill('Sju av nio bokade utan hjälp.');
        await member.page.getByRole('button', { name: 'Registrera testtillfället' }).click();
        await member.page.getByText('Testmiljön kräver skriftligt samtycke från alla som deltar. Registrera testtillfället när samtycket finns.').waitFor();
        await member.page.getByLabel('Alla som deltog har gett skriftligt samtycke').check();
        await member.page.getByRole('button', { name: 'Registrera testtillfället' }).click();
        await member.page.getByText('Testtillfället är registrerat.').waitFor();
        await member.page.getByText('Sju av nio bokade utan hjälp.').waitFor();
        await checkPage(member, 'department-track-phone-sv');
        await member.page.setViewportSize(DESKTOP);

        // Evaluation, the criteria ticked, and graduation with its outcome.
        await manager.page.reload();
        await advanceTrack(manager.page, 'Utvärdering', 'Testerna är genomförda.');
        await manager.page.getByLabel('Lösningen är testad med riktiga användare').check();
        await manager.page.getByLabel('Behovsägaren har tagit ställning till fortsättningen').check();
        await manager.page.getByRole('button', { name: 'Spara examenskriterierna' }).click();
        await manager.page.getByText('Examenskriterierna är sparade.').waitFor();
        await manager.page.getByRole('heading', { name: 'Nästa steg: Examen' }).waitFor();
        await choose(manager.page, startsWith('Resultat'), 'Förvaltningen tar över lösningen');
        await manager.page.getByLabel(startsWith('Sammanfattning av resultatet')).fill('Fritidsgården bokar nu via appen året runt.');
        await manager.page.getByLabel(startsWith('Motivering')).fill('Alla kriterier är uppfyllda.');
        await checkPage(manager, 'manager-track-graduation-desktop-sv');
        await manager.page.getByRole('button', { name: 'Flytta till Examen' }).click();
        await manager.page.getByRole('heading', { level: 2, name: 'Examen', exact: true }).waitFor();
        await manager.page.getByText('Fritidsgården bokar nu via appen året runt.').waitFor();
        const graduated = await expectStatus(await server.http.get(new URL(trackUrl).pathname.replace('/tracks/', '/api/tracks/')).set(cohort.manager.auth), 200, 'read the track');
        expect(graduated).toMatchObject({ stage: 'graduated', graduation: { outcome: 'adopted_by_department' } });

        // A follow-up after graduation, and the page in English.
        await member.page.reload();
        await member.page.getByRole('heading', { name: 'Uppföljning efter examen' }).waitFor();
        await member.page.getByLabel(startsWith('Datum för uppföljningen')).fill('2027-03-01');
        await member.page.getByLabel(startsWith('Hur står det till nu?')).fill('Tre nya föreningar använder lokalen.');
        await member.page.getByRole('button', { name: 'Spara uppföljningen' }).click();
        await member.page.getByText('Uppföljningen är sparad.').waitFor();
        await member.page.getByText('Tre nya föreningar använder lokalen.').waitFor();
        await checkPage(member, 'department-track-graduated-desktop-sv');
        await member.page.getByRole('button', { name: 'English' }).click();
        await member.page.getByRole('heading', { name: 'Follow-up after graduation' }).waitFor();
        await checkPage(member, 'department-track-graduated-desktop-en');
        expect([...member.problems, ...manager.problems]).toEqual([]);
      } finally {
        await member.context.close();
        await manager.context.close();
      }
    },
    TIMEOUT,
  );
});
