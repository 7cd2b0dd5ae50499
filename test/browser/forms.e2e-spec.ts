import { applyTo, createProgramme, DEFAULT_PASSWORD, expectStatus, loginAdmin, openCohort, programmeWithManager, registerEntrepreneur, TestServer, uniqueEmail, waitUntil, type Session } from '@samverka/testing';
import type { Browser } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';

const PROFILE = { kind: 'student', organisation: 'Lunds universitet', competences: [], themes: [], sdgs: [4], languages: ['sv'], municipalityCode: '1283', hoursPerWeek: 10, pitch: 'Läxhjälp' };

describe('forms speak the API’s problems in words', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Session;
  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a refused field beside the field, marked invalid, and announces the problem', async () => {
    const app = await openApp(browser, server, DESKTOP);
    const { page } = app;
    await page.goto('/register');
    await page.getByLabel(/^Ditt namn/).fill('Kim Berg');
    await page.getByLabel(/^E-postadress/).fill(uniqueEmail('kim'));
    await page.getByLabel(/^Lösenord/).fill('kort');
    await page.getByRole('button', { name: 'Skapa konto' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Några uppgifter behöver rättas');
    await checkPage(app, 'register-refused-desktop-sv');
    const password = page.getByLabel(/^Lösenord/);
    await expect(password.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    const description = await page.locator(describedBy.split(' ').map((id) => `[id="${id}"]`).join(',')).allTextContents();
    // The server's reason by its code, in Swedish, beside the field and in the summary; never its English message.
    expect(description.join(' ')).toContain('Skriv minst 10 tecken.');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Skriv minst 10 tecken.');
    await expect(page.getByRole('alert').textContent()).resolves.not.toMatch(/password|must|characters/);
    await app.context.close();
  });

  it('offers to reload when someone else changed the profile meanwhile (412), then saves', async () => {
    const person = await registerEntrepreneur(server, 'Sara Lind');
    await expectStatus(await server.http.put('/api/entrepreneurs/me').set(person.auth).send(PROFILE), 201, 'create profile');
    const app = await openApp(browser, server, DESKTOP);
    const { page } = app;
    await logIn(page, person.email, DEFAULT_PASSWORD);
    await page.goto('/profile');
    const organisation = page.getByLabel('Organisation eller verksamhet');
    // The form fills in once the profile has loaded.
    await waitUntil(async () => (await organisation.inputValue()) === 'Lunds universitet', 'the saved profile in the form');

    // Another tab saves first.
    await expectStatus(await server.http.put('/api/entrepreneurs/me').set(person.auth).set('If-Match', '"1"').send({ ...PROFILE, organisation: 'Helsingborgs stad' }), 200, 'change profile');
    await page.getByLabel('Timmar per vecka du kan lägga').fill('6');
    await page.getByRole('button', { name: 'Spara profilen' }).click();
    await page.getByRole('alert').getByText('Någon annan har ändrat det här').waitFor();
    await checkPage(app, 'profile-conflict-desktop-sv');
    await page.getByRole('button', { name: 'Ladda om' }).click();
    await waitUntil(async () => (await organisation.inputValue()) === 'Helsingborgs stad', 'the other tab’s profile in the form');
    await page.getByRole('button', { name: 'Spara profilen' }).click();
    await page.getByText('Profilen är sparad.').waitFor();
    await app.context.close();
  });

  it('withdraws an application after asking, and shows its state', async () => {
    const { programme, manager } = await programmeWithManager(server, admin);
    const cohort = await openCohort(server, manager, programme.id, { name: 'Vårens kohort' });
    const person = await registerEntrepreneur(server, 'Omar Haddad');
    await applyTo(server, person, cohort.id);
    const app = await openApp(browser, server, PHONE);
    const { page } = app;
    await logIn(page, person.email, DEFAULT_PASSWORD);
    await page.goto(`/cohorts/${cohort.id}`);
    await page.getByRole('heading', { level: 1, name: 'Ansökan till Vårens kohort' }).waitFor();
    await waitUntil(async () => (await page.getByLabel(/^Vad vill du pröva/).inputValue()) === 'Språkcaféer på biblioteket', 'the saved answer in the form');
    await page.getByRole('button', { name: 'Återkalla ansökan' }).click();
    await page.getByRole('dialog', { name: 'Återkalla ansökan?' }).waitFor();
    await checkPage(app, 'application-withdraw-dialog-phone-sv');
    await page.getByLabel('Varför återkallar du? (frivilligt)').fill('Vi hinner inte i höst.');
    await page.getByRole('button', { name: 'Ja, återkalla' }).click();
    await page.getByText('Ansökan är återkallad.').waitFor();
    await page.getByText('Återkallad', { exact: true }).waitFor();
    await checkPage(app, 'application-withdrawn-phone-sv');
    await app.context.close();
  });

  it('accepts an invitation and lands signed in, with the role in the header', async () => {
    const programme = await createProgramme(server, admin);
    const email = uniqueEmail('manager');
    const invitation = await expectStatus(await server.http.post('/api/invitations').set(admin.auth).send({ email, role: 'programme_manager', programmeId: programme.id }), 201, 'invite');
    const app = await openApp(browser, server, PHONE);
    const { page } = app;
    // The link as the invitation mail has it: PUBLIC_URL/invitations/accept?token=…
    await page.goto(`/invitations/accept?token=${encodeURIComponent(String(invitation.token))}`);
    await checkPage(app, 'invitation-phone-sv');
    await page.getByLabel(/^Ditt namn/).fill('Maria Nilsson');
    await page.getByLabel(/^Lösenord/).fill(DEFAULT_PASSWORD);
    await page.getByRole('button', { name: 'Tacka ja och logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hej Maria Nilsson!' }).waitFor();
    await page.getByText('Inloggad som Maria Nilsson · Programledare').waitFor();
    await app.context.close();
  });

  it('keeps working without the network once loaded: no outside resources, failures in words', async () => {
    const person = await registerEntrepreneur(server, 'Lina Ek');
    const app = await openApp(browser, server, DESKTOP);
    const { page } = app;
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) outside.push(request.url());
    });
    await logIn(page, person.email, DEFAULT_PASSWORD);
    await app.context.setOffline(true);
    await page.getByRole('navigation').getByRole('link', { name: 'Utlysningar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utlysningar' }).waitFor();
    await page.getByText('Samverka svarar inte').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Open calls' }).waitFor();
    await app.context.setOffline(false);
    expect(outside).toEqual([]);
    await page.goto('/no-such-page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await checkPage(app, 'not-found-desktop-en');
    await app.context.close();
  });
});
