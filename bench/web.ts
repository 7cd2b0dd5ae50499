import { addTracks, cohortWithTracks, largeCohortInReview, launchChromium, logIn, TestServer } from '@samverka/testing';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

/**
 * The web app as a person meets it, in Chromium on this machine against the built server on
 * its own embedded PostgreSQL: how much JavaScript the first page loads (gzipped, as a
 * compressing proxy would send it) and how long pages take from navigation until they show
 * their data, read through the real API. Each figure is printed beside its goal.
 */
const RUNS = 7;
const WEB_ROOT = new URL('../web/', import.meta.url).pathname;

interface Row {
  what: string;
  figure: number;
  unit: 'kB' | 'ms';
  goal: number;
}

/** A page to time: seeds its data, says where to go as whom, and when the page shows it all. */
interface PageTiming {
  what: string;
  goalMs: number;
  seed(server: TestServer): Promise<{ email: string; password: string; path: string }>;
  shown(page: Page): Promise<void>;
  /** A re-sort people do on the shown page, timed inside the page from the click to the frame after it took effect. */
  sort?: { what: string; goalMs: number; click: string; done: string };
}

const MATCHES = 100;

/** The entrepreneur's "Mina matchningar" with 100 matches, each named by its challenge's title. */
const entrepreneurMatches: PageTiming = {
  what: `entrepreneur's matches page, ${MATCHES} matches shown`,
  goalMs: 1_000,
  async seed(server) {
    // One real confirmed match through the API, then 99 earlier (declined) ones on copies of its challenge, by SQL.
    const cohort = await cohortWithTracks(server, ['Ada Bench']);
    const [person] = cohort.participants;
    const [{ challenge_id: challengeId }] = (await server.db.query(`SELECT challenge_id FROM matches WHERE participant_id = $1`, [person.userId])).rows;
    const { rows: columns } = await server.db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'challenges' AND is_generated = 'NEVER' AND column_name NOT IN ('id', 'title')`);
    const copied = columns.map((column: { column_name: string }) => column.column_name).join(', ');
    await server.db.query(
      `WITH copies AS (
         INSERT INTO challenges (id, title, ${copied})
         SELECT gen_random_uuid(), 'Utmaning ' || i, ${copied} FROM challenges, generate_series(1, ${MATCHES - 1}) AS i WHERE id = $1
         RETURNING id)
       INSERT INTO matches (run_id, cohort_id, challenge_id, department_id, participant_id, score, reason, state, participant_response, created_at)
       SELECT m.run_id, m.cohort_id, copies.id, m.department_id, m.participant_id, 0.5, m.reason, 'declined', 'decline', m.created_at - interval '1 day'
       FROM copies, matches m WHERE m.participant_id = $2`,
      [challengeId, person.userId],
    );
    return { email: person.email, password: person.password, path: '/matches' };
  },
  async shown(page) {
    await page.getByRole('article').nth(MATCHES - 1).waitFor();
  },
};

const APPLICATIONS = 2_000;

/** The manager's scoreboard of a cohort with 2,000 reviewed applications, then sorted by name. */
const scoreboard: PageTiming = {
  what: `manager's scoreboard, ${APPLICATIONS.toLocaleString('en')} applications`,
  goalMs: 1_000,
  async seed(server) {
    const cohort = await largeCohortInReview(server, { applications: APPLICATIONS });
    return { email: cohort.manager.email, password: cohort.manager.password, path: `/manage/cohorts/${cohort.cohortId}/applications` };
  },
  async shown(page) {
    await page.getByText(`${APPLICATIONS.toLocaleString('sv-SE')} ansökningar visas av ${APPLICATIONS.toLocaleString('sv-SE')}.`).waitFor();
  },
  sort: {
    what: `manager's scoreboard, ${APPLICATIONS.toLocaleString('en')} applications, sorted by name`,
    goalMs: 1_000,
    click: `[...document.querySelectorAll('th')].find((th) => th.textContent.startsWith('Sökande')).querySelector('button')`,
    done: `[...document.querySelectorAll('th')].find((th) => th.textContent.startsWith('Sökande')).getAttribute('aria-sort') === 'ascending'`,
  },
};

const TRACKS = 300;
/** True once the matched column's cards are in Swedish name order. */
const MATCHED_BY_NAME = `[...document.querySelectorAll('[aria-labelledby="column-matched"] li a')].map((card) => card.textContent).every((name, i, names) => i === 0 || names[i - 1].localeCompare(name, 'sv') <= 0)`;

/** The manager's tracks board of a cohort with 300 tracks in every stage, then sorted by name. */
const tracksBoard: PageTiming = {
  what: `manager's tracks board, ${TRACKS} tracks`,
  goalMs: 1_000,
  async seed(server) {
    const cohort = await cohortWithTracks(server, ['Ada Bench']);
    await addTracks(server, cohort, TRACKS - 1);
    return { email: cohort.manager.email, password: cohort.manager.password, path: `/manage/cohorts/${cohort.cohortId}/tracks` };
  },
  async shown(page) {
    await page.locator('[aria-label^="Öppna spåret för"]').nth(TRACKS - 1).waitFor();
  },
  sort: {
    what: `manager's tracks board, ${TRACKS} tracks, sorted by name`,
    goalMs: 1_000,
    click: `document.querySelector('input[type="radio"][value="name"]')`,
    done: MATCHED_BY_NAME,
  },
};

/** The page timings, one row each (two with a sort): add a PageTiming here for another page. */
const PAGE_TIMINGS: PageTiming[] = [entrepreneurMatches, scoreboard, tracksBoard];

const gzippedKb = (assets: Set<string>): number => [...assets].reduce((sum, asset) => sum + gzipSync(readFileSync(`${WEB_ROOT}${asset}`)).length, 0) / 1000;

/**
 * The JavaScript the first page loads before it shows: the entry script and the chunks
 * index.html preloads with it. The login and home pages are in them; every other page is
 * fetched when first visited, or in the background once the first page is up.
 */
function firstPageJs(): Row[] {
  const html = readFileSync(`${WEB_ROOT}index.html`, 'utf8');
  const scripts = new Set([...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map(([, path]) => path));
  return [{ what: `JavaScript of the first page (login, home), ${scripts.size} files, gzipped`, figure: gzippedKb(scripts), unit: 'kB', goal: 250 }];
}

const median = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

/** Milliseconds from clicking an element to the frame after `done` holds, on the browser's own clock. */
const timedInPage = (page: Page, click: string, done: string): Promise<number> =>
  page.evaluate(`new Promise((resolve) => {
    const start = performance.now();
    (${click}).click();
    const check = () => (${done}) ? requestAnimationFrame(() => resolve(performance.now() - start)) : requestAnimationFrame(check);
    check();
  })`);

/** The median over RUNS fresh navigations (a page load, as from a bookmark) after one warm-up, and of the sort after each. */
async function timePage(browser: Browser, server: TestServer, timing: PageTiming): Promise<Row[]> {
  const { email, password, path } = await timing.seed(server);
  const context = await browser.newContext({ baseURL: server.url, locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await logIn(page, email, password);
  const times: number[] = [];
  const sorts: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const start = performance.now();
    await page.goto(path);
    await timing.shown(page);
    if (run === 0) continue;
    times.push(performance.now() - start);
    if (timing.sort) sorts.push(await timedInPage(page, timing.sort.click, timing.sort.done));
  }
  await context.close();
  const rows: Row[] = [{ what: `${timing.what}, median of ${RUNS}`, figure: median(times), unit: 'ms', goal: timing.goalMs }];
  if (timing.sort) rows.push({ what: `${timing.sort.what}, median of ${RUNS}`, figure: median(sorts), unit: 'ms', goal: timing.sort.goalMs });
  return rows;
}

function print(rows: Row[]): void {
  const width = Math.max(...rows.map((row) => row.what.length));
  console.log(`\n${'what'.padEnd(width)}  ${'figure'.padStart(10)}  ${'goal'.padStart(10)}`);
  for (const row of rows) {
    const figure = `${row.figure.toFixed(row.unit === 'kB' ? 1 : 0)} ${row.unit}`;
    console.log(`${row.what.padEnd(width)}  ${figure.padStart(10)}  ${`${row.goal} ${row.unit}`.padStart(10)}  ${row.figure <= row.goal ? 'met' : 'MISSED'}`);
  }
}

const server = await TestServer.start({ embedded: true });
const browser = await launchChromium();
try {
  const rows = firstPageJs();
  for (const timing of PAGE_TIMINGS) rows.push(...(await timePage(browser, server, timing)));
  print(rows);
} finally {
  await browser.close();
  await server.stop();
}
