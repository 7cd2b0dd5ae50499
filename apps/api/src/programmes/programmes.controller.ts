import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ProgrammesService, type ProgrammeWithManagers } from '@samverka/programmes';
import { ApiIfMatch, ApiPageResponse, IdParam, IfMatchVersion, type Page, PageQueryDto } from '@samverka/platform';
import { CreateProgrammeDto, ProgrammeView, SetManagersDto, UpdateProgrammeDto } from './dto/programme.dto.js';

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @ApiOperation({
    summary: 'List programmes',
    description: 'Admins see every programme, a programme manager those they manage; each with its manager ids, oldest first, paginated.',
  })
  @Get()
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiPageResponse(ProgrammeView, 'All for admins, the ones they manage for managers.')
  async list(@Query() query: PageQueryDto): Promise<Page<ProgrammeView>> {
    const page = await this.programmes.list(query);
    const managers = await this.programmes.managerIdsOf(page.items.map((p) => p.id));
    return { items: page.items.map((p) => ProgrammeView.of(p, managers.get(p.id) ?? [])), nextCursor: page.nextCursor };
  }

  @ApiOperation({
    summary: 'Create a programme',
    description: 'A new programme with the default questions, rubric and graduation criteria its new cohorts start from; it has no managers until they are set. Audited; honours Idempotency-Key.',
  })
  @Post()
  @Authenticated({ roles: ['admin'] })
  @ApiCreatedResponse({ type: ProgrammeView })
  async create(@Body() body: CreateProgrammeDto): Promise<ProgrammeView> {
    return ProgrammeView.of(await this.programmes.create(body), []);
  }

  @ApiOperation({
    summary: 'Get a programme',
    description: 'The programme with its manager ids; one you do not manage is 404. The ETag header carries the version for If-Match.',
  })
  @Get(':id')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiOkResponse({ type: ProgrammeView, description: 'The ETag header carries the version for If-Match.' })
  async get(@IdParam() id: string): Promise<ProgrammeView> {
    return this.view(await this.programmes.withManagers(await this.programmes.get(id)));
  }

  @ApiOperation({
    summary: 'Update a programme',
    description: 'Changes the name, description and defaults given; existing cohorts keep the questions, rubric and criteria they were created with. Needs If-Match (428 without it, 412 when stale); a programme you do not manage is 404, and the change is audited.',
  })
  @Put(':id')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: ProgrammeView })
  async update(
    @IdParam() id: string,
    @Body() body: UpdateProgrammeDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<ProgrammeView> {
    return this.view(await this.programmes.withManagers(await this.programmes.update(id, version, body)));
  }

  @ApiOperation({
    summary: 'Replace a programme’s managers',
    description: 'Sets the whole list of managers; each must be an active user holding the programme_manager role (400 naming the others). The additions and removals are audited.',
  })
  @Put(':id/managers')
  @Authenticated({ roles: ['admin'] })
  @ApiOkResponse({ type: ProgrammeView, description: 'The programme with its new managers.' })
  async setManagers(@IdParam() id: string, @Body() body: SetManagersDto): Promise<ProgrammeView> {
    await this.programmes.setManagers(id, body.userIds);
    return this.view(await this.programmes.withManagers(await this.programmes.get(id)));
  }

  private view({ programme, managerIds }: ProgrammeWithManagers): ProgrammeView {
    return ProgrammeView.of(programme, managerIds);
  }
}
