import { Body, Controller, Delete, Get, HttpCode, HttpStatus } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, PASSWORD_MAX_LENGTH, PrivacyService } from '@samverka/identity';
import { ApiProblems, CurrentActor, IdParam, TextField } from '@samverka/platform';

class EraseMeDto {
  @TextField({ max: PASSWORD_MAX_LENGTH, trim: false, description: 'Your password, to confirm.' })
  password: string;
}

class EraseUserDto {
  @TextField({ max: 1000, multiline: true, description: 'How the person asked (no personal data): kept in the audit trail.' })
  reason: string;
}

@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly actor: CurrentActor,
  ) {}

  @ApiOperation({
    summary: 'Export all my data',
    description: 'One JSON document with everything held about you: the account and the invitations that brought you in, your consent history, notifications and audit events, and one section per context (profile and applications, memberships, rankings, matches, tracks and what you wrote on them).',
  })
  @Get('me/export')
  @Authenticated()
  @ApiOkResponse({
    schema: {
      type: 'object',
      additionalProperties: true,
      properties: {
        exportedAt: { type: 'string', format: 'date-time' },
        account: { type: 'object', additionalProperties: true, description: 'Name, address, language, roles, and the invitations sent to your address or accepted by you (without their links).' },
        consents: { type: 'array', items: { type: 'object', additionalProperties: true } },
        notifications: { type: 'array', items: { type: 'object', additionalProperties: true } },
        auditEvents: { type: 'array', items: { type: 'object', additionalProperties: true } },
        programmes: { type: 'object', additionalProperties: true, description: 'Profile, applications and answers, reviews and conflicts written.' },
        departments: { type: 'object', additionalProperties: true, description: 'Department memberships.' },
        journey: { type: 'object', additionalProperties: true, description: 'Rankings, matches, tracks and what you wrote on them.' },
      },
    },
    description:
      'Everything Samverka holds about you as JSON: account, consents, notifications, audit events where you acted or were acted on, profile, applications and answers, reviews you wrote, memberships, preferences, matches, tracks, learnings and measurements.',
  })
  export(): Promise<Record<string, unknown>> {
    return this.privacy.export(this.actor.required.id);
  }

  @ApiOperation({
    summary: 'Erase my account',
    description: 'Confirmed with your password (401 when wrong; nothing is erased). Every context blanks your personal fields, your notifications are deleted, all your logins are revoked and your name and email address are replaced; learnings, test sessions and follow-ups you wrote stay, detached from you, only with consent to research use. The audit trail records the erasure without personal data.',
  })
  @ApiProblems('invalid_credentials', 'last_admin', 'not_found')
  @Delete('me')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({
    description:
      'Erases your account: you can no longer log in; your name, address and free texts are removed. What you wrote as learnings stays, detached from you, only if you consented to research use.',
  })
  async eraseMe(@Body() body: EraseMeDto): Promise<void> {
    await this.privacy.eraseSelf(this.actor.required.id, body.password);
  }

  @ApiOperation({
    summary: 'Erase a person’s account',
    description: 'Erases someone who asked by other means, exactly as DELETE /api/me does, with the reason kept in the audit trail. An unknown or already erased person is 404.',
  })
  @ApiProblems('last_admin')
  @Delete('users/:id')
  @Authenticated({ roles: ['admin'] })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Erases a person who asked by other means (letter, phone), as DELETE /api/me does.' })
  async eraseUser(@IdParam() id: string, @Body() body: EraseUserDto): Promise<void> {
    await this.privacy.erase(id, body.reason);
  }
}
