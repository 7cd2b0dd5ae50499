import {
  createCohort,
  createDepartment,
  departmentMember,
  loginAdmin,
  moveCohort,
  openCohort,
  programmeWithManager,
  submittedApplicant,
  submittedChallenge,
  TestServer,
  TestWorker,
  untilOutboxDrained,
  type Session,
} from '@samverka/testing';

interface OutboxRow {
  type: string;
  recipient_id: string;
  payload: { title: { sv: string; en: string }; body: { sv: string; en: string }; data: Record<string, unknown> };
}

const outboxAbout = async (server: TestServer, type: string, key: string, id: string): Promise<OutboxRow[]> =>
  (await server.db.query(`SELECT type, recipient_id, payload FROM outbox_messages WHERE type = $1 AND payload->'data'->>$2 = $3 ORDER BY recipient_id`, [type, key, id])).rows;

async function speaksEnglish(server: TestServer, person: Session): Promise<void> {
  const me = await server.http.get('/api/me').set(person.auth).expect(200);
  await server.http.patch('/api/me').set(person.auth).set('If-Match', me.headers.etag).send({ preferredLanguage: 'en' }).expect(200);
}

const titlesFor = async (server: TestServer, person: Session, type: string): Promise<string[]> =>
  (await server.http.get('/api/notifications').set(person.auth).expect(200)).body.items.filter((n: { type: string }) => n.type === type).map((n: { title: string }) => n.title);

describe('changes that notify through the outbox', () => {
  let server: TestServer;
  let admin: Session;
  let manager: Session;
  let programmeId: string;
  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    ({ manager, programme: { id: programmeId } } = await programmeWithManager(server, admin));
  });
  afterAll(() => server.stop());

  it('tells every member of the department about a review of its challenge, with the comment, in their language', async () => {
    const department = await createDepartment(server, admin);
    const karin = await departmentMember(server, admin, department.id, 'Karin Berg');
    const sam = await departmentMember(server, admin, department.id, 'Sam Lee');
    await speaksEnglish(server, sam);
    const cohort = await createCohort(server, manager, programmeId);
    const approved = await submittedChallenge(server, karin, department.id, { title: 'Fler unga i föreningslivet' });
    const revised = await submittedChallenge(server, karin, department.id, { title: 'Trygga skolvägar' });

    await server.http.post(`/api/challenges/${approved.id}/review`).set(manager.auth).send({ decision: 'approve', cohortId: cohort.id }).expect(200);
    await server.http.post(`/api/challenges/${revised.id}/review`).set(manager.auth).send({ decision: 'request_changes', comment: 'Beskriv målgruppen tydligare.' }).expect(200);

    const approval = await outboxAbout(server, 'challenge.reviewed', 'challengeId', approved.id);
    expect(approval.map((row) => row.recipient_id).sort()).toEqual([karin.userId, sam.userId].sort());
    expect(approval[0].payload).toMatchObject({
      title: { sv: 'Er utmaning har godkänts', en: 'Your challenge was approved' },
      data: { challengeId: approved.id, decision: 'approve', cohortId: cohort.id },
    });
    const changes = await outboxAbout(server, 'challenge.reviewed', 'challengeId', revised.id);
    expect(changes).toHaveLength(2);
    expect(changes[0].payload.title.sv).toBe('Er utmaning behöver ändras');
    expect(changes[0].payload.body.sv).toContain('Kommentar: Beskriv målgruppen tydligare.');
    expect(changes[0].payload.data).toEqual({ challengeId: revised.id, departmentId: department.id, decision: 'request_changes', cohortId: null });

    const worker = await TestWorker.start(server);
    try {
      await untilOutboxDrained(server);
    } finally {
      await worker.stop();
    }
    expect((await titlesFor(server, karin, 'challenge.reviewed')).sort()).toEqual(['Er utmaning behöver ändras', 'Er utmaning har godkänts']);
    expect((await titlesFor(server, sam, 'challenge.reviewed')).sort()).toEqual(['Changes requested to your challenge', 'Your challenge was approved']);
    const sams = (await server.http.get('/api/notifications').set(sam.auth).expect(200)).body.items;
    expect(sams.find((n: { title: string }) => n.title === 'Changes requested to your challenge').body).toContain('Comment: Beskriv målgruppen tydligare.');
  });

  it('tells the applicant about the decision on their application, and nobody else', async () => {
    const cohort = await openCohort(server, manager, programmeId, { name: 'Höstkohorten 2026' });
    const accepted = await submittedApplicant(server, cohort.id, 'Amira Haddad');
    const waitlisted = await submittedApplicant(server, cohort.id, 'Bo Ek');
    await speaksEnglish(server, waitlisted.entrepreneur);
    await moveCohort(server, manager, cohort.id, 'selecting');

    await server.http.post(`/api/applications/${accepted.application.id}/decision`).set(manager.auth).send({ decision: 'accept' }).expect(200);
    await server.http.post(`/api/applications/${waitlisted.application.id}/decision`).set(manager.auth).send({ decision: 'waitlist' }).expect(200);

    const toAmira = await outboxAbout(server, 'application.decided', 'applicationId', accepted.application.id);
    expect(toAmira).toEqual([
      expect.objectContaining({ recipient_id: accepted.entrepreneur.userId, payload: expect.objectContaining({ data: { applicationId: accepted.application.id, cohortId: cohort.id, decision: 'accept' } }) }),
    ]);
    expect(toAmira[0].payload.body.sv).toContain('Höstkohorten 2026');

    const worker = await TestWorker.start(server);
    try {
      await untilOutboxDrained(server);
    } finally {
      await worker.stop();
    }
    expect(await titlesFor(server, accepted.entrepreneur, 'application.decided')).toEqual(['Du har blivit antagen!']);
    expect(await titlesFor(server, waitlisted.entrepreneur, 'application.decided')).toEqual(['You are on the waiting list']);
    expect(await titlesFor(server, manager, 'application.decided')).toEqual([]);
  });
});
