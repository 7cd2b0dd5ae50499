import { ADMIN, confirmationTokenFor, DEFAULT_PASSWORD, loginAdmin, openCohort, programmeWithManager, TestServer, uniqueEmail, waitUntil } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE, type AppPage } from './support/browser.js';
import { press, tabTo, typeInto } from './support/keyboard.js';

/** The words of each run: the same journey in Swedish and in English. */
const WORDS = {
  sv: {
    login: 'Logga in',
    register: 'Skapa ett konto',
    createAccount: 'Skapa konto',
    name: 'Ditt namn',
    email: 'E-postadress',
    password: 'Lösenord',
    checkInbox: 'Kolla din e-post',
    confirmed: 'Din e-postadress är bekräftad',
    toLogin: 'Till inloggningen',
    hello: 'Hej',
    profile: 'Min profil',
    researcher: 'Forskare',
    organisation: 'Organisation eller verksamhet',
    competences: 'Kompetenser',
    municipality: 'Kommun',
    sdg3: 'Mål 3: Hälsa och välbefinnande',
    hours: 'Timmar per vecka du kan lägga',
    pitch: 'Kort presentation',
    saveProfile: 'Spara profilen',
    profileSaved: 'Profilen är sparad.',
    cohorts: 'Utlysningar',
    apply: 'Ansök',
    saveDraft: 'Spara utkast',
    draftSaved: 'Utkastet är sparat.',
    submit: 'Skicka in ansökan',
    submitted: 'Inskickad',
    logOut: 'Logga ut',
    menu: 'Öppna menyn',
  },
  en: {
    login: 'Log in',
    register: 'Create an account',
    createAccount: 'Create account',
    name: 'Your name',
    email: 'Email address',
    password: 'Password',
    checkInbox: 'Check your email',
    confirmed: 'Your email address is confirmed',
    toLogin: 'To the login',
    hello: 'Hello',
    profile: 'My profile',
    researcher: 'Researcher',
    organisation: 'Organisation or venture',
    competences: 'Competences',
    municipality: 'Municipality',
    sdg3: 'Goal 3: Good health and well-being',
    hours: 'Hours per week you can give',
    pitch: 'Short pitch',
    saveProfile: 'Save the profile',
    profileSaved: 'The profile is saved.',
    cohorts: 'Open calls',
    apply: 'Apply',
    saveDraft: 'Save draft',
    draftSaved: 'The draft is saved.',
    submit: 'Submit the application',
    submitted: 'Submitted',
    logOut: 'Log out',
    menu: 'Open the menu',
  },
};
type Words = (typeof WORDS)['sv'];
const COHORT = 'Höstens kohort 2026';
/** A whole journey in a browser: a minute or so on a busy two-core machine. */
const JOURNEY_TIMEOUT = 120_000;
/** A label as Mantine renders it: the text, then an asterisk when required. */
const startsWith = (label: string) => new RegExp(`^${label}`);

