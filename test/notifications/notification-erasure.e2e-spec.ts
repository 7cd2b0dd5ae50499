import { cohortWithTracks, DEFAULT_PASSWORD, runScheduledJob, tablesContaining, TestServer, TestWorker, untilOutboxDrained, type Session, type TrackedCohort } from '@samverka/testing';

interface NotificationView {
  type: string;
  title: string;
  body: string;
}

/** A notification shows what its source shows now: once its author is erased, none of their words. */
describe('erasure and the notifications that quoted the person', () => {
  let server: TestServer;
  let cohort: TrackedCohort;
  let bo: Session;
  let trackId: string;
  const learning = 'Lärdom av Bo Lindqvist, bo.lindqvist@exempel.se: föräldrarna kom när vi bjöd på fika.';
  const note = 'Bo nås på 0701-555000 efter fem.';
  const waiting = 'Bo är bortrest, ring 0701-555111.';
  const milestone = 'Träffa grannen 0701-555222';

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortWithTracks(server, ['Bo Lindqvist']);
    bo = cohort.participants[0];
    trackId = cohort.trackIds[0];
  });
  afterAll(() => server.stop());

  async function withWorker(work: (worker: TestWorker) => Promise<void>): Promise<void> {
    const worker = await TestWorker.start(server);
    try {
      await work(worker);
      await untilOutboxDrained(server);
    } finally {
      await worker.stop();
    }
  }

  const WRITTEN = new Set(['track.learning_added', 'track.note_added', 'track.milestone_added', 'milestone.due_reminder']);
  const inboxOf = async (person: Session): Promise<Pick<NotificationView, 'title' | 'body'>[]> =>
    (await server.http.get('/api/notifications').set(person.auth).expect(200)).body.items
      .filter((n: NotificationView) => WRITTEN.has(n.type))
      .map(({ title, body }: NotificationView) => ({ title, body }))
      .sort((a: NotificationView, b: NotificationView) => a.title.localeCompare(b.title) || a.body.localeCompare(b.body));

  it('blanks every copy of the erased person’s words, delivered or still waiting, in inboxes, exports and the database', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await withWorker(async (worker) => {
      await server.http.post(`/api/tracks/${trackId}/learnings`).set(bo.auth).send({ kind: 'enabler', text: learning }).expect(201);
      await server.http.post(`/api/tracks/${trackId}/notes`).set(bo.auth).set('Idempotency-Key', 'note-1').send({ text: note }).expect(201);
      await server.http.post(`/api/tracks/${trackId}/milestones`).set(bo.auth).send({ title: milestone, dueOn: today }).expect(201);
      await runScheduledJob(server, worker, 'milestone-reminders');
    });
    expect((await inboxOf(cohort.member)).map((n) => n.body)).toEqual([
      expect.stringContaining(milestone),
      note,
      learning,
      expect.stringContaining(milestone),
    ]);
    await server.http.post(`/api/tracks/${trackId}/notes`).set(bo.auth).send({ text: waiting }).expect(201);

    await server.http.delete('/api/me').set(bo.auth).send({ password: DEFAULT_PASSWORD }).expect(204);
    await withWorker(async () => {});

    expect(await inboxOf(cohort.member)).toEqual([
      { title: 'En milstolpe närmar sig', body: '' },
      { title: 'Ny anteckning', body: '' },
      { title: 'Ny anteckning', body: '' },
      { title: 'Ny lärdom: möjliggörare', body: '' },
      { title: 'Ny milstolpe', body: '' },
    ]);
    const notes = await server.http.get(`/api/tracks/${trackId}/notes`).set(cohort.member.auth).expect(200);
    expect(notes.body.items.map((n: { text: string }) => n.text)).toEqual(['', '']);
    const membersExport = JSON.stringify((await server.http.get('/api/me/export').set(cohort.member.auth).expect(200)).body);
    // The challenge's own title names Bo (the factory names it after him): what must go is what he wrote.
    for (const words of ['bo.lindqvist@', 'bjöd på fika', '0701-555']) {
      expect(membersExport).not.toContain(words);
      expect(await tablesContaining(server, words)).toEqual([]);
    }
  });
});
