import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TestEnvironmentsService } from '@samverka/challenges';
import { Authenticated } from '@samverka/identity';
import { ApiIfMatch, ApiPageResponse, IdParam, IfMatchVersion, mapPage, type Page } from '@samverka/platform';
import { TestEnvironmentDto, TestEnvironmentListQuery, TestEnvironmentView } from './dto/test-environment.dto.js';

@ApiTags('departments')
@Controller('departments/:id/test-environments')
export class TestEnvironmentsController {
  constructor(private readonly environments: TestEnvironmentsService) {}

  @ApiOperation({
    summary: 'List a department’s test environments',
    description: 'The registry of a department you can see (404 otherwise), oldest first, paginated; ?active= keeps active or retired ones.',
  })
  @Get()
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member'] })
  @ApiPageResponse(TestEnvironmentView)
  async list(@IdParam() departmentId: string, @Query() query: TestEnvironmentListQuery): Promise<Page<TestEnvironmentView>> {
    const active = query.active === undefined ? undefined : query.active === 'true';
    return mapPage(await this.environments.list(departmentId, { ...query, active }), TestEnvironmentView.of);
  }

  @ApiOperation({
    summary: 'Add a test environment',
    description: 'Adds an active environment to the registry of a department you belong to (404 otherwise); municipality and availability dates are checked (400). Audited; honours Idempotency-Key.',
  })
  @Post()
  @Authenticated({ roles: ['department_member'] })
  @ApiCreatedResponse({ type: TestEnvironmentView, description: "Members add to their own department's registry." })
  async create(@IdParam() departmentId: string, @Body() body: TestEnvironmentDto): Promise<TestEnvironmentView> {
    const environment = await this.environments.create(departmentId, body);
    return TestEnvironmentView.of(environment);
  }

  @ApiOperation({
    summary: 'Get a test environment',
    description: 'One environment of a department you can see (404 otherwise); the ETag header carries the version for If-Match.',
  })
  @Get(':envId')
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member'] })
  @ApiOkResponse({ type: TestEnvironmentView })
  async get(@IdParam() departmentId: string, @IdParam('envId') id: string): Promise<TestEnvironmentView> {
    const environment = await this.environments.get(departmentId, id);
    return TestEnvironmentView.of(environment);
  }

  @ApiOperation({
    summary: 'Replace a test environment',
    description: 'Replaces the record in a department you belong to (404 otherwise); fields left out are cleared, and active: false retires it, so no challenge can offer it any more. Needs If-Match (428 without it, 412 when stale); audited as updated, retired or reactivated.',
  })
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
