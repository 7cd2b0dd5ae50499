import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EmailField, EnumField, TextField, UuidField } from '@samverka/platform';
import { ROLES, type Invitation, type Role } from '@samverka/identity';

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
