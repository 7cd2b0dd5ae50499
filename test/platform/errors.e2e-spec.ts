import { TestServer } from '@samverka/testing';

const PROBLEM = /^application\/problem\+json/;

describe('errors are RFC 9457 problem documents', () => {
  let server: TestServer;
  beforeAll(async () => (server = await TestServer.start({ env: { BODY_LIMIT: '2kb' } })));
  afterAll(() => server.stop());

  it('lists every invalid field of a request', async () => {
    const response = await server.http.post('/api/auth/register').send({ email: 'not-an-email', preferredLanguage: 'fi' }).expect(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status: 400, code: 'validation_failed', instance: '/api/auth/register' });
    const fields = (response.body.errors as { field: string; message: string }[]).map((error) => error.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'password', 'preferredLanguage']);
  });

  it('rejects fields the request does not know', async () => {
    const response = await server.http.post('/api/auth/login').send({ email: 'anna@example.se', password: 'whatever-long', remember: true }).expect(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'remember' })]);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await server.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status: 400, code: 'malformed_json' });
  });

  it('answers an unknown route with 404', async () => {
    const response = await server.http.get('/api/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status: 404, code: 'not_found', instance: '/api/no-such-thing' });
  });

  it('answers a body over BODY_LIMIT with 413', async () => {
    const response = await server.http.post('/api/auth/login').send({ email: 'anna@example.se', password: 'x'.repeat(3000) }).expect(413);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status: 413, code: 'body_too_large' });
  });

  it('answers an unexpected failure with 500 and the request id, never the stack or the SQL', async () => {
    await server.db.query('DROP TABLE sdgs CASCADE');
    const response = await server.http.get('/api/reference/sdgs').expect(500);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status: 500, code: 'internal_error', requestId: response.headers['x-request-id'] });
    expect(response.text).not.toMatch(/sdgs"?\s|relation|SELECT|QueryFailedError|\bat \S+ \(/);
    expect(response.text).not.toContain('.js:');
  });
});
