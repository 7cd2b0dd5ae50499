import { createDepartment, departmentMember, expectStatus, loginAdmin, type Session, TestServer } from '@samverka/testing';

/** Adding one person to a department from several places at once: one wins, the rest are told so. */
describe('adding the same department member concurrently', () => {
  let server: TestServer;
  let admin: Session;
  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
  });
  afterAll(() => server?.stop());

  it('answers one 201 and otherwise 409, never 500', async () => {
    const home = await createDepartment(server, admin);
    const person = await departmentMember(server, admin, home.id);
    const statuses: number[] = [];
    for (let round = 0; round < 5; round++) {
      const other = await createDepartment(server, admin);
      const responses = await Promise.all(
        Array.from({ length: 30 }, () => server.http.post(`/api/departments/${other.id}/members`).set(admin.auth).send({ userId: person.userId })),
      );
      statuses.push(...responses.map((r) => r.status));
      expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    }
    expect([...new Set(statuses)].sort()).toEqual([201, 409]);
    await expectStatus(await server.http.get('/health'), 200, 'still alive');
  });
});
