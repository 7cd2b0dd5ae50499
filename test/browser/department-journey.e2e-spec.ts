import { createDepartment, departmentMember, expectStatus, loginAdmin, programmeWithManager, TestServer, type Session } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';

/** A whole journey in a browser: a minute or so on a busy two-core machine. */
const JOURNEY_TIMEOUT = 180_000;
const TITLE = 'Fler unga i föreningslivet';
const NEW_TITLE = 'Fler unga i föreningslivet på Drottninghög';
const ENVIRONMENT = 'Drottninghögs fritidsgård';
const COMMENT = 'Beskriv vilka föreningar som redan finns i området.';
/** A label as Mantine renders it: the text, then an asterisk when required. */
const startsWith = (label: string) => new RegExp(`^${label}`);

describe('a department member registers a test environment, writes a challenge, answers the review and resubmits', () => {
  let server: TestServer;
  let browser: Browser;
  let manager: Session;
  let member: Session;
  let challengeId = '';

  beforeAll(async () => {
    server = await TestServer.start();
    const admin = await loginAdmin(server);
    ({ manager } = await programmeWithManager(server, admin));
    const department = await createDepartment(server, admin, {
      name: 'Skol- och fritidsförvaltningen',
    });
    member = await departmentMember(server, admin, department.id, 'Karin Lund');
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

  it(
    'in Swedish on a desktop',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      await logIn(page, member.email, member.password);
      await page.getByText('Inget väntar på förvaltningen i dag.').waitFor();
      await checkPage(app, 'department-home-desktop-sv');

      // A test environment for the registry.
      await nav(page, 'Testmiljöer');
      await heading(page, 'Testmiljöer').waitFor();
      await page.getByText('Förvaltningen har inga testmiljöer ännu.').waitFor();
      await checkPage(app, 'department-environments-empty-desktop-sv');
      await page.getByRole('button', { name: 'Lägg till en testmiljö' }).click();
      await page.getByLabel(startsWith('Namn')).fill(ENVIRONMENT);
      await page.getByLabel(startsWith('Kontaktperson'), { exact: false }).first().fill('Ali Hassan');
      await page.getByLabel('Resurser som erbjuds').fill('Lokal och personal på kvällstid.');
      await checkPage(app, 'department-environment-form-desktop-sv');
      await page.getByRole('button', { name: 'Spara testmiljön' }).click();
      await page.getByText('Testmiljön är sparad.').waitFor();
      await page.getByRole('heading', { name: ENVIRONMENT }).waitFor();
      await checkPage(app, 'department-environments-desktop-sv');

      // A challenge without its route to adoption is refused, with the fields named.
      await nav(page, 'Utmaningar');
      await heading(page, 'Förvaltningens utmaningar').waitFor();
      await page.getByText('Inga utmaningar här ännu.').waitFor();
      await checkPage(app, 'department-challenges-empty-desktop-sv');
      await page.getByRole('link', { name: 'Skriv en ny utmaning' }).click();
      await heading(page, 'Ny utmaning').waitFor();
      await page.getByLabel(startsWith('Titel')).fill(TITLE);
      await page.getByLabel(startsWith('Problembeskrivning')).fill('Få unga i området är med i en förening.');
      await page.getByLabel(startsWith('Målgrupp')).fill('Unga 13–18 år på Drottninghög.');
      await page.getByLabel('Önskat resultat').fill('Fler unga är aktiva i en förening ett år senare.');
      await page.getByRole('combobox', { name: 'Teman' }).fill('fritid');
      await page.getByRole('combobox', { name: 'Teman' }).press('Enter');
      await page.getByRole('combobox', { name: 'Plats (kommun)' }).fill('Helsingb');
      await page.getByRole('option', { name: 'Helsingborg' }).click();
      await page.getByLabel('Timmar per vecka som förväntas av innovatören').fill('10');
      await page.getByRole('checkbox', { name: /^Mål 10:/ }).check();
      await page.getByRole('checkbox', { name: ENVIRONMENT }).check();
      await page.getByText('Utan en väg till införande kan utmaningen inte skickas in.', { exact: false }).waitFor();
      await checkPage(app, 'department-challenge-new-desktop-sv');
      await page.getByRole('button', { name: 'Spara utkast' }).click();
      await page.getByText('Utkastet är sparat.').waitFor();
      await heading(page, TITLE).waitFor();
      challengeId = new URL(page.url()).pathname.split('/').pop() ?? '';

      await page.getByRole('button', { name: 'Skicka in för granskning' }).click();
      await page.getByRole('alert').filter({ hasText: 'Kontrollera uppgifterna' }).waitFor();
      await expect(page.getByText('Krävs innan utmaningen kan skickas in.').count()).resolves.toBeGreaterThanOrEqual(5);
      await checkPage(app, 'department-challenge-refused-desktop-sv');

      await page.getByLabel(startsWith('Behovsägarens namn')).fill('Eva Berg');
      await page.getByLabel(startsWith('Behovsägarens roll')).fill('Enhetschef, fritid');
      await page.getByRole('radio', { name: 'Inom driftbudgeten' }).check();
      await page.getByLabel(startsWith('Om finansieringen')).fill('Fritidsenhetens budget 2027.');
      await page.getByLabel(startsWith('Vad ”infört” betyder för förvaltningen')).fill('Arbetssättet används på alla fritidsgårdar.');
      await page.getByRole('button', { name: 'Skicka in för granskning' }).click();
      await page.getByText('Utmaningen är inskickad för granskning.').waitFor();
      await page.getByText('Inskickad', { exact: true }).first().waitFor();
      await checkPage(app, 'department-challenge-submitted-desktop-sv');

      // The programme manager asks for changes.
      await expectStatus(await server.http.post(`/api/challenges/${challengeId}/review`).set(manager.auth).send({ decision: 'request_changes', comment: COMMENT }), 200, 'request changes');

      await page.goto('/');
      await page.getByRole('heading', { name: 'Utmaningar där ändringar har begärts' }).waitFor();
      await checkPage(app, 'department-home-changes-desktop-sv');
      await page.getByRole('link', { name: TITLE }).click();
      await page.getByText(COMMENT).waitFor();
      await page.getByText('Ändringar begärda', { exact: true }).first().waitFor();
      await page.getByLabel(startsWith('Titel')).fill(NEW_TITLE);
      await page.getByRole('button', { name: 'Skicka in igen' }).click();
      await page.getByText('Utmaningen är inskickad för granskning.').waitFor();
      await heading(page, NEW_TITLE).waitFor();

      // The two revisions side by side, field by field.
      const table = page.getByRole('table');
      await table.getByRole('rowheader', { name: 'Titel' }).waitFor();
      await table.getByRole('cell', { name: TITLE, exact: true }).waitFor();
      await table.getByRole('cell', { name: NEW_TITLE, exact: true }).waitFor();
      await checkPage(app, 'department-challenge-revisions-desktop-sv');

      await nav(page, 'Utmaningar');
      await page.getByRole('link', { name: NEW_TITLE }).waitFor();
      await page.getByLabel('Sök bland utmaningarna').fill('föreningslivet');
      await page.getByRole('link', { name: NEW_TITLE }).waitFor();
      await page.getByLabel('Sök bland utmaningarna').fill('cykelbana');
      await page.getByText('Inga utmaningar matchar sökningen.').waitFor();
      await checkPage(app, 'department-challenges-desktop-sv');

      await nav(page, 'Matchningar');
      await page.getByText('Det finns inga matchningsförslag ännu.').waitFor();
      await checkPage(app, 'department-matches-desktop-sv');
      expect(app.problems).toEqual([]);
      await app.context.close();
    },
    JOURNEY_TIMEOUT
  );

  it(
    'in English on a 360 px phone',
    async () => {
      const app = await openApp(browser, server, PHONE);
      const { page } = app;
      await logIn(page, member.email, member.password);
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await checkPage(app, 'department-home-phone-en');

      await page.goto('/challenges');
      await heading(page, 'The department’s challenges').waitFor();
      await page.getByRole('link', { name: NEW_TITLE }).waitFor();
      await checkPage(app, 'department-challenges-phone-en');
      await page.getByRole('link', { name: NEW_TITLE }).click();
      await page.getByText('The reviewer’s comments').waitFor();
      await page.getByRole('table').getByRole('rowheader', { name: 'Title' }).waitFor();
      await checkPage(app, 'department-challenge-phone-en');

      await page.goto('/test-environments');
      await page.getByRole('heading', { name: ENVIRONMENT }).waitFor();
      await page.getByRole('button', { name: `Edit ${ENVIRONMENT}` }).click();
      await page.getByLabel('Contact person’s phone').fill('042-10 50 00');
      await checkPage(app, 'department-environment-edit-phone-en');
      await page.getByRole('button', { name: 'Save the test environment' }).click();
      await page.getByText('The test environment is saved.').waitFor();
      await checkPage(app, 'department-environments-phone-en');

      await page.goto('/proposals');
      await page.getByText('There are no match proposals yet.').waitFor();
      await checkPage(app, 'department-matches-phone-en');
      expect(app.problems).toEqual([]);
      await app.context.close();
    },
    JOURNEY_TIMEOUT
  );
});
