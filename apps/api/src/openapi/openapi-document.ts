import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  SwaggerModule,
  type HeaderObject,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { FIELD_ERROR_CODES, NO_REPLAY_EXTENSION, PROBLEM_CATALOGUE, PROBLEMS_EXTENSION, ROLES_EXTENSION, VERSION_MARKER, titleOfStatus, type ProblemCode } from '@samverka/platform';
import type { Audience } from '@samverka/identity';
import { OPEN_DATA_EXTENSION, type OpenDataDescription } from '../open/open-data.js';

const TAGS: Record<string, string> = {
  auth: 'Sign-up, sign-in, tokens and invitations.',
  me: 'The signed-in person: profile, consents, notifications, export and erasure.',
  users: 'People of the installation (admins).',
  invitations: 'Invitations to join with a role.',
  reference: 'Reference data: UN SDGs, Swedish counties and municipalities.',
  health: 'Liveness and readiness.',
  audit: 'The audit trail of every change of state (admins).',
  programmes: 'Programmes and their defaults.',
  cohorts: 'Cohorts of a programme, from the open call to completion.',
  entrepreneurs: 'Entrepreneurs’ profiles.',
  applications: 'Applications to cohorts, reviews and decisions.',
  departments: 'City departments, their members and test environments.',
  challenges: 'Societal challenges of departments, their review and revisions.',
  preferences: 'Participants’ and departments’ rankings within a cohort.',
  matching: 'Matching runs: explained proposals, comparison and publication.',
  matches: 'Proposed and confirmed matches.',
  tracks: 'Tracks through the needs-driven stages, and what is recorded on them.',
  impact: 'Impact metrics and measurements.',
  reports: 'Cohort reports, as JSON or CSV.',
  reviewing: 'Reviewers, assignments, conflicts of interest and the scoreboard.',
  'method-cards': 'Method cards distilled from learnings, and their reuse.',
  open: 'Open data: what the installation publishes for anyone to read, cite and reuse, without signing in.',
  partners: 'The partner board: posts that look for or offer competence, test environments, premises, funding or partners, suggestions scored by the matching engine, and contact through Samverka with addresses shown only when both sides agree.',
  notifications: 'Notifications in the app.',
  consents: 'Consent per purpose.',
  privacy: 'Export and erasure of personal data.',
  dialogue: 'Dialogue meetings: arranging, the public sign-up and waiting list, needs, votes, and challenges drafted from needs.',
};

type Schema = SchemaObject | ReferenceObject;
type Extended = OperationObject & Record<string, unknown>;

const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const SIGNED_IN_DESCRIPTION = 'any signed-in person';

const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'An RFC 9457 problem document. `code` is stable and machine-readable; `detail` is for people.',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', maxLength: 200, example: 'urn:samverka:problem:seats-exhausted' },
    title: { type: 'string', maxLength: 200, example: 'Conflict' },
    status: { type: 'integer', format: 'int32', minimum: 400, maximum: 599, example: 409 },
    detail: { type: 'string', maxLength: 2000 },
    instance: { type: 'string', maxLength: 2000, description: 'The path of the request.' },
    code: { type: 'string', maxLength: 100, example: 'seats_exhausted' },
    requestId: { type: 'string', maxLength: 100, description: 'Quote it when reporting a problem; the logs carry it too.' },
    errors: {
      type: 'array',
      maxItems: 1000,
      description: 'With `validation_failed`: every field that is wrong, and why.',
      items: { $ref: '#/components/schemas/FieldError' },
    },
    allowed: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 50 }, description: 'With `invalid_transition`: the moves allowed from the current state.' },
    from: { type: 'string', maxLength: 50, description: 'With `invalid_transition`: the current state.' },
    to: { type: 'string', maxLength: 50, description: 'With `invalid_transition`: the state asked for.' },
    currentVersion: { type: 'integer', format: 'int32', minimum: 1, maximum: 2_147_483_647, description: 'With `stale_version`: the version to reload.' },
    fields: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 500 }, description: 'With `personal_data_in_publication`: the fields holding personal data.' },
    findings: {
      type: 'array',
      maxItems: 1000,
      description: 'With `personal_data_in_publication`: what was found where (never the text itself).',
      items: {
        type: 'object',
        required: ['field', 'kind', 'index', 'length'],
        properties: {
          field: { type: 'string', maxLength: 500 },
          kind: { type: 'string', enum: ['email', 'phone', 'personal_identity_number', 'name'] },
          index: { type: 'integer', format: 'int32', minimum: 0, description: 'Where in the field it starts (UTF-16 code units).' },
          length: { type: 'integer', format: 'int32', minimum: 1 },
        },
      },
    },
    citation: { type: 'string', maxLength: 1000, description: 'With `publication_withdrawn`: how to cite what was published here.' },
    reason: { type: 'string', maxLength: 100, description: 'With `import_source_refused`: why the address was not fetched (not_https, host_not_allowed, private_address, redirect_to_other_host, too_large, too_slow, bad_status …).' },
    upstreamStatus: { type: 'integer', format: 'int32', description: 'With `import_source_refused` and reason `bad_status`: what the other server answered.' },
  },
};

