import { arrangeMeeting, createDepartment, departmentMember, loginAdmin, meetingHeld, raiseNeed, signUpForMeeting, TestServer, vote, type Session } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';

const TIMEOUT = 180_000;
const THEME = 'Trygga skolvägar i Dalhem';

describe('a dialogue meeting after it was held: the sign-up closed, and its needs’ words corrected by the department', () => {
  let server: TestServer;
  let browser: Browser;
  let member: Session;
  let meetingId: string;
  let participant: { token: string };
  let need: { id: string };

  beforeAll(async () => {
    server = await TestServer.start();
    const admin = await loginAdmin(server);
    const department = await createDepartment(server, admin, { name: 'Skolförvaltningen' });
    member = await departmentMember(server, admin, department.id, 'Lina Berg');
    const meeting = await arrangeMeeting(server, member, { theme: THEME, departmentId: department.id, seats: 12, facilitator: 'Jonas Ek' });
    meetingId = meeting.id;
    participant = await signUpForMeeting(server, meetingId, { name: 'Amira Haddad', sector: 'civil_society' });
    need = await raiseNeed(server, participant.token, { title: 'Vuxna vid övergångsstället vid Dalhemsskolan, ring mig 070-1234567', targetGroup: 'Elever i årskurs 1–3' });
    await vote(server, participant.token, need.id, 3);
    await meetingHeld(server, member, meetingId);
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  it(
    'the public sign-up page says the meeting has taken place and offers no form, on a desktop and on a phone',
    async () => {
      for (const [viewport, name] of [
        [DESKTOP, 'desktop'],
        [PHONE, 'phone'],
      ] as const) {
        const app = await openApp(browser, server, viewport);
        try {
          await app.page.goto(`/dialogue/sign-up/${meetingId}`);
          await heading(app.page, 'Anmälan till dialogmöte').waitFor();
          await app.page.getByRole('heading', { level: 2, name: THEME }).waitFor();
          await app.page.getByText('Mötet har redan ägt rum').waitFor();
          await app.page.getByText('så det går inte längre att anmäla sig', { exact: false }).waitFor();
          expect(await app.page.getByRole('button', { name: 'Anmäl mig' }).count()).toBe(0);
          expect(await app.page.getByRole('textbox').count()).toBe(0);
          await checkPage(app, `dialogue-signup-past-${name}-sv`);
          if (name === 'phone') expect(await app.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
          expect(app.problems).toEqual([]);
        } finally {
          await app.context.close();
        }
      }
    },
    TIMEOUT,
  );

  it(
    'the participant’s link still shows the needs and votes, in English, but no longer offers to cancel',
    async () => {
      const app = await openApp(browser, server, PHONE);
      try {
        await app.page.goto(`/dialogue/participation/${participant.token}`);
        await heading(app.page, THEME).waitFor();
        await app.page.getByRole('button', { name: 'English' }).click();
        await app.page.getByText('Hello Amira Haddad! The meeting has taken place, and you had a seat.').waitFor();
        await app.page.getByRole('textbox', { name: /^My votes on/ }).waitFor();
        expect(await app.page.getByRole('button', { name: 'Cancel my seat' }).count()).toBe(0);
        expect(await app.page.getByRole('button', { name: /cancel/i }).count()).toBe(0);
        await checkPage(app, 'dialogue-participation-past-phone-en');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'the staff’s meeting page says it has taken place on a phone, in English, with no sign-up link',
    async () => {
      const app = await openApp(browser, server, PHONE);
      try {
        await logIn(app.page, member.email, member.password);
        await app.page.getByRole('button', { name: 'English' }).click();
        await app.page.goto(`/dialogue/meetings/${meetingId}`);
        await heading(app.page, THEME).waitFor();
        await app.page.getByRole('status').filter({ hasText: 'The meeting has taken place' }).getByText('Signing up is closed', { exact: false }).waitFor();
        expect(await app.page.getByRole('button', { name: 'Copy' }).count()).toBe(0);
        await checkPage(app, 'dialogue-meeting-held-phone-en');
        expect(await app.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'the department corrects a need’s words on the meeting page; a change someone made meanwhile is offered for reload',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      try {
        await logIn(app.page, member.email, member.password);
        await app.page.goto(`/dialogue/meetings/${meetingId}`);
        await heading(app.page, THEME).waitFor();
        // Sign-ups closed when it began: the page says so, and offers no link to share.
        await app.page.getByRole('status').filter({ hasText: 'Mötet har ägt rum' }).getByText('Under Anmälda kryssar du i vilka som kom.', { exact: false }).waitFor();
        expect(await app.page.getByText('Anmälningslänk att dela').count()).toBe(0);
        expect(await app.page.getByRole('button', { name: 'Kopiera' }).count()).toBe(0);
        await app.page.getByRole('checkbox', { name: 'Amira Haddad kom till mötet' }).waitFor();
        const card = app.page.getByRole('article', { name: /^Vuxna vid övergångsstället/ });
        await card.getByRole('button', { name: /^Ändra texten/ }).click();
        const form = app.page.getByRole('form', { name: /^Ändra texten för/ });
        await form.getByLabel(/^Behovet/).fill('Vuxna vid övergångsstället vid Dalhemsskolan');
        await form.getByLabel(/^Vad vet vi om det/).fill('Föräldrar ser nära-olyckor varje vecka.');
        await checkPage(app, 'dialogue-need-edit-desktop-sv');
        await form.getByRole('button', { name: 'Spara texten' }).click();
        const corrected = app.page.getByRole('article', { name: 'Vuxna vid övergångsstället vid Dalhemsskolan' });
        await corrected.getByText('Det vi vet: Föräldrar ser nära-olyckor varje vecka.').waitFor();
        await corrected.getByText('3 röster').waitFor();
        expect(await app.page.getByText('070-1234567').count()).toBe(0);
        await checkPage(app, 'dialogue-need-corrected-desktop-sv');

        // Someone else corrects it meanwhile: saving the version read is refused, and reloading shows theirs.
        const current = await server.http.get(`/api/dialogue-meetings/${meetingId}/needs`).set(member.auth).expect(200);
        await corrected.getByRole('button', { name: /^Ändra texten/ }).click();
        await server.http
          .patch(`/api/dialogue-meetings/${meetingId}/needs/${need.id}`)
          .set(member.auth)
          .set('If-Match', `"${current.body[0].version}"`)
          .send({ targetGroup: 'Elever i årskurs 1–6' })
          .expect(200);
        await app.page.getByRole('form', { name: /^Ändra texten för/ }).getByLabel(/^Beskrivning/).fill('Bilar kör fort förbi skolan på morgonen.');
        await app.page.getByRole('button', { name: 'Spara texten' }).click();
        await app.page.getByText('Någon annan har ändrat det här').waitFor();
        await app.page.getByRole('button', { name: 'Ladda om' }).click();
        await app.page.getByText('Målgrupp: Elever i årskurs 1–6').waitFor();
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );
});
