import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { addTracks, arrangeMeeting, cohortReviewer, cohortWithTracks, expectStatus, raiseNeed, signUpForMeeting, type Session, TestServer, type TrackedCohort } from '@samverka/testing';
import type { Role } from '@samverka/platform';
import type { AccessRule } from '../access/access-rule.js';

// Counts the SQL statements of every list and detail GET of the OpenAPI document, with the
// server's own statement trace (LOG_LEVEL=trace logs each statement with its request id), and
// fails when a request's count grows with its page (a per-row lookup). Lists run at page size 1
// and LARGE; details run before and after the cohort grew by GROWTH tracks and participants.
const LARGE = 50;
const GROWTH = 40;
const ACCESS_DIR = new URL('../access/', import.meta.url);

/** Routes this test cannot call with a seeded record, and why. */
const UNCOVERED: Record<string, string> = {
  '/api/challenges/{id}/revisions/compare': 'compares two given revisions: its statements do not depend on any page',
  '/api/programmes/{id}/metrics/{metricId}': 'the seed has no programme metric; one row, no children',
  '/api/method-cards/{id}': 'the seed has no method card (the method-card lists are covered, if empty)',
  '/api/method-cards/{id}/versions': 'the seed has no method card',
  '/api/method-cards/{id}/uses': 'the seed has no method card',
  '/api/method-cards/{id}/versions/{version}': 'the seed has no method card',
  '/api/me/export': 'a person’s export: bounded by one person’s records, not a page',
  '/api/method-cards/{id}/publications': 'the seed has no method card',
  '/api/open/method-cards/{card}': 'the seed publishes no method card (the open list is covered, if empty)',
  '/api/open/method-cards/{card}/versions': 'the seed publishes no method card',
  '/api/open/method-cards/{card}/versions/{version}': 'the seed publishes no method card',
};

/** Lists whose page the seed cannot fill beyond one row: they run, but cannot show growth. */
const THIN: Record<string, string> = {
  '/api/programmes': 'one programme',
  '/api/departments': 'one department',
  '/api/cohorts': 'one cohort',
  '/api/departments/{id}/members': 'one member',
  '/api/notifications': 'few notifications for one person',
  '/api/cohorts/{id}/review-conflicts': 'no review conflicts',
  '/api/cohorts/{id}/matching-conflicts': 'no declared conflicts',
  '/api/applications/{id}/reviews': 'one reviewer',
  '/api/challenges/{id}/revisions': 'one revision',
  '/api/programmes/{id}/metrics': 'no metrics',
  '/api/tracks/{id}/milestones': 'a fresh track',
  '/api/tracks/{id}/test-sessions': 'a fresh track',
  '/api/tracks/{id}/learnings': 'a fresh track',
  '/api/tracks/{id}/notes': 'a fresh track',
  '/api/tracks/{id}/follow-ups': 'a fresh track',
  '/api/tracks/{id}/measurements': 'a fresh track',
  '/api/tracks/{id}/method-cards': 'no method cards',
  '/api/cohorts/{id}/participants/{userId}/measurements': 'no measurements',
  '/api/method-cards': 'no method cards',
  '/api/open/method-cards': 'no published method cards',
  '/api/open/learnings': 'the cohort does not publish open data',
  '/api/open/impact': 'the cohort does not publish open data',
  '/api/partner-posts': 'one partner post',
  '/api/dialogue-meetings': 'one meeting',
  '/api/dialogue-meetings/{id}/signups': 'one sign-up',
};

interface Route {
  path: string;
  /** Lists take `limit`; everything else is a detail. */
  list: boolean;
  rule: AccessRule;
}

/** One route as one of the roles that may call it: each role's view may read differently. */
interface Call {
  route: Route;
  as: Role | 'public';
}

const PARTNER_POST = { direction: 'look_for', kind: 'competence', title: 'Söker en tjänstedesigner', description: 'Någon som kan intervjua äldre.', tags: ['äldre'], municipalityCode: '1283', endsOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) };

const SQL_LINE = /"requestId":"([0-9a-f-]{36})"[^\n]*"msg":"sql"/g;