const FIELD_ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['field', 'message', 'code'],
  properties: {
    field: { type: 'string', maxLength: 500, example: 'email', description: 'The field, as a path into the body (`items[0].title`), or a header or query parameter.' },
    message: { type: 'string', maxLength: 2000, example: 'email must be an email address', description: 'For developers, in English: show people the code in their words.' },
    code: { type: 'string', enum: [...FIELD_ERROR_CODES], example: 'isEmail', description: 'Why, as a stable code: the validation rule broken, or Samverka’s own reason; `invalid` when nothing more specific fits.' },
    limit: { type: 'number', example: 200, description: 'The number the rule names (a length, a count, a bound), when it names one.' },
  },
};

const CACHE_CONTROL_HEADER: HeaderObject = {
  description: '`no-store` on everything with people’s data or tokens; public reference data may be cached (`public, max-age=86400`), open data for `OPEN_DATA_MAX_AGE_SECONDS` (`public, max-age=300`).',
  required: true,
  schema: { type: 'string', maxLength: 100 },
};

const integerHeader = (description: string, required: boolean): HeaderObject => ({
  description,
  required,
  schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 },
});

/** The OpenAPI document of the API: what Nest reads from the routes, completed with what every route shares. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Samverka API')
      .setDescription(
        'Run accelerator programmes for social innovation: cohorts, city challenges, matching, tracks and impact.\n\n' +
          'Errors are RFC 9457 problem documents (`application/problem+json`) with a stable `code`; every operation lists the statuses and codes it can answer with. ' +
          'Lists take `?limit=&cursor=` and return `{items, nextCursor}`. Changing a versioned resource needs `If-Match` with the `ETag` you read. ' +
          'A POST may carry `Idempotency-Key` and is then applied once. Every response carries `X-Request-Id`; rate-limited routes carry `X-RateLimit-*`.',
      )
      .setVersion('1')
      .addServer('/', 'This installation, in production or local development', undefined, { 'x-internal': false })
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The access token from `POST /api/auth/login`: a short-lived HS256 JWT, handled as RFC8725 advises: one algorithm only, signature and expiry always verified, and the login behind it revocable.' })
      .build(),
  );
  return completeDocument(document);
}

/** Adds the problem responses, shared headers, roles and tags that every operation's shape implies. */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, Problem: PROBLEM_SCHEMA, FieldError: FIELD_ERROR_SCHEMA };
  const usedTags = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    // A resource changed with If-Match is read with its version as ETag: where else would a client get it?
    const versionedSchemas = new Set(
      Object.values(item)
        .filter((operation) => ((operation as OperationObject).parameters ?? []).some(isIfMatch))
        .flatMap((operation) => successSchemaRefs(operation as OperationObject)),
    );
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = item[method] as Extended | undefined;
      if (!operation) continue;
      completeOperation(method, path, operation, document.components.schemas, versionedSchemas);
      for (const tag of operation.tags ?? []) usedTags.add(tag);
    }
  }
  for (const schema of Object.values(document.components.schemas) as SchemaObject[]) {
    delete (schema.properties?.version as Record<string, unknown> | undefined)?.[VERSION_MARKER];
  }
  document.tags = [...usedTags].sort().map((name) => {
    const description = TAGS[name];
    if (!description) throw new Error(`The OpenAPI tag "${name}" has no description in TAGS.`);
    return { name, description };
  });
  return document;
}

