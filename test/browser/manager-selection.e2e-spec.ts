import { cohortInReview, largeCohortInReview, TestServer, waitUntil, type CohortInReview, type JurorSpec } from '@samverka/testing';
import type { Browser, Locator, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE } from './support/browser.js';
import { decide } from './support/manager.js';

/** Scores on the sample rubric (impact weight 3, feasibility 1): Greta scores everyone high, Sten low. */
const JURORS: JurorSpec[] = [
  {
    displayName: 'Greta Generös',
    scores: { 'Amira Hassan': { impact: 5, feasibility: 5 }, 'Björn Lind': { impact: 5, feasibility: 4 }, 'Cecilia Ek': { impact: 4, feasibility: 5 }, 'David Öberg': { impact: 5, feasibility: 5 } },
    comments: { 'Björn Lind': 'Stark idé med tydlig målgrupp.' },
  },
  {
    displayName: 'Sten Sträng',
    scores: { 'Amira Hassan': { impact: 4, feasibility: 3 }, 'Björn Lind': { impact: 1, feasibility: 2 }, 'Cecilia Ek': { impact: 3, feasibility: 3 } },
    comments: { 'Björn Lind': 'Otydligt vem som äger behovet.' },
  },
  {
    displayName: 'Maja Mitt',
    scores: { 'Amira Hassan': { impact: 4, feasibility: 4 }, 'Björn Lind': { impact: 2, feasibility: 3 }, 'Cecilia Ek': { impact: 4, feasibility: 3 } },
  },
];
const APPLICANTS = ['Amira Hassan', 'Björn Lind', 'Cecilia Ek', 'David Öberg', 'Elin Ström'];
const JOURNEY_TIMEOUT = 150_000;