describe('statement budget: no request runs more SQL for a longer page', () => {
  let server: TestServer;
  let cohort: TrackedCohort;
  let reviewer: Session;
  let routes: Route[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    server = await TestServer.start({ env: { LOG_LEVEL: 'trace' } });
    cohort = await cohortWithTracks(server, ['Amira Haddad', 'Bo Lindqvist', 'Cecilia Berg']);
    // A second and third run, so the cohort's run list has more than one row.
    for (let i = 0; i < 2; i++) await expectStatus(await server.http.post(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(cohort.manager.auth).send({ algorithm: 'stable' }), 201, 'run');
    reviewer = await cohortReviewer(server, cohort.manager, cohort.cohortId);
    await assignReviews(server, cohort, reviewer);
    // More reviewers on the first participant's application, and invitations still pending, so their lists have pages.
    for (const name of ['Jurymedlem Två', 'Jurymedlem Tre']) {
      const other = await cohortReviewer(server, cohort.manager, cohort.cohortId, name);
      await server.db.query(`INSERT INTO review_assignments (application_id, reviewer_id, assigned_by) VALUES ($1, $2, $3)`, [cohort.participants[0].applicationId, other.userId, cohort.manager.userId]);
    }
    for (const email of ['inbjuden.ett@samverka.test', 'inbjuden.tva@samverka.test', 'inbjuden.tre@samverka.test']) {
      await expectStatus(await server.http.post('/api/invitations').set(cohort.manager.auth).send({ email, role: 'entrepreneur', cohortId: cohort.cohortId }), 201, 'invitation');
    }
    const meeting = await arrangeMeeting(server, cohort.manager);
    const signedUp = await signUpForMeeting(server, meeting.id);
    await raiseNeed(server, signedUp.token);
    const post = await expectStatus(await server.http.post('/api/partner-posts').set(cohort.participants[0].auth).send(PARTNER_POST), 201, 'partner post');
    const { body: document } = await server.http.get('/api/docs-json').expect(200);
    const rules = (await Promise.all(readdirSync(ACCESS_DIR).filter((file) => file.endsWith('.access.ts')).map((file) => import(`../access/${file.replace(/\.ts$/, '.js')}`) as Promise<{ rules: AccessRule[] }>))).flatMap(
      (module) => module.rules,
    );
    routes = Object.entries<{ get?: { parameters?: { name: string; in: string }[] } }>(document.paths)
      .filter(([path, item]) => item.get && path.startsWith('/api/') && !path.startsWith('/api/docs'))
      .map(([path, item]) => ({
        path,
        list: (item.get?.parameters ?? []).some((parameter) => parameter.in === 'query' && parameter.name === 'limit'),
        rule: rules.find((rule) => rule.method === 'GET' && rule.path === path) as AccessRule,
      }));
    const { body: cohortView } = await server.http.get(`/api/cohorts/${cohort.cohortId}`).set(cohort.manager.auth).expect(200);
    const { body: runs } = await server.http.get(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(cohort.manager.auth).expect(200);
    const participant = cohort.participants[0];
    // Each path id named by the collection before it.
    ids = {
      cohorts: cohort.cohortId,
      programmes: cohortView.programmeId,
      applications: participant.applicationId,
      users: participant.userId,
      entrepreneurs: participant.userId,
      participants: participant.userId,
      departments: cohort.departmentId,
      'test-environments': cohort.openEnvironmentId,
      challenges: cohort.challengeIds[0],
      'review-assignments': participant.applicationId,
      'matching-runs': runs.items[0].id,
      compare: runs.items[1].id,
      matches: cohort.matchIds[0],
      tracks: cohort.trackIds[0],
      'dialogue-meetings': meeting.id,
      'dialogue-participation': signedUp.token,
      'partner-posts': post.id,
    };
  });
  afterAll(() => server?.stop());

  const sessions = (): Record<Role, Session> => ({
    programme_manager: cohort.manager,
    admin: cohort.admin,
    department_member: cohort.member,
    reviewer,
    entrepreneur: cohort.participants[0],
  });

  /** Every role of the seed that may call the route; the first one (a manager if allowed) must get a 200. */
  const callsOf = (route: Route): Call[] => {
    const { roles } = route.rule;
    if (roles === 'public') return [{ route, as: 'public' }];
    const all = Object.keys(sessions()) as Role[];
    return all.filter((role) => roles === 'any' || roles.includes(role)).map((as) => ({ route, as }));
  };

  const concrete = (template: string): string | undefined => {
    let missing = false;
    const path = template.replace(/([^/]+)\/\{[^}]+\}/g, (_whole, collection: string) => {
      const id = ids[collection];
      if (!id) missing = true;
      return `${collection}/${id}`;
    });
    return missing ? undefined : path;
  };

  /** Sends the requests one by one and returns each one's statement count, once all are in the log. */
  async function count(calls: Call[], query: string): Promise<{ status: number; statements: number; rows: number }[]> {
    const sent: { requestId: string; status: number; rows: number }[] = [];
    for (const { route, as } of calls) {
      const requestId = randomUUID();
      const request = server.http.get(`${concrete(route.path)}${query}`).set('X-Request-Id', requestId);
      if (as !== 'public') request.set(sessions()[as].auth);
      const response = await request;
      if (response.status !== 200 && as === callsOf(route)[0].as) throw new Error(`GET ${route.path}${query} as ${as}: ${response.status} ${response.text}`);
      sent.push({ requestId, status: response.status, rows: Array.isArray(response.body?.items) ? response.body.items.length : 0 });
    }
    // Statements go to the log before their response: a last request's lines close the earlier ones'.
    const marker = randomUUID();
    await server.http.get(`/api/cohorts/${cohort.cohortId}`).set(cohort.manager.auth).set('X-Request-Id', marker).expect(200);
    await server.waitForLog(`"requestId":"${marker}"`);
    const counts = new Map<string, number>();
    for (const [, requestId] of server.logs.matchAll(SQL_LINE)) counts.set(requestId, (counts.get(requestId) ?? 0) + 1);
    return sent.map(({ requestId, ...rest }) => ({ ...rest, statements: counts.get(requestId) ?? 0 }));
  }

  it('covers every GET route of the OpenAPI document, or names why not', () => {
    const unresolved = routes.filter((route) => !concrete(route.path) && !(route.path in UNCOVERED)).map((route) => route.path);
    expect(unresolved).toEqual([]);
    expect(routes.filter((route) => !route.rule).map((route) => route.path)).toEqual([]);
    expect(Object.keys(UNCOVERED).filter((path) => !routes.some((route) => route.path === path))).toEqual([]);
  });

  it('runs as many statements for a page of 1 as for a page of 50, and for a detail with many children as with few', async () => {
    const covered = routes.filter((route) => !(route.path in UNCOVERED) && concrete(route.path));
    const details = covered.filter((route) => !route.list).flatMap(callsOf);
    const before = await count(details, '');

    await growCohort(server, cohort, GROWTH);
    await assignReviews(server, cohort, reviewer);

    const after = await count(details, '');
    const lists = covered.filter((route) => route.list).flatMap(callsOf);
    const small = await count(lists, '?limit=1');
    const large = await count(lists, `?limit=${LARGE}`);

    const growing = [
      ...details
        .map((call, i) => ({ call, before: before[i], after: after[i] }))
        .filter(({ before, after }) => before.status === 200 && after.status === 200 && after.statements !== before.statements)
        .map(({ call, before, after }) => `${call.route.path} as ${call.as}: ${before.statements} → ${after.statements} statements`),
      ...lists
        .map((call, i) => ({ call, small: small[i], large: large[i] }))
        .filter(({ small, large }) => small.status === 200 && large.status === 200 && large.statements !== small.statements)
        .map(({ call, small, large }) => `${call.route.path} as ${call.as}: ${small.statements} statements for ${small.rows} row(s), ${large.statements} for ${large.rows}`),
    ];
    expect(growing).toEqual([]);
    // A list the seed leaves with one row for every role proves nothing: name it, or seed it.
    const filled = new Set(lists.filter((_, i) => large[i].rows >= 2).map((call) => call.route.path));
    expect([...new Set(lists.map((call) => call.route.path))].filter((path) => !filled.has(path)).sort()).toEqual(Object.keys(THIN).sort());
    // The trace must really count: every signed-in request runs at least its access check.
    expect(lists.filter((call, i) => small[i].statements === 0 && call.as !== 'public').map((call) => call.route.path)).toEqual([]);
  });
});