const isIfMatch = (parameter: ParameterObject | ReferenceObject): boolean => 'in' in parameter && parameter.in === 'header' && parameter.name === 'If-Match';

/** The schemas an operation answers with on success, by reference. */
const successSchemaRefs = (operation: OperationObject): string[] =>
  Object.entries(operation.responses)
    .filter(([status]) => status.startsWith('2'))
    .map(([, response]) => ((response as ResponseObject).content?.['application/json']?.schema as ReferenceObject | undefined)?.$ref)
    .filter((ref): ref is string => ref !== undefined);

function completeOperation(method: string, path: string, operation: Extended, schemas: Record<string, Schema>, versionedSchemas: Set<string>): void {
  const name = `${method.toUpperCase()} ${path}`;
  const audience = operation[ROLES_EXTENSION] as Audience | undefined;
  if (!audience) throw new Error(`${name} is neither @Public() nor @Authenticated(): say who may call it.`);
  const declared = (operation[PROBLEMS_EXTENSION] as { codes: ProblemCode[] } | undefined)?.codes ?? [];
  const replayable = !operation[NO_REPLAY_EXTENSION];
  const openData = operation[OPEN_DATA_EXTENSION] as OpenDataDescription | undefined;
  delete operation[ROLES_EXTENSION];
  delete operation[PROBLEMS_EXTENSION];
  delete operation[NO_REPLAY_EXTENSION];
  delete operation[OPEN_DATA_EXTENSION];
  if (openData) completeOpenData(operation, openData);

  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const isHealth = path.startsWith('/health');
  const hasInput = parameters.length > 0 || operation.requestBody !== undefined;
  const needsIfMatch = parameters.some(isIfMatch);
  const readsOrChangesVersion = (method === 'get' || needsIfMatch) && successSchemaRefs(operation).some((ref) => versionedSchemas.has(ref));
  const idempotent = method === 'post' && replayable;

  if (idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Send the same key again to get the first answer instead of a second change (1–255 visible ASCII characters). The same key with another body is 422.',
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
    });
    operation.parameters = parameters;
  }

  for (const parameter of parameters) {
    // Path ids are UUIDs (IdParam refuses anything else with a 400).
    if (parameter.in === 'path' && /(^id|Id)$/.test(parameter.name)) parameter.schema = { type: 'string', format: 'uuid', maxLength: 36 };
  }

  const who = 'public' in audience ? 'anyone, without signing in' : audience.roles === 'signed-in' ? SIGNED_IN_DESCRIPTION : audience.roles.join(', ');
  operation.description = [operation.description, `Who may call it: ${who}.`].filter(Boolean).join('\n\n');

  const problems = new Map<number, Set<ProblemCode>>();
  const add = (...codes: ProblemCode[]) => {
    for (const code of codes) {
      const { status } = PROBLEM_CATALOGUE[code];
      problems.set(status, (problems.get(status) ?? new Set<ProblemCode>()).add(code));
    }
  };
  if (hasInput) add('validation_failed', 'invalid_value');
  if (operation.requestBody) {
    add('malformed_json');
    add('body_too_large');
  }
  if (!('public' in audience)) add('unauthenticated');
  if (!('public' in audience) && audience.roles !== 'signed-in') add('forbidden');
  if (parameters.some((parameter) => parameter.in === 'path')) add('not_found');
  if (needsIfMatch) {
    add('stale_version');
    add('version_required');
  }
  if (idempotent) add('idempotency_key_reused');
  if (!isHealth) add('rate_limited');
  add('internal_error');
  // Any route that reads or writes answers this while PostgreSQL is down or too slow.
  if (!isHealth) add('database_unavailable');
  add(...declared);

  for (const [status, codes] of [...problems].sort(([a], [b]) => a - b)) {
    const existing = operation.responses[status] as ResponseObject | undefined;
    operation.responses[status] = problemResponse(status, [...codes].sort(), existing?.description, !isHealth);
  }
  for (const [status, response] of Object.entries(operation.responses) as [string, ResponseObject][]) {
    const success = status.startsWith('2');
    response.headers = {
      ...response.headers,
      'Access-Control-Allow-Origin': {
        description: 'Sent to browsers calling from one of the origins in `CORS_ORIGINS`, none by default; `*` on open data, which any site may read.',
        required: false,
        schema: { type: 'string', maxLength: 2000 },
      },
      'X-Request-Id': { description: 'The request’s id, as in the logs and in problem documents.', required: true, schema: { type: 'string', maxLength: 100 } },
      ...(isHealth ? {} : rateLimitHeaders(success)),
      ...(path.startsWith('/api/') ? { 'Cache-Control': CACHE_CONTROL_HEADER } : {}),
      ...(success && response.content && (readsOrChangesVersion || carriesVersion(response, schemas)) ? { ETag: { description: 'The resource’s version, e.g. `"3"`: send it as `If-Match` to change it.', required: true, schema: { type: 'string', maxLength: 20, pattern: '^"\\d+"$' } } } : {}),
      ...(success && idempotent ? { 'Idempotent-Replayed': { description: '`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`.', required: false, schema: { type: 'string', enum: ['true'] } } } : {}),
    };
  }
}

