import { TestServer } from '@samverka/testing';

describe('health', () => {
  let server: TestServer;
  beforeAll(async () => (server = await TestServer.start()));
  afterAll(() => server.stop());

  it('answers liveness without a token', async () => {
    const response = await server.http.get('/health').expect(200);
    expect(response.body.status).toBe('ok');
  });

  it('reports the database as up when it is reachable', async () => {
    const response = await server.http.get('/health/ready').expect(200);
    expect(response.body.info.database.status).toBe('up');
  });
});
