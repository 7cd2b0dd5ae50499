import {
  acceptMatch,
  cohortReviewer,
  completeChallengeContent,
  createDepartment,
  createTestEnvironment,
  departmentMember,
  expectStatus,
  GRADUATION_CRITERIA,
  HELSINGBORG,
  loginAdmin,
  programmeWithManager,
  submittedApplicant,
  submittedChallenge,
  TestServer,
  type Session,
} from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE, type AppPage } from './support/browser.js';
import { advanceTrack, decide, startsWith } from './support/manager.js';

/** A whole cohort from the open call to a graduate, in a browser: about two minutes on a busy two-core machine. */
const TIMEOUT = 240_000;
const COHORT = 'Våren 2027';
const APPLICANTS = ['Amira Haddad', 'Bo Lindqvist', 'Cecilia Öberg'];
const [AMIRA, BO, CECILIA] = APPLICANTS;
const JURORS = ['Greta Granskare', 'Sten Bedömare'];
const CHALLENGE = 'Fler unga i föreningslivet';
const OTHER_CHALLENGE = 'Ensamhet bland äldre i Dalhem';
const FIRST_PROBLEM = 'Unga i Drottninghög deltar sällan i föreningar.';
const SECOND_PROBLEM = 'Unga i Drottninghög deltar sällan i föreningar, och föreningarna når inte dem som flyttat hit nyss.';
const CHANGES = 'Beskriv vilka unga föreningarna inte når i dag.';

