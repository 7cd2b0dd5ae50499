import { TestServer } from '@samverka/testing';

describe('reference data', () => {
  let server: TestServer;
  beforeAll(async () => (server = await TestServer.start()));
  afterAll(() => server.stop());

  it('lists the 17 UN SDGs in Swedish and English, without a token', async () => {
    const { body } = await server.http.get('/api/reference/sdgs').expect(200);
    expect(body.map((sdg: { number: number }) => sdg.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    for (const sdg of body) {
      expect(sdg.nameSv).toEqual(expect.any(String));
      expect(sdg.nameEn).toEqual(expect.any(String));
      expect(sdg.nameSv).not.toBe(sdg.nameEn);
    }
  });

  it('lists every problem code with its status and what to do, in Swedish and English, the codes the document declares', async () => {
    const { body, headers } = await server.http.get('/api/reference/problems').expect(200);
    expect(headers['cache-control']).toBe('public, max-age=86400');
    expect(body).toContainEqual({
      code: 'seats_exhausted',
      status: 409,
      title: { sv: 'Omgångens platser är fyllda', en: 'All the cohort’s seats are taken' },
      action: { sv: expect.any(String), en: expect.any(String) },
    });
    const catalogue = new Map<string, number>(body.map((entry: { code: string; status: number }) => [entry.code, entry.status]));
    const document = (await server.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: { allOf?: { properties?: { code?: { enum?: string[] } } }[] } }> }> }>>;
    };
    const misplaced: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          const codes = response.content?.['application/problem+json']?.schema?.allOf?.[1]?.properties?.code?.enum ?? [];
          for (const code of codes) if (catalogue.get(code) !== Number(status)) misplaced.push(`${method} ${path} ${status} ${code}`);
        }
      }
    }
    expect(misplaced).toEqual([]);
  });

  it("lists Sweden's 21 counties", async () => {
    const { body } = await server.http.get('/api/reference/counties').expect(200);
    expect(body).toHaveLength(21);
    expect(body).toContainEqual({ code: '12', name: expect.stringMatching(/^Skåne/) });
  });

  it("lists Sweden's 290 municipalities, filtered by county on request", async () => {
    const all = await server.http.get('/api/reference/municipalities').expect(200);
    expect(all.body).toHaveLength(290);
    expect(new Set(all.body.map((m: { code: string }) => m.code)).size).toBe(290);

    const skane = await server.http.get('/api/reference/municipalities?county=12').expect(200);
    expect(skane.body.length).toBeGreaterThan(0);
    expect(skane.body.length).toBeLessThan(290);
    expect(skane.body.every((m: { countyCode: string }) => m.countyCode === '12')).toBe(true);
    expect(skane.body).toContainEqual({ code: '1283', name: 'Helsingborg', countyCode: '12' });
  });

  it('refuses a county filter that is not a two-digit code', async () => {
    const response = await server.http.get('/api/reference/municipalities?county=123').expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'county' })]);
  });
});
