import {
  assignReviewer,
  cohortReviewer,
  invitePerson,
  loginAdmin,
  moveCohort,
  openCohort,
  programmeWithManager,
  review,
  submittedApplicant,
  TestServer,
  type CohortBody,
  type ProgrammeBody,
  type Session,
} from '@samverka/testing';

describe('reviewing', () => {
  let server: TestServer;
  let admin: Session;
  let manager: Session;
  let programme: ProgrammeBody;
  let otherManager: Session;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    ({ programme, manager } = await programmeWithManager(server, admin));
    ({ manager: otherManager } = await programmeWithManager(server, admin));
  });
  afterAll(() => server.stop());

  const reviewsOf = async (session: Session, applicationId: string): Promise<string[]> =>
    (await server.http.get(`/api/applications/${applicationId}/reviews`).set(session.auth).expect(200)).body.items.map((r: { reviewerId: string }) => r.reviewerId);

  describe('assignments and scores', () => {
    let cohort: CohortBody;
    let strict: Session;
    let lenient: Session;
    let applications: { id: string }[];

    beforeAll(async () => {
      cohort = await openCohort(server, manager, programme.id);
      strict = await cohortReviewer(server, manager, cohort.id, 'Sträng Jury');
      lenient = await cohortReviewer(server, manager, cohort.id, 'Snäll Jury');
      applications = [];
      for (const name of ['Ada', 'Bo', '=Cilla']) applications.push((await submittedApplicant(server, cohort.id, name)).application);
    });

    it('a manager assigns the cohort’s reviewers; others are refused', async () => {
      const [p] = applications;
      const assigned = await server.http.post(`/api/applications/${p.id}/assignments`).set(manager.auth).send({ reviewerId: strict.userId }).expect(201);
      expect(assigned.body).toMatchObject({ applicationId: p.id, reviewerId: strict.userId });
      expect((await server.http.post(`/api/applications/${p.id}/assignments`).set(manager.auth).send({ reviewerId: strict.userId }).expect(409)).body.code).toBe('already_assigned');
      const outsider = await invitePerson(server, admin, 'reviewer');
      expect((await server.http.post(`/api/applications/${p.id}/assignments`).set(manager.auth).send({ reviewerId: outsider.userId }).expect(422)).body.code).toBe('not_a_cohort_reviewer');
      await server.http.post(`/api/applications/${p.id}/assignments`).set(otherManager.auth).send({ reviewerId: lenient.userId }).expect(404);
      await server.http.post(`/api/applications/${p.id}/assignments`).set(strict.auth).send({ reviewerId: lenient.userId }).expect(403);
      const { rows } = await server.db.query(`SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'review_assignment.created'`, [p.id]);
      expect(rows).toEqual([{ details: { reviewerId: strict.userId } }]);
    });

    it('a reviewer sees only the applications assigned to them', async () => {
      const [p, q] = applications;
      await server.http.get(`/api/applications/${p.id}`).set(strict.auth).expect(200);
      await server.http.get(`/api/applications/${q.id}`).set(strict.auth).expect(404);
      await server.http.get(`/api/applications/${p.id}`).set(lenient.auth).expect(404);
      const listed = await server.http.get(`/api/cohorts/${cohort.id}/applications`).set(strict.auth).expect(200);
      expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([p.id]);
      await server.http.post(`/api/applications/${q.id}/reviews`).set(strict.auth).send({ scores: { impact: 3, feasibility: 3 } }).expect(404);
    });

    it('scores every rubric criterion 1–5, once per reviewer; bad scores are 400 naming the criterion', async () => {
      const [, q] = applications;
      await assignReviewer(server, manager, q.id, strict.userId);
      const post = (scores: Record<string, unknown>) => server.http.post(`/api/applications/${q.id}/reviews`).set(strict.auth).send({ scores, comment: 'ok' });
      expect((await post({ impact: 3 }).expect(400)).body.errors).toEqual([{ field: 'scores.feasibility', message: '"Feasibility" needs a whole-number score from 1 to 5', code: 'invalid' }]);
      expect((await post({ impact: 6, feasibility: 1 }).expect(400)).body.errors[0].field).toBe('scores.impact');
      expect((await post({ impact: 2.5, feasibility: 1 }).expect(400)).body.errors[0].field).toBe('scores.impact');
      expect((await post({ impact: 3, feasibility: 3, charm: 5 }).expect(400)).body.errors[0].field).toBe('scores.charm');
      const created = await post({ impact: 1, feasibility: 1 }).expect(201);
      expect(created.body).toMatchObject({ scores: { impact: 1, feasibility: 1 }, comment: 'ok', version: 1 });
      expect((await post({ impact: 2, feasibility: 2 }).expect(409)).body.code).toBe('already_reviewed');
      await server.http.put(`/api/applications/${q.id}/reviews`).set(strict.auth).send({ scores: { impact: 1, feasibility: 1 } }).expect(428);
      const edited = await server.http.put(`/api/applications/${q.id}/reviews`).set(strict.auth).set('If-Match', '"1"').send({ scores: { impact: 1, feasibility: 1 }, comment: 'svag' }).expect(200);
      expect(edited.body).toMatchObject({ comment: 'svag', version: 2 });
    });

    it('a reviewer never sees other reviewers’ scores before submitting their own', async () => {
      const [p, q] = applications;
      await review(server, strict, p.id, { impact: 2, feasibility: 4 });
      await assignReviewer(server, manager, q.id, lenient.userId);
      expect(await reviewsOf(lenient, q.id)).toEqual([]);
      await review(server, lenient, q.id, { impact: 5, feasibility: 5 });
      expect((await reviewsOf(lenient, q.id)).sort()).toEqual([strict.userId, lenient.userId].sort());
      expect((await reviewsOf(manager, q.id)).sort()).toEqual([strict.userId, lenient.userId].sort());
      await server.http.get(`/api/applications/${q.id}/reviews`).set(otherManager.auth).expect(404);
    });

    it('the scoreboard gives managers the weighted mean, spread, normalised score, ranks, disagreement and reviewer statistics', async () => {
      const [p, q, r] = applications;
      await assignReviewer(server, manager, r.id, lenient.userId);
      await review(server, lenient, r.id, { impact: 4, feasibility: 4 });
      // The worked example of scoreboard.spec.ts: strict reviews P 2.5 and Q 1.0, lenient Q 5.0 and R 4.0.
      const board = (await server.http.get(`/api/cohorts/${cohort.id}/scoreboard`).set(manager.auth).expect(200)).body;
      const row = (id: string) => board.rows.find((x: { applicationId: string }) => x.applicationId === id);
      expect(board.rows.map((x: { applicationId: string }) => x.applicationId)).toEqual([r.id, q.id, p.id]);
      expect(row(p.id)).toMatchObject({ applicantName: 'Ada', reviewCount: 1, weightedMean: 2.5, spread: 0, normalisedScore: 1, rankByMean: 3, rankByNormalised: 1, disagreement: false });
      expect(row(q.id)).toMatchObject({ reviewCount: 2, weightedMean: 3, spread: 2, normalisedScore: 0, rankByMean: 2, rankByNormalised: 2, disagreement: true });
      expect(row(r.id)).toMatchObject({ reviewCount: 1, weightedMean: 4, normalisedScore: -1, rankByMean: 1, rankByNormalised: 3 });
      expect(board.reviewers).toEqual(
        expect.arrayContaining([
          { reviewerId: strict.userId, reviewerName: 'Sträng Jury', count: 2, mean: 1.75, spread: 0.75 },
          { reviewerId: lenient.userId, reviewerName: 'Snäll Jury', count: 2, mean: 4.5, spread: 0.5 },
        ]),
      );

      const csv = await server.http.get(`/api/cohorts/${cohort.id}/scoreboard?format=csv`).set(manager.auth).buffer(true).parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      }).expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines = (csv.body as string).split('\r\n');
      expect(lines[0]).toBe('\uFEFFrank_by_mean,rank_by_normalised,application_id,applicant,state,reviews,weighted_mean,spread,normalised_score,disagreement');
      expect(lines[1]).toBe(`1,3,${r.id},'=Cilla,submitted,1,4,0,-1,false`);

      await server.http.get(`/api/cohorts/${cohort.id}/scoreboard`).set(otherManager.auth).expect(404);
      await server.http.get(`/api/cohorts/${cohort.id}/scoreboard`).set(strict.auth).expect(403);
      await server.http.get(`/api/cohorts/${cohort.id}/scoreboard?format=pdf`).set(manager.auth).expect(400);
    });

    it('a conflict declared after assignment removes the assignment and the score from the results', async () => {
      const [, q] = applications;
      const declared = await server.http.post(`/api/applications/${q.id}/conflicts`).set(lenient.auth).send({ scope: 'application', reason: 'Min kusin' }).expect(201);
      expect(declared.body).toMatchObject({ scope: 'application', removedAssignments: [q.id] });
      await server.http.get(`/api/applications/${q.id}`).set(lenient.auth).expect(404);
      const board = (await server.http.get(`/api/cohorts/${cohort.id}/scoreboard`).set(manager.auth).expect(200)).body;
      expect(board.rows.find((x: { applicationId: string }) => x.applicationId === q.id)).toMatchObject({ reviewCount: 1, weightedMean: 1, disagreement: false });
      expect(await reviewsOf(manager, q.id)).toEqual([strict.userId]);
      const again = await server.http.post(`/api/applications/${q.id}/assignments`).set(manager.auth).send({ reviewerId: lenient.userId }).expect(409);
      expect(again.body.code).toBe('reviewer_conflicted');
      const { rows } = await server.db.query(`SELECT action, reason FROM audit_events LEFT JOIN audit_texts ON event_id = id WHERE entity_id = $1 AND action LIKE 'review_%' ORDER BY occurred_at`, [q.id]);
      expect(rows.slice(-2)).toEqual([
        { action: 'review_conflict.declared', reason: 'Min kusin' },
        { action: 'review_assignment.removed', reason: 'conflict of interest' },
      ]);
      await server.http.post(`/api/applications/${q.id}/conflicts`).set(strict.auth).send({ scope: 'everything', reason: 'x' }).expect(400);
    });

    it('reviews close with the decision', async () => {
      const [p] = applications;
      await moveCohort(server, manager, cohort.id, 'selecting');
      await server.http.post(`/api/applications/${p.id}/decision`).set(manager.auth).send({ decision: 'accept' }).expect(200);
      const closed = await server.http.put(`/api/applications/${p.id}/reviews`).set(strict.auth).set('If-Match', '"1"').send({ scores: { impact: 5, feasibility: 5 } }).expect(409);
      expect(closed.body.code).toBe('review_closed');
      await server.http.post(`/api/applications/${p.id}/assignments`).set(manager.auth).send({ reviewerId: lenient.userId }).expect(409);
    });
  });

  it('a conflict with an applicant keeps the reviewer off all their applications', async () => {
    const spring = await openCohort(server, manager, programme.id);
    const autumn = await openCohort(server, manager, programme.id);
    const reviewer = await cohortReviewer(server, manager, spring.id);
    await server.http.post(`/api/cohorts/${autumn.id}/reviewers`).set(manager.auth).send({ userId: reviewer.userId }).expect(201);
    const { entrepreneur, application } = await submittedApplicant(server, spring.id);
    const draft = (await server.http.post(`/api/cohorts/${autumn.id}/applications`).set(entrepreneur.auth).send({ answers: { idea: 'x', team_size: 1, stage: 'idea' } }).expect(201)).body;
    await server.http.post(`/api/applications/${draft.id}/submit`).set(entrepreneur.auth).expect(200);

    await assignReviewer(server, manager, application.id, reviewer.userId);
    await server.http.post(`/api/applications/${application.id}/conflicts`).set(reviewer.auth).send({ scope: 'applicant', reason: 'Vi driver företag ihop' }).expect(201);
    expect((await server.http.post(`/api/applications/${draft.id}/assignments`).set(manager.auth).send({ reviewerId: reviewer.userId }).expect(409)).body.code).toBe('reviewer_conflicted');
    // Unassigned reviewers cannot declare anything about applications they do not see.
    await server.http.post(`/api/applications/${draft.id}/conflicts`).set(reviewer.auth).send({ scope: 'application', reason: 'x' }).expect(404);

    // The cohort's manager sees the conflict with both names; another programme's manager does not.
    const listed = await server.http.get(`/api/cohorts/${spring.id}/review-conflicts`).set(manager.auth).expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ reviewerId: reviewer.userId, reviewerName: 'Jurymedlem Test', applicationId: application.id, applicantName: 'Sökande Test', scope: 'applicant', reason: 'Vi driver företag ihop' }),
    ]);
    expect((await server.http.get(`/api/cohorts/${autumn.id}/review-conflicts`).set(manager.auth).expect(200)).body.items).toEqual([]);
    await server.http.get(`/api/cohorts/${spring.id}/review-conflicts`).set(otherManager.auth).expect(404);
  });
});
