import type { AccessRule } from './access-rule.js';

const MANAGERS: AccessRule['roles'] = ['admin', 'programme_manager'];

/** Preferences, matching runs and matches. Scope (whose cohort, whose match) is tested in test/journey. */
export const rules: AccessRule[] = [
  { method: 'GET', path: '/api/cohorts/{id}/preferences', roles: ['admin', 'programme_manager', 'department_member', 'entrepreneur'] },
  { method: 'PUT', path: '/api/cohorts/{id}/preferences/mine', roles: ['entrepreneur'] },
  { method: 'PUT', path: '/api/cohorts/{id}/preferences/challenges/{challengeId}', roles: ['department_member'] },
  { method: 'POST', path: '/api/cohorts/{id}/matching-runs', roles: MANAGERS },
  { method: 'GET', path: '/api/cohorts/{id}/matching-runs', roles: MANAGERS },
  { method: 'GET', path: '/api/matching-runs/{id}', roles: MANAGERS },
  { method: 'GET', path: '/api/matching-runs/{id}/compare/{otherId}', roles: MANAGERS },
  { method: 'POST', path: '/api/matching-runs/{id}/repeat', roles: MANAGERS },
  { method: 'POST', path: '/api/matching-runs/{id}/publish', roles: MANAGERS },
  { method: 'POST', path: '/api/cohorts/{id}/matches/expire', roles: MANAGERS },
  { method: 'POST', path: '/api/cohorts/{id}/matching-conflicts', roles: ['entrepreneur', 'department_member'] },
  { method: 'GET', path: '/api/cohorts/{id}/matching-conflicts', roles: MANAGERS },
  { method: 'GET', path: '/api/matches', roles: 'any' },
  { method: 'GET', path: '/api/matches/{id}', roles: 'any' },
  { method: 'POST', path: '/api/matches/{id}/respond', roles: ['entrepreneur', 'department_member'] },
  { method: 'GET', path: '/api/me/manager-agenda', roles: MANAGERS },
];
