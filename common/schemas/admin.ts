import { z } from 'zod';
import { Cursor, DateTime, Limit, Page } from './primitives.ts';

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'outbox_only'] as const;

export const OutboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  kind: z.string(),
  subject: z.string(),
  status: z.enum(MAIL_STATUSES),
  sensitive: z.boolean(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: DateTime,
  sentAt: DateTime.nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export const OutboxPage = Page(OutboxMessage);

export const OutboxMessageDetail = OutboxMessage.extend({
  /** Null once a message carrying a sign-in link has been delivered: the link is not kept. */
  text: z.string().nullable(),
});
export type OutboxMessageDetail = z.infer<typeof OutboxMessageDetail>;

export const OutboxQuery = z.object({ cursor: Cursor, limit: Limit });

/** Every action the audit log records; the web app has a label for each. */
export const AUDIT_ACTIONS = [
  'organisation.setup',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out_everywhere',
  'auth.password_changed',
  'auth.password_reset_requested',
  'auth.password_reset_completed',
  'invitation.created',
  'invitation.resent',
  'invitation.revoked',
  'invitation.accepted',
  'user.role_changed',
  'user.deactivated',
  'user.reactivated',
  'user.organisation_changed',
  'audit.exported',
  'mail.sensitive_viewed',
  'space.created',
  'space.visibility_changed',
  'space.role_changed',
  'space.member_removed',
  'space.request_approved',
  'space.request_declined',
  'space.made_external',
  'space.made_internal',
  'space.guest_invited',
  'space.guest_invitation_revoked',
  'organisation.settings_changed',
  'post.deleted_by_moderator',
  'comment.deleted_by_moderator',
  'retention.rule_changed',
  'retention.applied',
  'legal_hold.placed',
  'legal_hold.released',
  'sso.settings_changed',
  'sso.connection_tested',
  'sso.identity_linked',
  'user.created_by_sso',
  'user.erased',
  'privacy.settings_changed',
  'personal_data.export_requested',
  'personal_data.exported',
  'personal_data.downloaded',
  'analytics.settings_changed',
  'analytics.assumptions_changed',
  'analytics.people_viewed',
  'analytics.cohort_created',
  'analytics.cohort_updated',
  'analytics.cohort_deleted',
  'user.analyst_changed',
  // care: channels
  'care_channel.created',
  'care_channel.updated',
  'care_channel.enabled',
  'care_channel.disabled',
  'care_channel.deleted',
  'care_channel.secret_rotated',
  'care_channel.tested',
  'care_team.created',
  'care_team.updated',
  'care_team.deleted',
  'care_sla.changed',
  'care_sla.removed',
  'user.care_agent_changed',
  // care: insight
  'care.escalated',
  'care.alert_acknowledged',
  'care.idea_created',
  // ambassadors
  'ambassador_kit.created',
  'ambassador_kit.updated',
  'ambassador_kit.published',
  'ambassador_kit.archived',
  'ambassador.settings_changed',
  'user.communication_manager_changed',
  // ideas
  'idea_campaign.created',
  'idea.status_changed',
  'idea.merged',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntry = z.object({
  id: z.number(),
  at: DateTime,
  action: z.string(),
  actor: z.object({ id: z.string(), label: z.string().nullable() }).nullable(),
  target: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }).nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = Page(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;

/** Filters of the log, for reading it by page or exporting it whole. */
export const AuditFilter = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: z.uuid().optional(),
  targetId: z.string().max(100).optional(),
  from: DateTime.optional(),
  to: DateTime.optional(),
});

/** The chain walked from the first record: how many hold, and the first that does not. */
export const AuditVerification = z.object({
  valid: z.boolean(),
  checked: z.number(),
  brokenId: z.number().nullable(),
});

export const AuditQuery = AuditFilter.extend({ cursor: Cursor, limit: Limit });
