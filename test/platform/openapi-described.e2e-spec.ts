import { TestServer } from '@samverka/testing';

interface Operation {
  tags?: string[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** Every operation is tagged and documents its success response with a schema (204 excepted). */
describe('the OpenAPI document', () => {
  let server: TestServer;
  beforeAll(async () => (server = await TestServer.start()));
  afterAll(() => server?.stop());

  it('every operation has a tag and a 2xx response with a schema', async () => {
    const doc = (await server.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, Operation>> };
    const failing: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const name = `${method.toUpperCase()} ${path}`;
        if (!operation.tags?.length) failing.push(`${name}: no tag`);
        const success = Object.entries(operation.responses ?? {}).filter(([code]) => code.startsWith('2'));
        if (!success.length) failing.push(`${name}: no success response`);
        for (const [code, response] of success) {
          if (code === '204') continue;
          const schemas = Object.values(response.content ?? {}).filter((media) => media.schema);
          if (!schemas.length) failing.push(`${name}: ${code} has no schema`);
        }
      }
    }
    expect(failing).toEqual([]);
  });
});
