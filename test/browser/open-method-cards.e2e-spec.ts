import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, cohortWithTracks, TestServer, type TrackedCohort } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';

const TIMEOUT = 180_000;

describe('open method cards: anyone finds, reads and cites them; an admin imports them', () => {
  let server: TestServer;
  let browser: Browser;
  let cohort: TrackedCohort;
  let bikes: { id: string; slug: string };

  const noSidewaysScroll = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortWithTracks(server, ['Amira Haddad']);
    const { manager } = cohort;
    const learning = await server.http.post(`/api/tracks/${cohort.trackIds[0]}/learnings`).set(cohort.participants[0].auth).send({ kind: 'method', text: 'Lånecyklar fungerade.', tags: ['fritid'] }).expect(201);
    const meetings = await server.http.post(`/api/tracks/${cohort.trackIds[0]}/learnings`).set(cohort.participants[0].auth).send({ kind: 'method', text: 'Korta möten räckte.', tags: ['dialog'] }).expect(201);
    const create = async (title: string, whenToUse: string, learningId: string) => {
      const body = { title, whenToUse, steps: ['Fråga föreningarna', 'Låna ut en vecka i taget'], evidence: 'Fyrtio familjer lånade under våren.', learnings: [{ learningId }] };
      const card = await server.http.post('/api/method-cards').set(manager.auth).send(body).expect(201);
      return { id: card.body.id as string, body };
    };
    const first = await create('Lånecyklar för nyanlända', 'När föreningar vill låna ut cyklar till nyanlända familjer.', learning.body.id);
    await server.http.put(`/api/method-cards/${first.id}/versions/1/publication`).set(manager.auth).send({}).expect(200);
    // A second version is published and the first withdrawn: its address answers 410 with the citation.
    await server.http.put(`/api/method-cards/${first.id}`).set(manager.auth).set('If-Match', '"1"').send({ ...first.body, evidence: 'Sextio familjer lånade under året.' }).expect(200);
    await server.http.put(`/api/method-cards/${first.id}/versions/2/publication`).set(manager.auth).send({}).expect(200);
    await server.http.delete(`/api/method-cards/${first.id}/versions/1/publication`).set(manager.auth).expect(200);
    const second = await create('Korta möten', 'När många ska höras på kort tid.', meetings.body.id);
    await server.http.put(`/api/method-cards/${second.id}/versions/1/publication`).set(manager.auth).send({ licence: 'CC0-1.0' }).expect(200);
    bikes = { id: first.id, slug: (await server.http.get(`/api/open/method-cards/${first.id}`).expect(200)).body.slug };
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'in Swedish on a desktop, without logging in: searches, opens a card with its licence, citation and versions, and meets a withdrawn version',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      try {
        await page.goto('/open');
        await page.getByRole('navigation', { name: 'Delar av Vad vi lärt oss' }).getByRole('link', { name: 'Metodkort' }).click();
        await page.getByRole('heading', { level: 1, name: 'Öppna metodkort' }).waitFor();
        await page.getByRole('article', { name: 'Korta möten' }).waitFor();
        await page.getByRole('article', { name: 'Lånecyklar för nyanlända' }).waitFor();
        expect(await page.getByRole('link', { name: 'Katalog för dataportaler (DCAT-AP)' }).getAttribute('href')).toBe('/api/open/catalogue');
        await checkPage(app, 'open-method-cards-desktop-sv');

        // Swedish stemming: "cyklarna" finds "cyklar". Typed a letter at a time, it replaces the address instead of adding a step per letter.
        const steps = await page.evaluate('history.length');
        const search = page.getByRole('searchbox', { name: 'Sök bland metodkorten' });
        await search.pressSequentially('cyklarna', { delay: 40 });
        await page.getByRole('article', { name: 'Korta möten' }).waitFor({ state: 'detached' });
        await page.getByRole('article', { name: 'Lånecyklar för nyanlända' }).waitFor();
        expect(await page.getByRole('article').count()).toBe(1);
        expect(await page.evaluate('history.length')).toBe(steps);
        expect(new URL(page.url()).searchParams.get('q')).toBe('cyklarna');
        expect(await page.getByRole('link', { name: 'Ladda ner som CSV' }).getAttribute('href')).toContain('q=cyklarna');
        const thisYear = String(new Date().getFullYear());
        await page.getByRole('combobox', { name: 'Publicerat år' }).click();
        await page.getByRole('option', { name: thisYear, exact: true }).click();
        await page.waitForURL((url) => url.searchParams.get('year') === thisYear);

        // Reloaded, the address gives the same list and the same fields.
        const sameList = async () => {
          await page.getByRole('article', { name: 'Lånecyklar för nyanlända' }).waitFor();
          expect(await page.getByRole('article').count()).toBe(1);
          expect(await search.inputValue()).toBe('cyklarna');
          expect(await page.getByRole('combobox', { name: 'Publicerat år' }).inputValue()).toBe(thisYear);
        };
        await page.reload();
        await sameList();
        await checkPage(app, 'open-method-cards-searched-desktop-sv');

        await page.getByRole('link', { name: 'Lånecyklar för nyanlända' }).click();
        await page.getByRole('heading', { level: 1, name: 'Lånecyklar för nyanlända' }).waitFor();
        // Back from the card: the same search.
        await page.goBack();
        await page.getByRole('heading', { level: 1, name: 'Öppna metodkort' }).waitFor();
        await sameList();

        await page.getByRole('link', { name: 'Lånecyklar för nyanlända' }).click();
        await page.getByRole('heading', { level: 1, name: 'Lånecyklar för nyanlända' }).waitFor();
        await page.getByText('Sextio familjer lånade under året.').waitFor();
        expect(await page.getByRole('link', { name: 'CC BY 4.0' }).getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/');
        await page.getByText(/^Lånecyklar för nyanlända\. Samverka, metodkort version 2, /).waitFor();
        await page.getByRole('button', { name: 'Kopiera citeringen' }).waitFor();
        // The withdrawn first version is not among the published ones.
        await page.getByText(/^Version 2, publicerad .* \(visas nu\)$/).waitFor();
        expect(await page.getByRole('link', { name: /^Version 1,/ }).count()).toBe(0);
        await checkPage(app, 'open-method-card-desktop-sv');

        // A cited address of the withdrawn version still says how to cite it.
        await page.goto(`/open/method-cards/${bikes.slug}?version=1`);
        await page.getByRole('heading', { level: 1, name: 'Återkallat metodkort' }).waitFor();
        await page.getByText('Version 1 är återkallad').waitFor();
        await page.getByText(/^Lånecyklar för nyanlända\. Samverka, metodkort version 1, /).waitFor();
        await checkPage(app, 'open-method-card-withdrawn-desktop-sv');

        // A county's code reads as it is in the address; a link from before, the code quoted, still chooses it.
        await page.goto('/open/method-cards?county=%2212%22');
        const county = page.getByRole('combobox', { name: 'Län' });
        // The field shows the county's name once the counties are read.
        const countyReads = async (name: string) => {
          for (let tries = 0; tries < 50 && (await county.inputValue()) !== name; tries++) await page.waitForTimeout(100);
          expect(await county.inputValue()).toBe(name);
        };
        await page.getByRole('heading', { level: 1, name: 'Öppna metodkort' }).waitFor();
        await countyReads('Skåne län');
        await county.click();
        await page.getByRole('option', { name: 'Stockholms län' }).click();
        await page.waitForURL((url) => url.searchParams.get('county') === '01');
        await county.click();
        await page.getByRole('option', { name: 'Skåne län' }).click();
        await page.waitForURL((url) => url.searchParams.get('county') === '12');
        expect(new URL(page.url()).search).toBe('?county=12');
        await page.reload();
        await countyReads('Skåne län');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'in English on a 360 px phone: a card read and its citation copied, nothing wider than the screen',
    async () => {
      const app = await openApp(browser, server, PHONE);
      const { page } = app;
      try {
        await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
        // A shared link to a filtered list.
        await page.goto('/open/method-cards?tag=dialog');
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { level: 1, name: 'Open method cards' }).waitFor();
        await page.getByRole('article', { name: 'Korta möten' }).waitFor();
        expect(await page.getByRole('article').count()).toBe(1);
        expect(await page.getByRole('textbox', { name: 'Tag' }).inputValue()).toBe('dialog');
        expect(await noSidewaysScroll(page)).toBe(true);
        await checkPage(app, 'open-method-cards-phone-en');

        await page.getByRole('link', { name: 'Korta möten' }).click();
        await page.getByRole('heading', { level: 1, name: 'Korta möten' }).waitFor();
        await page.getByRole('link', { name: 'CC0 1.0' }).waitFor();
        await page.getByRole('button', { name: 'Copy the citation' }).click();
        await page.getByRole('button', { name: 'Citation copied' }).waitFor();
        expect(await page.evaluate('navigator.clipboard.readText()')).toMatch(/^Korta möten\. Samverka, metodkort version 1, .*CC0 1\.0/);
        expect(await noSidewaysScroll(page)).toBe(true);
        await checkPage(app, 'open-method-card-phone-en');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'an admin allows a host, is told why an address is refused, and imports a card from a file once',
    async () => {
      // The open JSON as another installation would serve it.
      const open = (await server.http.get(`/api/open/method-cards/${bikes.id}`).expect(200)).body;
      const elsewhere = (url: string) => url.replace(/^https?:\/\/[^/]+/, 'https://samverka.malmo.se');
      const file = join(mkdtempSync(join(tmpdir(), 'open-cards-')), 'lanecyklar.json');
      writeFileSync(file, JSON.stringify({ ...open, url: elsewhere(open.url), cardUrl: elsewhere(open.cardUrl), publisher: 'Malmö stad' }));

      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      try {
        await logIn(page, ADMIN.email, ADMIN.password);
        await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Importera metodkort' }).click();
        await page.getByRole('heading', { level: 1, name: 'Importera metodkort' }).waitFor();
        await page.getByText('Inga värdar är tillåtna ännu.').waitFor();
        await page.getByRole('textbox', { name: 'Värd' }).fill('samverka.malmo.se');
        await page.getByRole('button', { name: 'Tillåt värden' }).click();
        await page.getByRole('button', { name: 'Ta bort samverka.malmo.se' }).waitFor();

        await page.getByRole('textbox', { name: 'Adress' }).fill('https://samverka.goteborg.se/api/open/method-cards/korta-moten');
        await page.getByRole('button', { name: 'Importera från adressen' }).click();
        await page.getByText('Värden är inte tillåten. Lägg till den bland tillåtna värdar först.').waitFor();
        await checkPage(app, 'admin-method-card-import-refused-desktop-sv');

        await page.locator('input[type="file"]').setInputFiles(file);
        await page.getByRole('button', { name: 'Importera från filen' }).click();
        await page.getByRole('status').getByText('1 metodkort importerat').waitFor();
        await page.getByRole('status').getByText('importerat som version 1').waitFor();
        await checkPage(app, 'admin-method-card-imports-desktop-sv');

        await page.getByRole('button', { name: 'Importera från filen' }).click();
        await page.getByRole('status').getByText('Redan importerat – inget ändrades').waitFor();

        // The card is named by its title, with where it came from beside it, and opens here.
        await page.getByRole('status').getByRole('link', { name: open.url.replace(/^https?:\/\/[^/]+/, 'https://samverka.malmo.se') }).waitFor();
        await page.getByRole('status').getByRole('link', { name: 'Lånecyklar för nyanlända' }).click();
        await page.getByRole('heading', { level: 1, name: 'Metodkort' }).waitFor();
        const card = page.getByRole('article', { name: 'Lånecyklar för nyanlända' });
        await card.getByRole('heading', { name: 'Steg' }).waitFor();
        await card.getByText('Låna ut en vecka i taget').waitFor();
        expect(await page.getByRole('article').count()).toBe(1);
        await checkPage(app, 'admin-imported-method-card-desktop-sv');
        await page.getByRole('link', { name: 'Alla metodkort' }).click();
        await page.getByRole('article', { name: 'Korta möten' }).waitFor();
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );
});
