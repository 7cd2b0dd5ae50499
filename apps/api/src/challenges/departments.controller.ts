import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DepartmentsService } from '@samverka/challenges';
import { Authenticated } from '@samverka/identity';
import { ApiIfMatch, ApiPageResponse, ApiProblems, IdParam, IfMatchVersion, mapPage, type Page, PageQueryDto, ValidationFailedError } from '@samverka/platform';
import { InvitationView } from '../identity/dto/invitation.dto.js';
import { AddDepartmentMemberDto, DepartmentDto, DepartmentMemberView, DepartmentView } from './dto/department.dto.js';

export class DepartmentMemberAddedView {
  @ApiProperty({ enum: ['added', 'invited'], description: 'added: an existing department member joined; invited: an invitation was sent.' })
  status: 'added' | 'invited';

  @ApiPropertyOptional({ type: DepartmentMemberView })
  member?: DepartmentMemberView;

  @ApiPropertyOptional({ type: InvitationView, description: 'Accepting it makes the person a member of this department.' })
  invitation?: InvitationView;
}

@ApiTags('departments')
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @ApiOperation({
    summary: 'List departments',
    description: 'Oldest first, paginated: every department for admins and managers, their own for department members.',
  })
  @Get()
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member'] })
  @ApiPageResponse(DepartmentView, 'Every department for admins and managers, their own for members.')
  async list(@Query() query: PageQueryDto): Promise<Page<DepartmentView>> {
    return mapPage(await this.departments.list(query), DepartmentView.of);
  }

  @ApiOperation({
    summary: 'Create a department',
    description: 'A department of an organisation, located in a Swedish municipality (400 if unknown); a name already used in the organisation is 409 department_exists. Audited; honours Idempotency-Key.',
  })
  @ApiProblems('department_exists')
  @Post()
  @Authenticated({ roles: ['admin'] })
  @ApiCreatedResponse({ type: DepartmentView })
  async create(@Body() body: DepartmentDto): Promise<DepartmentView> {
    const department = await this.departments.create(body);
    return DepartmentView.of(department);
  }

  @ApiOperation({
    summary: 'Get a department',
    description: 'Department members see only their own departments, others are 404; the ETag header carries the version for If-Match.',
  })
  @Get(':id')
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member'] })
  @ApiOkResponse({ type: DepartmentView })
  async get(@IdParam() id: string): Promise<DepartmentView> {
    const department = await this.departments.get(id);
    return DepartmentView.of(department);
  }

  @ApiOperation({
    summary: 'Update a department',
    description: 'Replaces name, organisation, municipality and description; a name already used in the organisation is 409. Needs If-Match (428 without it, 412 when stale); audited.',
  })
  @ApiProblems('department_exists')
  @Put(':id')
  @Authenticated({ roles: ['admin'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: DepartmentView })
  async update(
    @IdParam() id: string,
    @Body() body: DepartmentDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<DepartmentView> {
    const department = await this.departments.update(id, version, body);
    return DepartmentView.of(department);
  }

  @ApiOperation({
    summary: 'List a department’s members',
    description: 'The members with name, email address and when they were added, earliest first, paginated; a department you cannot see is 404.',
  })
  @Get(':id/members')
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member'] })
  @ApiPageResponse(DepartmentMemberView)
  async members(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<DepartmentMemberView>> {
    return mapPage(await this.departments.listMembers(id, query), DepartmentMemberView.of);
  }

  @ApiOperation({
    summary: 'Add or invite a department member',
    description: 'Give userId to add an active person who already holds the department_member role, or email to send an invitation that makes its accepter a member; exactly one of the two (400 otherwise). Someone already a member is 409; audited.',
  })
  @ApiProblems('already_member')
  @Post(':id/members')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiCreatedResponse({ type: DepartmentMemberAddedView, description: 'An invitation for an email address, or a membership for an existing department member.' })
  async addMember(@IdParam() id: string, @Body() body: AddDepartmentMemberDto): Promise<DepartmentMemberAddedView> {
    if ((body.email === undefined) === (body.userId === undefined)) {
      throw new ValidationFailedError([{ field: 'email', message: 'give either email (to invite) or userId (to add), not both' }]);
    }
    if (body.userId) return { status: 'added', member: DepartmentMemberView.of(await this.departments.addMember(id, body.userId)) };
    const { invitation, token } = await this.departments.inviteMember(id, body.email!);
    return { status: 'invited', invitation: InvitationView.of(invitation, token) };
  }

  @ApiOperation({
    summary: 'Remove a department member',
    description: 'Ends the person’s membership; their account and role stay. Someone not a member is 404; audited.',
  })
  @Delete(':id/members/:userId')
  @Authenticated({ roles: ['admin'] })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The person no longer belongs to the department.' })
  async removeMember(@IdParam() id: string, @IdParam('userId') userId: string): Promise<void> {
    await this.departments.removeMember(id, userId);
  }
}
