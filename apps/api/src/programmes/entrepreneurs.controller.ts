import { Body, Controller, Get, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { EntrepreneursService } from '@samverka/programmes';
import { ApiIfMatch, ApiProblems, IdParam, IfMatchVersion } from '@samverka/platform';
import type { FastifyReply } from 'fastify';
import { ProfileDto, ProfileView } from './dto/entrepreneur.dto.js';

@ApiTags('entrepreneurs')
@Controller('entrepreneurs')
export class EntrepreneursController {
  constructor(private readonly entrepreneurs: EntrepreneursService) {}

  @ApiOperation({
    summary: 'Get my entrepreneur profile',
    description: 'Your profile with the county of its municipality; 404 until you have saved one. The ETag header carries the version for If-Match.',
  })
  @ApiProblems('not_found')
  @Get('me')
  @Authenticated({ roles: ['entrepreneur'] })
  @ApiOkResponse({ type: ProfileView, description: 'Your profile (404 until you have saved one). The ETag carries the version for If-Match.' })
  async mine(): Promise<ProfileView> {
    return ProfileView.of(await this.entrepreneurs.mine());
  }

  @ApiOperation({
    summary: 'Create or replace my entrepreneur profile',
    description: 'The first save creates your profile (201, no If-Match); later ones replace it whole (200) and need If-Match (428 without it, 412 when stale). Tags are normalised and SDGs and municipality checked against the reference data (400); audited.',
  })
  @Put('me')
  @Authenticated({ roles: ['entrepreneur'] })
  @ApiIfMatch({ required: false, description: 'Needed to replace an existing profile: its version ("ETag"). None → 428, stale → 412.' })
  @ApiCreatedResponse({ type: ProfileView, description: 'Your first profile; no If-Match needed.' })
  @ApiOkResponse({ type: ProfileView, description: 'Your profile replaced; If-Match required.' })
  async save(@Body() body: ProfileDto, @IfMatchVersion() version: number | undefined, @Res({ passthrough: true }) response: FastifyReply): Promise<ProfileView> {
    const saved = await this.entrepreneurs.saveMine(body, version);
    response.status(saved.created ? 201 : 200);
    return ProfileView.of(saved);
  }

  @ApiOperation({
    summary: 'Get an applicant’s profile',
    description: 'The profile of someone who has applied, beyond a draft, to a cohort of a programme you manage; anyone else, or someone without a profile, is 404.',
  })
  @Get(':userId')
  @Authenticated({ roles: ['programme_manager'] })
  @ApiOkResponse({ type: ProfileView, description: 'The profile of someone who applied to a cohort you manage; 404 for anyone else.' })
  async ofApplicant(@IdParam('userId') userId: string): Promise<ProfileView> {
    return ProfileView.of(await this.entrepreneurs.ofApplicant(userId));
  }
}
