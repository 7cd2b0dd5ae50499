import {
  assignReviewer,
  cohortReadyForMatching,
  cohortReviewer,
  cohortWithTracks,
  loginAdmin,
  moveCohort,
  openCohort,
  programmeWithManager,
  review,
  runScheduledJob,
  type Session,
  submittedApplicant,
  TestServer,
  TestWorker,
  untilOutboxDrained,
} from '@samverka/testing';

interface Told {
  recipient: string;
  subject: string;
}

describe('daily reminders from the worker', () => {
  let server: TestServer;
  let worker: TestWorker;
  beforeAll(async () => {
    server = await TestServer.start();
    worker = await TestWorker.start(server);
  });
  afterAll(async () => {
    await worker?.stop();
    await server.stop();
  });

  /** Who was reminded of what (by the `data` key naming the subject), in the outbox. */
  const reminded = async (type: string, subjectKey: string): Promise<Told[]> =>
    (
      await server.db.query(`SELECT recipient_id AS recipient, payload->'data'->>$2 AS subject FROM outbox_messages WHERE type = $1 ORDER BY recipient_id, subject`, [
        type,
        subjectKey,
      ])
    ).rows;

  const sorted = (told: Told[]) => [...told].sort((a, b) => `${a.recipient}${a.subject}`.localeCompare(`${b.recipient}${b.subject}`));

  /** Runs the job twice the same day: the second run must tell nobody again. */
  async function runTwice(queue: string, type: string, subjectKey: string): Promise<Told[]> {
    await runScheduledJob(server, worker, queue);
    const first = await reminded(type, subjectKey);
    await runScheduledJob(server, worker, queue);
    expect(await reminded(type, subjectKey)).toEqual(first);
    return first;
  }

  const notificationsOf = async (person: Session, type: string): Promise<{ title: string; body: string }[]> => {
    await untilOutboxDrained(server);
    return (await server.http.get('/api/notifications').set(person.auth).expect(200)).body.items.filter((n: { type: string }) => n.type === type);
  };

  it('reminds each side of a proposal that waited three days or is due within two, once a day', async () => {
    const cohort = await cohortReadyForMatching(server, {
      participants: [{ displayName: 'Amira' }, { displayName: 'Bo' }, { displayName: 'Cecilia' }],
      challenges: [{ title: 'Trygga skolvägar' }, { title: 'Fler unga i föreningslivet' }, { title: 'Mindre matsvinn' }],
    });
    const [amira, bo, cecilia] = cohort.participants;
    const pins = cohort.participants.map((participant, i) => ({ participantId: participant.userId, challengeId: cohort.challengeIds[i] }));
    const run = await server.http.post(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(cohort.manager.auth).send({ algorithm: 'optimal', pins }).expect(201);
    const published = await server.http.post(`/api/matching-runs/${run.body.id}/publish`).set(cohort.manager.auth).send({}).expect(201);
    const matchOf = (participant: Session): string => published.body.items.find((m: { participantId: string }) => m.participantId === participant.userId).id;

    // Amira answered a proposal that has waited four days: only the department still owes an answer.
    await server.http.post(`/api/matches/${matchOf(amira)}/respond`).set(amira.auth).send({ response: 'accept' }).expect(200);
    await server.db.query(`UPDATE matches SET created_at = now() - interval '4 days' WHERE id = $1`, [matchOf(amira)]);
    // Bo's proposal is fresh but must be answered by tomorrow; Cecilia's is fresh with no deadline.
    await server.db.query(`UPDATE matches SET respond_by = now() + interval '1 day' WHERE id = $1`, [matchOf(bo)]);

    const told = await runTwice('match-response-reminders', 'match.response_reminder', 'matchId');
    expect(sorted(told)).toEqual(
      sorted([
        { recipient: cohort.member.userId, subject: matchOf(amira) },
        { recipient: cohort.member.userId, subject: matchOf(bo) },
        { recipient: bo.userId, subject: matchOf(bo) },
      ]),
    );
    expect(told.some((t) => t.subject === matchOf(cecilia))).toBe(false);
    const [forBo] = await notificationsOf(bo, 'match.response_reminder');
    expect(forBo.title).toBe('Ett matchningsförslag väntar på ert svar');
    expect(forBo.body).toContain('Fler unga i föreningslivet');
  });

  it('reminds a reviewer of assignments left unscored for three days in a selecting cohort, once a day', async () => {
    const admin = await loginAdmin(server);
    const { programme, manager } = await programmeWithManager(server, admin);
    const cohort = await openCohort(server, manager, programme.id, { name: 'Vårkohorten 2027' });
    const reviewer = await cohortReviewer(server, manager, cohort.id, 'Jurymedlem Jonsson');
    const [scored, late, fresh] = [await submittedApplicant(server, cohort.id), await submittedApplicant(server, cohort.id), await submittedApplicant(server, cohort.id)];
    for (const { application } of [scored, late, fresh]) await assignReviewer(server, manager, application.id, reviewer.userId);
    await review(server, reviewer, scored.application.id, { impact: 4, feasibility: 3 });
    await moveCohort(server, manager, cohort.id, 'selecting');
    await server.db.query(`UPDATE review_assignments SET created_at = now() - interval '4 days' WHERE application_id = ANY($1)`, [[scored.application.id, late.application.id]]);

    const told = await runTwice('review-reminders', 'review.reminder', 'cohortId');
    expect(told).toEqual([{ recipient: reviewer.userId, subject: cohort.id }]);
    expect(await notificationsOf(reviewer, 'review.reminder')).toEqual([
      expect.objectContaining({ title: 'Ansökningar väntar på din bedömning', body: '1 ansökan i Vårkohorten 2027 väntar på din bedömning.' }),
    ]);
  });

  it('reminds the participant and the department of a milestone due within two days and not done, once a day', async () => {
    const cohort = await cohortWithTracks(server, ['Amira']);
    const [trackId] = cohort.trackIds;
    const [amira] = cohort.participants;
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const add = async (title: string, dueOn: string) =>
      (await server.http.post(`/api/tracks/${trackId}/milestones`).set(cohort.member.auth).send({ title, dueOn }).expect(201)).body;
    const due = await add('Testplan klar', inDays(1));
    await add('Utvärdering klar', inDays(10));
    const done = await add('Samtyckesblankett', inDays(1));
    await server.http.patch(`/api/tracks/${trackId}/milestones/${done.id}`).set(cohort.member.auth).set('If-Match', `"${done.version}"`).send({ done: true }).expect(200);

    const told = await runTwice('milestone-reminders', 'milestone.due_reminder', 'milestoneId');
    expect(sorted(told)).toEqual(sorted([amira.userId, cohort.member.userId].map((recipient) => ({ recipient, subject: due.id }))));
    expect(await notificationsOf(amira, 'milestone.due_reminder')).toEqual([expect.objectContaining({ title: 'En milstolpe närmar sig', body: expect.stringContaining('Testplan klar') })]);
  });
});
