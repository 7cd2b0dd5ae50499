import { HttpStatus } from '@nestjs/common';
import type { DomainError, ErrorKind } from './domain-error.js';
import type { ProblemCode } from './problem-catalogue.js';

/** RFC 9457 problem details, with Samverka's extension members. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  requestId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemType = (code: string): string => `urn:samverka:problem:${code.replace(/_/g, '-')}`;

function assertUnreachable(kind: never): never {
  throw new Error(`Unmapped error kind: ${String(kind)}`);
}

export function statusOfKind(kind: ErrorKind): HttpStatus {
  switch (kind) {
    case 'validation':
      return HttpStatus.BAD_REQUEST;
    case 'unauthenticated':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
    case 'invalid_transition':
      return HttpStatus.CONFLICT;
    case 'stale_version':
      return HttpStatus.PRECONDITION_FAILED;
    case 'precondition_required':
      return HttpStatus.PRECONDITION_REQUIRED;
    case 'unprocessable':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'rate_limited':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'gone':
      return HttpStatus.GONE;
    default:
      return assertUnreachable(kind);
  }
}

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const titleOfStatus = (status: number): string => TITLES[status] ?? 'Error';

export function problemFromDomainError(error: DomainError): ProblemDocument {
  const status = statusOfKind(error.kind);
  return {
    type: problemType(error.code),
    title: titleOfStatus(status),
    status,
    detail: error.message,
    code: error.code,
    ...error.extensions,
  };
}

/** The catalogue's code for an error that came with a status only (from a library, not our rules). */
function defaultCodeOf(status: number): ProblemCode {
  switch (status) {
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 413:
      return 'body_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    case 503:
      return 'not_ready';
    default:
      return status >= 500 ? 'internal_error' : 'bad_request';
  }
}

export function problemFromStatus(status: number, detail: string, code?: ProblemCode): ProblemDocument {
  const resolved = code ?? defaultCodeOf(status);
  return { type: problemType(resolved), title: titleOfStatus(status), status, detail, code: resolved };
}
