import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, InvitationsService } from '@samverka/identity';
import { ApiProblems } from '@samverka/platform';
import { CreateInvitationDto, InvitationView } from './dto/invitation.dto.js';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @ApiOperation({
    summary: 'Invite a person by email',
    description: 'Creates a single-use, expiring invitation to a role, optionally naming the department, programme or cohort it is for, and emails the link; the token is returned only here. Programme managers may hand out only the reviewer, department_member and entrepreneur roles (403 otherwise); audited.',
  })
  @ApiProblems('not_found')
  @Post()
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiCreatedResponse({ type: InvitationView })
  async invite(@Body() body: CreateInvitationDto): Promise<InvitationView> {
    const { email, role, ...scope } = body;
    const { invitation, token } = await this.invitations.invite({ email, role, scope });
    return InvitationView.of(invitation, token);
  }
}
