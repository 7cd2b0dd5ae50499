import { AuditEvent } from './audit/audit-event.entity.js';
import { OutboxMessage } from './outbox/outbox-message.entity.js';
import { County, Municipality, Sdg } from './reference/reference.entities.js';

export const platformEntities = [AuditEvent, OutboxMessage, Sdg, County, Municipality];
