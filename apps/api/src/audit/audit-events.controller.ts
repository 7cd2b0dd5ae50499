import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Authenticated, UsersService } from '@samverka/identity';
import { AuditQuery, DateField, mapPage, PageQueryDto, TextField, UuidField, type AuditEvent, type Page } from '@samverka/platform';

class AuditEventQuery extends PageQueryDto {
  @UuidField({ optional: true, description: 'Only what this user did.' })
  actorId?: string;

  @TextField({ max: 60, optional: true, description: 'e.g. user, cohort, challenge.' })
  entityType?: string;

  @UuidField({ optional: true })
  entityId?: string;

  @TextField({ max: 100, optional: true, description: 'e.g. user.created, cohort.transitioned.' })
  action?: string;

  @DateField({ optional: true, description: 'From this time (inclusive).' })
  from?: string;

  @DateField({ optional: true, description: 'Until this time (exclusive).' })
  to?: string;
}

class AuditEventView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who acted; null for the system.' }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The name of who acted; null for the system.' }) actorName: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) entityId: string | null;
  @ApiProperty({ type: String, nullable: true }) from: string | null;
  @ApiProperty({ type: String, nullable: true }) to: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why, in the words of whoever acted; null once erasure has removed them.' }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) details: Record<string, unknown> | null;

  static of(event: AuditEvent, names: Map<string, string>): AuditEventView {
    return Object.assign(new AuditEventView(), {
      id: event.id,
      occurredAt: event.occurredAt.toISOString(),
      actorId: event.actorId,
      actorName: event.actorId ? (names.get(event.actorId) ?? null) : null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      from: event.fromState,
      to: event.toState,
      reason: event.text?.reason ?? null,
      requestId: event.requestId,
      details: event.details,
    });
  }
}

class AuditEventPage {
  @ApiProperty({ type: [AuditEventView] }) items: AuditEventView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

@ApiTags('audit')
@Authenticated({ roles: ['admin'] })
@Controller('audit-events')
export class AuditEventsController {
  constructor(
    private readonly audit: AuditQuery,
    private readonly users: UsersService,
  ) {}

  @ApiOperation({
    summary: 'List audit events',
    description: 'The audit trail, newest first, paginated: who did what to which entity, from and to which state, why, and in which request. Filter by actor, entity type and id, action, and a time range.',
  })
  @Get()
  @ApiOkResponse({ type: AuditEventPage, description: 'The audit trail, newest first.' })
  async list(@Query() query: AuditEventQuery): Promise<Page<AuditEventView>> {
    const { limit, cursor, ...filter } = query;
    const page = await this.audit.list(filter, { limit, cursor });
    const names = await this.users.displayNamesOf(page.items.flatMap((event) => (event.actorId ? [event.actorId] : [])));
    return mapPage(page, (event) => AuditEventView.of(event, names));
  }
}
