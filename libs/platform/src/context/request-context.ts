import type { ClsStore } from 'nestjs-cls';

/**
 * A role's name, as the platform carries it. Which roles exist, and what they may do, is
 * identity's business (`ROLES` and `Role` in `@samverka/identity`): the platform knows no context.
 */
export type Role = string;

/** Who is calling: set by the authentication guard, read by services and the audit trail. */
export interface Actor<R extends string = Role> {
  id: string;
  roles: readonly R[];
}

export interface RequestStore extends ClsStore {
  actor?: Actor;
}
