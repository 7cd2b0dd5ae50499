import type { Role } from '@samverka/platform';

/** Who may call one route, as named in the OpenAPI document. */
export interface AccessRule {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path template, e.g. `/api/users/{id}/deactivate`. */
  path: string;
  /** The roles allowed; `public` needs no token; `any` is any signed-in user. */
  roles: Role[] | 'public' | 'any';
}