const OPEN_ETAG_HEADER: HeaderObject = {
  description: 'A strong validator of the exact answer (a hash of its bytes): send it as `If-None-Match` to get 304 while it is unchanged.',
  required: true,
  schema: { type: 'string', maxLength: 100, pattern: '^"[A-Za-z0-9_-]+"$' },
};

/**
 * Open data (`@OpenData()`): its media types (JSON or JSON-LD, and CSV where the route has
 * a CSV form), the conditional request and the 304 it may answer, and the caching headers.
 */
function completeOpenData(operation: Extended, openData: OpenDataDescription): void {
  operation.parameters = [
    ...(operation.parameters ?? []),
    { name: 'If-None-Match', in: 'header', required: false, description: 'The ETag of an answer you keep: 304 without a body while it is still the answer.', schema: { type: 'string', maxLength: 1000 } },
  ];
  const ok = operation.responses['200'] as ResponseObject | undefined;
  if (!ok) throw new Error(`${operation.operationId}: open data answers 200.`);
  const json = ok.content?.['application/json'];
  ok.content = {
    [openData.mediaType]: json ?? { schema: { type: 'object' } },
    ...(openData.csv ? { 'text/csv': { schema: { type: 'string', description: 'RFC 4180 CSV with a header row and a UTF-8 BOM; the next page is in the `Link` header.' } } } : {}),
  };
  ok.headers = {
    ...ok.headers,
    ETag: OPEN_ETAG_HEADER,
    Vary: { description: '`Accept`: the format may follow it.', required: true, schema: { type: 'string', maxLength: 100 } },
    Link: { description: 'The next page (`rel="next"`), in the same format, when there is one.', required: false, schema: { type: 'string', maxLength: 2000 } },
  };
  operation.responses['304'] = { description: 'Not modified: the `If-None-Match` names the current answer. No body.', headers: { ETag: OPEN_ETAG_HEADER } };
}

/** A response whose body is a resource with a `version` carries that version as its ETag. */
function carriesVersion(response: ResponseObject, schemas: Record<string, Schema>): boolean {
  const ref = (response.content?.['application/json']?.schema as ReferenceObject | undefined)?.$ref;
  const schema = ref ? (schemas[ref.replace('#/components/schemas/', '')] as SchemaObject | undefined) : undefined;
  return Boolean((schema?.properties?.version as Record<string, unknown> | undefined)?.[VERSION_MARKER]);
}

function rateLimitHeaders(success: boolean): Record<string, HeaderObject> {
  return {
    'X-RateLimit-Limit': integerHeader('Requests allowed per window for this client and route.', success),
    'X-RateLimit-Remaining': integerHeader('Requests left in the current window.', success),
    'X-RateLimit-Reset': integerHeader('Seconds until the window starts again.', success),
  };
}

function problemResponse(status: number, codes: ProblemCode[], description: string | undefined, rateLimited: boolean): ResponseObject {
  const schema: Schema = {
    allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { code: { type: 'string', enum: codes } } }],
  };
  const headers: Record<string, HeaderObject> =
    status === 429 && rateLimited ? { 'Retry-After': integerHeader('Seconds to wait before trying again.', true) } : {};
  return {
    description: [description ?? titleOfStatus(status), ...codes.map((code) => `- \`${code}\`: ${PROBLEM_CATALOGUE[code].title.en}. ${PROBLEM_CATALOGUE[code].action.en}`)].join('\n'),
    headers,
    content: { [PROBLEM_MEDIA_TYPE]: { schema } },
  };
}
