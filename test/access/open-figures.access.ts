import type { AccessRule } from './access-rule.js';

/** The aggregated learnings and impact figures are open data: anyone reads them, no token needed. */
export const rules: AccessRule[] = [
  { method: 'GET', path: '/api/open/learnings', roles: 'public' },
  { method: 'GET', path: '/api/open/impact', roles: 'public' },
];
