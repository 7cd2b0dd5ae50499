import type { Schemas } from '@web/api/client';

export type Invitation = Schemas['InvitationSummaryView'];
export type InvitationStatus = Invitation['status'];

export const STATUSES: readonly InvitationStatus[] = ['pending', 'accepted', 'revoked', 'expired'];

export const invitationKeys = {
  all: ['invitations'] as const,
  list: (status: InvitationStatus) => ['invitations', status] as const,
};