/**
 * Grows the cohort straight in the database: `count` more tracks (with their matches and
 * people), each person also an accepted applicant, so that tracks, matches, participants,
 * applications and the scoreboard have many rows.
 */
async function growCohort(server: TestServer, cohort: TrackedCohort, count: number): Promise<void> {
  await addTracks(server, cohort, count);
  await server.db.query(`UPDATE matches SET reason = '{"sv": "Passar", "en": "Fits"}' WHERE cohort_id = $1 AND reason = '{}'`, [cohort.cohortId]);
  await server.db.query(
    `INSERT INTO applications (cohort_id, applicant_id, state, submitted_at, decided_at)
     SELECT $1, t.participant_id, 'accepted', now(), now() FROM tracks t
     WHERE t.cohort_id = $1 AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.cohort_id = $1 AND a.applicant_id = t.participant_id)`,
    [cohort.cohortId],
  );
}

/** Assigns the reviewer every accepted application of the cohort not yet assigned, each reviewed. */
async function assignReviews(server: TestServer, cohort: TrackedCohort, reviewer: Session): Promise<void> {
  const { rows } = await server.db.query<{ id: string }>(
    `INSERT INTO review_assignments (application_id, reviewer_id, assigned_by)
     SELECT a.id, $2, $3 FROM applications a WHERE a.cohort_id = $1 AND a.state = 'accepted'
     ON CONFLICT DO NOTHING RETURNING application_id AS id`,
    [cohort.cohortId, reviewer.userId, cohort.manager.userId],
  );
  await server.db.query(`INSERT INTO reviews (application_id, reviewer_id, scores) SELECT unnest($1::uuid[]), $2, '{"impact": 4, "feasibility": 3}'`, [rows.map((row) => row.id), reviewer.userId]);
}
