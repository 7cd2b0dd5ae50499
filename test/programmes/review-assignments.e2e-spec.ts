import {
  assignReviewer,
  cohortReviewer,
  loginAdmin,
  openCohort,
  programmeWithManager,
  review,
  submittedApplicant,
  TestServer,
  type Session,
} from '@samverka/testing';

describe('a reviewer’s own assignments (/api/me/review-assignments)', () => {
  let server: TestServer;
  let admin: Session;
  let manager: Session;
  let reviewer: Session;
  let other: Session;
  const applications: Record<string, string> = {};
  const applicants: Record<string, Session> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    let programme;
    ({ programme, manager } = await programmeWithManager(server, admin));
    const spring = await openCohort(server, manager, programme.id, { name: 'Vårens kull' });
    const autumn = await openCohort(server, manager, programme.id, { name: 'Höstens kull' });
    reviewer = await cohortReviewer(server, manager, spring.id, 'Jury Ett');
    await server.http.post(`/api/cohorts/${autumn.id}/reviewers`).set(manager.auth).send({ userId: reviewer.userId }).expect(201);
    other = await cohortReviewer(server, manager, spring.id, 'Jury Två');
    for (const [name, cohortId] of [['Ada', spring.id], ['Bo', spring.id], ['Cilla', autumn.id], ['Doris', autumn.id]] as const) {
      const { entrepreneur, application } = await submittedApplicant(server, cohortId, name);
      applications[name] = application.id;
      applicants[name] = entrepreneur;
      await assignReviewer(server, manager, applications[name], reviewer.userId);
    }
    await assignReviewer(server, manager, applications.Ada, other.userId);
    await review(server, reviewer, applications.Bo, { impact: 4, feasibility: 3 });
    await server.http.post(`/api/applications/${applications.Cilla}/conflicts`).set(reviewer.auth).send({ scope: 'application', reason: 'Min kusin' }).expect(201);
    await server.http.post(`/api/applications/${applications.Doris}/withdraw`).set(applicants.Doris.auth).send({}).expect(200);
  });
  afterAll(() => server.stop());

  const list = (session: Session, query: Record<string, string | number> = {}) => server.http.get('/api/me/review-assignments').query(query).set(session.auth);

  it('lists the applications assigned to the reviewer across cohorts, with names and where they stand', async () => {
    const { body } = await list(reviewer).expect(200);
    expect(body.items.map((item: { applicantName: string; cohortName: string; status: string }) => [item.applicantName, item.cohortName, item.status])).toEqual([
      ['Ada', 'Vårens kull', 'to_review'],
      ['Bo', 'Vårens kull', 'reviewed'],
      ['Cilla', 'Höstens kull', 'conflict_declared'],
      ['Doris', 'Höstens kull', 'closed'],
    ]);
    expect(body.items[1]).toMatchObject({ applicationId: applications.Bo, applicationState: 'submitted', reviewedAt: expect.any(String) });
    expect(body.items[0].reviewedAt).toBeNull();
    expect(body.nextCursor).toBeNull();
  });

  it('filters by status and pages with a cursor', async () => {
    const waiting = (await list(reviewer, { status: 'to_review' }).expect(200)).body.items;
    expect(waiting.map((item: { applicationId: string }) => item.applicationId)).toEqual([applications.Ada]);
    const first = (await list(reviewer, { limit: 3 }).expect(200)).body;
    const second = (await list(reviewer, { limit: 3, cursor: first.nextCursor }).expect(200)).body;
    expect([...first.items, ...second.items].map((item: { applicantName: string }) => item.applicantName)).toEqual(['Ada', 'Bo', 'Cilla', 'Doris']);
    expect(second.nextCursor).toBeNull();
    await list(reviewer, { status: 'everything' }).expect(400);
  });

  it('shows one assignment or declared conflict, and nothing of anyone else’s', async () => {
    const { body } = await server.http.get(`/api/me/review-assignments/${applications.Cilla}`).set(reviewer.auth).expect(200);
    expect(body).toMatchObject({ applicantName: 'Cilla', status: 'conflict_declared' });
    await server.http.get(`/api/me/review-assignments/${applications.Bo}`).set(other.auth).expect(404);
    expect((await list(other).expect(200)).body.items.map((item: { applicantName: string }) => item.applicantName)).toEqual(['Ada']);
  });

  it('is for reviewers only', async () => {
    await list(manager).expect(403);
    await list(admin).expect(403);
    await server.http.get(`/api/me/review-assignments/${applications.Ada}`).set(manager.auth).expect(403);
    await server.http.get('/api/me/review-assignments').expect(401);
  });
});
