import { AuditEvent } from './audit/audit-event.entity.js';
import { AuditText } from './audit/audit-text.entity.js';
import { OutboxMessage } from './outbox/outbox-message.entity.js';
import { County, Municipality, Sdg } from './reference/reference.entities.js';

export const platformEntities = [AuditEvent, AuditText, OutboxMessage, Sdg, County, Municipality];
