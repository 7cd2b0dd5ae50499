import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '@samverka/identity';
import { ApiProblems } from '@samverka/platform';

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @ApiOperation({
    summary: 'Check liveness',
    description: 'Answers 200 while the process serves HTTP; it checks nothing else. No login needed.',
  })
  @Get()
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @ApiOperation({
    summary: 'Check readiness',
    description: 'Pings the database with a 2 s timeout: 200 when it answers, 503 `not_ready` naming the failing check when not. No login needed.',
  })
  @ApiProblems('not_ready')
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
  }
}
