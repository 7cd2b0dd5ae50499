import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, InvitationsService, UsersService, type Invitation } from '@samverka/identity';
import { ApiPageResponse, ApiProblems, IdParam, mapPage, type Page } from '@samverka/platform';
import { CreateInvitationDto, InvitationListQuery, InvitationSummaryView, InvitationView } from './dto/invitation.dto.js';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly users: UsersService,
  ) {}

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

  @ApiOperation({
    summary: 'List invitations',
    description: 'The invitations still waiting to be accepted, newest first, paginated, with the names of who sent them and of the department, programme or cohort they are for; never a token. ?status= lists the accepted, expired or revoked ones instead (kept for 30 days). Admins see every invitation, programme managers those they sent.',
  })
  @Get()
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiPageResponse(InvitationSummaryView)
  async list(@Query() query: InvitationListQuery): Promise<Page<InvitationSummaryView>> {
    const page = await this.invitations.list(query, query.status);
    const names = await this.namesOf(page.items);
    return mapPage(page, (invitation) => InvitationSummaryView.of(invitation, names));
  }

  @ApiOperation({
    summary: 'Revoke an invitation',
    description: 'Takes back an invitation that was not accepted (a pending or an expired one): its link stops working at once, and accepting it answers 401 invalid_invitation as for an unknown token. An accepted or already revoked invitation is 409 invalid_transition (allowed: none); an invitation the caller did not send (unless admin) is 404. Audited.',
  })
  @ApiProblems('not_found', 'invalid_transition')
  @Post(':id/revoke')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiOkResponse({ type: InvitationSummaryView, description: 'The invitation, now revoked.' })
  async revoke(@IdParam() id: string): Promise<InvitationSummaryView> {
    const invitation = await this.invitations.revoke(id);
    return InvitationSummaryView.of(invitation, await this.namesOf([invitation]));
  }

  /** The senders' and the scopes' names for a page, in one query per kind of name. */
  private async namesOf(invitations: readonly Invitation[]): Promise<Map<string, string>> {
    const [people, scopes] = await Promise.all([
      this.users.displayNamesOf(invitations.flatMap((invitation) => (invitation.invitedBy ? [invitation.invitedBy] : []))),
      this.invitations.scopeNamesOf(invitations),
    ]);
    return new Map([...scopes, ...people]);
  }
}
