import type { Actor } from '@samverka/platform';

/** The roles a person may hold; what each may do is in the README's Roles table and the access matrix test. */
export const ROLES = ['admin', 'programme_manager', 'department_member', 'reviewer', 'entrepreneur'] as const;
export type Role = (typeof ROLES)[number];

/** A caller whose roles are identity's. */
export type IdentityActor = Actor<Role>;
