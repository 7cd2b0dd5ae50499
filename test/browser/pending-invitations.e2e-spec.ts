import { createCohort, createDepartment, expectStatus, loginAdmin, programmeWithManager, TestServer, ADMIN, type Session } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';

const TIMEOUT = 120_000;
const DEPARTMENT = 'Kultur- och fritidsförvaltningen';
const WRONG_ADDRESS = 'karin.lindqvist@fel-adress.test';
const NEW_ADDRESS = 'sara.ek@samverka.test';
const JUROR = 'jury.maria@samverka.test';

describe('an admin sees the pending invitations and takes back one sent to a wrong address', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Session;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    const department = await createDepartment(server, admin, { name: DEPARTMENT });
    await expectStatus(await server.http.post('/api/invitations').set(admin.auth).send({ email: WRONG_ADDRESS, role: 'department_member', departmentId: department.id }), 201, 'invite');
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const pending = (page: Page) => page.getByRole('region', { name: 'Inbjudningar som ännu inte har använts, nyast först.' });
  const row = (page: Page, email: string) => pending(page).getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });

  it(
    'lists the invitation with its department, refreshes after a new one and revokes after asking, in Swedish on a desktop',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      await logIn(page, ADMIN.email, ADMIN.password);
      await page.goto('/admin/users');
      await page.getByRole('heading', { level: 2, name: 'Inbjudningar' }).waitFor();
      await row(page, WRONG_ADDRESS).getByRole('cell', { name: DEPARTMENT }).waitFor();
      await row(page, WRONG_ADDRESS).getByRole('cell', { name: 'Förvaltning', exact: true }).waitFor();
      await checkPage(app, 'pending-invitations-desktop-sv');

      await page.getByRole('button', { name: 'Bjud in en person' }).click();
      const dialog = page.getByRole('dialog', { name: 'Bjud in en person' });
      await dialog.getByLabel(/^E-postadress/).fill(NEW_ADDRESS);
      await dialog.getByRole('combobox', { name: /^Roll/ }).click();
      await page.getByRole('option', { name: 'Innovatör', exact: true }).click();
      await dialog.getByRole('button', { name: 'Skicka inbjudan' }).click();
      await dialog.getByText(`Inbjudan till ${NEW_ADDRESS} är skickad.`, { exact: false }).waitFor();
      await dialog.getByRole('button', { name: 'Stäng' }).first().click();
      await row(page, NEW_ADDRESS).waitFor();

      await row(page, WRONG_ADDRESS).getByRole('button', { name: `Dra tillbaka inbjudan till ${WRONG_ADDRESS}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Dra tillbaka inbjudan' });
      await confirm.getByText(/slutar fungera direkt/).waitFor();
      await checkPage(app, 'pending-invitations-revoke-desktop-sv');
      await confirm.getByRole('button', { name: 'Dra tillbaka' }).click();
      await page.getByRole('status').getByText(`Inbjudan till ${WRONG_ADDRESS} är tillbakadragen.`).waitFor();
      await row(page, WRONG_ADDRESS).waitFor({ state: 'detached' });
      await row(page, NEW_ADDRESS).waitFor();
      const { rows } = await server.db.query(`SELECT revoked_by FROM invitations WHERE email = $1`, [WRONG_ADDRESS]);
      expect(rows).toEqual([{ revoked_by: admin.userId }]);

      // The revoked one is found among the revoked, with when, and can no longer be revoked.
      await page.getByRole('combobox', { name: 'Visa' }).click();
      await page.getByRole('option', { name: 'Tillbakadragna' }).click();
      // The confirmation was about the list it was given on.
      await page.getByText(`Inbjudan till ${WRONG_ADDRESS} är tillbakadragen.`).waitFor({ state: 'detached' });
      const revoked = page.getByRole('region', { name: 'Inbjudningar som har dragits tillbaka de senaste 30 dagarna, nyast först.' });
      await revoked.getByRole('columnheader', { name: 'Tillbakadragen' }).waitFor();
      await revoked.getByRole('row', { name: new RegExp(WRONG_ADDRESS.replace(/\./g, '\\.')) }).waitFor();
      expect(await revoked.getByRole('row', { name: /sara\.ek/ }).count()).toBe(0);
      expect(await revoked.getByRole('button').count()).toBe(0);
      await checkPage(app, 'invitations-revoked-desktop-sv');
      await page.getByRole('combobox', { name: 'Visa' }).click();
      await page.getByRole('option', { name: 'Använda' }).click();
      await page.getByText('Ingen inbjudan har använts de senaste 30 dagarna.').waitFor();
      expect(app.problems).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'the list scrolls sideways inside its own region on a 360 px phone, in English',
    async () => {
      const app = await openApp(browser, server, PHONE);
      const { page } = app;
      await logIn(page, ADMIN.email, ADMIN.password);
      await page.getByRole('button', { name: 'English' }).click();
      await page.goto('/admin/users');
      await page.getByRole('heading', { level: 2, name: 'Invitations' }).waitFor();
      const region = page.getByRole('region', { name: 'Invitations not used yet, newest first.' });
      await region.getByRole('row', { name: /sara\.ek@samverka\.test/ }).waitFor();
      const widths = await region.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
      expect(widths.scroll).toBeGreaterThan(widths.client);
      await checkPage(app, 'pending-invitations-phone-en');
      await expect(page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).resolves.toBe(true);
      expect(app.problems).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'a programme manager finds the invitations they sent under their own menu item, only theirs, and revokes one',
    async () => {
      const { programme, manager } = await programmeWithManager(server, admin);
      const cohort = await createCohort(server, manager, programme.id, { name: 'Höstens jury 2027' });
      await expectStatus(await server.http.post('/api/invitations').set(manager.auth).send({ email: JUROR, role: 'reviewer', cohortId: cohort.id }), 201, 'invite juror');
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      await logIn(page, manager.email, manager.password);
      await page.getByRole('navigation').getByRole('link', { name: 'Inbjudningar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mina inbjudningar' }).waitFor();
      // The page is the list: no second heading repeating its title.
      expect(await page.getByRole('heading', { level: 2, name: 'Inbjudningar' }).count()).toBe(0);
      const mine = page.getByRole('region', { name: 'Inbjudningar som ännu inte har använts, nyast först.' });
      await mine.getByRole('row', { name: /jury\.maria/ }).getByRole('cell', { name: 'Höstens jury 2027' }).waitFor();
      // Only their own: not the admin's, and so no column saying who sent it.
      expect(await mine.getByRole('row', { name: /sara\.ek/ }).count()).toBe(0);
      expect(await mine.getByRole('columnheader', { name: 'Inbjuden av' }).count()).toBe(0);
      await checkPage(app, 'manager-invitations-desktop-sv');

      await page.setViewportSize(PHONE);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'My invitations' }).waitFor();
      await checkPage(app, 'manager-invitations-phone-en');
      await expect(page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).resolves.toBe(true);

      await page.getByRole('button', { name: `Revoke the invitation to ${JUROR}` }).click();
      await page.getByRole('dialog', { name: 'Revoke the invitation' }).getByRole('button', { name: 'Revoke' }).click();
      await page.getByRole('status').getByText(`The invitation to ${JUROR} is revoked.`).waitFor();
      await page.getByText('No invitations are pending.').waitFor();
      const { rows } = await server.db.query(`SELECT revoked_by FROM invitations WHERE email = $1`, [JUROR]);
      expect(rows).toEqual([{ revoked_by: manager.userId }]);
      expect(app.problems).toEqual([]);
      await app.context.close();
    },
    TIMEOUT,
  );
});
