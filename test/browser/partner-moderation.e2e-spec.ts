import { expectStatus, loginAdmin, registerEntrepreneur, TestServer, TestWorker, untilOutboxDrained, waitUntil, type Session } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE, type AppPage } from './support/browser.js';

const OFFER = 'Erbjuder lokal för workshoppar i Landskrona';
const TIMEOUT = 150_000;

const daysFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('the partner board: an admin shows a post hidden by mistake again, and its author follows the notification to it', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Session;
  let bertil: Session;
  let postId: string;

  const hide = (version: number) => server.http.post(`/api/partner-posts/${postId}/hide`).set(admin.auth).set('If-Match', `"${version}"`).send({ reason: 'Ser ut som reklam för en kurs.' });

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    bertil = await registerEntrepreneur(server, 'Bertil Berg');
    // Bertil reads Samverka in English, so his notifications come in English.
    const me = await server.http.get('/api/me').set(bertil.auth);
    await expectStatus(await server.http.patch('/api/me').set(bertil.auth).set('If-Match', me.headers.etag).send({ preferredLanguage: 'en' }), 200, 'language');
    const post = await expectStatus<{ id: string }>(
      await server.http.post('/api/partner-posts').set(bertil.auth).send({
        direction: 'offer',
        kind: 'premises',
        title: OFFER,
        description: 'En ljus sal för tjugo personer, med projektor, nära stationen. Gratis för idéburna organisationer.',
        tags: ['lokal', 'workshop'],
        municipalityCode: '1282',
        endsOn: daysFromNow(30),
      }),
      201,
      'post',
    );
    postId = post.id;
    await expectStatus(await hide(1), 200, 'hidden');
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page, name: string | RegExp, level = 1) => page.getByRole('heading', { level, name });

  async function checkBoth(app: AppPage, name: string): Promise<void> {
    await checkPage(app, `${name}-desktop`);
    await app.page.setViewportSize(PHONE);
    await checkPage(app, `${name}-phone`);
    await app.page.setViewportSize(DESKTOP);
  }

  it(
    'lets an admin show the hidden post again, offering to reload when another admin changed it meanwhile',
    async () => {
      const app = await openApp(browser, server);
      try {
        const { page } = app;
        await logIn(page, admin.email, admin.password);
        await page.getByRole('navigation').getByRole('link', { name: 'Partnertavlan' }).first().click();
        await heading(page, 'Partnertavlan').waitFor();
        await page.getByRole('link', { name: OFFER }).click();
        await heading(page, OFFER).waitFor();
        await page.getByText('Inlägget är dolt av en administratör').waitFor();
        await page.getByText('Skäl: Ser ut som reklam för en kurs.').waitFor();
        await heading(page, 'Visa inlägget igen', 2).waitFor();
        // While hidden, there is nothing to hide.
        expect(await heading(page, 'Dölj inlägget', 2).count()).toBe(0);
        await checkBoth(app, 'partners-post-hidden-admin-sv');

        // Another admin shows it and hides it again meanwhile: this page's version is stale.
        await expectStatus(await server.http.post(`/api/partner-posts/${postId}/unhide`).set(admin.auth).set('If-Match', '"2"'), 200, 'unhidden elsewhere');
        await expectStatus(await hide(3), 200, 'hidden again elsewhere');
        await page.getByRole('button', { name: 'Visa igen' }).click();
        await page.getByText('Någon annan har ändrat det här').waitFor();
        await page.getByRole('button', { name: 'Ladda om' }).click();
        await page.getByText('Någon annan har ändrat det här').waitFor({ state: 'detached' });
        await page.waitForLoadState('networkidle');

        await page.getByRole('button', { name: 'Visa igen' }).click();
        await heading(page, 'Dölj inlägget', 2).waitFor();
        expect(await page.getByText('Inlägget är dolt av en administratör').count()).toBe(0);
        // The full-page picture from the top, as the sticky header is drawn where the page was scrolled to.
        await page.evaluate('window.scrollTo(0, 0)');
        await checkPage(app, 'partners-post-shown-again-admin-desktop-sv');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
      const listed = await server.http.get('/api/partner-posts').query({ tag: 'workshop' }).set((await registerEntrepreneur(server, 'Cilla Ek')).auth).expect(200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([postId]);
    },
    TIMEOUT,
  );

  it(
    'leads the author from the notification to the post, in English',
    async () => {
      const worker = await TestWorker.start(server);
      try {
        await untilOutboxDrained(server);
      } finally {
        await worker.stop();
      }
      const app = await openApp(browser, server);
      try {
        const { page } = app;
        await logIn(page, bertil.email, bertil.password);
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).first().click();
        await heading(page, 'Notifications').waitFor();
        // Hidden twice and shown again twice (once by the other admin): each told him, and each leads to the post.
        const shownAgain = page.getByRole('link', { name: 'Your post on the partner board is shown again' });
        await shownAgain.first().waitFor();
        expect(await shownAgain.count()).toBe(2);
        expect(await page.getByRole('link', { name: 'Your post on the partner board is hidden' }).count()).toBe(2);
        await checkBoth(app, 'notifications-partners-en');

        await shownAgain.first().click();
        await heading(page, OFFER).waitFor();
        await page.getByText('Your post').first().waitFor();
        expect(await page.getByText('An admin has hidden the post').count()).toBe(0);
        await page.getByText('No one has shown interest yet.').waitFor();
        await page.getByText('No other posts fit right now.').waitFor();
        await checkPage(app, 'partners-post-shown-again-author-desktop-en');

        // Following it marked it read.
        await page.goBack();
        await heading(page, 'Notifications').waitFor();
        const stillUnread = page.getByRole('button', { name: 'Mark as read: Your post on the partner board is shown again' });
        await waitUntil(async () => (await stillUnread.count()) === 1, 'the notification followed to be read');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );
});
