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
