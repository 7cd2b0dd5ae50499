import {
  cohortReadyForMatching,
  DEFAULT_PASSWORD,
  loginAdmin,
  moveCohort,
  openCohort,
  programmeWithManager,
  registerEntrepreneur,
  submittedApplicant,
  tablesContaining,
  TestServer,
  type MatchingCohort,
  type Session,
} from '@samverka/testing';

interface EventView {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  from: string | null;
  to: string | null;
  reason: string | null;
}

/** The trail keeps who did what when; the words of an erased person, and the words about them, go everywhere. */
describe('erasure and the audit trail', () => {
  let server: TestServer;
  let admin: Session;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
  });
  afterAll(() => server.stop());

  const trailOf = async (entityId: string): Promise<EventView[]> => (await server.http.get('/api/audit-events').query({ entityId }).set(admin.auth).expect(200)).body.items;

  describe('a participant who declined a match, and about whom a conflict was declared', () => {
    let cohort: MatchingCohort;
    let david: Session;
    let matchId: string;
    let conflictId: string;
    const declined = 'Nej tack, ring mig på 0702-123456, David Nilsson';
    const conflict = 'David är bror till enhetschefen på Kulturförvaltningen';

    beforeAll(async () => {
      cohort = await cohortReadyForMatching(server, { participants: [{ displayName: 'David Nilsson' }], challenges: [{ title: 'Trygga skolvägar' }, { title: 'Fler unga i föreningslivet' }] });
      david = cohort.participants[0];
      const [first, second] = cohort.challengeIds;
      conflictId = (
        await server.http.post(`/api/cohorts/${cohort.cohortId}/matching-conflicts`).set(cohort.member.auth).send({ participantId: david.userId, challengeId: second, reason: conflict }).expect(201)
      ).body.id;
      const run = await server.http.post(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(cohort.manager.auth).send({ algorithm: 'optimal', pins: [{ participantId: david.userId, challengeId: first }] }).expect(201);
      matchId = (await server.http.post(`/api/matching-runs/${run.body.id}/publish`).set(cohort.manager.auth).send({}).expect(201)).body.items[0].id;
      await server.http.post(`/api/matches/${matchId}/respond`).set(david.auth).send({ response: 'decline', note: declined }).expect(200);
    });

    it('shows the words while the person is there', async () => {
      expect(await trailOf(matchId)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'match.participant_declined', reason: declined })]));
      expect(await trailOf(conflictId)).toEqual([expect.objectContaining({ actorId: cohort.member.userId, reason: conflict })]);
    });

    it('keeps every event after erasure, with who, what and when, and none of the words', async () => {
      const before = [...(await trailOf(matchId)), ...(await trailOf(conflictId))];
      await server.http.delete('/api/me').set(david.auth).send({ password: DEFAULT_PASSWORD }).expect(204);

      const after = [...(await trailOf(matchId)), ...(await trailOf(conflictId))];
      // The erased person's events stay theirs by id; their name is gone with them.
      expect(after).toEqual(before.map((event) => ({ ...event, reason: null, actorName: event.actorId === david.userId ? expect.not.stringContaining('David') : event.actorName })));
      expect(after).toEqual(expect.arrayContaining([expect.objectContaining({ actorId: david.userId, action: 'match.participant_declined', from: 'proposed', to: 'declined', reason: null })]));
      const conflicts = await server.http.get(`/api/cohorts/${cohort.cohortId}/matching-conflicts`).set(cohort.manager.auth).expect(200);
      expect(JSON.stringify(conflicts.body)).not.toContain('bror');
      const membersExport = await server.http.get('/api/me/export').set(cohort.member.auth).expect(200);
      expect(membersExport.body.auditEvents).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'matching_conflict.declared', reason: null })]));
      for (const words of ['0702-123456', 'Nilsson', 'bror till enhetschefen']) expect(await tablesContaining(server, words)).toEqual([]);
    });
  });

  describe('an applicant who withdrew with a reason, and about whom a manager wrote a decision note', () => {
    it('forgets both when an admin erases the person, and keeps the admin’s reason for the erasure', async () => {
      const { manager, programme } = await programmeWithManager(server, admin);
      const cohort = await openCohort(server, manager, programme.id);
      const karin = await submittedApplicant(server, cohort.id, 'Karin Lund');
      const stina = await submittedApplicant(server, cohort.id, 'Stina Svensson');
      const withdrawal = 'Karin Lund flyttar till Storgatan 5 i Lund';
      const note = 'Stina Svensson har ingen F-skattsedel';
      await server.http.post(`/api/applications/${karin.application.id}/withdraw`).set(karin.entrepreneur.auth).send({ reason: withdrawal }).expect(200);
      await moveCohort(server, manager, cohort.id, 'selecting');
      await server.http.post(`/api/applications/${stina.application.id}/decision`).set(manager.auth).send({ decision: 'reject', note }).expect(200);
      expect((await server.http.get('/api/me/export').set(manager.auth).expect(200)).body.auditEvents).toEqual(
        expect.arrayContaining([expect.objectContaining({ action: 'application.decided', reason: note, asActor: true })]),
      );

      await server.http.delete(`/api/users/${karin.entrepreneur.userId}`).set(admin.auth).send({ reason: 'Begäran per brev' }).expect(204);
      await server.http.delete(`/api/users/${stina.entrepreneur.userId}`).set(admin.auth).send({ reason: 'Begäran per brev' }).expect(204);

      expect(await trailOf(karin.application.id)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'application.withdrawn', to: 'withdrawn', reason: null })]));
      expect(await trailOf(stina.application.id)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'application.decided', to: 'rejected', reason: null })]));
      expect(await trailOf(karin.entrepreneur.userId)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'user.erased', actorId: admin.userId, reason: 'Begäran per brev' })]));
      expect(JSON.stringify((await server.http.get('/api/me/export').set(manager.auth).expect(200)).body)).not.toContain('F-skattsedel');
      for (const words of ['Storgatan 5', 'F-skattsedel']) expect(await tablesContaining(server, words)).toEqual([]);
    });
  });

  it('lets erasure delete an event’s words but nobody rewrite them', async () => {
    const person = await registerEntrepreneur(server);
    await server.http.delete(`/api/users/${person.userId}`).set(admin.auth).send({ reason: 'Begäran per telefon' }).expect(204);
    const { rows } = await server.db.query(`SELECT event_id FROM audit_texts WHERE reason = 'Begäran per telefon'`);
    await expect(server.db.query(`UPDATE audit_texts SET reason = 'rewritten' WHERE event_id = $1`, [rows[0].event_id])).rejects.toThrow(/never rewritten/);
    await expect(server.db.query(`UPDATE audit_events SET action = 'rewritten' WHERE id = $1`, [rows[0].event_id])).rejects.toThrow(/append-only/);
  });
});
