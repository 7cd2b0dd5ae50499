import type { AccessRule } from './access-rule.js';

const readers: AccessRule['roles'] = ['admin', 'programme_manager', 'department_member'];

export const rules: AccessRule[] = [
  { method: 'GET', path: '/api/departments', roles: readers },
  { method: 'POST', path: '/api/departments', roles: ['admin'] },
  { method: 'GET', path: '/api/departments/{id}', roles: readers },
  { method: 'PUT', path: '/api/departments/{id}', roles: ['admin'] },
  { method: 'GET', path: '/api/departments/{id}/members', roles: readers },
  { method: 'POST', path: '/api/departments/{id}/members', roles: ['admin', 'programme_manager'] },
  { method: 'DELETE', path: '/api/departments/{id}/members/{userId}', roles: ['admin'] },
  { method: 'GET', path: '/api/departments/{id}/test-environments', roles: readers },
  { method: 'POST', path: '/api/departments/{id}/test-environments', roles: ['department_member'] },
  { method: 'GET', path: '/api/departments/{id}/test-environments/{envId}', roles: readers },
  { method: 'PUT', path: '/api/departments/{id}/test-environments/{envId}', roles: ['department_member'] },
  { method: 'GET', path: '/api/challenges', roles: ['admin', 'programme_manager', 'department_member', 'entrepreneur'] },
  { method: 'POST', path: '/api/challenges', roles: ['department_member'] },
  { method: 'GET', path: '/api/challenges/{id}', roles: ['admin', 'programme_manager', 'department_member', 'entrepreneur'] },
  { method: 'PUT', path: '/api/challenges/{id}', roles: ['department_member'] },
  { method: 'POST', path: '/api/challenges/{id}/submit', roles: ['department_member'] },
  { method: 'POST', path: '/api/challenges/{id}/review', roles: ['programme_manager'] },
  { method: 'POST', path: '/api/challenges/{id}/withdraw', roles: ['department_member', 'admin'] },
  { method: 'GET', path: '/api/challenges/{id}/revisions', roles: readers },
  { method: 'GET', path: '/api/challenges/{id}/revisions/compare', roles: readers },
];
