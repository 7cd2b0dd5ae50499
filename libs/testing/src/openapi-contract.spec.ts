import type { Response } from 'supertest';
import { OpenApiContract } from './openapi-contract.js';

const document = {
  paths: {
    '/api/cohorts/{id}': {
      get: {
        responses: {
          '200': {
            headers: { ETag: { required: true } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CohortView' } } },
          },
          '404': { content: { 'application/problem+json': { schema: { type: 'object', properties: { code: { type: 'string', enum: ['not_found'] } } } } } },
        },
      },
    },
    '/api/cohorts/mine': { get: { responses: { '200': { content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } } } } } },
  },
  components: {
    schemas: {
      CohortView: {
        type: 'object',
        required: ['id', 'startsOn', 'testPlan'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          startsOn: { type: 'string', format: 'date', nullable: true },
          testPlan: { nullable: true, allOf: [{ $ref: '#/components/schemas/Plan' }] },
        },
      },
      Plan: { type: 'object', required: ['summary'], properties: { summary: { type: 'string' } } },
    },
  },
};

const ID = '0b6f3a52-4f1e-4c55-9a57-3c1f0e2a9b10';
const response = (status: number, body: unknown, headers: Record<string, string> = {}): Response => {
  const text = body === undefined ? '' : JSON.stringify(body);
  const json = status < 400 ? 'application/json' : 'application/problem+json';
  return { status, body, text, headers: { 'content-type': `${json}; charset=utf-8`, ...headers } } as unknown as Response;
};

describe('the OpenAPI contract', () => {
  const contract = new OpenApiContract(document);
  const cohort = { id: ID, startsOn: null, testPlan: null };

  it('accepts a response the document describes, nulls included', () => {
    expect(contract.violations('get', `/api/cohorts/${ID}`, response(200, cohort, { etag: '"1"' }))).toEqual([]);
    expect(contract.violations('get', `/api/cohorts/${ID}`, response(200, { ...cohort, startsOn: '2027-03-01', testPlan: { summary: 'x' } }, { etag: '"1"' }))).toEqual([]);
  });

  it('names a body that breaks the schema', () => {
    const [violation] = contract.violations('get', `/api/cohorts/${ID}`, response(200, { ...cohort, startsOn: 20270301 }, { etag: '"1"' }));
    expect(violation).toMatch(/body does not match the schema: \/startsOn must be string/);
  });

  it('names a status, a problem code or a required header the operation does not declare', () => {
    expect(contract.violations('get', `/api/cohorts/${ID}`, response(409, { code: 'seats_exhausted' }))).toEqual([expect.stringMatching(/status not declared/)]);
    expect(contract.violations('get', `/api/cohorts/${ID}`, response(404, { code: 'gone' }))).toEqual([expect.stringMatching(/\/code must be equal to one of the allowed values/)]);
    expect(contract.violations('get', `/api/cohorts/${ID}`, response(200, cohort))).toEqual([expect.stringMatching(/required header ETag missing/)]);
  });

  it('prefers a literal path to a parameter, and wants 404 where no operation is described', () => {
    expect(contract.violations('get', '/api/cohorts/mine?limit=5', response(200, ['a']))).toEqual([]);
    expect(contract.violations('get', '/api/nowhere', response(404, { code: 'not_found' }))).toEqual([]);
    expect(contract.violations('delete', `/api/cohorts/${ID}`, response(204, undefined))).toEqual([expect.stringMatching(/no such operation/)]);
  });
});
