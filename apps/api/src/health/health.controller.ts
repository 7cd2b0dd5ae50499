import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthCheckResult, type HealthIndicatorResult } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '@samverka/identity';
import { ApiProblems } from '@samverka/platform';
import { Draining } from './draining.js';

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly draining: Draining,
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
    description:
      'Pings the database with a 2 s timeout: 200 when it answers, 503 `not_ready` naming the failing check when not. From SIGTERM on it answers 503 (`shutdown`) while the requests in flight finish, so a load balancer sends no more. No login needed.',
  })
  @ApiProblems('not_ready')
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([() => this.shutdown(), () => this.database.pingCheck('database', { timeout: 2000 })]);
  }

  private shutdown(): HealthIndicatorResult {
    const shutdown = this.indicators.check('shutdown');
    return this.draining.active ? shutdown.down('the instance is shutting down') : shutdown.up();
  }
}
