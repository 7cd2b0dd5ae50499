import type { AccessRule } from './access-rule.js';

/** Everyone who can be on a track; which track is theirs is a scope check (404), not a role one. */
const onATrack: AccessRule['roles'] = ['admin', 'programme_manager', 'department_member', 'entrepreneur'];
const managers: AccessRule['roles'] = ['admin', 'programme_manager'];

export const rules: AccessRule[] = [
  { method: 'GET', path: '/api/tracks', roles: onATrack },
  { method: 'GET', path: '/api/tracks/{id}', roles: onATrack },
  { method: 'GET', path: '/api/cohorts/{id}/track-board', roles: managers },
  { method: 'POST', path: '/api/tracks/{id}/advance', roles: managers },
  { method: 'PUT', path: '/api/tracks/{id}/test-plan', roles: onATrack },
  { method: 'PUT', path: '/api/tracks/{id}/graduation-criteria', roles: managers },
  { method: 'GET', path: '/api/tracks/{id}/milestones', roles: onATrack },
  { method: 'POST', path: '/api/tracks/{id}/milestones', roles: onATrack },
  { method: 'PATCH', path: '/api/tracks/{id}/milestones/{milestoneId}', roles: onATrack },
  { method: 'GET', path: '/api/tracks/{id}/test-sessions', roles: onATrack },
  { method: 'POST', path: '/api/tracks/{id}/test-sessions', roles: onATrack },
  { method: 'GET', path: '/api/tracks/{id}/learnings', roles: onATrack },
  { method: 'POST', path: '/api/tracks/{id}/learnings', roles: onATrack },
  { method: 'PUT', path: '/api/tracks/{id}/learnings/{learningId}/publication', roles: managers },
  { method: 'DELETE', path: '/api/tracks/{id}/learnings/{learningId}/publication', roles: managers },
  { method: 'GET', path: '/api/tracks/{id}/notes', roles: onATrack },
  { method: 'POST', path: '/api/tracks/{id}/notes', roles: onATrack },
  { method: 'GET', path: '/api/tracks/{id}/follow-ups', roles: onATrack },
  { method: 'POST', path: '/api/tracks/{id}/follow-ups', roles: onATrack },
];
