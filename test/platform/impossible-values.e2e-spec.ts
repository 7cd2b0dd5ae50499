import { createDepartment, departmentMember, loginAdmin, type Session, TestServer, testEnvironmentBody } from '@samverka/testing';

/** Inputs PostgreSQL could not store are refused as 400 problems, never a 500. */
describe('impossible values answer 400, never 500', () => {
  let server: TestServer;
  let admin: Session;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
  });
  afterAll(() => server?.stop());

  it.each([
    '/api/challenges?q=%00',
    '/api/challenges?theme=%00',
    '/api/challenges?competence=%00',
    '/api/method-cards?q=%00',
    '/api/audit-events?action=%00',
    '/api/audit-events?entityType=%00',
  ])('GET %s (a NUL byte in a query string) is 400', async (url) => {
    const response = await server.http.get(url).set(admin.auth);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('a NUL byte in a text field of a body is 400', async () => {
    const response = await server.http.post('/api/programmes').set(admin.auth).send({ name: 'Acceleratorn\u0000' });
    expect(response.status).toBe(400);
  });

  it('an impossible calendar day (2026-02-30) in a day field is 400 naming the field', async () => {
    const department = await createDepartment(server, admin);
    const member = await departmentMember(server, admin, department.id);
    const response = await server.http
      .post(`/api/departments/${department.id}/test-environments`)
      .set(member.auth)
      .send(testEnvironmentBody({ availableFrom: '2026-02-30' }));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'availableFrom' })]);
  });
});
