import { DEFAULT_PASSWORD, loginAdmin, registerEntrepreneur, TestServer, type Session } from '@samverka/testing';

/** Input that once slipped past validation or broke it: each is a 400 naming what is wrong. */
describe('bad input is a 400, always', () => {
  let server: TestServer;
  let admin: Session;
  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
  });
  afterAll(() => server.stop());

  const deepArray = '['.repeat(2000) + ']'.repeat(2000);
  const deepObject = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);

  it.each([
    ['/api/auth/login', deepArray],
    ['/api/auth/register', deepObject],
    ['/api/auth/refresh', `{"refreshToken": ${deepArray}}`],
    ['/api/programmes', `{"name": "Deep", "description": ${deepObject}}`],
  ])('refuses a body nested 2,000 levels deep on %s without an error in the log', async (path, body) => {
    const response = await server.http.post(path).set(admin.auth).set('Content-Type', 'application/json').send(body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation_failed', errors: [{ field: expect.any(String), message: expect.stringMatching(/nested/) }] });
    expect(server.logs).not.toMatch(/unexpected error|Maximum call stack/);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('refuses an unknown field named %s like any other', async (name) => {
    const login = await server.http.post('/api/auth/login').set('Content-Type', 'application/json').send(`{"email": "anna@example.se", "password": "whatever-long", "${name}": {}}`);
    expect(login.status).toBe(400);
    expect(login.body.errors).toEqual([{ field: name, message: `property ${name} should not exist`, code: 'whitelistValidation' }]);
    const nested = await server.http
      .post('/api/programmes')
      .set(admin.auth)
      .set('Content-Type', 'application/json')
      .send(`{"name": "Proto", "${name}": "x"}`);
    expect(nested.status).toBe(400);
  });

  describe('one rule for single-line text', () => {
    let person: Session;
    beforeAll(async () => (person = await registerEntrepreneur(server)));

    it.each([
      ['a line feed', 'Anna\nLind'],
      ['a carriage return', 'Anna\rLind'],
      ['a tab', 'Anna\tLind'],
      ['a NUL', 'Anna\u0000Lind'],
    ])('refuses a display name with %s', async (_what, displayName) => {
      const me = await server.http.get('/api/me').set(person.auth).expect(200);
      const response = await server.http.patch('/api/me').set(person.auth).set('If-Match', me.headers.etag).send({ displayName }).expect(400);
      expect(response.body.errors).toEqual([{ field: 'displayName', message: expect.stringMatching(/one line/), code: 'oneLine' }]);
      const registered = await server.http.post('/api/auth/register').send({ email: 'line.breaks@samverka.test', password: DEFAULT_PASSWORD, displayName }).expect(400);
      expect(registered.body.errors).toEqual([expect.objectContaining({ field: 'displayName' })]);
    });

    it('refuses line breaks in names and titles but keeps them in descriptions', async () => {
      await server.http.post('/api/programmes').set(admin.auth).send({ name: 'Social\nInnovation' }).expect(400);
      const created = await server.http.post('/api/programmes').set(admin.auth).send({ name: 'Social Innovation', description: 'Rad ett.\r\nRad två.\n\tIndragen.' }).expect(201);
      expect(created.body.description).toBe('Rad ett.\r\nRad två.\n\tIndragen.');
    });
  });
});
