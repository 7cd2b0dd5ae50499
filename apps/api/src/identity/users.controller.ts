import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, ROLES, USER_STATUSES, UsersService, UserView, type Role, type UserStatus } from '@samverka/identity';
import { ApiPageResponse, ApiProblems, EnumField, IdParam, mapPage, type Page, PageQueryDto, TextField } from '@samverka/platform';
import { ChangeStatusDto } from './dto/invitation.dto.js';

class UserListQuery extends PageQueryDto {
  @EnumField(ROLES, { optional: true, description: 'Only users holding this role.' })
  role?: Role;

  @EnumField(USER_STATUSES, { optional: true, description: 'Only users with this status.' })
  status?: UserStatus;

  @TextField({ max: 100, optional: true, description: 'Part of the name or email address, any case.' })
  q?: string;
}

@ApiTags('users')
@Authenticated({ roles: ['admin'] })
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiOperation({
    summary: 'List users',
    description: 'Every account, oldest first, paginated; ?role= keeps those holding that role, ?status= those with that status, ?q= those whose name or address contains the text.',
  })
  @Get()
  @ApiPageResponse(UserView)
  async list(@Query() query: UserListQuery): Promise<Page<UserView>> {
    return mapPage(await this.users.list(query, { role: query.role, status: query.status, search: query.q }), UserView.of);
  }

  @ApiOperation({
    summary: 'Get a user',
    description: 'One account with its roles and status; an unknown id is 404.',
  })
  @Get(':id')
  @ApiOkResponse({ type: UserView })
  async get(@IdParam() id: string): Promise<UserView> {
    return UserView.of(await this.users.getById(id));
  }

  @ApiOperation({
    summary: 'Deactivate a user',
    description: 'active → deactivated: the person can no longer log in, refresh or use an access token. A wrong move (already deactivated, or erased) is 409 naming the allowed ones; the reason is audited.',
  })
  @ApiProblems('invalid_transition', 'last_admin')
  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: UserView, description: 'The user can no longer log in or use any token.' })
  async deactivate(@IdParam() id: string, @Body() body: ChangeStatusDto): Promise<UserView> {
    return UserView.of(await this.users.changeStatus(id, 'deactivated', body.reason));
  }

  @ApiOperation({
    summary: 'Reactivate a user',
    description: 'deactivated → active: the person may log in again. A wrong move (already active, or erased) is 409 naming the allowed ones; the reason is audited.',
  })
  @ApiProblems('invalid_transition')
  @Post(':id/reactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: UserView })
  async reactivate(@IdParam() id: string, @Body() body: ChangeStatusDto): Promise<UserView> {
    return UserView.of(await this.users.changeStatus(id, 'active', body.reason));
  }
}
