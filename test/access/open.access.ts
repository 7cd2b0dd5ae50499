import type { AccessRule } from './access-rule.js';

/** Open data is for anyone, without a token; publishing it is for those who write method cards. */
const managers: AccessRule['roles'] = ['admin', 'programme_manager'];

export const rules: AccessRule[] = [
  { method: 'GET', path: '/api/open/method-cards', roles: 'public' },
  { method: 'GET', path: '/api/open/method-cards/{card}', roles: 'public' },
  { method: 'GET', path: '/api/open/method-cards/{card}/versions', roles: 'public' },
  { method: 'GET', path: '/api/open/method-cards/{card}/versions/{version}', roles: 'public' },
  { method: 'GET', path: '/api/open/catalogue', roles: 'public' },
  { method: 'GET', path: '/api/method-cards/{id}/publications', roles: managers },
  { method: 'PUT', path: '/api/method-cards/{id}/versions/{version}/publication', roles: managers },
  { method: 'DELETE', path: '/api/method-cards/{id}/versions/{version}/publication', roles: managers },
  // Importing reaches out of the server: admins only, from the hosts they allowed.
  { method: 'POST', path: '/api/method-cards/imports', roles: ['admin'] },
  { method: 'GET', path: '/api/open-import-hosts', roles: ['admin'] },
  { method: 'POST', path: '/api/open-import-hosts', roles: ['admin'] },
  { method: 'DELETE', path: '/api/open-import-hosts/{host}', roles: ['admin'] },
];
