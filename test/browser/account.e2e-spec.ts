import { registerEntrepreneur, TestServer } from '@samverka/testing';
import type { Browser } from 'playwright-core';
import { checkPage, connectBrowser, logIn, openApp, PHONE } from './support/browser.js';

const TIMEOUT = 120_000;

describe('an entrepreneur deletes their account', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await TestServer.start();
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'after the clear confirmation with their password, on a phone; then they are logged out and cannot log in again',
    async () => {
      const person = await registerEntrepreneur(server, 'Tove Lund');
      const app = await openApp(browser, server, PHONE);
      const { page } = app;
      await logIn(page, person.email, person.password);
      await page.getByRole('button', { name: 'Öppna menyn' }).click();
      await page.getByRole('navigation').getByRole('link', { name: 'Mina uppgifter' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mina uppgifter' }).waitFor();
      await page.getByRole('button', { name: 'Radera mitt konto …' }).click();

      const dialog = page.getByRole('dialog', { name: 'Radera ditt konto för gott?' });
      await dialog.getByText('Ditt namn, din adress och din profil tas bort och du kan inte logga in igen.').waitFor();
      // A wrong password deletes nothing and says so beside the field.
      await dialog.getByLabel(/^Ditt lösenord/).fill('inte-mitt-lösenord');
      await dialog.getByRole('button', { name: 'Ja, radera mitt konto' }).click();
      await dialog.getByText('Lösenordet stämmer inte.').first().waitFor();
      await checkPage(app, 'account-erase-wrong-password-phone-sv');

      await dialog.getByLabel(/^Ditt lösenord/).fill(person.password);
      await dialog.getByRole('button', { name: 'Ja, radera mitt konto' }).click();
      await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
      await checkPage(app, 'account-erased-phone-sv');

      // Logged out for good: a reload stays out, and the old password no longer opens anything.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
      await page.getByLabel(/^E-postadress/).fill(person.email);
      await page.getByLabel(/^Lösenord/).fill(person.password);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByText('E-postadressen eller lösenordet stämmer inte.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      await server.http.post('/api/auth/login').send({ email: person.email, password: person.password }).expect(401);
      expect(app.problems).toEqual([]);
      await app.context.close();
    },
    TIMEOUT,
  );
});
