import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TestEnvironmentsService } from '@samverka/challenges';
import { Authenticated } from '@samverka/identity';
import { ApiIfMatch, ApiPageResponse, IdParam, IfMatchVersion, mapPage, type Page } from '@samverka/platform';
import { TestEnvironmentDto, TestEnvironmentListQuery, TestEnvironmentView } from './dto/test-environment.dto.js';

@ApiTags('departments')
@Controller('departments/:id/test-environments')
export class TestEnvironmentsController {
  constructor(private readonly environments: TestEnvironmentsService) {}

  @Get()
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member'] })
  @ApiPageResponse(TestEnvironmentView)
  async list(@IdParam() departmentId: string, @Query() query: TestEnvironmentListQuery): Promise<Page<TestEnvironmentView>> {
    const active = query.active === undefined ? undefined : query.active === 'true';
    return mapPage(await this.environments.list(departmentId, { ...query, active }), TestEnvironmentView.of);
  }

  @Post()
  @Authenticated({ roles: ['department_member'] })
  @ApiCreatedResponse({ type: TestEnvironmentView, description: "Members add to their own department's registry." })
  async create(@IdParam() departmentId: string, @Body() body: TestEnvironmentDto): Promise<TestEnvironmentView> {
    const environment = await this.environments.create(departmentId, body);
    return TestEnvironmentView.of(environment);
  }

  @Get(':envId')
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member'] })
  @ApiOkResponse({ type: TestEnvironmentView })
  async get(@IdParam() departmentId: string, @IdParam('envId') id: string): Promise<TestEnvironmentView> {
    const environment = await this.environments.get(departmentId, id);
    return TestEnvironmentView.of(environment);
  }

  @Put(':envId')
  @Authenticated({ roles: ['department_member'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: TestEnvironmentView, description: 'Replaces the record; active: false retires it.' })
  async update(
    @IdParam() departmentId: string,
    @IdParam('envId') id: string,
    @Body() body: TestEnvironmentDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<TestEnvironmentView> {
    const environment = await this.environments.update(departmentId, id, version, body);
    return TestEnvironmentView.of(environment);
  }
}
