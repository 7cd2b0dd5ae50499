import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ProgrammesService, type ProgrammeWithManagers } from '@samverka/programmes';
import { ApiIfMatch, ApiPageResponse, IdParam, IfMatchVersion, type Page, PageQueryDto } from '@samverka/platform';
import { CreateProgrammeDto, ProgrammeView, SetManagersDto, UpdateProgrammeDto } from './dto/programme.dto.js';

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get()
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiPageResponse(ProgrammeView, 'All for admins, the ones they manage for managers.')
  async list(@Query() query: PageQueryDto): Promise<Page<ProgrammeView>> {
    const page = await this.programmes.list(query);
    const managers = await this.programmes.managerIdsOf(page.items.map((p) => p.id));
    return { items: page.items.map((p) => ProgrammeView.of(p, managers.get(p.id) ?? [])), nextCursor: page.nextCursor };
  }

  @Post()
  @Authenticated({ roles: ['admin'] })
  @ApiCreatedResponse({ type: ProgrammeView })
  async create(@Body() body: CreateProgrammeDto): Promise<ProgrammeView> {
    return ProgrammeView.of(await this.programmes.create(body), []);
  }

  @Get(':id')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiOkResponse({ type: ProgrammeView, description: 'The ETag header carries the version for If-Match.' })
  async get(@IdParam() id: string): Promise<ProgrammeView> {
    return this.view(await this.programmes.withManagers(await this.programmes.get(id)));
  }

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
