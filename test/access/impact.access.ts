import type { AccessRule } from './access-rule.js';

/** Metrics are defined by managers and read by everyone on the programme's tracks; which programme, track or participant is theirs is a scope check (404). */
const onATrack: AccessRule['roles'] = ['admin', 'programme_manager', 'department_member', 'entrepreneur'];
const managers: AccessRule['roles'] = ['admin', 'programme_manager'];
const REPORTS = ['funnel', 'stage-times', 'challenges', 'sdg-coverage', 'metrics', 'metrics-over-time', 'graduations', 'learnings'];

export const rules: AccessRule[] = [
  { method: 'GET', path: '/api/programmes/{id}/metrics', roles: onATrack },
  { method: 'POST', path: '/api/programmes/{id}/metrics', roles: managers },
  { method: 'GET', path: '/api/programmes/{id}/metrics/{metricId}', roles: onATrack },
  { method: 'PUT', path: '/api/programmes/{id}/metrics/{metricId}', roles: managers },
  { method: 'GET', path: '/api/tracks/{id}/measurements', roles: onATrack },
  { method: 'POST', path: '/api/tracks/{id}/measurements', roles: onATrack },
  { method: 'GET', path: '/api/cohorts/{id}/participants/{userId}/measurements', roles: onATrack },
  { method: 'POST', path: '/api/cohorts/{id}/participants/{userId}/measurements', roles: onATrack },
  ...REPORTS.map((report): AccessRule => ({ method: 'GET', path: `/api/cohorts/{id}/reports/${report}`, roles: managers })),
];
