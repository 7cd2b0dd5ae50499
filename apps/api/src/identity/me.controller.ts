import { Body, Controller, Get, Patch, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, LANGUAGES, UsersService, UserView, type Language } from '@samverka/identity';
import { ApiIfMatch, CurrentActor, EnumField, etagOf, IfMatchVersion, TextField } from '@samverka/platform';
import type { FastifyReply } from 'fastify';

class UpdateMeDto {
  @TextField({ max: 120, optional: true })
  displayName?: string;

  @EnumField(LANGUAGES, { optional: true, description: 'The language Samverka writes to you in.' })
  preferredLanguage?: Language;
}

@ApiTags('me')
@Authenticated()
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly actor: CurrentActor,
  ) {}

  @ApiOperation({
    summary: 'Get my account',
    description: 'Your account with your roles, status and preferred language; the ETag header carries its version for If-Match.',
  })
  @Get()
  @ApiOkResponse({ type: UserView, description: 'You, with your roles. The ETag header carries the version for If-Match.' })
  async me(@Res({ passthrough: true }) response: FastifyReply): Promise<UserView> {
    const user = await this.users.getById(this.actor.required.id);
    response.header('ETag', etagOf(user.version));
    return UserView.of(user);
  }

  @ApiOperation({
    summary: 'Update my name or language',
    description: 'Changes your display name and/or preferred language; fields left out stay as they are. Needs If-Match (428 without it, 412 when stale); audited, and the new ETag is returned.',
  })
  @Patch()
  @ApiIfMatch()
  @ApiOkResponse({ type: UserView })
  async update(@Body() body: UpdateMeDto, @IfMatchVersion() version: number | undefined, @Res({ passthrough: true }) response: FastifyReply): Promise<UserView> {
    const user = await this.users.updateProfile(this.actor.required.id, version, body);
    response.header('ETag', etagOf(user.version));
    return UserView.of(user);
  }
}
