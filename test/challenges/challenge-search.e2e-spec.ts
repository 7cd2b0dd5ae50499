import { createDepartment, departmentMember, draftChallenge, loginAdmin, TestServer, type Session } from '@samverka/testing';

describe('challenge search and filters', () => {
  let server: TestServer;
  let member: Session;
  let otherMember: Session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    const admin = await loginAdmin(server);
    const departmentId = (await createDepartment(server, admin)).id;
    member = await departmentMember(server, admin, departmentId);
    otherMember = await departmentMember(server, admin, (await createDepartment(server, admin)).id);
    const drafts: Record<string, Record<string, unknown>> = {
      skola: { title: 'En skola för alla', problemStatement: 'Många elever saknar stöd efter skoltid.', desiredOutcome: 'Fler klarar målen.', themes: ['Utbildning'], sdgs: [4], competences: ['pedagogik'] },
      trygghet: { title: 'Trygghet på fritiden', problemStatement: 'Vägen hem från skolorna känns otrygg på kvällen.', desiredOutcome: 'Unga känner sig trygga.', themes: ['trygghet'], sdgs: [11, 16], competences: ['stadsplanering'] },
      forskola: { title: 'Förskola utomhus', problemStatement: 'Förskolor i innerstaden saknar gröna gårdar.', desiredOutcome: 'Barn leker mer ute.', themes: ['utbildning', 'natur'], sdgs: [3, 4], competences: ['landskapsarkitektur'] },
      aldre: { title: 'Ensamhet bland äldre', problemStatement: 'Många på äldreboenden träffar få människor.', desiredOutcome: 'Fler möten över generationerna.', themes: ['hälsa'], sdgs: [3], competences: ['tjänstedesign'] },
      english: { title: 'Loneliness among older people', problemStatement: 'Older residents rarely meet their neighbours.', desiredOutcome: 'Neighbourhoods with more meeting places.', themes: ['health'], sdgs: [3, 10], competences: ['service design'] },
    };
    for (const [key, content] of Object.entries(drafts)) ids[key] = (await draftChallenge(server, member, departmentId, content)).id;
  });
  afterAll(() => server.stop());

  const search = async (query: string, as: Session = member): Promise<string[]> => {
    const response = await server.http.get(`/api/challenges?${query}`).set(as.auth).expect(200);
    return response.body.items.map((c: { id: string }) => c.id);
  };
  const q = (text: string) => `q=${encodeURIComponent(text)}`;

  it('finds Swedish words in inflected forms: "skolor" finds "skola"', async () => {
    expect((await search(q('skolor'))).sort()).toEqual([ids.skola, ids.trygghet].sort());
  });

  it('handles å, ä and ö: "förskolor" finds "Förskola", "äldreboende" finds "äldreboenden"', async () => {
    expect(await search(q('förskolor'))).toEqual([ids.forskola]);
    expect(await search(q('äldreboende'))).toEqual([ids.aldre]);
    expect(await search(q('ensamheten'))).toEqual([ids.aldre]);
  });

  it('finds English words in inflected forms', async () => {
    expect(await search(q('neighbour'))).toEqual([ids.english]);
    expect(await search(q('residents meeting'))).toEqual([ids.english]);
  });

  it('ranks a match in the title above one in the problem statement', async () => {
    const found = await search(q('skola'));
    expect(found.indexOf(ids.skola)).toBeLessThan(found.indexOf(ids.trygghet));
    expect(found).not.toContain(ids.forskola);
  });

  it('pages through ranked results with a cursor, each result once', async () => {
    const first = await server.http.get(`/api/challenges?${q('skola')}&limit=1`).set(member.auth).expect(200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await server.http.get(`/api/challenges?${q('skola')}&limit=1&cursor=${first.body.nextCursor}`).set(member.auth).expect(200);
    expect([...first.body.items, ...second.body.items].map((c: { id: string }) => c.id)).toEqual([ids.skola, ids.trygghet]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('finds nothing for words that are not there, and nothing outside the caller’s scope', async () => {
    expect(await search(q('cykelbana'))).toEqual([]);
    expect(await search(q('skolor'), otherMember)).toEqual([]);
  });

  it('filters by SDG, theme and competence (tags compare normalised), alone and with a search', async () => {
    expect((await search('sdg=4')).sort()).toEqual([ids.skola, ids.forskola].sort());
    expect((await search('theme=%20UTBILDNING%20')).sort()).toEqual([ids.skola, ids.forskola].sort());
    expect(await search('competence=Service%20Design')).toEqual([ids.english]);
    expect(await search(`sdg=4&${q('förskolor')}`)).toEqual([ids.forskola]);
    await server.http.get('/api/challenges?sdg=18').set(member.auth).expect(400);
  });
});
