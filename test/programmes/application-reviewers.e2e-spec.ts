import {
  assignReviewer,
  cohortReviewer,
  createDepartment,
  departmentMember,
  loginAdmin,
  openCohort,
  programmeWithManager,
  review,
  submittedApplicant,
  TestServer,
  type Session,
} from '@samverka/testing';

describe('an application’s assigned reviewers (/api/applications/{id}/reviewers)', () => {
  let server: TestServer;
  let admin: Session;
  let manager: Session;
  let otherManager: Session;
  let applicant: Session;
  let applicationId: string;
  let jurors: Record<'Ada' | 'Bo' | 'Cilla', Session>;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    let programme;
    ({ programme, manager } = await programmeWithManager(server, admin));
    ({ manager: otherManager } = await programmeWithManager(server, admin));
    const cohort = await openCohort(server, manager, programme.id);
    ({ entrepreneur: applicant, application: { id: applicationId } } = await submittedApplicant(server, cohort.id, 'Sökande Saga'));
    jurors = {
      Ada: await cohortReviewer(server, manager, cohort.id, 'Ada Jury'),
      Bo: await cohortReviewer(server, manager, cohort.id, 'Bo Jury'),
      Cilla: await cohortReviewer(server, manager, cohort.id, 'Cilla Jury'),
    };
    for (const juror of Object.values(jurors)) await assignReviewer(server, manager, applicationId, juror.userId);
    await review(server, jurors.Ada, applicationId, { impact: 5, feasibility: 2 }, 'Stark idé');
    // Cilla's conflict takes her assignment away, so she is not listed.
    await server.http.post(`/api/applications/${applicationId}/conflicts`).set(jurors.Cilla.auth).send({ scope: 'application', reason: 'Min granne' }).expect(201);
  });
  afterAll(() => server.stop());

  const list = (session: Session, query: Record<string, string | number> = {}) => server.http.get(`/api/applications/${applicationId}/reviewers`).query(query).set(session.auth);

  it('shows the cohort’s manager who reviews the application and whose review is in, without the scores', async () => {
    const { body } = await list(manager).expect(200);
    expect(body.items).toEqual([
      { reviewerId: jurors.Ada.userId, reviewerName: 'Ada Jury', assignedAt: expect.any(String), reviewed: true, reviewedAt: expect.any(String) },
      { reviewerId: jurors.Bo.userId, reviewerName: 'Bo Jury', assignedAt: expect.any(String), reviewed: false, reviewedAt: null },
    ]);
    expect(body.nextCursor).toBeNull();
    expect((await list(admin).expect(200)).body.items).toHaveLength(2);
  });

  it('pages in the order the reviewers were assigned', async () => {
    const first = (await list(manager, { limit: 1 }).expect(200)).body;
    expect(first.items.map((item: { reviewerName: string }) => item.reviewerName)).toEqual(['Ada Jury']);
    const second = (await list(manager, { limit: 1, cursor: first.nextCursor }).expect(200)).body;
    expect(second.items.map((item: { reviewerName: string }) => item.reviewerName)).toEqual(['Bo Jury']);
  });

  it('is for the cohort’s managers only: another programme’s manager gets 404, reviewers, applicants and department members 403', async () => {
    await list(otherManager).expect(404);
    const member = await departmentMember(server, admin, (await createDepartment(server, admin)).id);
    for (const outsider of [jurors.Ada, jurors.Bo, applicant, member]) await list(outsider).expect(403);
    await server.http.get(`/api/applications/${applicationId}/reviewers`).expect(401);
  });
});
