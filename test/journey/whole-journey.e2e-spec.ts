import {
  applyTo,
  assignReviewer,
  cohortReviewer,
  createCohort,
  createDepartment,
  createTestEnvironment,
  departmentMember,
  HELSINGBORG,
  loginAdmin,
  moveCohort,
  programmeWithManager,
  registerEntrepreneur,
  review,
  submittedChallenge,
  TestServer,
  type Session,
} from '@samverka/testing';

/**
 * One cohort from start to end, as the people in it would go through it: a department names
 * two challenges, three innovators apply, two seats are filled (one after a decline), both
 * tracks pass every gate, both participants graduate and the cohort completes.
 */
describe('the whole journey: from a city challenge to graduation', () => {
  let server: TestServer;
  let admin: Session;
  let manager: Session;
  let member: Session;
  let reviewer: Session;
  let cohortId: string;
  let environmentId: string;
  let youth: string;
  let digital: string;
  const people = {} as Record<'amira' | 'bo' | 'cecilia', Session & { applicationId: string }>;
  const trackOf: Record<string, string> = {};

  const http = () => server.http;
  const stateOf = async (path: string) => (await http().get(path).set(manager.auth).expect(200)).body.state;
  const answer = async (who: Session, matchId: string, response: 'accept' | 'decline', note?: string) =>
    (await http().post(`/api/matches/${matchId}/respond`).set(who.auth).send({ response, note }).expect(200)).body;
  const myMatch = async (who: Session) => (await http().get('/api/matches?state=proposed').set(who.auth).expect(200)).body.items[0];
  const versionOf = async (trackId: string) => (await http().get(`/api/tracks/${trackId}`).set(manager.auth).expect(200)).body.version;
  const advance = async (trackId: string, body: Record<string, unknown>) =>
    (await http().post(`/api/tracks/${trackId}/advance`).set(manager.auth).set('If-Match', `"${await versionOf(trackId)}"`).send(body).expect(200)).body;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
  });
  afterAll(() => server.stop());

  it('1. a department submits challenges and a manager approves them into a new cohort', async () => {
    const programme = await programmeWithManager(server, admin, {
      defaultGraduationCriteria: [
        { key: 'tested_with_users', label: 'Testad med riktiga användare' },
        { key: 'learnings_shared', label: 'Lärdomarna är delade med förvaltningen' },
      ],
    });
    manager = programme.manager;
    cohortId = (await createCohort(server, manager, programme.programme.id, { seats: 3 })).id;

    const department = await createDepartment(server, admin, { name: 'Kultur- och fritidsförvaltningen' });
    member = await departmentMember(server, admin, department.id, 'Karin Berg');
    environmentId = (await createTestEnvironment(server, member, department.id, { name: 'Fritidsgården Dalhem', writtenConsentRequired: true })).id;
    const challenge = (overrides: Record<string, unknown>) => submittedChallenge(server, member, department.id, { testEnvironmentIds: [environmentId], seats: 1, ...overrides });
    youth = (await challenge({ title: 'Fler unga i föreningslivet', competences: ['tjänstedesign'], themes: ['inkludering'] })).id;
    digital = (await challenge({ title: 'Digital fritidsgård', competences: ['programmering'], themes: ['fritid'] })).id;
    for (const id of [youth, digital]) await http().post(`/api/challenges/${id}/review`).set(manager.auth).send({ decision: 'approve', cohortId }).expect(200);
    expect(await stateOf(`/api/challenges/${youth}`)).toBe('approved');
  });

  it('2. the call opens; three innovators apply and a reviewer scores them; all are accepted', async () => {
    await moveCohort(server, manager, cohortId, 'open');
    reviewer = await cohortReviewer(server, manager, cohortId);
    const profiles = {
      amira: { competences: ['tjänstedesign'], themes: ['inkludering'] },
      bo: { competences: ['programmering'], themes: ['fritid'] },
      cecilia: { competences: ['programmering'], themes: [] },
    };
    for (const [name, profile] of Object.entries(profiles) as [keyof typeof people, (typeof profiles)['amira']][]) {
      const entrepreneur = await registerEntrepreneur(server, name);
      await http().put('/api/entrepreneurs/me').set(entrepreneur.auth).send({ kind: 'social_entrepreneur', languages: ['sv'], municipalityCode: HELSINGBORG, hoursPerWeek: 10, ...profile }).expect(201);
      const application = await applyTo(server, entrepreneur, cohortId);
      await http().post(`/api/applications/${application.id}/submit`).set(entrepreneur.auth).expect(200);
      await assignReviewer(server, manager, application.id, reviewer.userId);
      await review(server, reviewer, application.id, { impact: 4, feasibility: 3 }, 'Tydlig idé med förankring.');
      people[name] = { ...entrepreneur, applicationId: application.id };
    }
    await moveCohort(server, manager, cohortId, 'selecting');
    for (const person of Object.values(people)) await http().post(`/api/applications/${person.applicationId}/decision`).set(manager.auth).send({ decision: 'accept' }).expect(200);
    expect(await stateOf(`/api/applications/${people.cecilia.applicationId}`)).toBe('accepted');
  });

  it('3. both sides state preferences; an optimal and a stable run are compared and the stable one is published', async () => {
    const { amira, bo, cecilia } = people;
    await http().put(`/api/cohorts/${cohortId}/preferences/mine`).set(amira.auth).send({ challengeIds: [youth, digital] }).expect(200);
    await http().put(`/api/cohorts/${cohortId}/preferences/mine`).set(bo.auth).send({ challengeIds: [digital] }).expect(200);
    await http().put(`/api/cohorts/${cohortId}/preferences/mine`).set(cecilia.auth).send({ challengeIds: [digital] }).expect(200);
    await http().put(`/api/cohorts/${cohortId}/preferences/challenges/${digital}`).set(member.auth).send({ participantIds: [bo.userId, cecilia.userId] }).expect(200);
    await http().put(`/api/cohorts/${cohortId}/preferences/challenges/${youth}`).set(member.auth).send({ participantIds: [amira.userId] }).expect(200);

    const run = async (algorithm: string) => (await http().post(`/api/cohorts/${cohortId}/matching-runs`).set(manager.auth).send({ algorithm }).expect(201)).body;
    const optimal = await run('optimal');
    const stable = await run('stable');
    expect(stable.metrics).toMatchObject({ matched: 2, unmatched: 1, blockingPairs: 0 });
    const comparison = await http().get(`/api/matching-runs/${optimal.id}/compare/${stable.id}`).set(manager.auth).expect(200);
    expect(comparison.body.metricChanges.total.change).toBeCloseTo(stable.metrics.total - optimal.metrics.total, 5);
    expect(stable.pairs.map((p: { participantId: string; challengeId: string }) => [p.participantId, p.challengeId])).toEqual(
      expect.arrayContaining([
        [amira.userId, youth],
        [bo.userId, digital],
      ]),
    );
    await http().post(`/api/matching-runs/${stable.id}/publish`).set(manager.auth).send({}).expect(201);
  });

  it('4. both sides answer; a decline frees a seat, and a re-run fills it', async () => {
    const { amira, bo, cecilia } = people;
    const amirasMatch = await myMatch(amira);
    await answer(amira, amirasMatch.id, 'accept');
    expect((await answer(member, amirasMatch.id, 'accept')).state).toBe('confirmed');
    await answer(bo, (await myMatch(bo)).id, 'decline', 'Jag har fått jobb i Malmö.');

    const rerun = await http()
      .post(`/api/cohorts/${cohortId}/matching-runs`)
      .set(manager.auth)
      .send({ algorithm: 'stable', forbidden: [{ participantId: bo.userId, challengeId: digital }] })
      .expect(201);
    expect(rerun.body.pairs).toEqual([expect.objectContaining({ participantId: cecilia.userId, challengeId: digital })]);
    await http().post(`/api/matching-runs/${rerun.body.id}/publish`).set(manager.auth).send({}).expect(201);
    const ceciliasMatch = await myMatch(cecilia);
    await answer(member, ceciliasMatch.id, 'accept');
    expect((await answer(cecilia, ceciliasMatch.id, 'accept')).state).toBe('confirmed');

    const tracks = (await http().get(`/api/tracks?cohortId=${cohortId}`).set(manager.auth).expect(200)).body.items;
    for (const track of tracks) trackOf[track.participantId] = track.id;
    expect(Object.keys(trackOf).sort()).toEqual([amira.userId, cecilia.userId].sort());
    await moveCohort(server, manager, cohortId, 'running');
  });

  it('5. each track passes every gate, with test sessions and learnings, and its participant graduates', async () => {
    for (const participant of [people.amira, people.cecilia]) {
      const trackId = trackOf[participant.userId];
      await advance(trackId, { to: 'co_design', note: 'Behovet är förankrat hos behovsägaren.' });
      await http()
        .put(`/api/tracks/${trackId}/test-plan`)
        .set(participant.auth)
        .set('If-Match', `"${await versionOf(trackId)}"`)
        .send({ testEnvironmentId: environmentId, startsOn: '2026-10-01', users: 10, whatWillBeTried: 'En första prototyp.', consentArrangements: 'Skriftligt samtycke i förväg.' })
        .expect(200);
      await advance(trackId, { to: 'test_environment', note: 'Testplanen är godkänd.' });
      await http()
        .post(`/api/tracks/${trackId}/test-sessions`)
        .set(participant.auth)
        .send({ heldOn: '2026-10-08', testEnvironmentId: environmentId, usersInvolved: 8, whatWasTried: 'Prototypen', whatWasObserved: 'De flesta klarade det själva.', consentObtained: true })
        .expect(201);
      await http().post(`/api/tracks/${trackId}/learnings`).set(member.auth).send({ kind: 'enabler', text: 'Personalen på gården öppnade dörrar.', tags: ['Förtroende'] }).expect(201);
      await http().post(`/api/tracks/${trackId}/learnings`).set(participant.auth).send({ kind: 'obstacle', text: 'Lokalbokningen kräver BankID.', tags: ['bankid'] }).expect(201);
      await advance(trackId, { to: 'evaluation', note: 'Testerna är gjorda.' });
      await http()
        .put(`/api/tracks/${trackId}/graduation-criteria`)
        .set(manager.auth)
        .set('If-Match', `"${await versionOf(trackId)}"`)
        .send({ met: ['tested_with_users', 'learnings_shared'] })
        .expect(200);
      const graduated = await advance(trackId, { to: 'graduated', note: 'Examen.', outcome: 'adopted_by_department', summary: 'Förvaltningen för in arbetssättet i ordinarie verksamhet.' });
      expect(graduated.history.map((h: { to: string }) => h.to)).toEqual(['matched', 'co_design', 'test_environment', 'evaluation', 'graduated']);
    }
    expect(await stateOf(`/api/challenges/${youth}`)).toBe('completed');
    expect(await stateOf(`/api/challenges/${digital}`)).toBe('completed');
  });

  it('6. the cohort completes', async () => {
    expect((await moveCohort(server, manager, cohortId, 'completed')).state).toBe('completed');
    const graduated = await http().get(`/api/tracks?cohortId=${cohortId}&stage=graduated`).set(manager.auth).expect(200);
    expect(graduated.body.items).toHaveLength(2);
  });
});
