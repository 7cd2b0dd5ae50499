import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import type { Role } from '@samverka/platform';
import { invitePerson, loginAdmin, registerEntrepreneur, TestServer, type Session } from '@samverka/testing';
import type { AccessRule } from './access-rule.js';

// Every context drops a `<context>.access.ts` here; this spec checks all of them against the
// OpenAPI document and the running server, so no route escapes the access policy.
const RULE_FILES = readdirSync(new URL('.', import.meta.url)).filter((file) => file.endsWith('.access.ts'));
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const BATCH = 16;
// Listed here: importing the platform lib's values would load CommonJS packages into Jest.
const ROLES: Role[] = ['admin', 'programme_manager', 'department_member', 'reviewer', 'entrepreneur'];

const describeRule = (rule: AccessRule): string => `${rule.method} ${rule.path}`;
const concretePath = (template: string): string => template.replace(/\{[^}]+\}/g, () => randomUUID());

async function inBatches<T>(items: T[], run: (item: T) => Promise<string | undefined>): Promise<string[]> {
  const failures: string[] = [];
  for (let i = 0; i < items.length; i += BATCH) {
    for (const failure of await Promise.all(items.slice(i, i + BATCH).map(run))) if (failure) failures.push(failure);
  }
  return failures;
}

describe('access matrix: every route × every role', () => {
  let server: TestServer;
  let rules: AccessRule[];
  let operations: string[];
  const sessions = new Map<Role, Session>();

  beforeAll(async () => {
    server = await TestServer.start();
    const modules = await Promise.all(RULE_FILES.map((file) => import(`./${file.replace(/\.ts$/, '.js')}`) as Promise<{ rules: AccessRule[] }>));
    rules = modules.flatMap((module) => module.rules);
    const { body: document } = await server.http.get('/api/docs-json').expect(200);
    operations = Object.entries<Record<string, unknown>>(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => method in item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const admin = await loginAdmin(server);
    sessions.set('admin', admin);
    sessions.set('entrepreneur', await registerEntrepreneur(server));
    for (const role of ['programme_manager', 'department_member', 'reviewer'] as const) sessions.set(role, await invitePerson(server, admin, role));
  });
  afterAll(() => server.stop());

  it('has one rule for every OpenAPI operation, and no rule without an operation', () => {
    expect(RULE_FILES).toContain('identity.access.ts');
    const ruled = rules.map(describeRule);
    expect(operations.filter((operation) => !ruled.includes(operation))).toEqual([]);
    expect(ruled.filter((rule) => !operations.includes(rule))).toEqual([]);
    expect(ruled.filter((rule, index) => ruled.indexOf(rule) !== index)).toEqual([]);
  });

  const send = (rule: AccessRule, session?: Session) => {
    const request = server.http[rule.method.toLowerCase() as Lowercase<AccessRule['method']>](concretePath(rule.path));
    if (session) request.set(session.auth);
    return rule.method === 'GET' || rule.method === 'DELETE' ? request : request.send({});
  };

  it('refuses every non-public route without a token (401)', async () => {
    const failures = await inBatches(
      rules.filter((rule) => rule.roles !== 'public'),
      async (rule) => {
        const response = await send(rule);
        return response.status === 401 ? undefined : `${describeRule(rule)} without a token: ${response.status}`;
      },
    );
    expect(failures).toEqual([]);
  });

  it('refuses every role a route does not name (403) and lets the named roles past the access check', async () => {
    const cases = rules.flatMap((rule) => ROLES.map((role) => ({ rule, role })));
    const failures = await inBatches(cases, async ({ rule, role }) => {
      const allowed = rule.roles === 'public' || rule.roles === 'any' || rule.roles.includes(role);
      const response = await send(rule, sessions.get(role));
      if (allowed && (response.status === 401 || response.status === 403)) return `${describeRule(rule)} as ${role}: ${response.status}, expected access`;
      if (!allowed && response.status !== 403) return `${describeRule(rule)} as ${role}: ${response.status}, expected 403`;
      return undefined;
    });
    expect(failures).toEqual([]);
  });
});
