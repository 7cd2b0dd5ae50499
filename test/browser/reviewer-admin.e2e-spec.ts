import {
  assignReviewer,
  cohortReviewer,
  DEFAULT_PASSWORD,
  expectStatus,
  login,
  loginAdmin,
  openCohort,
  programmeWithManager,
  review,
  submittedApplicant,
  TestServer,
  ADMIN,
  type Session,
} from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';

/** A whole journey in a browser: a minute or so on a busy two-core machine. */
const JOURNEY_TIMEOUT = 180_000;
const COHORT = 'Hösten 2027';
const REVIEWER = 'Rut Granberg';
const REVIEWER_EMAIL = 'rut.granberg@samverka.test';
const OTHERS_COMMENT = 'En annan granskares kommentar som ingen ska se i förväg.';
const RUBRIC = [
  { key: 'impact', label: 'Samhällsnytta', weight: 3, description: 'Hur mycket skulle idén förbättra livet för dem som berörs?' },
  { key: 'feasibility', label: 'Genomförbarhet', weight: 1, description: 'Kan teamet pröva idén under programmets tid?' },
];
/** A label as Mantine renders it: the text, then an asterisk when required. */
const startsWith = (label: string) => new RegExp(`^${label}`);

describe('an admin invites a reviewer, who declares a conflict and scores; the admin keeps people, consent purposes and the audit trail', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Session;
  let manager: Session;
  let reviewer: Session;
  let cohortId = '';
  const applications: Record<string, string> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    let programme;
    ({ programme, manager } = await programmeWithManager(server, admin, { name: 'Helsingborgs innovationsprogram' }));
    cohortId = (await openCohort(server, manager, programme.id, { name: COHORT, rubric: RUBRIC })).id;
    for (const name of ['Amira Haddad', 'Erik Sjöberg']) applications[name] = (await submittedApplicant(server, cohortId, name)).application.id;
    // Another juror has already scored Amira: none of it may show before Rut has scored.
    const other = await cohortReviewer(server, manager, cohortId, 'Olle Jurysson');
    await assignReviewer(server, manager, applications['Amira Haddad'], other.userId);
    await review(server, other, applications['Amira Haddad'], { impact: 1, feasibility: 1 }, OTHERS_COMMENT);
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

  it(
    'the admin invites a reviewer to the cohort, in Swedish on a desktop',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      await logIn(page, ADMIN.email, ADMIN.password);
      await page.getByRole('heading', { name: 'Administration' }).waitFor();
      await page.getByText('Inga konton är avstängda.').waitFor();
      await expect(page.getByText(/Sidorna för dig som/).count()).resolves.toBe(0);
      await checkPage(app, 'admin-home-desktop-sv');

      await page.getByRole('link', { name: 'Bjud in en person' }).click();
      await heading(page, 'Personer').waitFor();
      const dialog = page.getByRole('dialog', { name: 'Bjud in en person' });
      await dialog.getByLabel(startsWith('E-postadress')).fill(REVIEWER_EMAIL);
      // A reviewer needs a cohort: sending without one names the field.
      await dialog.getByRole('button', { name: 'Skicka inbjudan' }).click();
      await dialog.getByText('Välj vad rollen gäller.').waitFor();
      await dialog.getByRole('combobox', { name: startsWith('Kull') }).click();
      await page.getByRole('option', { name: `${COHORT} (Helsingborgs innovationsprogram)` }).click();
      await checkPage(app, 'admin-invite-desktop-sv');
      await dialog.getByRole('button', { name: 'Skicka inbjudan' }).click();
      await dialog.getByText(`Inbjudan till ${REVIEWER_EMAIL} är skickad.`, { exact: false }).waitFor();
      const link = await dialog.getByLabel('Länken till inbjudan').inputValue();
      await checkPage(app, 'admin-invite-sent-desktop-sv');
      await dialog.getByRole('button', { name: 'Stäng' }).first().click();

      // The reviewer accepts through the API; the manager assigns both applications.
      const token = new URL(link).searchParams.get('token');
      await expectStatus(await server.http.post('/api/auth/accept-invitation').send({ token, password: DEFAULT_PASSWORD, displayName: REVIEWER }), 201, 'accept');
      reviewer = await login(server, REVIEWER_EMAIL, DEFAULT_PASSWORD);
      for (const id of Object.values(applications)) await assignReviewer(server, manager, id, reviewer.userId);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'the reviewer declares a conflict on one application and scores the other with the rubric, in Swedish on a desktop',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      await logIn(page, REVIEWER_EMAIL, DEFAULT_PASSWORD);
      await page.getByText('2 ansökningar väntar på din granskning.').waitFor();
      await checkPage(app, 'reviewer-home-desktop-sv');

      await nav(page, 'Mina granskningar');
      await heading(page, 'Mina granskningar').waitFor();
      await page.getByRole('link', { name: 'Erik Sjöberg' }).waitFor();
      await checkPage(app, 'reviewer-reviews-desktop-sv');

      // Erik is a neighbour: a conflict of interest, explained before it is declared.
      await page.getByRole('link', { name: 'Erik Sjöberg' }).click();
      await heading(page, 'Granska Erik Sjöbergs ansökan').waitFor();
      await page.getByText('Språkcaféer på biblioteket').waitFor();
      await page.getByRole('button', { name: 'Anmäl jäv' }).click();
      const dialog = page.getByRole('dialog', { name: 'Anmäl jäv' });
      await dialog.getByRole('button', { name: 'Anmäl jäv' }).click();
      await dialog.getByText('Beskriv kopplingen, så att programledaren förstår jävet.').waitFor();
      await dialog.getByLabel(startsWith('Beskriv kopplingen')).fill('Erik är min granne och vi driver en förening ihop.');
      await checkPage(app, 'reviewer-conflict-desktop-sv');
      await dialog.getByRole('button', { name: 'Anmäl jäv' }).click();
      await page.getByText('Du har anmält jäv för den här ansökan.', { exact: false }).waitFor();
      await checkPage(app, 'reviewer-conflict-declared-desktop-sv');

      // Amira: the rubric with each criterion's description and weight; an unscored criterion is named.
      await page.getByRole('link', { name: '← Mina granskningar' }).click();
      await page.getByRole('link', { name: 'Amira Haddad' }).click();
      await heading(page, 'Granska Amira Haddads ansökan').waitFor();
      await page.getByText(RUBRIC[0].description).waitFor();
      await page.getByText('Vikt 3 av 4').waitFor();
      await expect(page.getByText(OTHERS_COMMENT).count()).resolves.toBe(0);
      await page.getByRole('radiogroup', { name: startsWith('Samhällsnytta') }).getByRole('radio', { name: '4 av 5' }).check();
      await page.getByRole('button', { name: 'Skicka granskningen' }).click();
      await page.getByText('Välj ett betyg från 1 till 5.').waitFor();
      await page.getByRole('radiogroup', { name: startsWith('Genomförbarhet') }).getByRole('radio', { name: '3 av 5' }).check();
      await page.getByLabel('Kommentar till programledaren').fill('Tydlig målgrupp, men tidsplanen är snäv.');
      await checkPage(app, 'reviewer-rubric-desktop-sv');
      await page.getByRole('button', { name: 'Skicka granskningen' }).click();
      await page.getByText('Tack! Din granskning är sparad.', { exact: false }).waitFor();
      // Others' scores stay off the page after submitting too.
      await expect(page.getByText(OTHERS_COMMENT).count()).resolves.toBe(0);
      await checkPage(app, 'reviewer-reviewed-desktop-sv');

      // A change goes in as an update of the same review.
      await page.getByRole('radiogroup', { name: startsWith('Genomförbarhet') }).getByRole('radio', { name: '2 av 5' }).check();
      await page.getByRole('button', { name: 'Spara ändringarna' }).click();
      await page.getByText('Dina ändringar är sparade.').waitFor();
      const mine = await server.http.get(`/api/applications/${applications['Amira Haddad']}/reviews`).set(manager.auth).expect(200);
      expect(mine.body.items.find((item: { reviewerId: string }) => item.reviewerId === reviewer.userId)).toMatchObject({ scores: { impact: 4, feasibility: 2 }, version: 2 });

      await nav(page, 'Mina granskningar');
      await page.getByRole('combobox', { name: 'Visa' }).click();
      await page.getByRole('option', { name: 'Jäv anmält' }).click();
      await page.getByRole('link', { name: 'Erik Sjöberg' }).waitFor();
      await expect(page.getByRole('link', { name: 'Amira Haddad' }).count()).resolves.toBe(0);
      await nav(page, 'Översikt');
      await page.getByText('Inga ansökningar väntar på din granskning just nu.').waitFor();
      expect(app.problems).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'the admin deactivates and reactivates the reviewer, rewords a consent purpose and finds the review in the audit trail, in Swedish on a desktop',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      await logIn(page, ADMIN.email, ADMIN.password);
      await nav(page, 'Personer');
      await heading(page, 'Personer').waitFor();
      await page.getByRole('searchbox', { name: 'Sök' }).fill('granberg');
      const rut = page.getByRole('article', { name: REVIEWER });
      await rut.waitFor();
      await page.getByRole('article').nth(1).waitFor({ state: 'detached' });
      await checkPage(app, 'admin-users-desktop-sv');

      await rut.getByRole('button', { name: 'Stäng av' }).click();
      const dialog = page.getByRole('dialog', { name: `Stäng av ${REVIEWER}` });
      await dialog.getByLabel('Anledning').fill('Juryarbetet är pausat.');
      await checkPage(app, 'admin-deactivate-desktop-sv');
      await dialog.getByRole('button', { name: 'Stäng av' }).click();
      await page.getByText(`${REVIEWER} är avstängd.`).waitFor();
      await rut.getByText('Avstängd').waitFor();
      await server.http.get('/api/me').set(reviewer.auth).expect(401);
      await rut.getByRole('button', { name: 'Aktivera igen' }).click();
      await page.getByRole('dialog', { name: `Aktivera ${REVIEWER} igen` }).getByRole('button', { name: 'Aktivera igen' }).click();
      await page.getByText(`${REVIEWER} är aktiv igen.`).waitFor();
      await rut.getByText('Aktiv', { exact: true }).waitFor();

      // The last admin cannot switch themselves off: the refusal says why.
      await page.getByRole('searchbox', { name: 'Sök' }).fill(ADMIN.email);
      const me = page.getByRole('article', { name: /\(Du\)$/ });
      await me.getByRole('button', { name: 'Stäng av' }).click();
      const own = page.getByRole('dialog', { name: /^Stäng av/ });
      await own.getByRole('button', { name: 'Stäng av' }).click();
      await own.getByText('Det här är den sista aktiva administratören.', { exact: false }).waitFor();
      await checkPage(app, 'admin-last-admin-desktop-sv');
      await own.getByRole('button', { name: 'Avbryt' }).click();

      await nav(page, 'Samtyckesändamål');
      await heading(page, 'Samtyckesändamål').waitFor();
      const newsletter = page.getByRole('region', { name: 'Nyhetsbrev' });
      await newsletter.getByText('Version 1 av texten').waitFor();
      await checkPage(app, 'admin-consent-purposes-desktop-sv');
      await newsletter.getByRole('button', { name: 'Ändra formuleringen' }).click();
      await newsletter.getByLabel(startsWith('Text på svenska')).fill('Jag vill få programmets nyhetsbrev en gång i månaden.');
      await checkPage(app, 'admin-consent-purpose-edit-desktop-sv');
      await newsletter.getByRole('button', { name: 'Spara' }).click();
      await page.getByText('Formuleringen av ”Nyhetsbrev” är sparad.').waitFor();
      await newsletter.getByText('Version 2 av texten').waitFor();
      await newsletter.getByText('Jag vill få programmets nyhetsbrev en gång i månaden.').waitFor();

      await nav(page, 'Händelselogg');
      await heading(page, 'Händelselogg').waitFor();
      await page.getByRole('combobox', { name: startsWith('Vem') }).fill('Rut');
      await page.getByRole('option', { name: REVIEWER }).click();
      await page.getByRole('combobox', { name: 'Vad' }).fill('Granskning inskickad');
      await page.getByRole('option', { name: 'Granskning inskickad' }).click();
      const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
      await page.getByLabel('Från och med').fill(today);
      await page.getByLabel('Till och med').fill(today);
      const event = page.getByRole('article', { name: 'Granskning inskickad' });
      await event.getByText(`${REVIEWER} · Granskning`).waitFor();
      await expect(page.getByRole('article').count()).resolves.toBe(1);
      await checkPage(app, 'admin-audit-desktop-sv');
      expect(app.problems).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'the reviewer’s pages in English on a 360 px phone',
    async () => {
      const app = await openApp(browser, server, PHONE);
      const { page } = app;
      await logIn(page, REVIEWER_EMAIL, DEFAULT_PASSWORD);
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await page.getByText('No applications are waiting for your review right now.').waitFor();
      await checkPage(app, 'reviewer-home-phone-en');
      await page.goto('/reviews');
      await heading(page, 'My reviews').waitFor();
      await page.getByRole('main').getByText('Conflict declared').waitFor();
      await checkPage(app, 'reviewer-reviews-phone-en');
      await page.getByRole('link', { name: 'Amira Haddad' }).click();
      await heading(page, 'Review Amira Haddad’s application').waitFor();
      await page.getByRole('button', { name: 'Save the changes' }).waitFor();
      await checkPage(app, 'reviewer-review-phone-en');

      expect(app.problems).toEqual([]);
      await app.context.close();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'the admin’s pages in English on a 360 px phone',
    async () => {
      const app = await openApp(browser, server, PHONE);
      const { page } = app;
      await logIn(page, ADMIN.email, ADMIN.password);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Administration' }).waitFor();
      await page.getByText('No accounts are deactivated.').waitFor();
      await checkPage(app, 'admin-home-phone-en');
      const pages: [string, string, string, (page: Page) => ReturnType<Page['getByRole']>][] = [
        ['/admin/users', 'People', 'admin-users-phone-en', (p) => p.getByRole('article', { name: REVIEWER })],
        ['/admin/consent-purposes', 'Consent purposes', 'admin-consent-purposes-phone-en', (p) => p.getByRole('region', { name: 'Newsletter' })],
        ['/admin/audit', 'Audit trail', 'admin-audit-phone-en', (p) => p.getByRole('article').first()],
      ];
      for (const [path, title, name, content] of pages) {
        await page.goto(path);
        await heading(page, title).waitFor();
        await content(page).waitFor();
        await checkPage(app, name);
      }
      await page.goto('/admin/users?invite=true');
      await page.getByRole('dialog', { name: 'Invite a person' }).waitFor();
      await checkPage(app, 'admin-invite-phone-en');
      expect(app.problems).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );
});
