import { cohortReadyForMatching, completeChallengeContent, expectStatus, submittedChallenge, TestServer, type MatchingCohort, type Session } from '@samverka/testing';
import type { Browser, Page } from 'playwright-core';
import { checkPage, connectBrowser, DESKTOP, logIn, openApp, PHONE, type AppPage } from './support/browser.js';

/** The review and a whole matching round in a browser: a couple of minutes on a busy two-core machine. */
const TIMEOUT = 180_000;
const RESUBMITTED = 'Fler unga i föreningslivet';
const FIRST_PROBLEM = 'Unga i Drottninghög deltar sällan i föreningar.';
const SECOND_PROBLEM = 'Unga i Drottninghög deltar sällan i föreningar, och föreningarna når inte dem som flyttat hit nyss.';
const CHANGES = 'Beskriv vilka unga föreningarna inte når i dag.';
const LONELINESS = 'Ensamhet bland äldre i Dalhem';
const HOMEWORK = 'Läxhjälp på biblioteket';
const NEWCOMERS = 'Mötesplatser för nyanlända';

describe('a programme manager reviews a resubmitted challenge and matches a cohort', () => {
  let server: TestServer;
  let browser: Browser;
  let cohort: MatchingCohort;
  let cohortName = '';

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortReadyForMatching(server, {
      participants: [
        {
          displayName: 'Amina Yusuf',
          competences: ['tjänstedesign'],
          themes: ['ensamhet'],
        },
        {
          displayName: 'Ben Carter',
          competences: ['pedagogik'],
          themes: ['skola'],
        },
        {
          displayName: 'Cecilia Lund',
          competences: ['tjänstedesign'],
          themes: ['inkludering'],
        },
      ],
      challenges: [
        {
          title: LONELINESS,
          competences: ['tjänstedesign'],
          themes: ['ensamhet'],
        },
        { title: HOMEWORK, competences: ['pedagogik'], themes: ['skola'] },
        { title: NEWCOMERS, competences: ['tjänstedesign'], themes: ['ensamhet'], hoursPerWeek: 20 },
      ],
    });
    const { manager, member, departmentId, cohortId } = cohort;
    cohortName = (await expectStatus<{ name: string }>(await server.http.get(`/api/cohorts/${cohortId}`).set(manager.auth), 200, 'read cohort')).name;

    // A challenge sent back for changes and submitted again with a sharper problem statement.
    const challenge = await submittedChallenge(server, member, departmentId, {
      title: RESUBMITTED,
      problemStatement: FIRST_PROBLEM,
    });
    await expectStatus(await server.http.post(`/api/challenges/${challenge.id}/review`).set(manager.auth).send({ decision: 'request_changes', comment: CHANGES }), 200, 'request changes');
    const etag = (await server.http.get(`/api/challenges/${challenge.id}`).set(member.auth)).headers.etag;
    await expectStatus(
      await server.http
        .put(`/api/challenges/${challenge.id}`)
        .set(member.auth)
        .set('If-Match', etag)
        .send(
          completeChallengeContent({
            title: RESUBMITTED,
            problemStatement: SECOND_PROBLEM,
          }),
        ),
      200,
      'revise challenge',
    );
    await expectStatus(await server.http.post(`/api/challenges/${challenge.id}/submit`).set(member.auth), 200, 'resubmit challenge');
    browser = await connectBrowser();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  /** Checked with axe and photographed on a desktop and at 360 px. */
  async function checkBoth(app: AppPage, name: string): Promise<void> {
    await checkPage(app, `${name}-desktop`);
    await app.page.setViewportSize(PHONE);
    await checkPage(app, `${name}-phone`);
    await app.page.setViewportSize(DESKTOP);
  }

  /** The manager's own matches list, answered by a side of the proposal through the API. */
  async function answer(side: Session, participantId: string, response: 'accept' | 'decline'): Promise<void> {
    const matches = await expectStatus<{
      items: { id: string; participantId: string; state: string }[];
    }>(await server.http.get(`/api/matches?cohortId=${cohort.cohortId}&state=proposed`).set(side.auth), 200, 'list proposals');
    const match = matches.items.find((item) => item.participantId === participantId);
    await expectStatus(await server.http.post(`/api/matches/${match?.id}/respond`).set(side.auth).send({ response }), 200, `answer ${response}`);
  }

  it(
    'in Swedish: the review with the revision difference, two runs compared, pairs forbidden and pinned, publishing and the answers',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      try {
        await logIn(page, cohort.manager.email, cohort.manager.password);

        // The queue, and the challenge with what changed since the request for changes.
        await page.getByRole('navigation').getByRole('link', { name: 'Utmaningar att granska' }).first().click();
        await heading(page, 'Utmaningar att granska').waitFor();
        await page.getByRole('link', { name: RESUBMITTED }).waitFor();
        await checkBoth(app, 'manager-challenge-queue');
        await page.getByRole('link', { name: RESUBMITTED }).click();
        await heading(page, RESUBMITTED).waitFor();
        await page.getByText(CHANGES).waitFor();
        const revisions = page.getByRole('table');
        await revisions.getByRole('rowheader', { name: 'Problembeskrivning' }).waitFor();
        await revisions.getByRole('cell', { name: FIRST_PROBLEM, exact: true }).waitFor();
        await revisions.getByRole('cell', { name: SECOND_PROBLEM, exact: true }).waitFor();
        await checkBoth(app, 'manager-challenge-review');

        // Asking for changes needs a comment; approving needs a cohort.
        await page.getByRole('radio', { name: 'Begär ändringar' }).check();
        await page.getByRole('button', { name: 'Skicka beslutet' }).click();
        await page.getByText('Fyll i det här.').waitFor();
        await page.getByRole('radio', { name: 'Godkänn och koppla till en omgång' }).check();
        await page.getByRole('combobox', { name: /^Omgång/ }).click();
        await page.getByRole('option', { name: cohortName }).click();
        await page.getByRole('button', { name: 'Skicka beslutet' }).click();
        await page.getByText(`Utmaningen är godkänd och kopplad till ${cohortName}.`).waitFor();
        await page.getByText('Godkänd', { exact: true }).first().waitFor();
        await checkPage(app, 'manager-challenge-approved-desktop');

        // Matching: an optimal and a stable run, side by side.
        await page.goto(`/manage/cohorts/${cohort.cohortId}/matching`);
        await heading(page, 'Matchning').waitFor();
        await page.getByText('Inga körningar ännu. Starta en ovan.').waitFor();
        await page.getByText('Inga förslag är publicerade ännu.').waitFor();
        await checkPage(app, 'manager-matching-empty-desktop');
        await page.getByRole('button', { name: 'Kör optimal matchning' }).click();
        await page.getByText('Körningen är klar.').waitFor();
        await page.getByText('Gör två körningar för att jämföra dem.').waitFor();
        await page.getByRole('button', { name: 'Kör stabil matchning' }).click();
        const runs = page.getByRole('table', {
          name: 'Omgångens körningar, nyaste först',
        });
        await runs.getByRole('rowheader', { name: /^Stabil, / }).waitFor();
        await runs.getByRole('rowheader', { name: /^Optimal, / }).waitFor();
        const sideBySide = page.getByRole('table', {
          name: 'Körning A och B sida vid sida',
        });
        await sideBySide.getByRole('rowheader', { name: 'Blockerande par' }).waitFor();
        await sideBySide.getByRole('rowheader', { name: 'Sammanlagd poäng' }).waitFor();
        const proposals = page.getByRole('table', {
          name: 'Föreslagna par med poäng och skäl',
        });
        await proposals.getByRole('rowheader', { name: 'Amina Yusuf' }).waitFor();
        await proposals
          .getByText(/samma kommun/)
          .first()
          .waitFor();
        await checkBoth(app, 'manager-matching-runs');

        // Amina and the loneliness challenge are forbidden; the new run places her elsewhere.
        const aminaRow = proposals.getByRole('row', { name: /Amina Yusuf/ });
        await expect(aminaRow.getByRole('cell', { name: LONELINESS, exact: true }).count()).resolves.toBe(1);
        await page
          .getByRole('button', {
            name: `Förbjud paret Amina Yusuf och ${LONELINESS} och kör om`,
          })
          .click();
        await page.getByText('En ny körning med ändringen är klar och visas nu.').waitFor();
        await page.getByText(`Förbjudet: Amina Yusuf – ${LONELINESS}`).waitFor();
        const moved = page.getByRole('table', {
          name: 'Var deltagarna hamnar i körning A och B',
        });
        await moved.getByRole('rowheader', { name: 'Amina Yusuf' }).waitFor();
        await moved
          .getByRole('row', { name: /Amina Yusuf/ })
          .getByRole('cell', { name: NEWCOMERS, exact: true })
          .waitFor();
        await expect(
          proposals
            .getByRole('row', { name: /Amina Yusuf/ })
            .getByRole('cell', { name: LONELINESS, exact: true })
            .count(),
        ).resolves.toBe(0);

        // Ben and the homework help are pinned: the run after keeps them together, and Amina's pair stays forbidden.
        await page.getByRole('button', { name: `Lås paret Ben Carter och ${HOMEWORK} och kör om` }).click();
        await page.getByText(`Låst: Ben Carter – ${HOMEWORK}`).waitFor();
        await proposals
          .getByRole('row', { name: /Ben Carter/ })
          .getByText('Låst', { exact: true })
          .waitFor();
        await page.getByText(`Förbjudet: Amina Yusuf – ${LONELINESS}`).waitFor();
        await page.getByText('Båda körningarna placerar alla deltagare likadant.').waitFor();
        await page.getByRole('button', { name: 'Upprepa körningen som kontroll' }).click();
        await page.getByText('Samma indata gav exakt samma resultat igen.').waitFor();
        await checkPage(app, 'manager-matching-pinned-desktop');

        // Published with an answer date; the proposals wait for answers.
        await page.getByRole('button', { name: 'Publicera körningen' }).click();
        const dialog = page.getByRole('dialog');
        const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
        await dialog.getByLabel(/^Svar senast/).fill(inAWeek);
        await checkPage(app, 'manager-matching-publish-desktop');
        await dialog.getByRole('button', { name: 'Ja, publicera' }).click();
        await page.getByText('Körningen är publicerad: 3 förslag har skickats.').waitFor();
        const answers = page.getByRole('table', {
          name: 'Förslagen och svaren från båda sidor',
        });
        await answers.getByRole('rowheader', { name: 'Ben Carter' }).waitFor();
        await expect(answers.getByRole('cell', { name: 'Väntar' }).count()).resolves.toBe(3);

        // Amina and her department say yes, Ben says no, Cecilia has not answered.
        const [amina, ben] = cohort.participants;
        await answer(amina, amina.userId, 'accept');
        await answer(cohort.member, amina.userId, 'accept');
        await answer(ben, ben.userId, 'decline');
        await page.reload();
        await heading(page, 'Matchning').waitFor();
        await answers
          .getByRole('row', { name: /Amina Yusuf/ })
          .getByRole('cell', { name: 'Accepterad' })
          .waitFor();
        await answers
          .getByRole('row', { name: /Ben Carter/ })
          .getByRole('cell', { name: 'Avböjd' })
          .waitFor();
        await answers
          .getByRole('row', { name: /Cecilia Lund/ })
          .getByRole('cell', { name: 'Inte svarat' })
          .first()
          .waitFor();
        const counts = page.getByRole('definition');
        await expect(counts.allInnerTexts()).resolves.toEqual(['1', '1', '1', '0']);
        await page
          .getByRole('button', {
            name: 'Låt försenade förslag förfalla',
          })
          .click();
        await page.getByText('Inga förslag hade passerat sista svarsdagen.').waitFor();
        await checkBoth(app, 'manager-matching-answers');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'in English: the runs with their reasons and the answers',
    async () => {
      const app = await openApp(browser, server, DESKTOP);
      const { page } = app;
      try {
        await logIn(page, cohort.manager.email, cohort.manager.password);
        await page.getByRole('button', { name: 'English' }).click();
        await page.goto(`/manage/cohorts/${cohort.cohortId}/matching`);
        await heading(page, 'Matching').waitFor();
        await page.getByRole('table', { name: 'Runs A and B side by side' }).waitFor();
        const proposals = page.getByRole('table', {
          name: 'Proposed pairs with score and reasons',
        });
        await proposals
          .getByText(/same municipality/)
          .first()
          .waitFor();
        await page.getByText(`Forbidden: Amina Yusuf – ${LONELINESS}`).waitFor();
        await page.getByRole('table', { name: 'The proposals and both sides’ answers' }).getByRole('cell', { name: 'Declined' }).waitFor();
        await checkBoth(app, 'manager-matching-en');
        expect(app.problems).toEqual([]);
      } finally {
        await app.context.close();
      }
    },
    TIMEOUT,
  );
});
