import {
  completeChallengeContent,
  createCohort,
  createDepartment,
  departmentMember,
  draftChallenge,
  loginAdmin,
  moveCohort,
  openCohort,
  programmeWithManager,
  registerEntrepreneur,
  submittedApplicant,
  submittedChallenge,
  TestServer,
  type Session,
} from '@samverka/testing';

describe('challenge review, revisions and approval into a cohort', () => {
  let server: TestServer;
  let admin: Session;
  let member: Session;
  let departmentId: string;
  let manager: Session;
  let programmeId: string;
  let planningCohortId: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    departmentId = (await createDepartment(server, admin, { name: 'Skol- och fritidsförvaltningen' })).id;
    member = await departmentMember(server, admin, departmentId, 'Sara Lind');
    const managed = await programmeWithManager(server, admin);
    manager = managed.manager;
    programmeId = managed.programme.id;
    planningCohortId = (await createCohort(server, manager, programmeId)).id;
  });
  afterAll(() => server.stop());

  const review = (id: string, body: Record<string, unknown>, as: Session = manager) => server.http.post(`/api/challenges/${id}/review`).set(as.auth).send(body);

  it('a department drafts a challenge, the manager asks for changes, the department revises and resubmits, and the manager approves it into a cohort', async () => {
    // The department drafts a challenge whose uptake is still open, and submits it.
    const draft = await draftChallenge(server, member, departmentId, {
      title: 'Fler unga i föreningslivet',
      routeToAdoption: { needOwner: { name: 'Eva Ek', role: 'Enhetschef fritid' }, uptake: 'none_yet', uptakeNote: 'Vi söker medel.', adoptedMeans: 'Tre fritidsgårdar arbetar så.' },
    });
    await server.http.post(`/api/challenges/${draft.id}/submit`).set(member.auth).expect(200);

    // It waits in the manager's review queue.
    const queue = await server.http.get('/api/challenges?sort=review_queue').set(manager.auth).expect(200);
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(draft.id);

    // The manager asks for a budget line before approving.
    const asked = await review(draft.id, { decision: 'request_changes', comment: 'Namnge en budget för driften.' }).expect(200);
    expect(asked.body.state).toBe('changes_requested');

    // The department revises the route to adoption and resubmits.
    const current = await server.http.get(`/api/challenges/${draft.id}`).set(member.auth).expect(200);
    await server.http
      .put(`/api/challenges/${draft.id}`)
      .set(member.auth)
      .set('If-Match', current.headers.etag)
      .send(
        completeChallengeContent({
          title: 'Fler unga i föreningslivet',
          routeToAdoption: { needOwner: { name: 'Eva Ek', role: 'Enhetschef fritid' }, uptake: 'operations_budget', uptakeNote: 'Fritidens driftbudget 2027.', adoptedMeans: 'Tre fritidsgårdar arbetar så.' },
        }),
      )
      .expect(200);
    await server.http.post(`/api/challenges/${draft.id}/submit`).set(member.auth).expect(200);

    // The revisions show what changed, field by field, and the comment that asked for it.
    const revisions = await server.http.get(`/api/challenges/${draft.id}/revisions`).set(manager.auth).expect(200);
    expect(revisions.body.items.map((r: { number: number }) => r.number)).toEqual([1, 2]);
    const second = revisions.body.items[1];
    expect(second.requestedBy).toMatchObject({ revisionNumber: 1, decision: 'request_changes', comment: 'Namnge en budget för driften.' });
    expect(second.changes).toEqual(
      expect.arrayContaining([
        { field: 'routeToAdoption.uptake', before: 'none_yet', after: 'operations_budget' },
        { field: 'routeToAdoption.uptakeNote', before: 'Vi söker medel.', after: 'Fritidens driftbudget 2027.' },
      ]),
    );
    const compared = await server.http.get(`/api/challenges/${draft.id}/revisions/compare?from=1&to=2`).set(member.auth).expect(200);
    expect(compared.body.changes).toEqual(second.changes);
    expect(compared.body.reviews.map((r: { comment: string }) => r.comment)).toEqual(['Namnge en budget för driften.']);

    // The manager approves it into a cohort that is still planning.
    const approved = await review(draft.id, { decision: 'approve', comment: 'Bra!', cohortId: planningCohortId }).expect(200);
    expect(approved.body).toMatchObject({ state: 'approved', cohortId: planningCohortId });
    const afterApproval = await server.http.get(`/api/challenges/${draft.id}/revisions`).set(member.auth).expect(200);
    expect(afterApproval.body.items[1].review).toMatchObject({ decision: 'approve', cohortId: planningCohortId });

    // Every step is in the audit trail.
    const audit = await server.db.query(`SELECT action, from_state, to_state FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, action`, [draft.id]);
    expect(audit.rows.filter((r) => r.from_state || r.to_state).map((r) => `${r.from_state ?? ''}→${r.to_state}`)).toEqual([
      '→draft',
      'draft→submitted',
      'submitted→changes_requested',
      'changes_requested→submitted',
      'submitted→approved',
    ]);
  });

  describe('review rules', () => {
    it('request_changes and reject need a comment; approve needs a cohort', async () => {
      const challenge = await submittedChallenge(server, member, departmentId);
      expect((await review(challenge.id, { decision: 'request_changes' }).expect(400)).body.errors[0].field).toBe('comment');
      expect((await review(challenge.id, { decision: 'reject', comment: '  ' }).expect(400)).body.errors[0].field).toBe('comment');
      expect((await review(challenge.id, { decision: 'approve' }).expect(400)).body.errors[0].field).toBe('cohortId');
      expect((await review(challenge.id, { decision: 'maybe', comment: 'x' }).expect(400)).body.errors[0].field).toBe('decision');
    });

    it('approval needs a cohort in planning, open or selecting (anything else 409)', async () => {
      const running = await createCohort(server, manager, programmeId);
      for (const to of ['open', 'selecting', 'running']) await moveCohort(server, manager, running.id, to);
      const challenge = await submittedChallenge(server, member, departmentId);
      const refused = await review(challenge.id, { decision: 'approve', cohortId: running.id }).expect(409);
      expect(refused.body).toMatchObject({ code: 'cohort_not_taking_challenges', cohortState: 'running' });
      const unchanged = await server.http.get(`/api/challenges/${challenge.id}`).set(member.auth).expect(200);
      expect(unchanged.body).toMatchObject({ state: 'submitted', cohortId: null });
      const audit = await server.db.query(`SELECT count(*) FROM audit_events WHERE entity_id = $1 AND action = 'challenge.reviewed'`, [challenge.id]);
      const reviews = await server.db.query(`SELECT count(*) FROM challenge_reviews WHERE challenge_id = $1`, [challenge.id]);
      expect([audit.rows[0].count, reviews.rows[0].count]).toEqual(['0', '0']);
    });

    it("is for managers of the cohort's programme: another programme's cohort or an unknown one is 404", async () => {
      const other = await programmeWithManager(server, admin);
      const otherCohort = await createCohort(server, other.manager, other.programme.id);
      const challenge = await submittedChallenge(server, member, departmentId);
      await review(challenge.id, { decision: 'approve', cohortId: otherCohort.id }).expect(404);
      await review(challenge.id, { decision: 'approve', cohortId: '00000000-0000-4000-8000-000000000000' }).expect(404);
      await review(challenge.id, { decision: 'approve', cohortId: otherCohort.id }, other.manager).expect(200);
    });

    it('is refused for department members and admins (403), and for drafts (404: managers never see them)', async () => {
      const draft = await draftChallenge(server, member, departmentId);
      await review(draft.id, { decision: 'reject', comment: 'Nej' }, member).expect(403);
      await review(draft.id, { decision: 'reject', comment: 'Nej' }, admin).expect(403);
      await review(draft.id, { decision: 'reject', comment: 'Nej' }).expect(404);
    });

    it('a rejected challenge is final: no edits, no resubmission, no second review', async () => {
      const challenge = await submittedChallenge(server, member, departmentId);
      const rejected = await review(challenge.id, { decision: 'reject', comment: 'Ligger utanför programmet.' }).expect(200);
      expect(rejected.body.state).toBe('rejected');
      await server.http.put(`/api/challenges/${challenge.id}`).set(member.auth).set('If-Match', `"${rejected.body.version}"`).send(completeChallengeContent()).expect(409);
      await server.http.post(`/api/challenges/${challenge.id}/submit`).set(member.auth).expect(409);
      const again = await review(challenge.id, { decision: 'approve', cohortId: planningCohortId }).expect(409);
      expect(again.body).toMatchObject({ code: 'invalid_transition', from: 'rejected', allowed: [] });
    });

    it('the review queue holds submitted challenges only, oldest submission first', async () => {
      const queueDepartment = (await createDepartment(server, admin)).id;
      const queueMember = await departmentMember(server, admin, queueDepartment);
      const first = await submittedChallenge(server, queueMember, queueDepartment, { title: 'Först' });
      const second = await submittedChallenge(server, queueMember, queueDepartment, { title: 'Sedan' });
      await draftChallenge(server, queueMember, queueDepartment, { title: 'Utkast' });
      const queue = await server.http.get(`/api/challenges?sort=review_queue&departmentId=${queueDepartment}`).set(manager.auth).expect(200);
      expect(queue.body.items.map((c: { id: string }) => c.id)).toEqual([first.id, second.id]);
      const page = await server.http.get(`/api/challenges?sort=review_queue&departmentId=${queueDepartment}&limit=1`).set(manager.auth).expect(200);
      const next = await server.http.get(`/api/challenges?sort=review_queue&departmentId=${queueDepartment}&limit=1&cursor=${page.body.nextCursor}`).set(manager.auth).expect(200);
      expect([...page.body.items, ...next.body.items].map((c: { id: string }) => c.id)).toEqual([first.id, second.id]);
    });

    it('revisions of an unknown number are 404; compare needs both numbers', async () => {
      const challenge = await submittedChallenge(server, member, departmentId);
      await server.http.get(`/api/challenges/${challenge.id}/revisions/compare?from=1&to=7`).set(member.auth).expect(404);
      const missing = await server.http.get(`/api/challenges/${challenge.id}/revisions/compare?from=1`).set(member.auth).expect(400);
      expect(missing.body.errors[0].field).toBe('to');
    });
  });

  describe('entrepreneurs', () => {
    it('see approved challenges of cohorts they applied to, without the need owner’s contact details', async () => {
      const cohort = await openCohort(server, manager, programmeId);
      const challenge = await submittedChallenge(server, member, departmentId, { title: 'Synlig för sökande' });
      await review(challenge.id, { decision: 'approve', cohortId: cohort.id }).expect(200);
      const stillSubmitted = await submittedChallenge(server, member, departmentId, { title: 'Ännu inte godkänd' });

      const { entrepreneur } = await submittedApplicant(server, cohort.id);
      const list = await server.http.get(`/api/challenges?cohortId=${cohort.id}`).set(entrepreneur.auth).expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([challenge.id]);
      expect(JSON.stringify(list.body)).not.toContain('eva.ek@');
      for (const sees of [manager, member]) {
        const theirs = await server.http.get(`/api/challenges?cohortId=${cohort.id}`).set(sees.auth).expect(200);
        expect(theirs.body.items[0].routeToAdoption.needOwner.email).toBe('eva.ek@helsingborg.test');
      }
      const read = await server.http.get(`/api/challenges/${challenge.id}`).set(entrepreneur.auth).expect(200);
      expect(read.body.routeToAdoption.needOwner).toEqual({ name: null, role: 'Enhetschef fritid', email: null, phone: null });
      expect(JSON.stringify(read.body)).not.toContain('eva.ek@');
      await server.http.get(`/api/challenges/${stillSubmitted.id}`).set(entrepreneur.auth).expect(404);

      const outsider = await registerEntrepreneur(server);
      await server.http.get(`/api/challenges/${challenge.id}`).set(outsider.auth).expect(404);
      const nothing = await server.http.get('/api/challenges').set(outsider.auth).expect(200);
      expect(nothing.body.items).toEqual([]);
    });
  });
});
