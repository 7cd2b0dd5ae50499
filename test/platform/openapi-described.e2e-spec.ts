import { readFileSync } from 'node:fs';
import { TestServer } from '@samverka/testing';

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; schema?: { format?: string } }[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/**
 * Every operation is tagged, documents its success response with a schema (204 excepted), and
 * says in words what it does: a one-line summary and a description.
 */
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

  it('every operation has a short summary and a description', async () => {
    const doc = (await server.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, Operation>> };
    const failing: string[] = [];
    let operations = 0;
    for (const [path, pathItem] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(pathItem)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        operations += 1;
        const name = `${method.toUpperCase()} ${path}`;
        const summary = operation.summary?.trim() ?? '';
        if (!summary) failing.push(`${name}: no summary`);
        else if (summary.length > 80) failing.push(`${name}: summary longer than 80 characters`);
        else if (summary.includes('\n')) failing.push(`${name}: summary spans lines`);
        if (!operation.description?.trim()) failing.push(`${name}: no description`);
      }
    }
    expect(operations).toBeGreaterThan(100);
    expect(failing).toEqual([]);
  });

  it('is the committed apps/api/openapi.json that clients are generated from (npm run openapi writes it)', async () => {
    const served = (await server.http.get('/api/docs-json').expect(200)).body as unknown;
    expect(served).toEqual(JSON.parse(readFileSync('apps/api/openapi.json', 'utf8')));
  });

  it('declares for each operation who may call it, its problem statuses and its path ids as UUIDs', async () => {
    const doc = (await server.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, Operation>> };
    const failing: string[] = [];
    for (const [path, pathItem] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(pathItem)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (!operation.description?.includes('Who may call it:')) failing.push(`${name}: does not say who may call it`);
        if (!operation.responses?.['500']) failing.push(`${name}: no 500 problem`);
        const pathIds = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path' && /(^id|Id)$/.test(parameter.name));
        if (pathIds.length && !operation.responses?.['404']) failing.push(`${name}: no 404 for its path id`);
        for (const parameter of pathIds) if (parameter.schema?.format !== 'uuid') failing.push(`${name}: ${parameter.name} is not a UUID`);
      }
    }
    expect(failing).toEqual([]);
  });
});
