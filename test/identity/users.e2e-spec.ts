import { invitePerson, loginAdmin, registerEntrepreneur, TestServer, type Session } from '@samverka/testing';

describe('finding people (/api/users)', () => {
  let server: TestServer;
  let admin: Session;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
  });
  afterAll(() => server.stop());

  const namesFound = async (query: Record<string, string>): Promise<string[]> =>
    (await server.http.get('/api/users').query(query).set(admin.auth).expect(200)).body.items.map((user: { displayName: string }) => user.displayName);

  it('finds people by part of their name or address, in any case, within a role', async () => {
    await registerEntrepreneur(server, 'Åsa Öberg');
    const reviewer = await invitePerson(server, admin, 'reviewer', {}, 'Örjan Åberg');
    expect(await namesFound({ q: 'öBERG' })).toEqual(['Åsa Öberg']);
    expect((await namesFound({ q: 'berg' })).sort()).toEqual(['Åsa Öberg', 'Örjan Åberg']);
    expect(await namesFound({ q: 'berg', role: 'reviewer' })).toEqual(['Örjan Åberg']);
    const { body } = await server.http.get(`/api/users/${reviewer.userId}`).set(admin.auth).expect(200);
    expect(await namesFound({ q: body.email.toUpperCase() })).toEqual(['Örjan Åberg']);
  });

  it('keeps only the accounts with a status', async () => {
    const entrepreneur = await registerEntrepreneur(server, 'Avstängd Person');
    await server.http.post(`/api/users/${entrepreneur.userId}/deactivate`).set(admin.auth).send({ reason: 'Test' }).expect(200);
    expect(await namesFound({ status: 'deactivated' })).toEqual(['Avstängd Person']);
    expect(await namesFound({ status: 'active' })).not.toContain('Avstängd Person');
    await server.http.get('/api/users').query({ status: 'sleeping' }).set(admin.auth).expect(400);
  });

  it('takes % and _ in the search as themselves', async () => {
    expect(await namesFound({ q: '%' })).toEqual([]);
    expect(await namesFound({ q: '_' })).toEqual([]);
  });
});
