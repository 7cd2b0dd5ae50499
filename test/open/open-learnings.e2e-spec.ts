import {
  addOpenTracks,
  answerResearchUse,
  cohortPublishingOpenData,
  DEFAULT_PASSWORD,
  graduate,
  HELSINGBORG,
  intoTest,
  programmeWithManager,
  publishOpenData,
  recordLearning,
  TestServer,
  type OpenCohort,
  type Session,
} from '@samverka/testing';

interface Group {
  by: string;
  value: string | null;
  other: boolean;
  learnings: number;
  tracks: number;
  people: number;
  texts: { kind: string; text: string }[];
}

/**
 * What a cohort publishes as open data, read without an account: learnings grouped and counted,
 * each group resting on at least five tracks and three people; texts only with their author's
 * consent and a manager's approval; impact figures under the same threshold.
 */
describe('open learnings and impact figures', () => {
  let server: TestServer;
  let cohort: OpenCohort;
  let amira: Session;
  let bo: Session;
  let cecilia: Session;
  let david: Session;
  const learningIds: Record<string, string> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortPublishingOpenData(server, ['Amira Haddad', 'Bo Lindqvist', 'Cecilia Berg', 'David Ek']);
    [amira, bo, cecilia, david] = cohort.participants;
  });
  afterAll(() => server.stop());

  const groups = async (query: string): Promise<Group[]> => (await server.http.get(`/api/open/learnings?${query}`).expect(200)).body.items;
  const tagGroup = async (tag: string, query = ''): Promise<Group | undefined> => (await groups(`by=tag&${query}`)).find((g) => g.value === tag);
  const publication = (trackIndex: number, learningId: string) => `/api/tracks/${cohort.allTrackIds[trackIndex]}/learnings/${learningId}/publication`;
  const impact = async (query = ''): Promise<Record<string, unknown>[]> => (await server.http.get(`/api/open/impact?${query}`).expect(200)).body.items;

  it('publishes nothing that rests on four tracks, and a group once it rests on five', async () => {
    const texts = ['Föräldrar litade inte på kommunens utskick.', 'Ingen kom till det första mötet.', 'Fritidsledarna fick ta kontakten.', 'Det tog tid att bygga förtroende.'];
    for (const [i, author] of [amira, bo, cecilia, david].entries()) {
      learningIds[`tillit${i}`] = await recordLearning(server, author, cohort.allTrackIds[i], { kind: 'obstacle', text: texts[i], tags: ['Tillit'] });
    }
    expect(await groups('by=tag')).toEqual([]);
    expect(await groups('by=kind')).toEqual([]);
    expect(await impact()).toEqual([]);

    cohort = await addOpenTracks(server, cohort, 1);
    learningIds.tillit4 = await recordLearning(server, cohort.member, cohort.allTrackIds[4], { kind: 'obstacle', text: 'Förtroendet kom med fritidsledarna.', tags: ['tillit'] });
    expect(await groups('by=tag')).toEqual([expect.objectContaining({ by: 'tag', value: 'tillit', other: false, learnings: 5, tracks: 5, people: 5, texts: [] })]);
    expect(await groups('by=kind')).toEqual([expect.objectContaining({ value: 'obstacle', learnings: 5 })]);
    expect(await groups('by=departmentType')).toEqual([expect.objectContaining({ learnings: 5, tracks: 5 })]);
    expect(JSON.stringify(await groups('by=stage'))).not.toContain(cohort.allTrackIds[0]);
  });

  it('needs three people: five tracks written on by one or two are not enough', async () => {
    for (const trackId of cohort.allTrackIds) await recordLearning(server, cohort.member, trackId, { kind: 'enabler', text: 'Lokalerna fanns redan.', tags: ['lokaler'] });
    expect(await tagGroup('lokaler')).toBeUndefined();
    await recordLearning(server, amira, cohort.allTrackIds[0], { kind: 'enabler', text: 'Biblioteket lånade ut rummet.', tags: ['lokaler'] });
    expect(await tagGroup('lokaler')).toBeUndefined();
    await recordLearning(server, bo, cohort.allTrackIds[1], { kind: 'enabler', text: 'Skolan öppnade matsalen.', tags: ['lokaler'] });
    expect(await tagGroup('lokaler')).toEqual(expect.objectContaining({ learnings: 7, tracks: 5, people: 3 }));
  });

  it('merges small groups into "other" when together they rest on enough, and leaves them out otherwise', async () => {
    await recordLearning(server, amira, cohort.allTrackIds[0], { kind: 'insight', text: 'Språket i inbjudan spelade roll.', tags: ['språk'] });
    expect((await groups('by=tag')).map((g) => [g.value, g.other])).toEqual([
      ['lokaler', false],
      ['tillit', false],
    ]);
    for (const [i, author] of [bo, cecilia, david].entries()) await recordLearning(server, author, cohort.allTrackIds[i + 1], { kind: 'insight', text: 'Bilder fungerade bättre än text.', tags: [`bild${i}`] });
    await recordLearning(server, cohort.member, cohort.allTrackIds[4], { kind: 'insight', text: 'Tolk behövdes vid två möten.', tags: ['tolk'] });
    const other = (await groups('by=tag')).find((g) => g.other);
    expect(other).toEqual(expect.objectContaining({ value: null, learnings: 5, tracks: 5, people: 5 }));
  });

  it('publishes a text only when its author consented to research use and a manager approved it', async () => {
    await answerResearchUse(server, amira, true);
    await answerResearchUse(server, cecilia, true);
    await server.http.put(publication(0, learningIds.tillit0)).set(cohort.manager.auth).expect(200);
    await server.http.put(publication(1, learningIds.tillit1)).set(cohort.manager.auth).expect(200);
    // Amira: consent and approval. Bo: approval without consent. Cecilia: consent without approval.
    expect((await tagGroup('tillit'))?.texts).toEqual([{ kind: 'obstacle', text: 'Föräldrar litade inte på kommunens utskick.' }]);

    const listed = await server.http.get(`/api/tracks/${cohort.allTrackIds[0]}/learnings?tag=tillit`).set(cohort.manager.auth).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: learningIds.tillit0, publicationApprovedAt: expect.any(String) })]);

    await answerResearchUse(server, amira, false);
    expect((await tagGroup('tillit'))?.texts).toEqual([]);
    await answerResearchUse(server, amira, true);

    await server.http.delete(publication(0, learningIds.tillit0)).set(cohort.manager.auth).expect(204);
    expect((await tagGroup('tillit'))?.texts).toEqual([]);
    await server.http.put(publication(0, learningIds.tillit0)).set(cohort.manager.auth).expect(200);
    expect((await tagGroup('tillit'))?.texts).toHaveLength(1);

    const { rows } = await server.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'track.learning_text_%' ORDER BY occurred_at, id`, [cohort.allTrackIds[0]]);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['track.learning_text_approved', 'track.learning_text_withdrawn', 'track.learning_text_approved']);
  });

  it('lets only the managers of the cohort approve', async () => {
    await server.http.put(publication(2, learningIds.tillit2)).set(cecilia.auth).expect(403);
    await server.http.put(publication(2, learningIds.tillit2)).set(cohort.member.auth).expect(403);
    const stranger = await programmeWithManager(server, cohort.admin);
    await server.http.put(publication(2, learningIds.tillit2)).set(stranger.manager.auth).expect(404);
    await server.http.put(publication(3, learningIds.tillit2)).set(cohort.manager.auth).expect(404);
    await server.http.put(publication(2, learningIds.tillit2)).set(cohort.admin.auth).expect(200);
    expect((await tagGroup('tillit'))?.texts).toHaveLength(2);
    await server.http.delete(publication(2, learningIds.tillit2)).set(cohort.admin.auth).expect(204);
    await server.http.put(`/api/cohorts/${cohort.cohortId}/open-data`).set(stranger.manager.auth).send({ publishes: false }).expect(404);
  });

  it('refuses to approve a text with a personnummer or an e-mail address, naming the field', async () => {
    for (const text of ['Ring 19121212-1212 om lokalen.', 'Skriv till fritid.dalhem@helsingborg.se först.']) {
      const id = await recordLearning(server, amira, cohort.allTrackIds[0], { text, tags: ['tillit'] });
      const refused = await server.http.put(publication(0, id)).set(cohort.manager.auth).expect(409);
      expect(refused.body).toMatchObject({ code: 'personal_data_in_publication', fields: ['text'] });
      expect(JSON.stringify(refused.body)).not.toContain(text);
    }
    expect((await tagGroup('tillit'))?.texts).toHaveLength(1);
  });

  it('lets the approval lapse when the text changes', async () => {
    const id = await recordLearning(server, cecilia, cohort.allTrackIds[2], { text: 'Kvällstid passade bäst.', tags: ['tillit'] });
    await server.http.put(publication(2, id)).set(cohort.manager.auth).expect(200);
    expect((await tagGroup('tillit'))?.texts.map((t) => t.text)).toContain('Kvällstid passade bäst.');
    await server.db.query(`UPDATE track_learnings SET text = 'Kvällstid passade bäst, sa Cecilia.' WHERE id = $1`, [id]);
    expect(JSON.stringify(await tagGroup('tillit'))).not.toContain('Kvällstid');
  });

  it('filters by tag, year, Global Goal, municipality and county', async () => {
    expect((await groups('by=kind&tag=Tillit')).map((g) => g.value)).toEqual(['obstacle']);
    const year = new Date().getUTCFullYear();
    expect(await groups(`by=tag&year=${year}`)).not.toEqual([]);
    expect(await groups(`by=tag&year=${year - 1}`)).toEqual([]);
    expect(await groups('by=tag&sdg=4')).not.toEqual([]);
    expect(await groups('by=tag&sdg=1')).toEqual([]);
    expect(await groups(`by=tag&municipality=${HELSINGBORG}`)).not.toEqual([]);
    expect(await groups('by=tag&county=12')).not.toEqual([]);
    expect(await groups('by=tag&county=01')).toEqual([]);
    await server.http.get('/api/open/learnings?by=colour').expect(400);
  });

  it('answers anonymously, cacheable, paged, and as CSV', async () => {
    const first = await server.http.get('/api/open/learnings?by=tag&limit=1').expect(200);
    expect(first.headers['cache-control']).toContain('public');
    expect(first.body.items).toHaveLength(1);
    await server.http.get('/api/open/learnings?by=tag&limit=1').set('If-None-Match', first.headers.etag).expect(304);
    const second = await server.http.get(`/api/open/learnings?by=tag&limit=1&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items[0].value).not.toBe(first.body.items[0].value);

    const csv = await server.http.get('/api/open/learnings?by=tag&format=csv').expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, ...lines] = csv.text.trim().split(/\r?\n/);
    expect(header).toBe('programme,year,by,value,other,learnings,tracks,people,texts');
    expect(lines.some((line) => line.includes('tillit') && line.includes('Föräldrar litade inte'))).toBe(true);
  });

  it('withdraws an erased author’s texts from publication; the counts stay', async () => {
    await server.http.delete('/api/me').set(amira.auth).send({ password: DEFAULT_PASSWORD }).expect(204);
    const tillit = await tagGroup('tillit');
    expect(tillit).toEqual(expect.objectContaining({ tracks: 5 }));
    expect(JSON.stringify(tillit)).not.toContain('Föräldrar litade inte');
    const again = await server.http.put(publication(0, learningIds.tillit0)).set(cohort.manager.auth).expect(409);
    expect(again.body.code).toBe('learning_author_erased');
  });

  it('publishes impact figures of a cohort on five tracks, graduations merged into "other" until an outcome rests on five', async () => {
    const figures = await impact();
    expect(figures.filter((f) => f.section === 'sdg').map((f) => f.key)).toEqual(['4', '10']);
    expect(figures.filter((f) => f.section === 'graduation')).toEqual([]);

    const { programmeId } = (await server.http.get(`/api/cohorts/${cohort.cohortId}`).set(cohort.manager.auth).expect(200)).body;
    const metric = await server.http
      .post(`/api/programmes/${programmeId}/metrics`)
      .set(cohort.manager.auth)
      .send({ name: 'Unga som bokat själva', unit: 'personer', sdgs: [4], direction: 'higher_is_better', baseline: 0, target: 100 })
      .expect(201);
    for (const [i, trackId] of cohort.allTrackIds.entries()) {
      const measurement = { metricId: metric.body.id, value: 10, periodFrom: '2026-10-01', periodTo: '2026-10-31', evidenceText: 'Bokningsloggen.' };
      await server.http.post(`/api/tracks/${trackId}/measurements`).set(cohort.manager.auth).send(measurement).expect(201);
      const metrics = (await impact()).filter((f) => f.section === 'metric');
      expect(metrics).toEqual(i < 4 ? [] : [expect.objectContaining({ key: 'Unga som bokat själva', unit: 'personer', measurements: 5, value: 50, shareOfTarget: 0.5 })]);
    }

    const outcomes = ['adopted_by_department', 'adopted_by_department', 'adopted_by_department', 'procured', 'procured'];
    for (const [i, trackId] of cohort.allTrackIds.entries()) {
      await intoTest(server, cohort.manager, trackId, cohort.openEnvironmentId);
      await graduate(server, cohort.manager, trackId, cohort.openEnvironmentId, outcomes[i]);
      const graduations = (await impact()).filter((f) => f.section === 'graduation');
      expect(graduations).toEqual(i < 4 ? [] : [expect.objectContaining({ key: null, graduates: 5, cohortId: cohort.cohortId })]);
    }
    const csv = await server.http.get('/api/open/impact?format=csv').expect(200);
    expect(csv.text.trim().split(/\r?\n/)[0]).toBe('programme,cohort,year,section,key,label,unit,measurements,value,target,shareOfTarget,graduates,challenges,participants');
  });

  it('publishes nothing of a cohort whose manager withdrew its open data', async () => {
    await publishOpenData(server, cohort.manager, cohort.cohortId, false);
    expect(await groups('by=tag')).toEqual([]);
    expect(await impact()).toEqual([]);
    const read = await server.http.get(`/api/cohorts/${cohort.cohortId}`).set(cohort.manager.auth).expect(200);
    expect(read.body.publishesOpenData).toBe(false);
    await server.http.put(`/api/cohorts/${cohort.cohortId}/open-data`).set(cohort.participants[1].auth).send({ publishes: true }).expect(403);
    const { rows } = await server.db.query(`SELECT action, from_state, to_state FROM audit_events WHERE entity_id = $1 AND action LIKE 'cohort.open_data_%' ORDER BY occurred_at, id`, [cohort.cohortId]);
    expect(rows).toEqual([
      { action: 'cohort.open_data_published', from_state: 'unpublished', to_state: 'published' },
      { action: 'cohort.open_data_withdrawn', from_state: 'published', to_state: 'unpublished' },
    ]);
  });
});
