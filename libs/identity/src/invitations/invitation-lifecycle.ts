import { StateMachine } from '@samverka/platform';
import type { User } from '../users/user.entity.js';
import type { Invitation } from './invitation.entity.js';

export type InvitationState = 'pending' | 'accepted' | 'revoked';

/** What an invitation hook is told: the invitation and the person who accepted it. */
export interface InvitationSubject {
  invitation: Invitation;
  user: User;
}

/**
 * The invitation lifecycle, and everything that reacts to its moves (each slot names the
 * context that fills it; the app refuses to start when the hooks it finds differ):
 *
 * - `accepted` (after → accepted), filled by programmes: a programme manager invited to a
 *   programme manages it, a reviewer invited to a cohort reviews for it;
 * - `accepted` (after → accepted), filled by challenges: a person invited to a department
 *   becomes its member.
 *
 * Nothing reacts to `revoked`: a revoked invitation was never used, so nothing took the person in.
 * Running out (`expiresAt`) is not a move; an expired invitation is still `pending` in the table.
 */
export const invitationLifecycle = new StateMachine<InvitationState, InvitationSubject, 'accepted'>(
  'invitation',
  { pending: ['accepted', 'revoked'], accepted: [], revoked: [] },
  { accepted: { phase: 'after', on: ['accepted'], filledBy: ['programmes', 'challenges'], purpose: 'the scope named in the invitation takes the person in' } },
);
