import type { AccessRule } from './access-rule.js';

/** Every signed-in person uses the partner board; whose post or interest it is, is a scope check (404). Only admins hide posts and show them again. */
export const rules: AccessRule[] = [
  { method: 'GET', path: '/api/partner-posts', roles: 'any' },
  { method: 'POST', path: '/api/partner-posts', roles: 'any' },
  { method: 'GET', path: '/api/partner-posts/{id}', roles: 'any' },
  { method: 'PUT', path: '/api/partner-posts/{id}', roles: 'any' },
  { method: 'POST', path: '/api/partner-posts/{id}/withdraw', roles: 'any' },
  { method: 'POST', path: '/api/partner-posts/{id}/hide', roles: ['admin'] },
  { method: 'POST', path: '/api/partner-posts/{id}/unhide', roles: ['admin'] },
  { method: 'GET', path: '/api/partner-posts/{id}/suggestions', roles: 'any' },
  { method: 'GET', path: '/api/partner-posts/{id}/interests', roles: 'any' },
  { method: 'POST', path: '/api/partner-posts/{id}/interests', roles: 'any' },
  { method: 'POST', path: '/api/partner-interests/{id}/accept', roles: 'any' },
  { method: 'POST', path: '/api/partner-interests/{id}/decline', roles: 'any' },
  { method: 'POST', path: '/api/partner-interests/{id}/withdraw', roles: 'any' },
];