describe('a programme manager selects applicants on the calibrated scoreboard', () => {
  let server: TestServer;
  let browser: Browser;
  let cohort: CohortInReview;

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortInReview(server, { cohortName: 'Vårens kohort 2027', seats: 2, applicants: APPLICANTS, jurors: JURORS });
    browser = await connectBrowser();
  }, JOURNEY_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const applications = (page: Page): Locator => page.getByRole('region', { name: /^(Ansökningar|Applications)$/ });
  /** The applicants in the table, top to bottom. */
  const applicantOrder = (page: Page) => applications(page).getByRole('link').allTextContents();
  /** The table redraws after a debounced search or a refetch: wait for the order, then compare. */
  async function expectOrder(page: Page, expected: string[]): Promise<void> {
    await waitUntil(async () => JSON.stringify(await applicantOrder(page)) === JSON.stringify(expected), `the table to list ${expected.join(', ')}`).catch(() => undefined);
    expect(await applicantOrder(page)).toEqual(expected);
  }
  const seatsSay = (page: Page, sentence: string | RegExp) => page.getByRole('status').filter({ hasText: sentence }).waitFor();


  it('in Swedish on a desktop: reads the leanings and disagreement, opens the reviews, decides within the seats, assigns and downloads', async () => {
    const app = await openApp(browser, server, DESKTOP);
    const { page } = app;
    await logIn(page, cohort.manager.email, cohort.manager.password);
    await page.goto(`/manage/cohorts/${cohort.cohortId}/applications`);
    await heading(page, `Urval: ${cohort.cohortName}`).waitFor();
    await seatsSay(page, '0 av 2 platser tagna, 2 kvar.');

    // The lenient and the strict reviewer stand out beside the jury's mean (3,7).
    const reviewers = page.getByRole('region', { name: 'Granskarna' });
    await expect(reviewers.getByRole('row', { name: /Greta Generös/ }).textContent()).resolves.toMatch(/4[\s\S]*4,75[\s\S]*Generös\+1,05/);
    await expect(reviewers.getByRole('row', { name: /Sten Sträng/ }).textContent()).resolves.toContain('Sträng−1,03');
    await expect(reviewers.getByRole('row', { name: /Maja Mitt/ }).textContent()).resolves.toContain('I linje');
    await checkPage(app, 'selection-desktop-sv');

    // Normalised, highest first; Elin, without reviews, last.
    await expectOrder(page, ['Amira Hassan', 'David Öberg', 'Cecilia Ek', 'Björn Lind', 'Elin Ström']);
    await page.getByRole('button', { name: 'Sökande', exact: true }).click();
    await expectOrder(page, ['Amira Hassan', 'Björn Lind', 'Cecilia Ek', 'David Öberg', 'Elin Ström']);
    await page.getByRole('button', { name: 'Viktat snitt', exact: true }).click();
    await expectOrder(page, ['David Öberg', 'Amira Hassan', 'Cecilia Ek', 'Björn Lind', 'Elin Ström']);
    await expect(applications(page).getByRole('columnheader', { name: 'Viktat snitt' }).getAttribute('aria-sort')).resolves.toBe('descending');

    await page.getByLabel('Sök sökande').fill('ceci');
    await page.getByText('En ansökan visas av 5.').waitFor();
    await expectOrder(page, ['Cecilia Ek']);
    await page.getByLabel('Sök sökande').fill('');
    await page.getByRole('switch', { name: 'Bara stark oenighet' }).check();
    await expectOrder(page, ['Björn Lind']);
    await expect(applications(page).getByRole('row', { name: /Björn Lind/ }).textContent()).resolves.toContain('Oenighet');
    await checkPage(app, 'selection-disagreement-desktop-sv');

    // Björn's reviews side by side on the rubric, with the comments; waitlisted with a reason.
    await applications(page).getByRole('link', { name: 'Björn Lind' }).click();
    await heading(page, 'Ansökan från Björn Lind').waitFor();
    const rubric = page.getByRole('region', { name: /Bedömningsmallen/ });
    await rubric.getByRole('columnheader', { name: 'Maja Mitt' }).waitFor();
    await expect(rubric.getByRole('columnheader').allTextContents()).resolves.toEqual(['Kriterium', 'Greta Generös', 'Sten Sträng', 'Maja Mitt']);
    await expect(rubric.getByRole('row', { name: /Social impact/ }).textContent()).resolves.toMatch(/512$/);
    await expect(rubric.getByRole('row', { name: /Viktat/ }).textContent()).resolves.toBe('Viktat4,751,252,25');
    await page.getByText('Otydligt vem som äger behovet.').waitFor();
    await page.getByText('Granskarna är starkt oeniga: läs granskningarna innan du beslutar.').waitFor();
    await expect(page.getByText('Språkcaféer på biblioteket').isVisible()).resolves.toBe(true);
    await checkPage(app, 'application-reviews-desktop-sv');
    await page.getByRole('radio', { name: 'Reservlista' }).check();
    await page.getByLabel('Motivering (valfri)').fill('Bra idé, men ägarskapet behöver klarna.');
    await page.getByRole('button', { name: 'Spara beslutet' }).click();
    await page.getByText('På reservlistan', { exact: true }).waitFor();
    await page.getByText('Bra idé, men ägarskapet behöver klarna.', { exact: true }).waitFor();
    await checkPage(app, 'application-decided-desktop-sv');

    // Back on the scoreboard: two acceptances take the seats; a third acceptance is not offered.
    await page.getByRole('link', { name: /Tillbaka till urvalet/ }).click();
    await heading(page, `Urval: ${cohort.cohortName}`).waitFor();
    await decide(page, 'Amira Hassan', 'Anta');
    await seatsSay(page, '1 av 2 platser tagna, 1 kvar.');
    await decide(page, 'Cecilia Ek', 'Anta', 'Stark och genomförbar.');
    await seatsSay(page, '2 av 2 platser tagna, 0 kvar.');
    await page.getByRole('button', { name: 'Besluta om David Öberg' }).click();
    const dialog = page.getByRole('dialog', { name: 'Beslut om David Öberg' });
    await dialog.getByText('Alla platser är tagna').waitFor();
    await expect(dialog.getByRole('radio', { name: 'Anta' }).isDisabled()).resolves.toBe(true);
    await checkPage(app, 'selection-decision-dialog-desktop-sv');
    await dialog.getByRole('radio', { name: 'Avslå' }).check();
    await dialog.getByRole('button', { name: 'Spara beslutet' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Antagen', exact: true }).click();
    await expectOrder(page, ['Amira Hassan', 'Cecilia Ek']);
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Alla', exact: true }).click();

    // Elin has no reviews yet: Maja is assigned to her from the table.
    await page.getByRole('checkbox', { name: 'Välj Elin Ström' }).check();
    await page.getByText('En ansökan vald.').waitFor();
    await page.getByRole('combobox', { name: 'Granskare' }).click();
    await page.getByRole('option', { name: 'Maja Mitt' }).click();
    await page.getByRole('button', { name: 'Tilldela', exact: true }).click();
    await page.getByText('Maja Mitt är tilldelad en ansökan.').waitFor();
    await checkPage(app, 'selection-decided-desktop-sv');

    // The CSV is the API's, fetched with the token in memory and saved by the browser.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner poänglistan (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^poanglista-\d{4}-\d{2}-\d{2}\.csv$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const lines = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('rank_by_mean,rank_by_normalised,application_id,applicant,state,reviews,weighted_mean,spread,normalised_score,disagreement');
    expect(lines).toHaveLength(6);
    expect(lines.find((line) => line.includes('Björn Lind'))).toMatch(/,waitlisted,3,2\.75,1\.472,-0\.9\d*,true$/);
    expect(lines.find((line) => line.includes('Amira Hassan'))).toContain(',accepted,3,');
    expect(lines.find((line) => line.includes('David Öberg'))).toMatch(/,rejected,1,5,0,0\.8\d*,false$/);

    expect(app.problems).toEqual([]);
    await app.context.close();
  }, JOURNEY_TIMEOUT);

  it('in English on a 360 px phone: the scoreboard and an application fit the screen', async () => {
    const app = await openApp(browser, server, PHONE);
    const { page } = app;
    await page.goto('/login');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel(/^Email address/).fill(cohort.manager.email);
    await page.getByLabel(/^Password/).fill(cohort.manager.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await heading(page, /^Hello /).waitFor();

    await page.goto(`/manage/cohorts/${cohort.cohortId}/applications`);
    await heading(page, `Selection: ${cohort.cohortName}`).waitFor();
    // The seats as the Swedish pass left them, when it ran first.
    await seatsSay(page, /^\d of 2 seats taken, \d left\.$/);
    await page.getByRole('region', { name: 'The reviewers' }).getByText('Lenient', { exact: true }).first().waitFor();
    await page.getByRole('switch', { name: 'Strong disagreement only' }).check();
    await expectOrder(page, ['Björn Lind']);
    // Wide tables scroll inside their region; the page itself does not scroll sideways.
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(PHONE.width);
    await checkPage(app, 'selection-phone-en');

    await applications(page).getByRole('link', { name: 'Björn Lind' }).click();
    await heading(page, 'Application from Björn Lind').waitFor();
    await page.getByText('Weighted', { exact: true }).waitFor();
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(PHONE.width);
    await checkPage(app, 'application-reviews-phone-en');
    expect(app.problems).toEqual([]);
    await app.context.close();
  }, JOURNEY_TIMEOUT);

  it('with 2,000 applications: the scoreboard loads whole, draws one page of rows, and sorts and filters the whole cohort', async () => {
    const large = await largeCohortInReview(server, { applications: 2000 });
    const app = await openApp(browser, server, DESKTOP);
    const { page } = app;
    await logIn(page, large.manager.email, large.manager.password);
    await page.goto(`/manage/cohorts/${large.cohortId}/applications`);
    await page.getByText('2 000 ansökningar visas av 2 000.').waitFor({ timeout: 30_000 });
    await page.getByRole('region', { name: 'Granskarna' }).getByRole('row', { name: /Generös Granskare/ }).getByText('Generös', { exact: true }).waitFor();
    // Only one page of rows is drawn, so sorting and filtering stay quick (timed in npm run bench:web).
    const applications = page.getByRole('table', { name: /^Ansökningar/ });
    expect(await applications.locator('tbody tr').count()).toBeLessThanOrEqual(50);
    const nameHeader = applications.getByRole('columnheader', { name: /^Sökande/ });
    await nameHeader.getByRole('button').click();
    await expect(nameHeader.getAttribute('aria-sort')).resolves.toBe('ascending');
    await page.getByLabel('Sök sökande').fill('Amira');
    await page.getByText('100 ansökningar visas av 2 000.').waitFor();
    await checkPage(app, 'selection-2000-desktop-sv');
    expect(app.problems).toEqual([]);
    await app.context.close();
  }, JOURNEY_TIMEOUT);
});
