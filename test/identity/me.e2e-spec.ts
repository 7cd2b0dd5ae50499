import { registerEntrepreneur, TestServer, type Session } from '@samverka/testing';

describe('PATCH /api/me with If-Match', () => {
  let server: TestServer;
  let person: Session;
  beforeAll(async () => {
    server = await TestServer.start();
    person = await registerEntrepreneur(server);
  });
  afterAll(() => server.stop());

  const current = async (): Promise<string> => (await server.http.get('/api/me').set(person.auth).expect(200)).headers.etag;
  const patch = (body: object, ifMatch?: string) => {
    const request = server.http.patch('/api/me').set(person.auth);
    if (ifMatch !== undefined) request.set('If-Match', ifMatch);
    return request.send(body);
  };

  it('needs the version: none is 428', async () => {
    const response = await patch({ displayName: 'Utan version' }).expect(428);
    expect(response.body.code).toBe('version_required');
  });

  it('applies a change based on the current version and answers the new ETag', async () => {
    const etag = await current();
    const response = await patch({ displayName: 'Anna Berg', preferredLanguage: 'en' }, etag).expect(200);
    expect(response.body).toMatchObject({ displayName: 'Anna Berg', preferredLanguage: 'en' });
    expect(response.headers.etag).not.toBe(etag);
    expect(await current()).toBe(response.headers.etag);
  });

  it('refuses a stale version with 412 and keeps the newer data', async () => {
    const etag = await current();
    await patch({ displayName: 'Först' }, etag).expect(200);
    const stale = await patch({ displayName: 'Sist' }, etag).expect(412);
    expect(stale.body.code).toBe('stale_version');
    const me = await server.http.get('/api/me').set(person.auth).expect(200);
    expect(me.body.displayName).toBe('Först');
  });

  it('lets exactly one of two concurrent changes of the same version through', async () => {
    const etag = await current();
    const responses = await Promise.all([patch({ displayName: 'Ett' }, etag), patch({ displayName: 'Två' }, etag)]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 412]);
  });

  it('refuses an If-Match that is not a version', async () => {
    const response = await patch({ displayName: 'X' }, 'garbage').expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
  });
});
