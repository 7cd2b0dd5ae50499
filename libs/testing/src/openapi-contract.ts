import { fromSchema } from '@openapi-contrib/openapi-schema-to-json-schema';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';

interface MediaType {
  schema?: unknown;
}
interface Header {
  required?: boolean;
}
interface ResponseSpec {
  headers?: Record<string, Header>;
  content?: Record<string, MediaType>;
}
interface Operation {
  responses: Record<string, ResponseSpec>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, object> };
}
type Schema = Record<string, unknown>;

interface Route {
  template: string;
  pattern: RegExp;
  parameters: number;
}

const DOCUMENT_ID = 'openapi.json';
/** Served by the OpenAPI module itself, so not described in the document. */
const DOCUMENTATION_PATHS = /^\/api\/docs(-json|\/.*)?$/;
/** What the document describes: the API and the health checks; every other path is the web app's. */
const SERVER_PATHS = /^\/(api|health)(\/|$)/;

/**
 * Checks a response against the served OpenAPI document: the status is declared for the
 * operation, the body matches its schema (ajv, with the document's own schemas) and every
 * required header is there. Paths the document does not describe must answer 404.
 */
export class OpenApiContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: Document) {
    addFormats.default(this.ajv);
    this.ajv.addSchema(asJsonSchema(document), DOCUMENT_ID);
    this.routes = Object.keys(document.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        parameters: (template.match(/\{/g) ?? []).length,
      }))
      // A literal segment wins over a parameter: /api/me/export before /api/me/{id}.
      .sort((a, b) => a.parameters - b.parameters);
  }

  /** The ways `response` to `method url` breaks the document; empty when it keeps it. */
  violations(method: string, url: string, response: Response): string[] {
    const path = new URL(url, 'http://localhost').pathname;
    if (DOCUMENTATION_PATHS.test(path) || !SERVER_PATHS.test(path)) return [];
    const name = `${method.toUpperCase()} ${path} → ${response.status}`;
    const route = this.routes.find((candidate) => candidate.pattern.test(path));
    const operation = route ? this.document.paths[route.template][method.toLowerCase()] : undefined;
    if (!route || !operation) {
      return response.status === 404 ? [] : [`${name}: the document has no such operation, yet it did not answer 404`];
    }
    const declared = operation.responses[String(response.status)] ?? operation.responses.default;
    const pointer = `#/paths/${escape(route.template)}/${method.toLowerCase()}/responses/${operation.responses[String(response.status)] ? response.status : 'default'}`;
    if (!declared) return [`${name}: status not declared (declared: ${Object.keys(operation.responses).join(', ')})`];

    const problems: string[] = [];
    for (const [header, spec] of Object.entries(declared.headers ?? {})) {
      if (spec.required && response.headers[header.toLowerCase()] === undefined) problems.push(`${name}: required header ${header} missing`);
    }
    const hasBody = response.status !== 204 && method.toUpperCase() !== 'HEAD' && Number(response.headers['content-length'] ?? 1) > 0 && (response.text ?? '') !== '';
    if (!hasBody) return problems;
    const mediaType = String(response.headers['content-type'] ?? '').split(';')[0].trim();
    const media = declared.content?.[mediaType];
    if (!media) return [...problems, `${name}: content type ${mediaType} not declared (declared: ${Object.keys(declared.content ?? {}).join(', ') || 'none'})`];
    if (!media.schema || !mediaType.endsWith('json')) return problems;
    const validate = this.validator(`${pointer}/content/${escape(mediaType)}/schema`);
    if (!validate(response.body)) {
      const errors = (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
      problems.push(`${name}: body does not match the schema: ${errors.join('; ')}`);
    }
    return problems;
  }

  private validator(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
      this.validators.set(pointer, validate);
    }
    return validate;
  }
}

/** OpenAPI 3.0's schemas (`nullable`, `example`, …) as the JSON Schema that ajv reads. */
function asJsonSchema(document: Document): Document {
  const copy = structuredClone(document);
  const convert = (schema: object): object => {
    const { $schema: _draft, ...converted } = fromSchema(schema as never, { beforeTransform: nullableComposition as never }) as Schema;
    return converted;
  };
  for (const [name, schema] of Object.entries(copy.components?.schemas ?? {})) copy.components!.schemas![name] = convert(schema);
  for (const operations of Object.values(copy.paths)) {
    for (const operation of Object.values(operations)) {
      for (const response of Object.values(operation.responses ?? {})) {
        for (const media of Object.values(response.content ?? {})) if (media.schema) media.schema = convert(media.schema as object);
      }
    }
  }
  return copy;
}

/**
 * `nullable` beside `allOf`/`oneOf` (how a nullable `$ref` is written in OpenAPI 3.0) allows
 * null whatever the composition says; JSON Schema needs that spelled out as an alternative.
 */
function nullableComposition(schema: Schema): Schema {
  if (schema.nullable !== true || !(schema.allOf || schema.oneOf || schema.anyOf)) return schema;
  const { nullable: _nullable, type: _type, ...rest } = schema;
  return { anyOf: [rest, { enum: [null] }] };
}

/** JSON Pointer escaping (RFC 6901), then URI-fragment encoding for `$ref`. */
const escape = (segment: string): string => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
