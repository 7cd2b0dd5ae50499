import { parse } from 'csv-parse/sync';
import { advanceTrack, DEFAULT_PASSWORD, graduate, intoTest, programmeWithManager, TestServer, type Session } from '@samverka/testing';
import { impactCohort, type ImpactCohort } from './impact-setup.js';

const REPORTS = ['funnel', 'stage-times', 'challenges', 'sdg-coverage', 'metrics', 'graduations', 'learnings', 'metrics-over-time'];

/**
 * One small cohort whose every report figure is worked out by hand below:
 * five applicants (Amira, Bo, Cecilia, David accepted; Eva rejected) and one draft;
 * Kultur has challenges K1 (SDG 10, 11) and K2 (SDG 10), Skola has S1 (SDG 4);
 * Amira–K1 graduates (adopted), Bo–K2 is discontinued in test, Cecilia–S1 is in co-design, David has no track.
 */
describe('cohort reports: right figures, as JSON and CSV, for the programme’s managers only', () => {
  let server: TestServer;
  let cohort: ImpactCohort;
  let amira: Session;
  let cecilia: Session;
  let david: Session;
  let metricIds: Record<'reached' | 'waiting' | 'satisfaction', string>;

  const report = (name: string, as: Session = cohort.manager, query = '') => server.http.get(`/api/cohorts/${cohort.cohortId}/reports/${name}${query}`).set(as.auth);
  const rows = async (name: string) => (await report(name).expect(200)).body.rows as Record<string, unknown>[];
  const history = (trackId: string, stage: string, at: string) => server.db.query(`UPDATE track_stage_history SET entered_at = $3 WHERE track_id = $1 AND to_stage = $2`, [trackId, stage, at]);

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await impactCohort(server, {
      participants: [
        { name: 'Amira Haddad', sdgs: [4, 10] },
        { name: 'Bo Lindqvist', sdgs: [10] },
        { name: 'Cecilia Öberg', sdgs: [5] },
        { name: 'David Nilsson', sdgs: [] },
      ],
      rejected: { name: 'Eva Ek', sdgs: [4] },
      departments: [
        { name: 'Kulturförvaltningen', challenges: [{ title: 'K1 Mötesplatser', sdgs: [10, 11] }, { title: 'K2 Läsfrämjande', sdgs: [10] }] },
        { name: 'Skol- och fritidsförvaltningen', challenges: [{ title: 'S1 Läxhjälp', sdgs: [4] }] },
      ],
      pairs: [
        [0, 0],
        [0, 1],
        [1, 0],
      ],
    });
    const [amirasTrack, bosTrack, ceciliasTrack] = cohort.trackIds;
    [amira, , cecilia, david] = cohort.participants;
    const [kultur, skola] = cohort.departments;
    const { manager } = cohort;

    await intoTest(server, manager, amirasTrack, kultur.environmentId);
    await intoTest(server, manager, bosTrack, kultur.environmentId);
    await advanceTrack(server, manager, bosTrack, { to: 'discontinued', note: 'Avslut', reason: 'Bo flyttade.' });
    await advanceTrack(server, manager, ceciliasTrack, { to: 'co_design', note: 'Start' });
    expect(skola.challengeIds).toHaveLength(1);

    const metric = async (body: Record<string, unknown>) =>
      (await server.http.post(`/api/programmes/${cohort.programmeId}/metrics`).set(manager.auth).send(body).expect(201)).body.id as string;
    metricIds = {
      reached: await metric({ name: 'Unga som bokat själva', unit: 'personer', sdgs: [4, 10], direction: 'higher_is_better', target: 100 }),
      waiting: await metric({ name: 'Väntetid', unit: 'dagar', sdgs: [11], direction: 'lower_is_better', aggregation: 'average', baseline: 30, target: 20 }),
      satisfaction: await metric({ name: 'Nöjdhet', unit: 'poäng', sdgs: [], direction: 'higher_is_better' }),
    };
    const OCTOBER = ['2026-10-01', '2026-10-31'];
    const NOVEMBER = ['2026-11-01', '2026-11-30'];
    const measure = (path: string, as: Session, metricId: string, value: number, [periodFrom, periodTo] = OCTOBER) =>
      server.http.post(path).set(as.auth).send({ metricId, value, periodFrom, periodTo, evidenceText: 'Räknat i bokningsloggen.' }).expect(201);
    await measure(`/api/tracks/${amirasTrack}/measurements`, amira, metricIds.reached, 40);
    // Over September and October: it counts in October, when its period ends.
    await measure(`/api/tracks/${bosTrack}/measurements`, kultur.member, metricIds.waiting, 25, ['2026-09-20', '2026-10-10']);
    await measure(`/api/tracks/${bosTrack}/measurements`, manager, metricIds.waiting, 27);
    await measure(`/api/tracks/${ceciliasTrack}/measurements`, cecilia, metricIds.waiting, 22, NOVEMBER);
    await measure(`/api/cohorts/${cohort.cohortId}/participants/${david.userId}/measurements`, manager, metricIds.reached, 10);
    await graduate(server, manager, amirasTrack, kultur.environmentId, 'adopted_by_department');
    const followUp = await measure(`/api/tracks/${amirasTrack}/measurements`, amira, metricIds.reached, 20, NOVEMBER);
    expect(followUp.body.followUp).toBe(true);

    const learn = (trackId: string, as: Session, kind: string, tags: string[]) =>
      server.http.post(`/api/tracks/${trackId}/learnings`).set(as.auth).send({ kind, text: `${kind}: ${tags.join(', ') || 'utan taggar'}`, tags }).expect(201);
    await learn(amirasTrack, amira, 'obstacle', ['Lokaler', 'tid']);
    await learn(amirasTrack, kultur.member, 'obstacle', ['lokaler']);
    await learn(amirasTrack, amira, 'enabler', ['eldsjäl']);
    await learn(amirasTrack, kultur.member, 'method', ['samskapande']);
    await learn(bosTrack, kultur.member, 'obstacle', ['lokaler']);
    await learn(bosTrack, manager, 'insight', []);
    await learn(ceciliasTrack, cecilia, 'obstacle', ['tid', 'lokaler']);

    // Deterministic stays (days): Amira 10 matched, 20 co-design, 29 in test, 10 evaluation;
    // Bo 4, 6, 30 (then discontinued); Cecilia 2 matched, still in co-design.
    for (const [trackId, stages] of [
      [amirasTrack, { matched: '2026-01-01', co_design: '2026-01-11', test_environment: '2026-01-31', evaluation: '2026-03-01', graduated: '2026-03-11' }],
      [bosTrack, { matched: '2026-01-01', co_design: '2026-01-05', test_environment: '2026-01-11', discontinued: '2026-02-10' }],
      [ceciliasTrack, { matched: '2026-01-01', co_design: '2026-01-03' }],
    ] as const) {
      for (const [stage, day] of Object.entries(stages)) await history(trackId, stage, `${day}T09:00:00Z`);
    }
  });
  afterAll(() => server.stop());

  it('funnel: 5 submitted applications (not the draft) → 4 accepted → 3 matched → 2 in test → 1 graduated', async () => {
    expect(await rows('funnel')).toEqual([
      { step: 'applications', count: 5, shareOfPrevious: null },
      { step: 'accepted', count: 4, shareOfPrevious: 0.8 },
      { step: 'matched', count: 3, shareOfPrevious: 0.75 },
      { step: 'in_test', count: 2, shareOfPrevious: 0.667 },
      { step: 'graduated', count: 1, shareOfPrevious: 0.5 },
    ]);
  });

  it('stage-times: median and range of the finished stays per stage, in days', async () => {
    expect(await rows('stage-times')).toEqual([
      { stage: 'matched', tracks: 3, medianDays: 4, minDays: 2, maxDays: 10 },
      { stage: 'co_design', tracks: 2, medianDays: 13, minDays: 6, maxDays: 20 },
      { stage: 'test_environment', tracks: 2, medianDays: 29.5, minDays: 29, maxDays: 30 },
      { stage: 'evaluation', tracks: 1, medianDays: 10, minDays: 10, maxDays: 10 },
    ]);
  });

  it('challenges: per department, challenges by state and what came of their tracks', async () => {
    const none = { approved: 0, matched: 0, inTest: 0, completed: 0, withdrawn: 0, discontinued: 0, adoptedByDepartment: 0, continuedAsVenture: 0, procured: 0, stoppedWithLessons: 0, other: 0 };
    const [kultur, skola] = cohort.departments;
    expect(await rows('challenges')).toEqual([
      { ...none, departmentId: kultur.id, department: 'Kulturförvaltningen', challenges: 2, completed: 2, tracks: 2, discontinued: 1, adoptedByDepartment: 1 },
      { ...none, departmentId: skola.id, department: 'Skol- och fritidsförvaltningen', challenges: 1, matched: 1, tracks: 1 },
    ]);
  });

  it('sdg-coverage: every goal with its challenges, accepted participants and linked measurements', async () => {
    const covered: Record<string, unknown[]> = Object.fromEntries((await rows('sdg-coverage')).map(({ goal, challenges, participants, measurements }) => [goal, [challenges, participants, measurements]]));
    expect(Object.keys(covered)).toHaveLength(17);
    expect(covered).toMatchObject({ 4: [1, 1, 3], 5: [0, 1, 0], 10: [2, 2, 3], 11: [1, 0, 3], 1: [0, 0, 0], 17: [0, 0, 0] });
    expect(Object.values(covered).filter((counts) => counts.some((n) => n !== 0))).toHaveLength(4);
  });

  it('metrics: totals against targets, the way each metric should move', async () => {
    expect(await rows('metrics')).toEqual([
      expect.objectContaining({ metricId: metricIds.satisfaction, name: 'Nöjdhet', measurements: 0, followUps: 0, sum: null, average: null, shareOfTarget: null }),
      { metricId: metricIds.reached, name: 'Unga som bokat själva', unit: 'personer', direction: 'higher_is_better', aggregation: 'sum', baseline: null, target: 100, measurements: 3, followUps: 1, sum: 70, average: 23.333, shareOfTarget: 0.7 },
      // Average 24.667 days from a baseline of 30 towards 20: 5.333 of the 10 days = 0.533.
      { metricId: metricIds.waiting, name: 'Väntetid', unit: 'dagar', direction: 'lower_is_better', aggregation: 'average', baseline: 30, target: 20, measurements: 3, followUps: 0, sum: 74, average: 24.667, shareOfTarget: 0.533 },
    ]);
  });

  it('metrics-over-time: per metric and month of the period’s end, the month’s aggregate and the aggregate to date', async () => {
    expect(await rows('metrics-over-time')).toEqual([
      // Nöjdhet has no measurements, so no months. Sums: 40 + 10 in October, the follow-up of 20 in November.
      { metricId: metricIds.reached, name: 'Unga som bokat själva', unit: 'personer', aggregation: 'sum', month: '2026-10', measurements: 2, value: 50, cumulative: 50 },
      { metricId: metricIds.reached, name: 'Unga som bokat själva', unit: 'personer', aggregation: 'sum', month: '2026-11', measurements: 1, value: 20, cumulative: 70 },
      // Averages: (25 + 27) / 2 in October; 22 in November, (25 + 27 + 22) / 3 to date, the metrics report's average.
      { metricId: metricIds.waiting, name: 'Väntetid', unit: 'dagar', aggregation: 'average', month: '2026-10', measurements: 2, value: 26, cumulative: 26 },
      { metricId: metricIds.waiting, name: 'Väntetid', unit: 'dagar', aggregation: 'average', month: '2026-11', measurements: 1, value: 22, cumulative: 24.667 },
    ]);
  });

  it('graduations: one adopted by the department, every other outcome zero', async () => {
    expect(await rows('graduations')).toEqual([
      { outcome: 'adopted_by_department', graduates: 1 },
      { outcome: 'continued_as_venture', graduates: 0 },
      { outcome: 'procured', graduates: 0 },
      { outcome: 'stopped_with_lessons', graduates: 0 },
      { outcome: 'other', graduates: 0 },
    ]);
  });

  it('learnings: per tag and kind, entries and the tracks they come from, most frequent first', async () => {
    expect(await rows('learnings')).toEqual([
      { tag: 'lokaler', kind: 'obstacle', entries: 4, tracks: 3 },
      { tag: 'tid', kind: 'obstacle', entries: 2, tracks: 2 },
      { tag: 'eldsjäl', kind: 'enabler', entries: 1, tracks: 1 },
      { tag: 'samskapande', kind: 'method', entries: 1, tracks: 1 },
      { tag: null, kind: 'insight', entries: 1, tracks: 1 },
    ]);
  });

  it('gives every report as CSV with the same rows: BOM, text/csv, parsed back equal to the JSON', async () => {
    for (const name of REPORTS) {
      const json = (await report(name).expect(200)).body.rows as Record<string, unknown>[];
      const csv = await report(name, cohort.manager, '?format=csv').expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="${name}-${cohort.cohortId}.csv"`);
      expect(csv.text.startsWith('\uFEFF')).toBe(true);
      const parsed = parse(csv.text, { bom: true, columns: true }) as Record<string, string>[];
      expect(parsed).toEqual(json.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null ? '' : String(value)]))));
    }
  });

  it('answers the programme’s managers and admins; others are refused (403) or do not see the cohort (404)', async () => {
    const otherManager = (await programmeWithManager(server, cohort.admin)).manager;
    for (const name of REPORTS) {
      await report(name, cohort.admin).expect(200);
      await report(name, otherManager).expect(404);
      await report(name, amira).expect(403);
      await report(name, cohort.departments[0].member).expect(403);
    }
    await server.http.get(`/api/cohorts/${cohort.programmeId}/reports/funnel`).set(cohort.admin.auth).expect(404);
    await report('funnel', cohort.manager, '?format=xlsx').expect(400);
    await server.http.get(`/api/cohorts/${cohort.cohortId}/reports/funnel`).expect(401);
  });

  it('stays right after a participant erases their account', async () => {
    const before = await Promise.all(REPORTS.map(rows));
    await server.http.delete('/api/me').set(cecilia.auth).send({ password: DEFAULT_PASSWORD }).expect(204);
    const after = await Promise.all(REPORTS.map(rows));
    expect(after).toEqual(before);
    expect(after[0].map((row) => row.count)).toEqual([5, 4, 3, 2, 1]);
    expect(after[6].reduce((sum, row) => sum + Number(row.entries), 0)).toBe(9);
    const [{ evidence_text }] = (await server.db.query(`SELECT evidence_text FROM impact_measurements WHERE track_id = $1`, [cohort.trackIds[2]])).rows;
    expect(evidence_text).toBe('');
  });

  it('neutralises a formula in a tag when the report goes to a spreadsheet', async () => {
    await server.http.post(`/api/tracks/${cohort.trackIds[0]}/learnings`).set(amira.auth).send({ kind: 'enabler', text: 'x', tags: ['=HYPERLINK("http://evil")'] }).expect(201);
    const csv = (await report('learnings', cohort.manager, '?format=csv').expect(200)).text;
    // Tags are stored lower case; the leading quote keeps the spreadsheet from running it.
    expect(csv).toContain(`"'=hyperlink(""http://evil"")",enabler,1,1`);
  });
});
