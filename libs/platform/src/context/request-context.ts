import type { ClsStore } from 'nestjs-cls';

export type Role = 'admin' | 'programme_manager' | 'department_member' | 'reviewer' | 'entrepreneur';
export const ROLES: readonly Role[] = ['admin', 'programme_manager', 'department_member', 'reviewer', 'entrepreneur'];

/** Who is calling: set by the authentication guard, read by services and the audit trail. */
export interface Actor {
  id: string;
  roles: readonly Role[];
}

export interface RequestStore extends ClsStore {
  actor?: Actor;
}
