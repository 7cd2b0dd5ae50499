import type { AccessRule } from './access-rule.js';

/** Staff arrange meetings and draft from needs (which meeting they may change is a scope check, 404); sign-ups and participation need no account. */
const staff: AccessRule['roles'] = ['admin', 'programme_manager', 'department_member'];

export const rules: AccessRule[] = [
  { method: 'GET', path: '/api/dialogue-meetings', roles: staff },
  { method: 'POST', path: '/api/dialogue-meetings', roles: staff },
  { method: 'GET', path: '/api/dialogue-meetings/{id}', roles: staff },
  { method: 'PUT', path: '/api/dialogue-meetings/{id}', roles: staff },
  { method: 'GET', path: '/api/dialogue-meetings/{id}/signups', roles: staff },
  { method: 'PUT', path: '/api/dialogue-meetings/{id}/signups/{signupId}/attendance', roles: staff },
  { method: 'GET', path: '/api/dialogue-meetings/{id}/needs', roles: staff },
  { method: 'POST', path: '/api/dialogue-meetings/{id}/needs', roles: staff },
  { method: 'PATCH', path: '/api/dialogue-meetings/{id}/needs/{needId}', roles: staff },
  { method: 'POST', path: '/api/dialogue-meetings/{id}/needs/{needId}/merge', roles: staff },
  { method: 'POST', path: '/api/dialogue-meetings/{id}/needs/{needId}/challenge', roles: ['department_member'] },
  { method: 'GET', path: '/api/dialogue-meetings/{id}/invitation', roles: 'public' },
  { method: 'POST', path: '/api/dialogue-meetings/{id}/signups', roles: 'public' },
  { method: 'GET', path: '/api/dialogue-participation/{token}', roles: 'public' },
  { method: 'DELETE', path: '/api/dialogue-participation/{token}', roles: 'public' },
  { method: 'POST', path: '/api/dialogue-participation/{token}/needs', roles: 'public' },
  { method: 'PUT', path: '/api/dialogue-participation/{token}/votes/{needId}', roles: 'public' },
  { method: 'GET', path: '/api/dialogue-reports/needs-funnel', roles: ['admin', 'programme_manager'] },
];
