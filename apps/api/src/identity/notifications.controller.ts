import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Authenticated, NotificationsService, type Notification } from '@samverka/identity';
import { BooleanField, CurrentActor, IdParam, mapPage, PageQueryDto, type Page } from '@samverka/platform';
import { Transform } from 'class-transformer';

class NotificationQuery extends PageQueryDto {
  @Transform(({ value }) => value === 'true' || value === true)
  @BooleanField({ optional: true, description: 'Only unread notifications.' })
  unread?: boolean;
}

class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'match.proposed' }) type: string;
  @ApiProperty({ description: 'In your preferred language.' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Ids of what it is about.' }) data: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;

  static of(notification: Notification): NotificationView {
    return Object.assign(new NotificationView(), {
      id: notification.id,
      type: notification.type,
      title: notification.title,
      body: notification.body,
      data: notification.data,
      createdAt: notification.createdAt.toISOString(),
      readAt: notification.readAt?.toISOString() ?? null,
    });
  }
}

class NotificationPage {
  @ApiProperty({ type: [NotificationView] }) items: NotificationView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class MarkedRead {
  @ApiProperty({ description: 'How many notifications were marked read.' }) marked: number;
}

@ApiTags('notifications')
@Authenticated()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly actor: CurrentActor,
  ) {}

  @ApiOperation({
    summary: 'List my notifications',
    description: 'Your in-app notifications, newest first, paginated; ?unread=true leaves out those already read.',
  })
  @Get()
  @ApiOkResponse({ type: NotificationPage, description: 'Your notifications, newest first.' })
  async list(@Query() query: NotificationQuery): Promise<Page<NotificationView>> {
    return mapPage(await this.notifications.list(this.actor.required.id, query, query.unread ?? false), NotificationView.of);
  }

  @ApiOperation({
    summary: 'Mark all my notifications read',
    description: 'Marks every unread notification of yours read and says how many were marked.',
  })
  @Post('read-all')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MarkedRead })
  async markAllRead(): Promise<MarkedRead> {
    return { marked: await this.notifications.markAllRead(this.actor.required.id) };
  }

  @ApiOperation({
    summary: 'Mark a notification read',
    description: 'Marks one of your notifications read, keeping the first read time if it was read before; anyone else’s notification is 404.',
  })
  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: NotificationView })
  async markRead(@IdParam() id: string): Promise<NotificationView> {
    return NotificationView.of(await this.notifications.markRead(this.actor.required.id, id));
  }
}
