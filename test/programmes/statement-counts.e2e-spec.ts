import { randomUUID } from 'node:crypto';
import { expectStatus, invitePerson, loginAdmin, moveCohort, openCohort, programmeWithManager, submittedApplicant, TestServer, type Session } from '@samverka/testing';

/**
 * Lists that show people's names read the names of a whole page in one query. At
 * LOG_LEVEL=trace the server logs each SQL statement with the id of the request that sent it;
 * a list sends as many statements for a long page as for a short one.
 */
describe('statements per list request', () => {
  let server: TestServer;
  let manager: Session;
  let cohortId: string;

  /** The SQL statements one request to `path` sent, counted from the server's trace log. */
  async function statementsOfOne(path: string): Promise<number> {
    const requestId = `count-${randomUUID()}`;
    await server.http.get(path).set(manager.auth).set('X-Request-Id', requestId).expect(200);
    // The request's own log line is written once it has answered, after all its statements.
    await server.waitForLog(`"id":"${requestId}"`);
    return server.logs.split('\n').filter((line) => line.includes(`"requestId":"${requestId}"`) && line.includes('"msg":"sql"')).length;
  }

  /**
   * The fewest of three: a request that happens to open a pool connection sends its set-up too,
   * which has nothing to do with the page, while a per-row lookup shows in every request.
   */
  async function statementsOf(path: string): Promise<number> {
    const counts = [await statementsOfOne(path), await statementsOfOne(path), await statementsOfOne(path)];
    return Math.min(...counts);
  }

  beforeAll(async () => {
    server = await TestServer.start({ env: { LOG_LEVEL: 'trace' } });
    const admin = await loginAdmin(server);
    const managed = await programmeWithManager(server, admin);
    manager = managed.manager;
    cohortId = (await openCohort(server, manager, managed.programme.id, { seats: 10 })).id;
  });
  afterAll(() => server.stop());

  it('the scoreboard: as many statements for six applicants and three reviewers as for one of each', async () => {
    await submittedApplicant(server, cohortId, 'Sökande Ett');
    await invitePerson(server, manager, 'reviewer', { cohortId }, 'Granskare Ett');
    const few = await statementsOf(`/api/cohorts/${cohortId}/scoreboard`);
    expect(few).toBeGreaterThan(0);

    for (const name of ['Två', 'Tre', 'Fyra', 'Fem', 'Sex']) await submittedApplicant(server, cohortId, `Sökande ${name}`);
    for (const name of ['Två', 'Tre']) await invitePerson(server, manager, 'reviewer', { cohortId }, `Granskare ${name}`);
    expect(await statementsOf(`/api/cohorts/${cohortId}/scoreboard`)).toBe(few);
  });

  it('reviewers and participants: a page of five costs what a page of one does', async () => {
    expect(await statementsOf(`/api/cohorts/${cohortId}/reviewers?limit=3`)).toBe(await statementsOf(`/api/cohorts/${cohortId}/reviewers?limit=1`));

    await moveCohort(server, manager, cohortId, 'selecting');
    const applications = await server.http.get(`/api/cohorts/${cohortId}/applications?limit=6`).set(manager.auth).expect(200);
    for (const application of applications.body.items as { id: string }[]) {
      await expectStatus(await server.http.post(`/api/applications/${application.id}/decision`).set(manager.auth).send({ decision: 'accept' }), 200, 'accept applicant');
    }
    const page = await server.http.get(`/api/cohorts/${cohortId}/participants?limit=5`).set(manager.auth).expect(200);
    expect(page.body.items).toHaveLength(5);
    expect(page.body.items.every((item: { displayName: string }) => item.displayName.startsWith('Sökande'))).toBe(true);
    expect(await statementsOf(`/api/cohorts/${cohortId}/participants?limit=5`)).toBe(await statementsOf(`/api/cohorts/${cohortId}/participants?limit=1`));
  });
});
