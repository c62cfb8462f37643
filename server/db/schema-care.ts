// Row types of the customer-care tables (migration 2026-12-03-01-care), kept apart from
// schema.ts so the care module's tables read as one piece; Database includes them.
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Optional<T> = ColumnType<T, T | undefined, T>;
type JsonWithDefault<T> = ColumnType<T, string | T | undefined, string | T>;

export type CareChannelKind = 'email' | 'widget' | 'feed' | 'connector';
export type CareIdentityKind = CareChannelKind;
export type CareStatus = 'open' | 'pending' | 'resolved';
export type CarePriority = 'low' | 'normal' | 'high' | 'urgent';
export type CareMessageKind = 'inbound' | 'outbound' | 'note';
export type CareDeliveryStatus = 'pending' | 'sent' | 'failed' | 'not_applicable';

export interface CareTeamTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

export interface CareTeamMemberTable {
  team_id: string;
  user_id: string;
}

export interface CareChannelTable {
  id: string;
  kind: CareChannelKind;
  name: string;
  enabled: Generated<boolean>;
  settings: JsonWithDefault<Record<string, unknown>>;
  secret: Optional<string | null>;
  public_key: Optional<string | null>;
  default_team_id: Optional<string | null>;
  polled_at: NullableTimestamp;
  poll_state: JsonWithDefault<Record<string, unknown>>;
  last_error: Optional<string | null>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CareSlaPolicyTable {
  id: string;
  channel_id: string | null;
  priority: CarePriority;
  first_response_minutes: number;
  resolution_minutes: number;
  warn_minutes: Generated<number>;
}

export interface CareCustomerTable {
  id: string;
  display_name: string;
  email: Optional<string | null>;
  merged_into: Optional<string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CareCustomerIdentityTable {
  id: string;
  customer_id: string;
  kind: CareIdentityKind;
  value: string;
  created_at: Timestamp;
}

export interface CareConversationTable {
  id: string;
  channel_id: string;
  customer_id: string;
  subject: Optional<string>;
  status: Optional<CareStatus>;
  priority: Optional<CarePriority>;
  assignee_id: Optional<string | null>;
  team_id: Optional<string | null>;
  tags: Optional<string[]>;
  external_thread_id: Optional<string | null>;
  sentiment: Optional<number | null>;
  message_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_message_at: Timestamp;
  last_inbound_at: NullableTimestamp;
  first_response_at: NullableTimestamp;
  resolved_at: NullableTimestamp;
  first_response_due_at: NullableTimestamp;
  resolution_due_at: NullableTimestamp;
  sla_warned_at: NullableTimestamp;
  first_response_breached_at: NullableTimestamp;
  resolution_breached_at: NullableTimestamp;
}

export interface CareMessageTable {
  id: string;
  conversation_id: string;
  channel_id: string;
  kind: CareMessageKind;
  author_id: Optional<string | null>;
  body: string;
  external_id: Optional<string | null>;
  sentiment: Optional<number | null>;
  sentiment_edited_by: Optional<string | null>;
  delivery_status: Optional<CareDeliveryStatus | null>;
  delivery_error: Optional<string | null>;
  delivered_at: NullableTimestamp;
  metadata: JsonWithDefault<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface CareCannedReplyTable {
  id: string;
  title: string;
  body: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CareViewTable {
  id: string;
  owner_id: string;
  name: string;
  filters: ColumnType<
    Record<string, unknown>,
    string | Record<string, unknown>,
    string | Record<string, unknown>
  >;
  shared: Generated<boolean>;
  created_at: Timestamp;
}

export interface CareEscalationTable {
  id: string;
  conversation_id: string;
  post_id: string | null;
  space_id: string | null;
  expert_id: Optional<string | null>;
  requested_by: string | null;
  status: Optional<'open' | 'answered' | 'closed'>;
  answer_comment_id: Optional<string | null>;
  draft_body: Optional<string | null>;
  created_at: Timestamp;
  answered_at: NullableTimestamp;
}

export interface CareAlertTable {
  id: string;
  kind: 'negative_spike';
  channel_id: string | null;
  tag: string | null;
  message_count: number;
  /** Added by migration 2026-12-03-22-care-insight. */
  baseline_per_hour: Generated<number>;
  window_start: Timestamp;
  window_end: Timestamp;
  created_at: Timestamp;
  acknowledged_by: Optional<string | null>;
  acknowledged_at: NullableTimestamp;
}

export interface CarePresenceTable {
  conversation_id: string;
  user_id: string;
  composing: Generated<boolean>;
  seen_at: Timestamp;
}

/** An idea an agent made from a conversation (migration 2026-12-03-44-care-ideas). */
export interface CareConversationIdeaTable {
  conversation_id: string;
  idea_id: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface CareDatabase {
  care_teams: CareTeamTable;
  care_team_members: CareTeamMemberTable;
  care_channels: CareChannelTable;
  care_sla_policies: CareSlaPolicyTable;
  care_customers: CareCustomerTable;
  care_customer_identities: CareCustomerIdentityTable;
  care_conversations: CareConversationTable;
  care_messages: CareMessageTable;
  care_canned_replies: CareCannedReplyTable;
  care_views: CareViewTable;
  care_escalations: CareEscalationTable;
  care_alerts: CareAlertTable;
  care_presence: CarePresenceTable;
  care_conversation_ideas: CareConversationIdeaTable;
}

export type CareChannelRow = Selectable<CareChannelTable>;
export type CareConversationRow = Selectable<CareConversationTable>;
export type CareMessageRow = Selectable<CareMessageTable>;
export type CareCustomerRow = Selectable<CareCustomerTable>;
