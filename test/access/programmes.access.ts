import type { AccessRule } from './access-rule.js';

const managers: AccessRule['roles'] = ['admin', 'programme_manager'];
/** Cohorts and applications are read by everyone taking part; each sees only their scope (404 otherwise). */
const participants: AccessRule['roles'] = ['admin', 'programme_manager', 'entrepreneur', 'reviewer'];

export const rules: AccessRule[] = [
  { method: 'GET', path: '/api/programmes', roles: managers },
  { method: 'POST', path: '/api/programmes', roles: ['admin'] },
  { method: 'GET', path: '/api/programmes/{id}', roles: managers },
  { method: 'PUT', path: '/api/programmes/{id}', roles: managers },
  { method: 'PUT', path: '/api/programmes/{id}/managers', roles: ['admin'] },
  { method: 'GET', path: '/api/cohorts', roles: participants },
  { method: 'POST', path: '/api/cohorts', roles: managers },
  { method: 'GET', path: '/api/cohorts/{id}', roles: participants },
  { method: 'PUT', path: '/api/cohorts/{id}', roles: managers },
  { method: 'POST', path: '/api/cohorts/{id}/transitions', roles: managers },
  { method: 'PUT', path: '/api/cohorts/{id}/open-data', roles: managers },
  { method: 'GET', path: '/api/cohorts/{id}/reviewers', roles: managers },
  { method: 'POST', path: '/api/cohorts/{id}/reviewers', roles: managers },
  { method: 'GET', path: '/api/cohorts/{id}/review-conflicts', roles: managers },
  { method: 'GET', path: '/api/cohorts/{id}/participants', roles: managers },
  { method: 'GET', path: '/api/cohorts/{id}/scoreboard', roles: managers },
  { method: 'GET', path: '/api/cohorts/{id}/applications', roles: participants },
  { method: 'POST', path: '/api/cohorts/{id}/applications', roles: ['entrepreneur'] },
  { method: 'GET', path: '/api/applications/{id}', roles: participants },
  { method: 'PUT', path: '/api/applications/{id}', roles: ['entrepreneur'] },
  { method: 'POST', path: '/api/applications/{id}/submit', roles: ['entrepreneur'] },
  { method: 'POST', path: '/api/applications/{id}/withdraw', roles: ['entrepreneur'] },
  { method: 'POST', path: '/api/applications/{id}/decision', roles: managers },
  { method: 'POST', path: '/api/applications/{id}/assignments', roles: managers },
  { method: 'GET', path: '/api/applications/{id}/reviewers', roles: managers },
  { method: 'POST', path: '/api/applications/{id}/conflicts', roles: ['reviewer'] },
  { method: 'GET', path: '/api/applications/{id}/reviews', roles: ['admin', 'programme_manager', 'reviewer'] },
  { method: 'POST', path: '/api/applications/{id}/reviews', roles: ['reviewer'] },
  { method: 'PUT', path: '/api/applications/{id}/reviews', roles: ['reviewer'] },
  { method: 'GET', path: '/api/me/review-assignments', roles: ['reviewer'] },
  { method: 'GET', path: '/api/me/review-assignments/{id}', roles: ['reviewer'] },
  { method: 'GET', path: '/api/entrepreneurs/me', roles: ['entrepreneur'] },
  { method: 'PUT', path: '/api/entrepreneurs/me', roles: ['entrepreneur'] },
  { method: 'GET', path: '/api/entrepreneurs/{userId}', roles: ['programme_manager'] },
];