describe('an entrepreneur signs up, fills in the profile, applies and logs out', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await TestServer.start();
    const admin = await loginAdmin(server);
    const { programme, manager } = await programmeWithManager(server, admin);
    await openCohort(server, manager, programme.id, { name: COHORT });
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  async function signUpAndLogIn(app: AppPage, words: Words, suffix: string, email: string): Promise<void> {
    const { page } = app;
    await page.goto('/');
    await expect(heading(page, words.login).waitFor()).resolves.toBeUndefined();
    await checkPage(app, `login-${suffix}`);

    await page.getByRole('link', { name: words.register }).click();
    await heading(page, words.createAccount).waitFor();
    await checkPage(app, `register-${suffix}`);
    await page.getByLabel(words.name).fill('Amina Yusuf');
    await page.getByLabel(words.email).fill(email);
    await page.getByLabel(startsWith(words.password)).fill(DEFAULT_PASSWORD);
    await page.getByRole('button', { name: words.createAccount }).click();
    await page.getByText(words.checkInbox).waitFor();
    await checkPage(app, `register-sent-${suffix}`);

    // The link as mailed: PUBLIC_URL/confirm-email?token=…
    await page.goto(`/confirm-email?token=${confirmationTokenFor(server, email)}`);
    await page.getByText(words.confirmed).waitFor();
    await checkPage(app, `confirm-email-${suffix}`);

    await page.getByRole('link', { name: words.toLogin }).click();
    await page.getByLabel(words.email).fill(email);
    await page.getByLabel(startsWith(words.password)).fill(DEFAULT_PASSWORD);
    await page.getByRole('button', { name: words.login }).click();
    await heading(page, `${words.hello} Amina Yusuf!`).waitFor();
    await checkPage(app, `home-${suffix}`);
  }

  async function reloadKeepsSessionThenLogOut(app: AppPage, words: Words, phone: boolean): Promise<void> {
    const { page } = app;
    await page.reload();
    await page.getByText(words.submitted, { exact: true }).first().waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(COHORT);

    if (phone) await page.getByRole('button', { name: words.menu }).click();
    await page.getByRole('button', { name: words.logOut }).click();
    await heading(page, words.login).waitFor();
    // The server ended the login and cleared the cookie: a reload stays logged out.
    await page.reload();
    await heading(page, words.login).waitFor();
    await page.goto('/profile');
    await heading(page, words.login).waitFor();
    expect(page.url()).toContain('/login?redirect=%2Fprofile');
  }

  it('in Swedish on a desktop', async () => {
    const app = await openApp(browser, server, DESKTOP);
    const { page } = app;
    const words = WORDS.sv;
    await signUpAndLogIn(app, words, 'desktop-sv', uniqueEmail('amina'));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sv');

    await page.getByRole('navigation').getByRole('link', { name: words.profile }).click();
    await heading(page, words.profile).waitFor();
    await page.getByLabel(words.organisation).waitFor();
    await checkPage(app, 'profile-desktop-sv');
    await page.getByRole('radio', { name: words.researcher }).check();
    await page.getByLabel(words.organisation).fill('Språkcafé Helsingborg ek. för.');
    await page.getByRole('combobox', { name: words.competences }).fill('tjänstedesign');
    await page.getByRole('combobox', { name: words.competences }).press('Enter');
    await page.getByRole('combobox', { name: words.municipality }).fill('Helsingb');
    await page.getByRole('option', { name: 'Helsingborg' }).click();
    await page.getByRole('checkbox', { name: words.sdg3 }).check();
    await page.getByLabel(words.hours).fill('12');
    await page.getByLabel(words.pitch).fill('Vi samlar nyanlända och pensionärer kring språk och fika.');
    await page.getByRole('button', { name: words.saveProfile }).click();
    await page.getByText(words.profileSaved).waitFor();
    await checkPage(app, 'profile-saved-desktop-sv');

    await page.getByRole('navigation').getByRole('link', { name: words.cohorts }).click();
    await page.getByRole('heading', { name: COHORT }).waitFor();
    await checkPage(app, 'cohorts-desktop-sv');
    await page.getByRole('link', { name: `${words.apply}: ${COHORT}` }).click();
    await page.getByLabel('Vad vill du pröva?').fill('Språkcaféer på biblioteket');
    await page.getByLabel('Hur många är ni?').fill('3');
    await page.getByRole('radio', { name: 'prototype' }).check();
    await page.getByRole('checkbox', { name: 'civil' }).check();
    await checkPage(app, 'application-desktop-sv');
    await page.getByRole('button', { name: words.saveDraft }).click();
    await page.getByText(words.draftSaved).waitFor();
    await page.getByRole('button', { name: words.submit }).click();
    await page.getByText(words.submitted, { exact: true }).first().waitFor();
    await checkPage(app, 'application-submitted-desktop-sv');

    await reloadKeepsSessionThenLogOut(app, words, false);
    expect(app.problems).toEqual([]);
    await app.context.close();
  }, JOURNEY_TIMEOUT);

  it('in English on a 360 px phone, the profile and the application with the keyboard alone', async () => {
    const app = await openApp(browser, server, PHONE);
    const { page } = app;
    const words = WORDS.en;
    await page.goto('/login');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await signUpAndLogIn(app, words, 'phone-en', uniqueEmail('jonas'));

    // The menu, the profile and the application: Tab, type, Space and Enter only.
    await press(page, page.getByRole('button', { name: words.menu }));
    await press(page, page.getByRole('navigation').getByRole('link', { name: words.profile }));
    await heading(page, words.profile).waitFor();
    await page.getByLabel(words.organisation).waitFor();
    await checkPage(app, 'profile-phone-en');
    await tabTo(page, page.getByRole('radio').first());
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: words.researcher }).isChecked()).resolves.toBe(true);
    await typeInto(page, page.getByLabel(words.organisation), 'Jonas & Co');
    await typeInto(page, page.getByRole('combobox', { name: words.competences }), 'facilitation');
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('combobox', { name: words.municipality }));
    await page.keyboard.type('Malm');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await page.getByRole('combobox', { name: words.municipality }).inputValue()) === 'Malmö', 'Malmö chosen');
    await typeInto(page, page.getByLabel(words.hours), '8');
    await press(page, page.getByRole('checkbox', { name: words.sdg3 }), 'Space');
    await typeInto(page, page.getByLabel(words.pitch), 'Workshops that bring people together.');
    await press(page, page.getByRole('button', { name: words.saveProfile }));
    await page.getByText(words.profileSaved).waitFor();
    await checkPage(app, 'profile-saved-phone-en');

    await press(page, page.getByRole('button', { name: words.menu }));
    await press(page, page.getByRole('navigation').getByRole('link', { name: words.cohorts }));
    await page.getByRole('heading', { name: COHORT }).waitFor();
    await checkPage(app, 'cohorts-phone-en');
    await press(page, page.getByRole('link', { name: `${words.apply}: ${COHORT}` }));
    await typeInto(page, page.getByLabel('Vad vill du pröva?'), 'Reading circles in the library');
    await typeInto(page, page.getByLabel('Hur många är ni?'), '2');
    await press(page, page.getByRole('radio', { name: 'idea' }), 'Space');
    await press(page, page.getByRole('checkbox', { name: 'public' }), 'Space');
    await checkPage(app, 'application-phone-en');
    await press(page, page.getByRole('button', { name: words.submit }));
    await page.getByText(words.submitted, { exact: true }).first().waitFor();
    await checkPage(app, 'application-submitted-phone-en');

    await reloadKeepsSessionThenLogOut(app, words, true);
    expect(app.problems).toEqual([]);
    await app.context.close();
  }, JOURNEY_TIMEOUT);

  it('the admin’s first page answers at the same width', async () => {
    const app = await openApp(browser, server, PHONE);
    await logIn(app.page, ADMIN.email, ADMIN.password);
    await checkPage(app, 'home-admin-phone-sv');
    await app.context.close();
  }, JOURNEY_TIMEOUT);
});
