import { createDepartment, departmentMember, graduate, intoTest, invitePerson, programmeWithManager, registerEntrepreneur, TestServer, type Session } from '@samverka/testing';
import { impactCohort, type ImpactCohort } from './impact-setup.js';

describe('impact metrics and measurements', () => {
  let server: TestServer;
  let cohort: ImpactCohort;
  let amira: Session;
  let bo: Session;
  let david: Session;
  let amirasTrack: string;
  let bosTrack: string;
  let kulturMember: Session;
  let skolaMember: Session;
  let outsiders: { manager: Session; programmeId: string; member: Session; entrepreneur: Session; reviewer: Session };
  let metricId: string;

  const metrics = (programmeId = cohort.programmeId) => `/api/programmes/${programmeId}/metrics`;
  const measurement = (overrides: Record<string, unknown> = {}) => ({
    metricId,
    value: 12.5,
    periodFrom: '2026-10-01',
    periodTo: '2026-10-31',
    evidenceText: 'Bokningsloggen, oktober.',
    evidenceUrl: 'https://helsingborg.test/logg.pdf',
    ...overrides,
  });
  const participantPath = (person: Session) => `/api/cohorts/${cohort.cohortId}/participants/${person.userId}/measurements`;

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await impactCohort(server, {
      participants: [
        { name: 'Amira Haddad', sdgs: [4] },
        { name: 'Bo Lindqvist', sdgs: [10] },
        { name: 'David Nilsson', sdgs: [] },
      ],
      rejected: { name: 'Eva Ek', sdgs: [] },
      departments: [
        { name: 'Kulturförvaltningen', challenges: [{ title: 'K1', sdgs: [10] }] },
        { name: 'Skol- och fritidsförvaltningen', challenges: [{ title: 'S1', sdgs: [4] }] },
      ],
      pairs: [
        [0, 0],
        [1, 0],
      ],
    });
    [amira, bo, david] = cohort.participants;
    [amirasTrack, bosTrack] = cohort.trackIds;
    [kulturMember, skolaMember] = cohort.departments.map((d) => d.member);
    const other = await programmeWithManager(server, cohort.admin);
    outsiders = {
      manager: other.manager,
      programmeId: other.programme.id,
      member: await departmentMember(server, cohort.admin, (await createDepartment(server, cohort.admin)).id),
      entrepreneur: await registerEntrepreneur(server),
      reviewer: await invitePerson(server, cohort.admin, 'reviewer'),
    };
  });
  afterAll(() => server.stop());

  describe('metrics', () => {
    it('are defined by the programme’s managers, validated, and named once per programme', async () => {
      const body = { name: 'Unga som bokat själva', unit: 'personer', sdgs: [4, 10], direction: 'higher_is_better', baseline: 5, target: 100 };
      const created = await server.http.post(metrics()).set(cohort.manager.auth).send(body).expect(201);
      expect(created.body).toMatchObject({ ...body, programmeId: cohort.programmeId, aggregation: 'sum', version: 1 });
      expect(created.headers.etag).toBe('"1"');
      metricId = created.body.id;
      const audit = await server.db.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [metricId]);
      expect(audit.rows).toEqual([{ action: 'impact_metric.created' }]);

      const taken = await server.http.post(metrics()).set(cohort.admin.auth).send(body).expect(409);
      expect(taken.body.code).toBe('metric_name_taken');
      const badSdg = await server.http.post(metrics()).set(cohort.manager.auth).send({ ...body, name: 'X', sdgs: [18] }).expect(400);
      expect(badSdg.body.errors).toEqual([expect.objectContaining({ field: 'sdgs' })]);
      const wrongWay = await server.http.post(metrics()).set(cohort.manager.auth).send({ ...body, name: 'X', target: 1 }).expect(400);
      expect(wrongWay.body.errors).toEqual([expect.objectContaining({ field: 'target' })]);
      const noBaseline = await server.http.post(metrics()).set(cohort.manager.auth).send({ name: 'Väntetid', unit: 'dagar', sdgs: [], direction: 'lower_is_better', target: 20 }).expect(400);
      expect(noBaseline.body.errors).toEqual([expect.objectContaining({ field: 'baseline' })]);
      await server.http.post(metrics()).set(cohort.manager.auth).send({ ...body, name: 'X', direction: 'sideways' }).expect(400);
      await server.http.post(metrics()).set(cohort.manager.auth).send({ ...body, name: 'X', colour: 'red' }).expect(400);

      await server.http.post(metrics()).set(outsiders.manager.auth).send({ ...body, name: 'X' }).expect(404);
      await server.http.post(metrics()).set(amira.auth).send({ ...body, name: 'X' }).expect(403);
      await server.http.post(metrics()).set(kulturMember.auth).send({ ...body, name: 'X' }).expect(403);
      await server.http.post(metrics(outsiders.programmeId)).set(outsiders.manager.auth).send({ ...body, name: 'Annat program' }).expect(201);
    });

    it('are read by everyone on the programme’s tracks, and by nobody else', async () => {
      for (const reader of [cohort.manager, cohort.admin, amira, bo, kulturMember, skolaMember]) {
        const page = await server.http.get(metrics()).set(reader.auth).expect(200);
        expect(page.body).toEqual({ items: [expect.objectContaining({ id: metricId })], nextCursor: null });
        await server.http.get(`${metrics()}/${metricId}`).set(reader.auth).expect(200);
      }
      // David is a participant but on no track; the others have nothing to do with the programme.
      for (const stranger of [david, outsiders.manager, outsiders.member, outsiders.entrepreneur]) {
        await server.http.get(metrics()).set(stranger.auth).expect(404);
        await server.http.get(`${metrics()}/${metricId}`).set(stranger.auth).expect(404);
      }
      await server.http.get(metrics()).set(outsiders.reviewer.auth).expect(403);
      await server.http.get(`${metrics(outsiders.programmeId)}/${metricId}`).set(cohort.admin.auth).expect(404);
    });

    it('change with If-Match: missing 428, stale 412, and null clears the baseline', async () => {
      const path = `${metrics()}/${metricId}`;
      await server.http.put(path).set(cohort.manager.auth).send({ unit: 'unga' }).expect(428);
      await server.http.put(path).set(cohort.manager.auth).set('If-Match', '"7"').send({ unit: 'unga' }).expect(412);
      await server.http.put(path).set(outsiders.manager.auth).set('If-Match', '"1"').send({ unit: 'unga' }).expect(404);
      await server.http.put(path).set(kulturMember.auth).set('If-Match', '"1"').send({ unit: 'unga' }).expect(403);
      await server.http.put(path).set(cohort.manager.auth).set('If-Match', '"1"').send({ target: 2 }).expect(400);
      const changed = await server.http.put(path).set(cohort.manager.auth).set('If-Match', '"1"').send({ unit: 'unga', baseline: null }).expect(200);
      expect(changed.body).toMatchObject({ unit: 'unga', baseline: null, target: 100, name: 'Unga som bokat själva', version: 2 });
      expect(changed.headers.etag).toBe('"2"');
    });
  });

  describe('measurements', () => {
    it('are recorded on a track by everyone on it, by the caller, now; others do not see the track', async () => {
      const recorded = await server.http.post(`/api/tracks/${amirasTrack}/measurements`).set(amira.auth).send(measurement()).expect(201);
      expect(recorded.body).toMatchObject({
        ...measurement(),
        cohortId: cohort.cohortId,
        participantId: amira.userId,
        trackId: amirasTrack,
        followUp: false,
        recordedBy: amira.userId,
        recordedAt: expect.any(String),
      });
      await server.http.post(`/api/tracks/${amirasTrack}/measurements`).set(kulturMember.auth).send(measurement({ value: 3, evidenceUrl: undefined })).expect(201);
      await server.http.post(`/api/tracks/${amirasTrack}/measurements`).set(cohort.manager.auth).send(measurement({ value: 4 })).expect(201);
      await server.http.post(`/api/tracks/${amirasTrack}/measurements`).set(cohort.admin.auth).send(measurement({ value: 5 })).expect(201);

      for (const stranger of [bo, skolaMember, outsiders.manager, outsiders.member, outsiders.entrepreneur]) {
        await server.http.post(`/api/tracks/${amirasTrack}/measurements`).set(stranger.auth).send(measurement()).expect(404);
        await server.http.get(`/api/tracks/${amirasTrack}/measurements`).set(stranger.auth).expect(404);
      }
      await server.http.post(`/api/tracks/${amirasTrack}/measurements`).set(outsiders.reviewer.auth).send(measurement()).expect(403);

      const audit = await server.db.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [recorded.body.id]);
      expect(audit.rows).toEqual([{ action: 'impact_measurement.recorded' }]);
    });

    it('refuse a metric of another programme, a reversed period, a bad link and a missing value', async () => {
      const foreign = (await server.http.get(metrics(outsiders.programmeId)).set(outsiders.manager.auth).expect(200)).body.items[0].id;
      const path = `/api/tracks/${amirasTrack}/measurements`;
      const wrongMetric = await server.http.post(path).set(amira.auth).send(measurement({ metricId: foreign })).expect(400);
      expect(wrongMetric.body.errors).toEqual([expect.objectContaining({ field: 'metricId' })]);
      const reversed = await server.http.post(path).set(amira.auth).send(measurement({ periodTo: '2026-09-01' })).expect(400);
      expect(reversed.body.errors).toEqual([expect.objectContaining({ field: 'periodTo' })]);
      await server.http.post(path).set(amira.auth).send(measurement({ periodFrom: '2026-10-01T10:00:00Z' })).expect(400);
      await server.http.post(path).set(amira.auth).send(measurement({ evidenceUrl: 'javascript:alert(1)' })).expect(400);
      await server.http.post(path).set(amira.auth).send(measurement({ value: undefined })).expect(400);
      await server.http.post(path).set(amira.auth).send(measurement({ value: '12' })).expect(400);
    });

    it('list a track’s measurements, oldest first, paginated and filtered by metric', async () => {
      const first = await server.http.get(`/api/tracks/${amirasTrack}/measurements?limit=3`).set(kulturMember.auth).expect(200);
      expect(first.body.items.map((m: { value: number }) => m.value)).toEqual([12.5, 3, 4]);
      const rest = await server.http.get(`/api/tracks/${amirasTrack}/measurements?limit=3&cursor=${first.body.nextCursor}`).set(kulturMember.auth).expect(200);
      expect(rest.body).toEqual({ items: [expect.objectContaining({ value: 5 })], nextCursor: null });
      const other = '00000000-0000-4000-8000-000000000000';
      expect((await server.http.get(`/api/tracks/${amirasTrack}/measurements?metricId=${other}`).set(amira.auth).expect(200)).body.items).toEqual([]);
      expect((await server.http.get(`/api/tracks/${amirasTrack}/measurements?metricId=${metricId}`).set(amira.auth).expect(200)).body.items).toHaveLength(4);
    });

    it('after graduation are follow-ups', async () => {
      const { environmentId } = cohort.departments[0];
      await intoTest(server, cohort.manager, amirasTrack, environmentId);
      await graduate(server, cohort.manager, amirasTrack, environmentId, 'continued_as_venture');
      const later = await server.http.post(`/api/tracks/${amirasTrack}/measurements`).set(amira.auth).send(measurement({ periodFrom: '2027-03-01', periodTo: '2027-03-31' })).expect(201);
      expect(later.body.followUp).toBe(true);
    });

    it('per participant: the participant, everyone on their track and the cohort’s managers see and record them', async () => {
      const own = await server.http.post(participantPath(bo)).set(bo.auth).send(measurement({ value: 7 })).expect(201);
      expect(own.body).toMatchObject({ participantId: bo.userId, trackId: null, followUp: false, recordedBy: bo.userId });
      await server.http.post(`/api/tracks/${bosTrack}/measurements`).set(skolaMember.auth).send(measurement({ value: 8 })).expect(201);
      for (const reader of [bo, skolaMember, cohort.manager, cohort.admin]) {
        const page = await server.http.get(participantPath(bo)).set(reader.auth).expect(200);
        expect(page.body.items.map((m: { value: number; trackId: string | null }) => [m.value, m.trackId])).toEqual([
          [7, null],
          [8, bosTrack],
        ]);
      }
      for (const stranger of [amira, kulturMember, outsiders.manager, outsiders.entrepreneur]) {
        await server.http.get(participantPath(bo)).set(stranger.auth).expect(404);
        await server.http.post(participantPath(bo)).set(stranger.auth).send(measurement()).expect(404);
      }
      await server.http.get(participantPath(bo)).set(outsiders.reviewer.auth).expect(403);
    });

    it('per participant: one without a track is measured by the managers or themself; a graduate’s are follow-ups; non-participants are 404', async () => {
      const before = await server.http.post(participantPath(david)).set(cohort.manager.auth).send(measurement({ value: 1 })).expect(201);
      expect(before.body).toMatchObject({ participantId: david.userId, trackId: null, followUp: false, recordedBy: cohort.manager.userId });
      await server.http.post(participantPath(david)).set(david.auth).send(measurement({ value: 2 })).expect(201);
      await server.http.get(participantPath(david)).set(kulturMember.auth).expect(404);

      const graduate = await server.http.post(participantPath(amira)).set(amira.auth).send(measurement()).expect(201);
      expect(graduate.body.followUp).toBe(true);

      await server.http.get(participantPath(cohort.rejected)).set(cohort.manager.auth).expect(404);
      await server.http.get(`/api/cohorts/${cohort.programmeId}/participants/${bo.userId}/measurements`).set(cohort.admin.auth).expect(404);
    });

    it('per participant: a department sees the measurements of its own track and of none, not those of another department’s track', async () => {
      // A second track for Bo, with Kultur's challenge, after an earlier proposal he declined (a participant holds one live match at a time).
      const [{ run_id: runId }] = (await server.db.query(`SELECT run_id FROM matches WHERE cohort_id = $1 LIMIT 1`, [cohort.cohortId])).rows;
      const kultur = cohort.departments[0];
      const [{ id: matchId }] = (
        await server.db.query(
          `INSERT INTO matches (run_id, cohort_id, challenge_id, department_id, participant_id, score, reason, state) VALUES ($1, $2, $3, $4, $5, 1, '{}', 'declined') RETURNING id`,
          [runId, cohort.cohortId, kultur.challengeIds[0], kultur.id, bo.userId],
        )
      ).rows;
      const [{ id: kulturTrack }] = (
        await server.db.query(`INSERT INTO tracks (match_id, cohort_id, challenge_id, department_id, participant_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [matchId, cohort.cohortId, kultur.challengeIds[0], kultur.id, bo.userId])
      ).rows;
      await server.http.post(`/api/tracks/${kulturTrack}/measurements`).set(kulturMember.auth).send(measurement({ value: 9 })).expect(201);

      const seenBy = async (reader: Session) => (await server.http.get(participantPath(bo)).set(reader.auth).expect(200)).body.items.map((m: { value: number; trackId: string | null }) => [m.value, m.trackId]);
      expect(await seenBy(skolaMember)).toEqual([
        [7, null],
        [8, bosTrack],
      ]);
      expect(await seenBy(kulturMember)).toEqual([
        [7, null],
        [9, kulturTrack],
      ]);
      for (const everything of [bo, cohort.manager, cohort.admin]) {
        expect(await seenBy(everything)).toEqual([
          [7, null],
          [8, bosTrack],
          [9, kulturTrack],
        ]);
      }
    });
  });
});
