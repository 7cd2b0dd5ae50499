import type { AccessRule } from './access-rule.js';

/** Cards are the programme's shared knowledge: every signed-in user reads them, managers write them. */
const managers: AccessRule['roles'] = ['admin', 'programme_manager'];
/** Which track is the caller's is a scope check (404), not a role one. */
const onATrack: AccessRule['roles'] = ['admin', 'programme_manager', 'department_member', 'entrepreneur'];

export const rules: AccessRule[] = [
  { method: 'GET', path: '/api/method-cards', roles: 'any' },
  { method: 'POST', path: '/api/method-cards', roles: managers },
  { method: 'GET', path: '/api/method-cards/{id}', roles: 'any' },
  { method: 'PUT', path: '/api/method-cards/{id}', roles: managers },
  { method: 'GET', path: '/api/method-cards/{id}/versions', roles: 'any' },
  { method: 'GET', path: '/api/method-cards/{id}/uses', roles: 'any' },
  { method: 'GET', path: '/api/method-cards/{id}/versions/{version}', roles: 'any' },
  { method: 'GET', path: '/api/tracks/{id}/method-cards', roles: onATrack },
  { method: 'POST', path: '/api/tracks/{id}/method-cards', roles: onATrack },
];
