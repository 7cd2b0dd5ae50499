import { cohortWithTracks, expectStatus, TestServer, type TrackedCohort } from '@samverka/testing';
import type { Browser } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';
import { startsWith } from './support/manager.js';

const TIMEOUT = 120_000;
const INNOVATOR = 'Amira Haddad';

describe('someone on a track renames and reschedules a milestone', () => {
  let server: TestServer;
  let browser: Browser;
  let cohort: TrackedCohort;
  let milestoneUrl: string;

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortWithTracks(server, [INNOVATOR]);
    const milestone = (await expectStatus(
      await server.http.post(`/api/tracks/${cohort.trackIds[0]}/milestones`).set(cohort.participants[0].auth).send({ title: 'Första prototyp', dueOn: '2026-09-20' }),
      201,
      'add a milestone',
    )) as { id: string };
    milestoneUrl = `/api/tracks/${cohort.trackIds[0]}/milestones/${milestone.id}`;
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'in Swedish on a desktop: a title is needed, a change made meanwhile is loaded first, and the change stays after a reload',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      try {
        await logIn(page, cohort.member.email, cohort.member.password);
        await page.goto(`/tracks/${cohort.trackIds[0]}`);
        const milestones = page.getByRole('region', { name: 'Delmål' });
        await milestones.getByText('ska vara klart 20 september 2026').waitFor();
        await milestones.getByRole('button', { name: 'Ändra: Första prototyp' }).click();
        const editor = milestones.getByRole('form', { name: 'Ändra delmålet Första prototyp' });
        await editor.getByLabel(startsWith('Vad ska vara gjort?')).fill('');
        await editor.getByRole('button', { name: 'Spara ändringen' }).click();
        await editor.getByRole('alert').getByText('Kontrollera uppgifterna', { exact: false }).waitFor();
        await editor.getByRole('link', { name: 'Vad ska vara gjort?' }).waitFor();

        // Someone else on the track moves the date meanwhile: the save is refused, and reloading shows their date to change again.
        const current = (await expectStatus(await server.http.get(`/api/tracks/${cohort.trackIds[0]}/milestones`).set(cohort.manager.auth), 200, 'list milestones')) as { items: { version: number }[] };
        await expectStatus(await server.http.patch(milestoneUrl).set(cohort.manager.auth).set('If-Match', `"${current.items[0].version}"`).send({ dueOn: '2026-10-01' }), 200, 'move the date meanwhile');
        await editor.getByLabel(startsWith('Vad ska vara gjort?')).fill('Första prototypen testad med unga');
        await editor.getByRole('button', { name: 'Spara ändringen' }).click();
        await editor.getByRole('alert').getByText('Någon annan har ändrat det här').waitFor();
        await checkPage(app, 'track-milestone-stale-desktop-sv');
        await editor.getByRole('button', { name: 'Ladda om' }).click();
        await editor.getByRole('alert').waitFor({ state: 'detached' });
        expect(await editor.getByLabel(startsWith('Klart senast')).inputValue()).toBe('2026-10-01');
        await editor.getByLabel(startsWith('Vad ska vara gjort?')).fill('Första prototypen testad med unga');
        await editor.getByLabel(startsWith('Klart senast')).fill('2026-10-15');
        await editor.getByRole('button', { name: 'Spara ändringen' }).click();
        await milestones.getByText('Ändringen är sparad.').waitFor();
        await checkPage(app, 'track-milestone-edited-desktop-sv');

        await page.reload();
        await milestones.getByText('Första prototypen testad med unga', { exact: true }).waitFor();
        await milestones.getByText('ska vara klart 15 oktober 2026').waitFor();
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'in English on a 360 px phone: the innovator moves the date, seen after a reload',
    async () => {
      const app = await openApp(browser, server, PHONE);
      const { page } = app;
      try {
        await logIn(page, cohort.participants[0].email, cohort.participants[0].password);
        await page.getByRole('button', { name: 'English' }).click();
        await page.goto(`/tracks/${cohort.trackIds[0]}`);
        const milestones = page.getByRole('region', { name: 'Milestones' });
        await milestones.getByRole('button', { name: 'Edit: Första prototypen testad med unga' }).click();
        const editor = milestones.getByRole('form', { name: 'Edit the milestone Första prototypen testad med unga' });
        await editor.getByLabel(startsWith('Due by')).fill('2026-11-30');
        await checkPage(app, 'track-milestone-editing-phone-en');
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        await editor.getByRole('button', { name: 'Save the change' }).click();
        await milestones.getByText('The change is saved.').waitFor();
        await page.reload();
        await milestones.getByText('due 30 November 2026').waitFor();
        await checkPage(app, 'track-milestone-edited-phone-en');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );
});
