import { createDepartment, departmentMember, expectStatus, invitePerson, loginAdmin, raiseNeed, signUpForMeeting, TestServer, vote, type Session } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';

const TIMEOUT = 180_000;
const THEME = 'Ensamhet bland äldre i Drottninghög';
// Sign-ups close when a meeting begins: the meetings here are next year's.
const NEXT_YEAR = new Date().getFullYear() + 1;

describe('a dialogue meeting: arranged by a department, signed up for without an account, needs voted on and drafted into a challenge', () => {
  let server: TestServer;
  let browser: Browser;
  let member: Session;
  let manager: Session;
  let departmentName: string;

  beforeAll(async () => {
    server = await TestServer.start();
    const admin = await loginAdmin(server);
    const department = await createDepartment(server, admin, { name: 'Socialförvaltningen' });
    departmentName = department.name;
    member = await departmentMember(server, admin, department.id, 'Sara Holm');
    manager = await invitePerson(server, admin, 'programme_manager', {}, 'Maria Nilsson');
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const label = (text: string) => new RegExp(`^${text}`);
  let meetingId: string;

  it(
    'the department arranges the meeting and shares its sign-up link',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      try {
        await logIn(app.page, member.email, member.password);
        await app.page.getByRole('navigation').getByRole('link', { name: 'Dialogmöten', exact: true }).click();
        await heading(app.page, 'Dialogmöten').waitFor();
        await app.page.getByText('Inga dialogmöten ännu.').waitFor();
        await app.page.getByRole('button', { name: 'Ordna ett dialogmöte' }).click();
        await app.page.getByLabel(label('Tema')).fill(THEME);
        await app.page.getByLabel(label('Beskrivning')).fill('Vad behöver äldre som bor hemma för att inte bli ensamma?');
        await app.page.getByLabel(label('Börjar')).fill(`${NEXT_YEAR}-03-10T13:00`);
        await app.page.getByLabel(/^Plats(?!er)/).fill('Träffpunkt Drottninghög');
        await app.page.getByLabel(label('Platser')).fill('2');
        await checkPage(app, 'dialogue-arrange-desktop-sv');
        await app.page.getByRole('button', { name: 'Skapa mötet' }).click();
        await heading(app.page, THEME).waitFor();
        await app.page.getByText('0 av 2 platser tagna').waitFor();
        await app.page.getByText('Inga behov ännu.').waitFor();
        meetingId = /\/dialogue\/meetings\/([0-9a-f-]{36})/.exec(app.page.url())![1];
        await app.page.getByText(`/dialogue/sign-up/${meetingId}`).waitFor();
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'someone without an account signs up, adds a need and spreads votes; the next is waitlisted',
    async () => {
      const others = [await signUpForMeeting(server, meetingId, { name: 'Fatima Osman', sector: 'civil_society' })];
      const shared = await raiseNeed(server, others[0].token, { title: 'Mötesplatser nära hemmet', targetGroup: 'Äldre över 75 år' });
      await vote(server, others[0].token, shared.id, 2);

      const app = await openApp(browser, server, DESKTOP);
      try {
        await app.page.goto(`/dialogue/sign-up/${meetingId}`);
        await heading(app.page, 'Anmälan till dialogmöte').waitFor();
        await app.page.getByRole('heading', { level: 2, name: THEME }).waitFor();
        await app.page.getByLabel(label('Namn')).fill('Anders Nyström');
        await app.page.getByLabel(label('E-postadress')).fill('anders.nystrom@example.org');
        await app.page.getByLabel(label('Organisation')).fill('Hemtjänsten');
        await app.page.getByRole('combobox', { name: label('Jag kommer från') }).click();
        await app.page.getByRole('option', { name: 'Offentlig sektor' }).click();
        await checkPage(app, 'dialogue-signup-desktop-sv');
        // Without consent, the form says what is missing next to the checkbox.
        await app.page.getByRole('button', { name: 'Anmäl mig' }).click();
        await app.page.getByRole('alert').getByRole('link', { name: 'Samtycke' }).waitFor();
        await app.page.getByRole('checkbox', { name: /^Jag samtycker: Deltagande i dialogmöte/ }).check();
        await app.page.getByRole('button', { name: 'Anmäl mig' }).click();
        await app.page.getByText('Du är anmäld').waitFor();
        await app.page.getByRole('link', { name: 'Gå till mötets sida' }).click();

        await heading(app.page, THEME).waitFor();
        await app.page.getByText('Hej Anders Nyström! Du har en plats på mötet.').waitFor();
        await app.page.getByText('Du har 5 av 5 röster kvar att fördela.', { exact: false }).waitFor();
        await app.page.getByLabel(label('Behovet')).fill('Hjälp att ta sig till aktiviteter');
        await app.page.getByLabel(label('Vems behov är det?')).fill('Äldre med nedsatt rörlighet');
        await app.page.getByRole('button', { name: 'Lägg till behovet' }).click();
        await app.page.getByRole('heading', { level: 3, name: 'Hjälp att ta sig till aktiviteter' }).waitFor();
        const votes = app.page.getByRole('textbox', { name: 'Mina röster på ”Mötesplatser nära hemmet”' });
        await votes.fill('3');
        await votes.press('Enter');
        await app.page.getByText('Du har 2 av 5 röster kvar att fördela.', { exact: false }).waitFor();
        await app.page.getByText('5 röster', { exact: true }).waitFor();
        await checkPage(app, 'dialogue-participation-desktop-sv');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }

      const last = await signUpForMeeting(server, meetingId, { name: 'Karin Möller' });
      expect(last).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    },
    TIMEOUT,
  );

  it(
    'the department merges a duplicate, records who came and drafts a challenge from the need most stood behind',
    async () => {
      const duplicate = await server.http.post(`/api/dialogue-meetings/${meetingId}/needs`).set(member.auth).send({ title: 'Träffpunkter i bostadsområdet' }).expect(201);
      const app = await openApp(browser, server, DESKTOP);
      try {
        await logIn(app.page, member.email, member.password);
        await app.page.goto(`/dialogue/meetings/${meetingId}`);
        await heading(app.page, THEME).waitFor();
        await app.page.getByText('2 av 2 platser tagna · 1 på väntelistan').waitFor();
        // One more seat: the first on the waiting list gets it.
        await app.page.getByRole('button', { name: 'Ändra mötet' }).click();
        await app.page.getByLabel(/^Platser/).fill('3');
        await app.page.getByRole('button', { name: 'Spara ändringarna' }).click();
        await app.page.getByText('Ändringarna är sparade.').waitFor();
        await app.page.getByText('3 av 3 platser tagna').waitFor();
        const card = app.page.getByRole('article', { name: duplicate.body.title });
        await card.getByRole('combobox', { name: 'Slå samman med' }).click();
        await app.page.getByRole('option', { name: 'Mötesplatser nära hemmet' }).click();
        await card.getByRole('button', { name: 'Slå samman' }).click();
        await app.page.getByText(`Sammanslaget med ”Mötesplatser nära hemmet”`).waitFor();
        const table = app.page.getByRole('table');
        // Checked once the API has recorded it.
        await table.getByRole('checkbox', { name: 'Anders Nyström kom till mötet' }).click();
        await table.getByRole('checkbox', { name: 'Anders Nyström kom till mötet', checked: true }).waitFor();
        await app.page.getByText('2 personer från civilsamhälle, offentlig sektor').waitFor();
        await checkPage(app, 'dialogue-meeting-desktop-sv');
        await app.page.getByRole('article', { name: 'Mötesplatser nära hemmet' }).getByRole('button', { name: 'Gör en utmaning av behovet' }).click();
        // The draft carries the need's words and where it came from.
        await heading(app.page, 'Mötesplatser nära hemmet').waitFor();
        await app.page.getByText('Från ett dialogmöte').waitFor();
        await app.page.getByText('2 personer från civilsamhälle, offentlig sektor stod bakom det', { exact: false }).waitFor();
        await expect(app.page.getByLabel(label('Målgrupp')).inputValue()).resolves.toBe('Äldre över 75 år');
        await checkPage(app, 'dialogue-challenge-origin-desktop-sv');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
      const challenges = await expectStatus<{ items: { origin: { people: number } | null }[] }>(await server.http.get('/api/challenges').set(member.auth), 200, 'challenges');
      expect(challenges.items.map((c) => c.origin?.people)).toEqual([2]);
      expect(departmentName).toBe('Socialförvaltningen');
    },
    TIMEOUT,
  );

  it(
    'in English on a 360 px phone: the sign-up form and the participant’s page',
    async () => {
      const seated = await signUpForMeeting(server, (await expectStatus<{ id: string }>(await server.http.post('/api/dialogue-meetings').set(member.auth).send({ theme: 'Unga och fritid', startsAt: `${NEXT_YEAR}-03-12T17:00:00+01:00`, link: 'https://meet.example.org/unga-fritid', sectors: ['public', 'civil_society', 'academia'], facilitator: 'Omar Said', seats: 30 }), 201, 'meeting')).id, { name: 'Hanna Ek', sector: 'academia' });
      const app = await openApp(browser, server, PHONE);
      try {
        await app.page.goto(`/dialogue/participation/${seated.token}`);
        await heading(app.page, 'Unga och fritid').waitFor();
        await app.page.getByRole('button', { name: 'English' }).click();
        await app.page.getByText('Hello Hanna Ek! You have a seat at the meeting.').waitFor();
        await checkPage(app, 'dialogue-participation-phone-en');
        await app.page.goto(`/dialogue/sign-up/${meetingId}`);
        await heading(app.page, 'Sign up for a dialogue meeting').waitFor();
        await app.page.getByText('The meeting is full.', { exact: false }).waitFor();
        await checkPage(app, 'dialogue-signup-phone-en');
        const width = await app.page.evaluate('document.documentElement.scrollWidth');
        expect(width).toBeLessThanOrEqual(360);
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'a manager reads the needs funnel, on a desktop and on a phone',
    async () => {
      for (const [viewport, name] of [[DESKTOP, 'desktop'], [PHONE, 'phone']] as const) {
        const app = await openApp(browser, server, viewport);
        try {
          await logIn(app.page, manager.email, manager.password);
          await app.page.goto('/dialogue');
          await heading(app.page, 'Dialogmöten').waitFor();
          await app.page.getByRole('heading', { level: 2, name: 'Behovstratten' }).waitFor();
          await app.page.getByText('Utmaningar från dialogmöten: 1 av 1.', { exact: false }).waitFor();
          await app.page.getByRole('row', { name: 'Behov som blev utmaningar 1' }).waitFor();
          await checkPage(app, `dialogue-funnel-${name}-sv`);
          await app.page.getByRole('link', { name: THEME }).click();
          await heading(app.page, THEME).waitFor();
          await app.page.getByRole('table').getByText('Karin Möller').waitFor();
          await checkPage(app, `dialogue-meeting-manager-${name}-sv`);
          expect(app.problems).toEqual([]);
        } finally {
          await app.context.close();
        }
      }
    },
    TIMEOUT,
  );
});
