import {
  assignReviewer,
  cohortReviewer,
  cohortWithTracks,
  createDepartment,
  departmentMember,
  expectStatus,
  openCohort,
  programmeWithManager,
  registerEntrepreneur,
  submittedApplicant,
  TestServer,
  type Session,
} from '@samverka/testing';

/*
 * The record-level access matrix: for each kind of record and each relation of a caller to it,
 * what the caller may do — read it, find it in a list, change it — over HTTP, against the real
 * server. (The role-level matrix beside it, matrix.e2e-spec.ts, checks who may call each route.)
 *
 * Answers:  ✓    allowed (read: 200; list: listed; change: past the access check — the probe
 *                 is a move the record's state refuses, so the answer is 409, never a change;
 *                 or one its content refuses, with the answer named with the probe, e.g. 400)
 *           404  not found: the record is outside the caller's scope, exactly as a made-up id
 *           –    (list) the list answers, without the record
 *           403  the caller's roles may not call the route at all
 *
 * To extend: add a relation (a person built in `beforeAll`) or a row to a table; a new kind is
 * a table plus its three probes.
 */
type Answer = '✓' | '404' | '–' | '403';
type Relation =
  | 'owner'
  | 'same department'
  | 'other department'
  | 'manager of its programme'
  | 'manager of another programme'
  | 'reviewer assigned'
  | 'reviewer with a conflict'
  | 'entrepreneur matched'
  | 'stranger';
type Table = Partial<Record<Relation, [read: Answer, list: Answer, change: Answer]>>;

// prettier-ignore
const EXPECTED: Record<string, Table> = {
  // An open cohort. Change: move it back to planning (a manager gets 409: not an allowed move).
  cohort: {
    'owner':                        ['✓',   '✓',   '403'], // an applicant to it
    'manager of its programme':     ['✓',   '✓',   '✓'],
    'manager of another programme': ['404', '–',   '404'],
    'reviewer assigned':            ['✓',   '✓',   '403'],
    'reviewer with a conflict':     ['✓',   '✓',   '403'],
    'same department':              ['403', '403', '403'],
    'stranger':                     ['✓',   '✓',   '403'], // an entrepreneur: open cohorts are for everyone to apply to
  },
  // A submitted application. Change: submit it again (its applicant gets 409).
  application: {
    'owner':                        ['✓',   '✓',   '✓'],
    'manager of its programme':     ['✓',   '✓',   '403'],
    'manager of another programme': ['404', '404', '403'],
    'reviewer assigned':            ['✓',   '✓',   '403'],
    'reviewer with a conflict':     ['404', '–',   '403'],
    'same department':              ['403', '403', '403'],
    'stranger':                     ['404', '–',   '404'], // sees the open cohort's list, without it
  },
  // A challenge matched in a running cohort. Change: submit it (its department gets 409).
  challenge: {
    'owner':                        ['✓',   '✓',   '✓'],   // the member who drafted it
    'same department':              ['✓',   '✓',   '✓'],
    'other department':             ['404', '–',   '404'],
    'manager of its programme':     ['✓',   '✓',   '403'],
    'manager of another programme': ['404', '–',   '403'],
    'reviewer assigned':            ['403', '403', '403'],
    'entrepreneur matched':         ['✓',   '✓',   '403'],
    'stranger':                     ['404', '–',   '403'],
  },
  // A confirmed match. Change: accept it again (each side gets 409).
  match: {
    'entrepreneur matched':         ['✓',   '✓',   '✓'],
    'same department':              ['✓',   '✓',   '✓'],
    'other department':             ['404', '–',   '404'],
    'manager of its programme':     ['✓',   '✓',   '403'],
    'manager of another programme': ['404', '–',   '403'],
    'reviewer assigned':            ['404', '–',   '403'],
    'stranger':                     ['404', '–',   '404'],
  },
  // A track in `matched`. Change: advance it without the version it was read at (its managers get 428).
  track: {
    'entrepreneur matched':         ['✓',   '✓',   '403'],
    'same department':              ['✓',   '✓',   '403'],
    'other department':             ['404', '–',   '403'],
    'manager of its programme':     ['✓',   '✓',   '✓'],
    'manager of another programme': ['404', '–',   '404'],
    'stranger':                     ['404', '–',   '403'],
  },
  // A measurement of the matched participant on none of their tracks. Read and list: the participant's
  // measurements; change: record one with its period reversed (those who may get 400).
  measurement: {
    'entrepreneur matched':         ['✓',   '✓',   '✓'],
    'same department':              ['✓',   '✓',   '✓'],   // on one of the participant's tracks
    'other department':             ['404', '404', '404'],
    'manager of its programme':     ['✓',   '✓',   '✓'],
    'manager of another programme': ['404', '404', '404'],
    'reviewer assigned':            ['403', '403', '403'],
    'stranger':                     ['404', '404', '404'],
  },
  // A metric of the programme. Change: define another with its name (its managers get 409).
  metric: {
    'manager of its programme':     ['✓',   '✓',   '✓'],
    'manager of another programme': ['404', '404', '404'],
    'entrepreneur matched':         ['✓',   '✓',   '403'], // on one of the programme's tracks
    'same department':              ['✓',   '✓',   '403'],
    'other department':             ['404', '404', '403'],
    'reviewer assigned':            ['403', '403', '403'],
    'stranger':                     ['404', '404', '403'],
  },
};

