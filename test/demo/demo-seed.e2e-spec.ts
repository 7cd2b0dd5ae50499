import { login, TestServer } from '@samverka/testing';

const DEMO_PASSWORD = 'Samverka-demo-2026';

/**
 * The demo is seeded through the public API on an empty database, so it obeys every rule:
 * its states are reachable ones, and each change is in the audit trail.
 */
describe('the demo seed', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start({ env: { SEED_DEMO: 'true', LOG_LEVEL: 'info' } });
    await server.waitForLog('demo login — entrepreneur', 150_000);
  }, 180_000);
  afterAll(() => server.stop());

  it('prints a login for each role, and each works', async () => {
    for (const role of ['programme_manager', 'department_member', 'reviewer', 'entrepreneur']) {
      const line = server.logs.split('\n').find((l) => l.includes(`demo login — ${role}:`));
      const email = /: (\S+@\S+) \//.exec(line ?? '')?.[1] as string;
      const session = await login(server, email, DEMO_PASSWORD);
      const me = await server.http.get('/api/me').set(session.auth).expect(200);
      expect(me.body.roles).toContain(role);
    }
    expect(server.logs).toContain('demo login — admin: admin@samverka.test / (your ADMIN_PASSWORD)');
  });

  it('holds a city with five departments, a cohort of twenty applicants and tracks in every stage', async () => {
    const manager = await login(server, 'maria.nilsson@example.org', DEMO_PASSWORD);
    const departments = await server.http.get('/api/departments').set(manager.auth).expect(200);
    expect(departments.body.items).toHaveLength(5);
    const cohorts = (await server.http.get('/api/cohorts').set(manager.auth).expect(200)).body.items;
    const cohort = cohorts.find((c: { name: string }) => c.name === 'Hösten 2026');
    expect(cohort).toMatchObject({ state: 'running' });
    const applications = await server.http.get(`/api/cohorts/${cohort.id}/applications`).query({ limit: 100 }).set(manager.auth).expect(200);
    expect(applications.body.items).toHaveLength(20);
    const runs = await server.http.get(`/api/cohorts/${cohort.id}/matching-runs`).set(manager.auth).expect(200);
    expect(runs.body.items.filter((run: { publishedAt: string | null }) => run.publishedAt)).toHaveLength(2);
    const tracks = await server.http.get('/api/tracks').query({ cohortId: cohort.id, limit: 100 }).set(manager.auth).expect(200);
    expect(new Set(tracks.body.items.map((t: { stage: string }) => t.stage))).toEqual(
      new Set(['matched', 'co_design', 'test_environment', 'evaluation', 'graduated', 'discontinued']),
    );
    const challenges = await server.http.get('/api/challenges').query({ limit: 100 }).set(manager.auth).expect(200);
    expect(challenges.body.items.map((c: { state: string }) => c.state)).toEqual(expect.arrayContaining(['submitted', 'changes_requested', 'rejected', 'in_test', 'completed']));

    const metrics = await server.http.get(`/api/cohorts/${cohort.id}/reports/metrics`).set(manager.auth).expect(200);
    expect(metrics.body.rows).toHaveLength(2);
    expect(metrics.body.rows.every((row: { measurements: number }) => row.measurements > 0)).toBe(true);
    const funnel = await server.http.get(`/api/cohorts/${cohort.id}/reports/funnel`).set(manager.auth).expect(200);
    expect(funnel.body.rows).toBeDefined();
    const cards = await server.http.get('/api/method-cards').set(manager.auth).expect(200);
    expect(cards.body.items).toHaveLength(2);
    const onTrust = cards.body.items.find((c: { title: string }) => c.title === 'Bygg förtroende genom personalen på plats');
    const card = await server.http.get(`/api/method-cards/${onTrust.id}`).set(manager.auth).expect(200);
    expect(card.body.reuse.tracks).toBe(2);
    const posts = (await server.http.get('/api/partner-posts').set(manager.auth).expect(200)).body.items;
    expect(posts).toHaveLength(5);
    const search = posts.find((post: { title: string }) => post.title.startsWith('Söker en mötesplats'));
    const suggested = (await server.http.get(`/api/partner-posts/${search.id}/suggestions`).set(manager.auth).expect(200)).body;
    expect(suggested.posts.map((s: { post: { title: string } }) => s.post.title)).toEqual(['Träffpunkt Drottninghög tar emot tester']);
    expect(suggested.challenges.map((s: { title: string }) => s.title)).toContain('Bryta ensamheten bland äldre');
  });

  it('publishes open data from a finished spring cohort: learnings in groups with approved texts, impact figures and a method card', async () => {
    const manager = await login(server, 'maria.nilsson@example.org', DEMO_PASSWORD);
    const cohorts = (await server.http.get('/api/cohorts').set(manager.auth).expect(200)).body.items;
    expect(cohorts.find((c: { name: string }) => c.name === 'Våren 2026')).toMatchObject({ state: 'completed', publishesOpenData: true });

    const learnings = (await server.http.get('/api/open/learnings').expect(200)).body.items;
    expect(learnings.map((g: { value: string }) => g.value).sort()).toEqual(['enabler', 'insight', 'method', 'obstacle']);
    for (const group of learnings) {
      expect(group).toMatchObject({ programme: 'Samverka Acceleratorn', other: false });
      expect(group.tracks).toBeGreaterThanOrEqual(5);
      expect(group.people).toBeGreaterThanOrEqual(3);
      expect(group.texts.length).toBeGreaterThan(0);
    }

    const impact = (await server.http.get('/api/open/impact').expect(200)).body.items;
    expect(impact.every((f: { cohort: string }) => f.cohort === 'Våren 2026')).toBe(true);
    expect(impact.filter((f: { section: string }) => f.section === 'metric').map((f: { key: string }) => f.key).sort()).toEqual(['Ideella timmar som frigjorts', 'Personer som nåtts av lösningen']);
    expect(impact).toContainEqual(expect.objectContaining({ section: 'graduation', key: 'adopted_by_department', graduates: 5 }));

    const cards = (await server.http.get('/api/open/method-cards').expect(200)).body.items;
    expect(cards.map((c: { title: string; licence: string }) => [c.title, c.licence])).toEqual([['Möt målgruppen där den redan finns', 'CC-BY-4.0']]);
  });

  it('holds a dialogue meeting whose most backed need became one of the cohort’s challenges, and one open for sign-up', async () => {
    const manager = await login(server, 'maria.nilsson@example.org', DEMO_PASSWORD);
    const meetings = (await server.http.get('/api/dialogue-meetings').set(manager.auth).expect(200)).body.items;
    expect(meetings.map((m: { theme: string }) => m.theme)).toEqual(['Unga, fritid och föreningsliv', 'Ensamhet bland äldre i Helsingborg']);
    const held = meetings[1];
    expect(held.seatCounts).toMatchObject({ confirmed: 6, waitlisted: 1 });
    const needs = (await server.http.get(`/api/dialogue-meetings/${held.id}/needs`).set(manager.auth).expect(200)).body;
    const drafted = needs.find((n: { challengeId: string | null }) => n.challengeId);
    expect(drafted).toMatchObject({ people: 4, sectors: ['civil_society', 'private', 'public'] });
    expect(needs.filter((n: { mergedIntoId: string | null }) => n.mergedIntoId)).toEqual([expect.objectContaining({ mergedIntoId: drafted.id })]);
    const challenge = (await server.http.get(`/api/challenges/${drafted.challengeId}`).set(manager.auth).expect(200)).body;
    expect(challenge).toMatchObject({ title: 'Bryta ensamheten bland äldre', origin: { meetingId: held.id, needId: drafted.id, people: 4 } });
    const funnel = (await server.http.get('/api/dialogue-reports/needs-funnel').set(manager.auth).expect(200)).body;
    expect(funnel.fromDialogue).toMatchObject({ challenges: 1, medianPeople: 4, medianSectors: 3 });
  });

  it('leaves work waiting: a spring cohort in selection, with applications to score and to decide', async () => {
    const manager = await login(server, 'maria.nilsson@example.org', DEMO_PASSWORD);
    const cohorts = (await server.http.get('/api/cohorts').set(manager.auth).expect(200)).body.items;
    const spring = cohorts.find((cohort: { name: string }) => cohort.name === 'Våren 2027');
    expect(spring.state).toBe('selecting');
    const applications = await server.http.get(`/api/cohorts/${spring.id}/applications`).query({ limit: 100 }).set(manager.auth).expect(200);
    expect(applications.body.items.map((application: { state: string }) => application.state)).toEqual(Array(6).fill('submitted'));
    const { rows } = await server.db.query(
      `SELECT count(*)::int AS waiting FROM review_assignments a JOIN users u ON u.id = a.reviewer_id
       WHERE u.email = 'karl.jurysson@example.org' AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.application_id = a.application_id AND r.reviewer_id = a.reviewer_id)`,
    );
    expect(rows).toEqual([{ waiting: 4 }]);
  });

  it('went through the services: every track move and decision is in the audit trail', async () => {
    const { rows } = await server.db.query(`SELECT entity_type, to_state, count(*)::int AS n FROM audit_events WHERE entity_type IN ('application', 'track') AND to_state IN ('accepted', 'graduated', 'discontinued') GROUP BY 1, 2 ORDER BY 1, 2`);
    expect(rows).toEqual([
      { entity_type: 'application', to_state: 'accepted', n: 17 },
      { entity_type: 'track', to_state: 'discontinued', n: 2 },
      { entity_type: 'track', to_state: 'graduated', n: 9 },
    ]);
  });

  it('is not seeded twice when the server starts again on the same data', async () => {
    await server.stop({ keepData: true });
    server = await TestServer.start({ databaseName: server.databaseName, dataDir: server.dataDir, env: { SEED_DEMO: 'true', LOG_LEVEL: 'info' } });
    const admin = await login(server, 'admin@samverka.test', 'Admin-lösenord-2026');
    const programmes = await server.http.get('/api/programmes').set(admin.auth).expect(200);
    expect(programmes.body.items).toHaveLength(1);
    expect(server.logs).not.toContain('seeding the demo');
  });
});
