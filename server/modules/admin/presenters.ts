import type { AuditEntry, OutboxMessage, OutboxMessageDetail } from '../../../common/schemas/admin.ts';
import type { AuditRow, MailRow } from '../../db/schema.ts';
import { REDACTED } from '../../platform/mail/outbox.ts';

export function presentOutboxMessage(m: MailRow): OutboxMessage {
  return {
    id: m.id,
    to: m.to_address,
    kind: m.kind,
    subject: m.subject,
    status: m.status,
    sensitive: m.sensitive,
    attempts: m.attempts,
    lastError: m.last_error,
    createdAt: m.created_at.toISOString(),
    sentAt: m.sent_at?.toISOString() ?? null,
  };
}

export function presentOutboxDetail(m: MailRow): OutboxMessageDetail {
  return { ...presentOutboxMessage(m), text: m.text_body === REDACTED ? null : m.text_body };
}

export function presentAuditEntry(a: AuditRow): AuditEntry {
  return {
    id: a.id,
    at: a.at.toISOString(),
    action: a.action,
    actor: a.actor_id ? { id: a.actor_id, label: a.actor_label } : null,
    target: a.target_type ? { type: a.target_type, id: a.target_id, label: a.target_label } : null,
    ip: a.ip,
    userAgent: a.user_agent,
    before: a.before,
    after: a.after,
    details: a.details,
  };
}