interface Probes {
  id: string;
  read: string;
  list: string;
  change: { path: string; body?: Record<string, unknown>; refusedAs?: number };
}

describe('access matrix: every kind of record × every relation of the caller to it', () => {
  let server: TestServer;
  const people = new Map<Relation, Session>();
  const probes = new Map<string, Probes>();

  beforeAll(async () => {
    server = await TestServer.start();
    // A running journey: one participant matched with one challenge, on a track.
    const journey = await cohortWithTracks(server, ['Ada Deltagare']);
    const { admin, manager, member, participants, challengeIds, trackIds, cohortId } = journey;
    const matches = await expectStatus<{ items: { id: string }[] }>(await server.http.get(`/api/matches?cohortId=${cohortId}`).set(manager.auth), 200, 'matches');
    const programmeId = (await expectStatus<{ programmeId: string }>(await server.http.get(`/api/cohorts/${cohortId}`).set(manager.auth), 200, 'cohort')).programmeId;

    // A second, open cohort of the same programme, for selection: an applicant and its reviewers.
    const open = await openCohort(server, manager, programmeId);
    const { entrepreneur: applicant, application } = await submittedApplicant(server, open.id, 'Sam Sökande');
    const reviewer = await cohortReviewer(server, manager, open.id, 'Rut Granskare');
    const conflicted = await cohortReviewer(server, manager, open.id, 'Jävig Granskare');
    await assignReviewer(server, manager, application.id, reviewer.userId);
    await assignReviewer(server, manager, application.id, conflicted.userId);
    await expectStatus(await server.http.post(`/api/applications/${application.id}/conflicts`).set(conflicted.auth).send({ scope: 'applicant', reason: 'Vi är grannar' }), 201, 'declare conflict');

    const otherDepartment = await createDepartment(server, admin, { name: 'Annan förvaltning' });
    people.set('same department', await departmentMember(server, admin, journey.departmentId, 'Kollega Samma'));
    people.set('other department', await departmentMember(server, admin, otherDepartment.id, 'Kollega Annan'));
    people.set('manager of its programme', manager);
    people.set('manager of another programme', (await programmeWithManager(server, admin)).manager);
    people.set('reviewer assigned', reviewer);
    people.set('reviewer with a conflict', conflicted);
    people.set('entrepreneur matched', participants[0]);
    people.set('stranger', await registerEntrepreneur(server, 'Främling'));
    // The owner differs by kind: the applicant of an application (and of the open cohort), the drafter of a challenge.
    const owners: Record<string, Session> = { cohort: applicant, application: applicant, challenge: member };

    probes.set('cohort', { id: open.id, read: `/api/cohorts/${open.id}`, list: '/api/cohorts?limit=100', change: { path: `/api/cohorts/${open.id}/transitions`, body: { to: 'planning' } } });
    probes.set('application', {
      id: application.id,
      read: `/api/applications/${application.id}`,
      list: `/api/cohorts/${open.id}/applications?limit=100`,
      change: { path: `/api/applications/${application.id}/submit` },
    });
    probes.set('challenge', { id: challengeIds[0], read: `/api/challenges/${challengeIds[0]}`, list: '/api/challenges?limit=100', change: { path: `/api/challenges/${challengeIds[0]}/submit` } });
    const matchId = matches.items[0].id;
    probes.set('match', { id: matchId, read: `/api/matches/${matchId}`, list: '/api/matches?limit=100', change: { path: `/api/matches/${matchId}/respond`, body: { response: 'accept' } } });
    probes.set('track', { id: trackIds[0], read: `/api/tracks/${trackIds[0]}`, list: '/api/tracks?limit=100', change: { path: `/api/tracks/${trackIds[0]}/advance`, body: { to: 'graduated', note: 'Klart' } } });
    const metric = { name: 'Unga som bokat själva', unit: 'personer', sdgs: [4], direction: 'higher_is_better' };
    const metricId = (await expectStatus<{ id: string }>(await server.http.post(`/api/programmes/${programmeId}/metrics`).set(manager.auth).send(metric), 201, 'metric')).id;
    probes.set('metric', {
      id: metricId,
      read: `/api/programmes/${programmeId}/metrics/${metricId}`,
      list: `/api/programmes/${programmeId}/metrics?limit=100`,
      change: { path: `/api/programmes/${programmeId}/metrics`, body: metric },
    });
    const participantMeasurements = `/api/cohorts/${cohortId}/participants/${participants[0].userId}/measurements`;
    const measured = { metricId, value: 3, periodFrom: '2026-10-01', periodTo: '2026-10-31', evidenceText: 'Bokningsloggen.' };
    const measurementId = (await expectStatus<{ id: string }>(await server.http.post(participantMeasurements).set(participants[0].auth).send(measured), 201, 'measurement')).id;
    probes.set('measurement', {
      id: measurementId,
      read: participantMeasurements,
      list: `${participantMeasurements}?limit=100`,
      change: { path: participantMeasurements, body: { ...measured, periodTo: '2026-09-01' }, refusedAs: 400 },
    });
    for (const [kind, owner] of Object.entries(owners)) ownerOf.set(kind, owner);
  });
  afterAll(() => server.stop());

  const ownerOf = new Map<string, Session>();

  const readAnswer = async (session: Session, path: string): Promise<Answer> => {
    const { status } = await server.http.get(path).set(session.auth);
    return status === 200 ? '✓' : status === 404 ? '404' : status === 403 ? '403' : (`HTTP ${status}` as Answer);
  };
  const listAnswer = async (session: Session, path: string, id: string): Promise<Answer> => {
    const { status, body } = await server.http.get(path).set(session.auth);
    if (status !== 200) return status === 404 ? '404' : status === 403 ? '403' : (`HTTP ${status}` as Answer);
    return (body as { items: { id: string }[] }).items.some((item) => item.id === id) ? '✓' : '–';
  };
  const changeAnswer = async (session: Session, change: Probes['change']): Promise<Answer> => {
    const { status } = await server.http.post(change.path).set(session.auth).send(change.body ?? {});
    return status === 404 ? '404' : status === 403 ? '403' : status === 409 || status === 428 || status === change.refusedAs ? '✓' : (`HTTP ${status}` as Answer);
  };

  it.each(Object.keys(EXPECTED))('%s: read, list and change answer as the table says', async (kind) => {
    const probe = probes.get(kind)!;
    const observed: Table = {};
    for (const relation of Object.keys(EXPECTED[kind]) as Relation[]) {
      const session = relation === 'owner' ? ownerOf.get(kind)! : people.get(relation)!;
      observed[relation] = [await readAnswer(session, probe.read), await listAnswer(session, probe.list, probe.id), await changeAnswer(session, probe.change)];
    }
    expect(observed).toEqual(EXPECTED[kind]);
  });
});