/** A moment as a datetime-local field in Stockholm shows it. */
const localDateTime = (at: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(at).replace(' ', 'T');

describe('a whole cohort, from the open call through selection, matching and a track to graduation', () => {
  let server: TestServer;
  let browser: Browser;
  let manager: Session;
  let member: Session;
  let departmentId = '';
  let environmentId = '';
  let programmeName = '';
  let cohortId = '';
  let trackUrl = '';
  const entrepreneurs: Record<string, Session> = {};
  const jurors: Record<string, Session> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    const admin = await loginAdmin(server);
    let programme;
    ({ programme, manager } = await programmeWithManager(server, admin, { name: 'Helsingborgs innovationsprogram' }));
    programmeName = programme.name;
    departmentId = (await createDepartment(server, admin, { name: 'Kultur- och fritidsförvaltningen' })).id;
    member = await departmentMember(server, admin, departmentId, 'Karin Förvaltning');
    environmentId = (await createTestEnvironment(server, member, departmentId, { name: 'Stadsbiblioteket', writtenConsentRequired: false })).id;
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const cohortPage = (page: Page, tab: string) => page.goto(`/manage/cohorts/${cohortId}/${tab}`);

  /** A juror's pass through their screens: a conflict on one application if named, scores on the rest. */
  async function reviewAll(app: AppPage, juror: string, scores: Record<string, [number, number]>, conflict?: string): Promise<void> {
    const { page } = app;
    await logIn(page, jurors[juror].email, jurors[juror].password);
    await page.getByRole('navigation').getByRole('link', { name: 'Mina granskningar' }).click();
    await heading(page, 'Mina granskningar').waitFor();
    if (conflict) {
      await checkPage(app, 'journey-reviewer-list-desktop-sv');
      await page.getByRole('link', { name: conflict }).click();
      await page.getByRole('button', { name: 'Anmäl jäv' }).click();
      const dialog = page.getByRole('dialog', { name: 'Anmäl jäv' });
      await dialog.getByLabel(startsWith('Beskriv kopplingen')).fill('Vi sitter i samma styrelse.');
      await dialog.getByRole('button', { name: 'Anmäl jäv' }).click();
      await page.getByText('Du har anmält jäv för den här ansökan.', { exact: false }).waitFor();
      await checkPage(app, 'journey-reviewer-conflict-desktop-sv');
      await page.getByRole('link', { name: '← Mina granskningar' }).click();
    }
    for (const [applicant, [impact, feasibility]] of Object.entries(scores)) {
      await page.getByRole('link', { name: applicant }).click();
      await heading(page, /^Granska /).waitFor();
      await page.getByRole('radiogroup', { name: startsWith('Social impact') }).getByRole('radio', { name: `${impact} av 5` }).check();
      await page.getByRole('radiogroup', { name: startsWith('Feasibility') }).getByRole('radio', { name: `${feasibility} av 5` }).check();
      await page.getByRole('button', { name: 'Skicka granskningen' }).click();
      await page.getByText('Tack! Din granskning är sparad.', { exact: false }).waitFor();
      if (conflict) await checkPage(app, 'journey-reviewer-scored-desktop-sv');
      await page.getByRole('link', { name: '← Mina granskningar' }).click();
    }
    expect(app.problems).toEqual([]);
    await app.context.close();
  }

  /** Every proposal of the cohort that a side can answer, accepted. */
  async function acceptAll(side: Session): Promise<void> {
    const proposals = await expectStatus<{ items: { id: string }[] }>(await server.http.get(`/api/matches?cohortId=${cohortId}&state=proposed`).set(side.auth), 200, 'list proposals');
    for (const match of proposals.items) await acceptMatch(server, side, match.id);
  }

  it(
    'in Swedish on a desktop',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      try {
        // The open call: a new cohort in the programme, opened on its page.
        await logIn(page, manager.email, manager.password);
        await page.getByRole('navigation').getByRole('link', { name: 'Program' }).click();
        await page.getByRole('link', { name: programmeName }).click();
        await heading(page, programmeName).waitFor();
        await checkPage(app, 'journey-programme-desktop-sv');
        await page.getByRole('button', { name: 'Skapa en ny omgång' }).click();
        await page.getByLabel(startsWith('Omgångens namn')).fill(COHORT);
        await page.getByLabel('Första dag').fill('2027-02-01');
        await page.getByLabel('Sista dag').fill('2027-06-15');
        await page.getByLabel(startsWith('Ansökan öppnar')).fill(localDateTime(new Date(Date.now() - 3_600_000)));
        await page.getByLabel(startsWith('Ansökan stänger')).fill(localDateTime(new Date(Date.now() + 7 * 86_400_000)));
        await page.getByLabel(startsWith('Platser')).fill('2');
        await page.getByRole('button', { name: 'Skapa omgången' }).click();
        await heading(page, COHORT).waitFor();
        cohortId = page.url().split('/').pop() ?? '';
        await page.getByRole('button', { name: 'Öppna för ansökan' }).click();
        await page.getByText('Låsta sedan omgången öppnade').waitFor();
        await checkPage(app, 'journey-cohort-open-desktop-sv');

        // Three entrepreneurs apply (their own screens are tested elsewhere); two jurors are invited; the graduation criteria are set.
        for (const name of APPLICANTS) {
          const { entrepreneur } = await submittedApplicant(server, cohortId, name);
          const profile = { kind: 'social_entrepreneur', competences: ['tjänstedesign'], themes: ['inkludering'], sdgs: [10], languages: ['sv'], municipalityCode: HELSINGBORG, hoursPerWeek: 10 };
          await expectStatus(await server.http.put('/api/entrepreneurs/me').set(entrepreneur.auth).send(profile), 201, 'save profile');
          entrepreneurs[name] = entrepreneur;
        }
        for (const name of JURORS) jurors[name] = await cohortReviewer(server, manager, cohortId, name);
        const etag = (await server.http.get(`/api/cohorts/${cohortId}`).set(manager.auth)).headers.etag;
        await expectStatus(await server.http.put(`/api/cohorts/${cohortId}`).set(manager.auth).set('If-Match', etag).send({ graduationCriteria: GRADUATION_CRITERIA }), 200, 'graduation criteria');

        // The call closes; both jurors are assigned every application on the selection page.
        await page.reload();
        await page.getByRole('button', { name: 'Stäng ansökan och börja urvalet' }).click();
        await page.getByRole('button', { name: 'Starta omgången' }).waitFor();
        await cohortPage(page, 'applications');
        await heading(page, `Urval: ${COHORT}`).waitFor();
        await page.getByText('3 ansökningar visas av 3.').waitFor();
        for (const juror of JURORS) {
          for (const name of APPLICANTS) await page.getByRole('checkbox', { name: `Välj ${name}` }).check();
          await page.getByText('3 ansökningar valda.').waitFor();
          await page.getByRole('combobox', { name: 'Granskare' }).click();
          await page.getByRole('option', { name: juror }).click();
          await page.getByRole('button', { name: 'Tilldela', exact: true }).click();
          await page.getByText(`${juror} är tilldelad 3 ansökningar.`).waitFor();
        }
        await checkPage(app, 'journey-selection-assigned-desktop-sv');

        // The reviews, in the jurors' own screens; Greta knows Cecilia.
        await reviewAll(await openApp(browser, server, DESKTOP), JURORS[0], { [AMIRA]: [5, 4], [BO]: [4, 4] }, CECILIA);
        await reviewAll(await openApp(browser, server, DESKTOP), JURORS[1], { [AMIRA]: [4, 4], [BO]: [4, 3], [CECILIA]: [2, 3] });

        // Decisions within the two seats; the conflict shows on the cohort page.
        await page.reload();
        await heading(page, `Urval: ${COHORT}`).waitFor();
        const seats = (sentence: string) => page.getByRole('status').filter({ hasText: sentence }).waitFor();
        await seats('0 av 2 platser tagna, 2 kvar.');
        await checkPage(app, 'journey-selection-reviewed-desktop-sv');
        await decide(page, AMIRA, 'Anta');
        await decide(page, BO, 'Anta', 'Genomförbart och efterfrågat.');
        await seats('2 av 2 platser tagna, 0 kvar.');
        await decide(page, CECILIA, 'Avslå');
        await checkPage(app, 'journey-selection-decided-desktop-sv');
        await page.goto(`/manage/cohorts/${cohortId}`);
        await page.getByRole('table', { name: 'Jäv som granskare har anmält på ansökningar' }).getByRole('row').filter({ hasText: JURORS[0] }).filter({ hasText: CECILIA }).waitFor();

        // The department's challenge: changes asked for in the review queue, resubmitted, then approved with the difference seen.
        const challenge = await submittedChallenge(server, member, departmentId, { title: CHALLENGE, problemStatement: FIRST_PROBLEM, testEnvironmentIds: [environmentId] });
        const other = await submittedChallenge(server, member, departmentId, { title: OTHER_CHALLENGE, themes: ['inkludering'], testEnvironmentIds: [environmentId] });
        await expectStatus(await server.http.post(`/api/challenges/${other.id}/review`).set(manager.auth).send({ decision: 'approve', cohortId }), 200, 'approve the other challenge');
        await page.getByRole('navigation').getByRole('link', { name: 'Utmaningar att granska' }).first().click();
        await heading(page, 'Utmaningar att granska').waitFor();
        await page.getByRole('link', { name: CHALLENGE }).click();
        await heading(page, CHALLENGE).waitFor();
        await page.getByRole('radio', { name: 'Begär ändringar' }).check();
        await page.getByLabel(startsWith('Kommentar till förvaltningen')).fill(CHANGES);
        await page.getByRole('button', { name: 'Skicka beslutet' }).click();
        await page.getByText('Förvaltningen har fått din begäran om ändringar.').waitFor();
        const challengeEtag = (await server.http.get(`/api/challenges/${challenge.id}`).set(member.auth)).headers.etag;
        const revised = completeChallengeContent({ title: CHALLENGE, problemStatement: SECOND_PROBLEM, testEnvironmentIds: [environmentId] });
        await expectStatus(await server.http.put(`/api/challenges/${challenge.id}`).set(member.auth).set('If-Match', challengeEtag).send(revised), 200, 'revise');
        await expectStatus(await server.http.post(`/api/challenges/${challenge.id}/submit`).set(member.auth), 200, 'resubmit');
        await page.reload();
        await heading(page, CHALLENGE).waitFor();
        const revisions = page.getByRole('table');
        await revisions.getByRole('cell', { name: FIRST_PROBLEM, exact: true }).waitFor();
        await revisions.getByRole('cell', { name: SECOND_PROBLEM, exact: true }).waitFor();
        await checkPage(app, 'journey-challenge-revised-desktop-sv');
        await page.getByRole('radio', { name: 'Godkänn och koppla till en omgång' }).check();
        await page.getByRole('combobox', { name: /^Omgång/ }).click();
        await page.getByRole('option', { name: COHORT }).click();
        await page.getByRole('button', { name: 'Skicka beslutet' }).click();
        await page.getByText(`Utmaningen är godkänd och kopplad till ${COHORT}.`).waitFor();

        // Two runs compared; the stable one is published.
        await cohortPage(page, 'matching');
        await heading(page, 'Matchning').waitFor();
        await page.getByRole('button', { name: 'Kör optimal matchning' }).click();
        await page.getByText('Körningen är klar.').waitFor();
        await page.getByRole('button', { name: 'Kör stabil matchning' }).click();
        const runs = page.getByRole('table', { name: 'Omgångens körningar, nyaste först' });
        await runs.getByRole('rowheader', { name: /^Stabil, / }).waitFor();
        await runs.getByRole('rowheader', { name: /^Optimal, / }).waitFor();
        await page.getByRole('table', { name: 'Körning A och B sida vid sida' }).getByRole('rowheader', { name: 'Blockerande par' }).waitFor();
        const proposals = page.getByRole('table', { name: 'Föreslagna par med poäng och skäl' });
        await proposals.getByRole('rowheader', { name: AMIRA }).waitFor();
        await proposals.getByRole('rowheader', { name: BO }).waitFor();
        await expect(proposals.getByRole('rowheader', { name: CECILIA }).count()).resolves.toBe(0);
        await checkPage(app, 'journey-matching-compared-desktop-sv');
        await page.getByRole('button', { name: 'Publicera körningen' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel(/^Svar senast/).fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
        await dialog.getByRole('button', { name: 'Ja, publicera' }).click();
        await page.getByText('Körningen är publicerad: 2 förslag har skickats.').waitFor();

        // Both sides say yes (the entrepreneurs' and the department's screens are tested elsewhere): two tracks start.
        for (const name of [AMIRA, BO]) await acceptAll(entrepreneurs[name]);
        await acceptAll(member);
        await page.reload();
        const answers = page.getByRole('table', { name: 'Förslagen och svaren från båda sidor' });
        for (const name of [AMIRA, BO]) await answers.getByRole('row', { name: new RegExp(name) }).getByRole('cell', { name: 'Accepterad' }).first().waitFor();
        await checkPage(app, 'journey-matching-answered-desktop-sv');

        // Amira's track, moved to graduation on its own page; the department writes the test plan and records a session through the API.
        await cohortPage(page, 'tracks');
        await page.getByRole('heading', { level: 1, name: 'Spår' }).waitFor();
        await page.getByRole('region', { name: /^Matchad, 2 spår$/ }).waitFor();
        await page.getByRole('link', { name: `Öppna spåret för ${AMIRA}` }).click();
        await page.waitForURL(/\/tracks\/[^/]+$/);
        trackUrl = new URL(page.url()).pathname;
        const trackApi = `/api${trackUrl}`;
        await advanceTrack(page, 'Samskapande', 'Behovsägaren är med.');
        const { version } = await expectStatus<{ version: number }>(await server.http.get(trackApi).set(member.auth), 200, 'read track');
        const plan = { testEnvironmentId: environmentId, startsOn: '2027-03-01', users: 10, whatWillBeTried: 'Läxhjälp i små grupper.', consentArrangements: 'Muntligt samtycke.' };
        await expectStatus(await server.http.put(`${trackApi}/test-plan`).set(member.auth).set('If-Match', `"${version}"`).send(plan), 200, 'test plan');
        await page.reload();
        await advanceTrack(page, 'Testmiljö', 'Testplanen är klar.');
        const session = { heldOn: '2027-03-08', testEnvironmentId: environmentId, usersInvolved: 8, whatWasTried: 'Läxhjälp i små grupper', whatWasObserved: 'Sex av åtta kom tillbaka.', consentObtained: true };
        await expectStatus(await server.http.post(`${trackApi}/test-sessions`).set(member.auth).send(session), 201, 'test session');
        await page.reload();
        await advanceTrack(page, 'Utvärdering', 'Testet är genomfört.');
        for (const { label } of GRADUATION_CRITERIA) await page.getByLabel(label).check();
        await page.getByRole('button', { name: 'Spara examenskriterierna' }).click();
        await page.getByText('Examenskriterierna är sparade.').waitFor();
        await page.getByRole('combobox', { name: startsWith('Resultat') }).click();
        await page.getByRole('option', { name: 'Förvaltningen tar över lösningen' }).click();
        await page.getByLabel(startsWith('Sammanfattning av resultatet')).fill('Biblioteket erbjuder läxhjälpen varje vecka.');
        await page.getByLabel(startsWith('Motivering')).fill('Alla kriterier är uppfyllda.');
        await checkPage(app, 'journey-track-graduation-desktop-sv');
        await page.getByRole('button', { name: 'Flytta till Examen' }).click();
        await page.getByRole('heading', { level: 2, name: 'Examen', exact: true }).waitFor();

        // The reports and the board show the graduate.
        await cohortPage(page, 'impact');
        await page.getByRole('heading', { level: 1, name: /^Effekter och lärande/ }).waitFor();
        await page.getByRole('table', { name: 'Utfall vid examen' }).getByRole('row', { name: 'Infört av förvaltningen 1' }).waitFor();
        await page.getByRole('table', { name: 'Från ansökan till examen' }).getByRole('row', { name: /^Examinerade 1 / }).waitFor();
        await checkPage(app, 'journey-impact-desktop-sv');
        await cohortPage(page, 'tracks');
        await page.getByRole('region', { name: /^Examen, ett spår$/ }).getByRole('link', { name: `Öppna spåret för ${AMIRA}` }).waitFor();
        await page.getByRole('region', { name: /^Matchad, ett spår$/ }).getByRole('link', { name: `Öppna spåret för ${BO}` }).waitFor();
        await checkPage(app, 'journey-tracks-desktop-sv');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'in English on a 360 px phone: the scoreboard, the runs compared and the board',
    async () => {
      const app = await openApp(browser, server, PHONE);
      const { page } = app;
      const noSidewaysScroll = () => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');
      try {
        await logIn(page, manager.email, manager.password);
        await page.getByRole('button', { name: 'English' }).click();
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
        await cohortPage(page, 'applications');
        await heading(page, `Selection: ${COHORT}`).waitFor();
        await page.getByRole('status').filter({ hasText: '2 of 2 seats taken, 0 left.' }).waitFor();
        expect(await noSidewaysScroll()).toBe(true);
        await checkPage(app, 'journey-selection-phone-en');
        await cohortPage(page, 'matching');
        await page.getByRole('table', { name: 'Runs A and B side by side' }).waitFor();
        expect(await noSidewaysScroll()).toBe(true);
        await checkPage(app, 'journey-matching-phone-en');
        await cohortPage(page, 'tracks');
        await page.getByRole('region', { name: /^Graduated, one track$/ }).getByRole('link', { name: `Open the track of ${AMIRA}` }).waitFor();
        expect(await noSidewaysScroll()).toBe(true);
        await checkPage(app, 'journey-tracks-phone-en');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );
});
