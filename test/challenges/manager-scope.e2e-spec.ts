import { createCohort, createDepartment, departmentMember, loginAdmin, programmeWithManager, submittedChallenge, TestServer } from '@samverka/testing';

/** Managers share the review queue, but a challenge in a cohort belongs to that cohort's programme. */
describe('what a programme manager sees of challenges', () => {
  let server: TestServer;
  beforeAll(async () => (server = await TestServer.start()));
  afterAll(() => server.stop());

  it('sees submitted challenges awaiting review, and approved ones only in cohorts of programmes they manage', async () => {
    const admin = await loginAdmin(server);
    const ours = await programmeWithManager(server, admin);
    const theirs = await programmeWithManager(server, admin);
    const cohort = await createCohort(server, ours.manager, ours.programme.id);
    const department = await createDepartment(server, admin);
    const member = await departmentMember(server, admin, department.id);
    const waiting = await submittedChallenge(server, member, department.id, { title: 'Väntar på granskning' });
    const approved = await submittedChallenge(server, member, department.id, { title: 'Godkänd i vår kohort' });
    await server.http.post(`/api/challenges/${approved.id}/review`).set(ours.manager.auth).send({ decision: 'approve', cohortId: cohort.id }).expect(200);

    const theirList = await server.http.get('/api/challenges').set(theirs.manager.auth).expect(200);
    expect(theirList.body.items.map((c: { id: string }) => c.id)).toEqual([waiting.id]);
    await server.http.get(`/api/challenges/${approved.id}`).set(theirs.manager.auth).expect(404);
    await server.http.get(`/api/challenges/${waiting.id}`).set(theirs.manager.auth).expect(200);

    const ourList = await server.http.get('/api/challenges').set(ours.manager.auth).expect(200);
    expect(ourList.body.items.map((c: { id: string }) => c.id).sort()).toEqual([waiting.id, approved.id].sort());
  });
});
