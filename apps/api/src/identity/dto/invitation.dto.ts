import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EmailField, EnumField, PageQueryDto, TextField, UuidField } from '@samverka/platform';
import { INVITATION_STATUSES, invitationStatusOf, ROLES, type Invitation, type InvitationStatus, type Role } from '@samverka/identity';

export class CreateInvitationDto {
  @EmailField()
  email: string;

  @EnumField(ROLES, { description: 'Admins may invite any role; programme managers reviewer, department_member or entrepreneur.' })
  role: Role;

  @UuidField({ optional: true, description: 'The department a department member joins.' })
  departmentId?: string;

  @UuidField({ optional: true, description: 'The programme the role applies to.' })
  programmeId?: string;

  @UuidField({ optional: true, description: 'The cohort a reviewer or entrepreneur is invited to.' })
  cohortId?: string;
}

export class ChangeStatusDto {
  @TextField({ max: 1000, multiline: true, optional: true, description: 'Why; kept in the audit trail.' })
  reason?: string;
}

export class InvitationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional({ format: 'uuid' }) departmentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) programmeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) cohortId?: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Single use; hand it to the invitee (it is also emailed). Shown only once.' }) token: string;

  static of(invitation: Invitation, token: string): InvitationView {
    return Object.assign(new InvitationView(), {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      ...invitation.scope,
      expiresAt: invitation.expiresAt.toISOString(),
      createdAt: invitation.createdAt.toISOString(),
      token,
    });
  }
}

export class InvitationListQuery extends PageQueryDto {
  @EnumField(INVITATION_STATUSES, { optional: true, description: 'Which invitations: pending (the default: not accepted, revoked or expired), accepted, expired or revoked.' })
  status: InvitationStatus = 'pending';
}

/** An invitation as its sender sees it afterwards: where it stands, never its token. */
export class InvitationSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ enum: INVITATION_STATUSES, description: 'expired: pending, but its time ran out.' }) status: InvitationStatus;
  @ApiPropertyOptional({ format: 'uuid' }) departmentId?: string;
  @ApiPropertyOptional({ description: 'The department\'s name, while it exists.' }) departmentName?: string;
  @ApiPropertyOptional({ format: 'uuid' }) programmeId?: string;
  @ApiPropertyOptional({ description: 'The programme\'s name, while it exists.' }) programmeName?: string;
  @ApiPropertyOptional({ format: 'uuid' }) cohortId?: string;
  @ApiPropertyOptional({ description: 'The cohort\'s name, while it exists.' }) cohortName?: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Who sent it; null once that account is gone.' }) invitedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) invitedByName: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acceptedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;

  /** `names`: people by user id and departments, programmes and cohorts by id (one query each per page). */
  static of(invitation: Invitation, names: ReadonlyMap<string, string>): InvitationSummaryView {
    const { departmentId, programmeId, cohortId } = invitation.scope;
    const named = (id: string | undefined) => (id ? names.get(id) : undefined);
    return Object.assign(new InvitationSummaryView(), {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      status: invitationStatusOf(invitation),
      departmentId,
      departmentName: named(departmentId),
      programmeId,
      programmeName: named(programmeId),
      cohortId,
      cohortName: named(cohortId),
      invitedBy: invitation.invitedBy,
      invitedByName: (invitation.invitedBy && names.get(invitation.invitedBy)) ?? null,
      createdAt: invitation.createdAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
      acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
      revokedAt: invitation.revokedAt?.toISOString() ?? null,
    });
  }
}
