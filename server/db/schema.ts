// Row types of every table, as Kysely sees them. One interface per table; keep in
// step with the migrations in ./migrations (a migration and its type change land together).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
// ambassadors
import type { AmbassadorsDatabase } from './schema-ambassadors.ts';
import type { CareDatabase } from './schema-care.ts';
// ideas
import type { IdeasDatabase } from './schema-ideas.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;
/** A JSON column with a database default (Generated<Json<T>> would nest ColumnTypes). */
type JsonWithDefault<T> = ColumnType<T, string | T | undefined, string | T>;

export type Role = 'admin' | 'member' | 'guest';
export type UserStatus = 'active' | 'deactivated';
export type Locale = 'fr' | 'en';
export type ErasureContent = 'keep' | 'delete';

export interface OrganisationTable {
  id: Generated<number>;
  name: string;
  default_locale: Locale;
  created_at: Timestamp;
  external_space_creators: ColumnType<
    ExternalSpaceCreators,
    ExternalSpaceCreators | undefined,
    ExternalSpaceCreators
  >;
  guest_inviters: ColumnType<GuestInviters, GuestInviters | undefined, GuestInviters>;
  /** What erasing a person does with what they wrote (migration 2026-12-02-11). */
  erasure_content: ColumnType<ErasureContent, ErasureContent | undefined, ErasureContent>;
  /** Guests' posts and comments wait for a moderator's approval in every space. */
  premoderate_guests: Generated<boolean>;
  /** No analytics figure for a group of fewer people (migration 2026-12-02-14). */
  analytics_min_group: Generated<number>;
  /** Administrators may see one person's activity. */
  analytics_individual: Generated<boolean>;
}

/** Who may create external spaces, and who may invite guests into them. */
export type ExternalSpaceCreators = 'admins' | 'members';
export type GuestInviters = 'admins' | 'managers';

export interface DepartmentTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

export interface SiteTable {
  id: string;
  name: string;
  city: string | null;
  country: string | null;
  created_at: Timestamp;
}

export interface UserTable {
  id: string;
  email: string;
  /** Assigned by the database when omitted (see the spaces-and-stream migration). */
  handle: ColumnType<string, string | undefined, string>;
  name: string;
  password_hash: string | null;
  role: Role;
  status: UserStatus;
  locale: Locale;
  job_title: string | null;
  department_id: string | null;
  site_id: string | null;
  invited_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_sign_in_at: Timestamp | null;
  password_changed_at: Timestamp | null;
  deactivated_at: Timestamp | null;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  about: ColumnType<string | null, string | null | undefined, string | null>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  manager_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The photo in file storage and its type; changed_at makes its address change with it. */
  photo_key: ColumnType<string | null, string | null | undefined, string | null>;
  photo_type: ColumnType<string | null, string | null | undefined, string | null>;
  photo_updated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Set when the person was erased: the row stays for attribution, the account never returns. */
  erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** May read the organisation's analytics dashboards (migration 2026-12-02-14). */
  analyst: Generated<boolean>;
  /** Works the customer-care inbox (migration 2026-12-03-01). */
  care_agent: Generated<boolean>;
  /** Writes share kits and reads the ambassadors' reach report (migration 2026-12-03-42). */
  communication_manager: Generated<boolean>;
}

export interface SessionTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface InvitationTable {
  id: string;
  email: string;
  role: Role;
  locale: Locale;
  message: string | null;
  token_hash: string;
  invited_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_user_id: string | null;
  revoked_at: Timestamp | null;
  /** The external space a guest joins on accepting. */
  space_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PasswordResetTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export type MailStatus = 'queued' | 'sent' | 'failed' | 'outbox_only';

export interface MailOutboxTable {
  id: string;
  to_address: string;
  kind: string;
  locale: Locale;
  subject: string;
  text_body: string;
  sensitive: boolean;
  status: MailStatus;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export type JobStatus = 'queued' | 'done' | 'failed';

export interface JobTable {
  id: Generated<number>;
  name: string;
  payload: Json<Record<string, unknown>>;
  status: JobStatus;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: number;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  ip: string | null;
  user_agent: string | null;
  before: Json<Record<string, unknown>> | null;
  after: Json<Record<string, unknown>> | null;
  details: Json<Record<string, unknown>> | null;
  /** The chain, set by a trigger (migration 2026-12-02-07): position, previous hash, own hash. */
  seq: ColumnType<string | number | null, never, never>;
  prev_hash: ColumnType<string | null, never, never>;
  hash: ColumnType<string | null, never, never>;
}

export interface ActivityEventTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  verb: string;
  object_type: string;
  object_id: string | null;
  space_id: string | null;
  data: Json<Record<string, unknown>> | null;
  /** Whose content the action was aimed at (migration 2026-12-02-14). */
  target_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export type SpaceType = 'project' | 'team' | 'event' | 'community' | 'pilot';
export type SpaceVisibility = 'open' | 'private' | 'secret';
export type SpaceRole = 'owner' | 'moderator' | 'member';
export type ReactionKind = 'like' | 'celebrate' | 'support' | 'insightful' | 'curious';
export type ReactionCounts = Partial<Record<ReactionKind, number>>;

export interface SpaceTable {
  id: string;
  slug: string;
  name: string;
  description: Generated<string>;
  type: SpaceType;
  visibility: SpaceVisibility;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  archived_at: Timestamp | null;
  member_count: Generated<number>;
  external: Generated<boolean>;
  /** Guests' posts and comments in this space wait for a moderator's approval. */
  premoderate_guests: Generated<boolean>;
}

export interface SpaceMemberTable {
  space_id: string;
  user_id: string;
  role: SpaceRole;
  joined_at: Timestamp;
}

export interface SpaceRequestTable {
  id: string;
  space_id: string;
  user_id: string;
  kind: 'request' | 'invitation';
  status: 'pending' | 'approved' | 'declined' | 'cancelled';
  message: string | null;
  created_by: string;
  created_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

export type HeldState = 'hidden' | 'pending';

export interface ModerationCaseTable {
  id: string;
  target_type: 'post' | 'comment' | 'person';
  target_id: string;
  space_id: string | null;
  post_id: string | null;
  subject_id: string;
  status: 'open' | 'closed';
  outcome: 'hidden' | 'deleted' | 'dismissed' | 'warned' | 'suspended' | null;
  report_count: Generated<number>;
  opened_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface ModerationReportTable {
  id: string;
  case_id: string;
  reporter_id: string;
  reason: 'spam' | 'harassment' | 'confidential' | 'inappropriate' | 'other';
  details: Generated<string>;
  created_at: Timestamp;
}

export interface ModerationEventTable {
  id: string;
  case_id: string;
  action: 'reported' | 'hidden' | 'restored' | 'deleted' | 'dismissed' | 'warned' | 'suspended';
  actor_id: string | null;
  note: Generated<string>;
  at: Timestamp;
}

export interface PostTable {
  id: string;
  author_id: string;
  space_id: string | null;
  body: string;
  shared_post_id: string | null;
  is_announcement: Generated<boolean>;
  link_url: string | null;
  created_at: Timestamp;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
  deleted_by: string | null;
  pinned_at: Timestamp | null;
  comment_count: Generated<number>;
  reaction_counts: JsonWithDefault<ReactionCounts>;
  ack_count: Generated<number>;
  /** Set on questions only (a post with a title is a question). */
  title: Generated<string | null>;
  /** Live top-level comments of a question. */
  answer_count: Generated<number>;
  accepted_comment_id: Generated<string | null>;
  /** Held back from everyone but its author: hidden by a moderator, or pending approval. */
  held: Generated<HeldState | null>;
}

export interface PostRevisionTable {
  id: string;
  post_id: string;
  body: string;
  edited_by: string | null;
  replaced_at: Timestamp;
}

export interface PostTagTable {
  tag: string;
  post_id: string;
}

export interface PostMentionTable {
  post_id: string;
  user_id: string;
}

export interface LinkPreviewTable {
  url: string;
  status: 'pending' | 'ready' | 'failed';
  title: string | null;
  description: string | null;
  image_url: string | null;
  site_name: string | null;
  error: string | null;
  fetched_at: Timestamp | null;
  created_at: Timestamp;
}

export interface AttachmentTable {
  id: string;
  uploader_id: string;
  post_id: string | null;
  /** Set instead of post_id when an idea took the file. */
  idea_id: ColumnType<string | null, string | null | undefined, string | null>;
  file_name: string;
  content_type: string;
  size_bytes: ColumnType<number, number, number>;
  sha256: string;
  storage_key: string;
  is_image: boolean;
  created_at: Timestamp;
}

export interface PollTable {
  post_id: string;
  multiple: boolean;
  closes_at: Timestamp | null;
  voter_count: Generated<number>;
}

export interface PollOptionTable {
  id: string;
  post_id: string;
  position: number;
  label: string;
  vote_count: Generated<number>;
}

export interface PollVoteTable {
  post_id: string;
  option_id: string;
  user_id: string;
  voted_at: Timestamp;
}

export interface AnnouncementAckTable {
  post_id: string;
  user_id: string;
  acknowledged_at: Timestamp;
}

export interface CommentTable {
  id: string;
  post_id: string;
  parent_id: string | null;
  author_id: string;
  body: string;
  created_at: Timestamp;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
  reaction_counts: JsonWithDefault<ReactionCounts>;
  vote_count: Generated<number>;
  held: Generated<HeldState | null>;
}

export interface AnswerVoteTable {
  comment_id: string;
  user_id: string;
  created_at: Timestamp;
}

export interface ReactionTable {
  post_id: string;
  user_id: string;
  kind: ReactionKind;
  created_at: Timestamp;
}

export interface CommentReactionTable {
  comment_id: string;
  user_id: string;
  kind: ReactionKind;
  created_at: Timestamp;
}

export interface BookmarkTable {
  user_id: string;
  post_id: string;
  created_at: Timestamp;
}

export interface FollowTable {
  follower_id: string;
  followee_id: string;
  created_at: Timestamp;
}

export interface TagFollowTable {
  user_id: string;
  tag: string;
  created_at: Timestamp;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  actor_id: string | null;
  space_id: string | null;
  post_id: string | null;
  comment_id: string | null;
  data: Json<Record<string, unknown>> | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface NotificationMuteTable {
  user_id: string;
  kind: string;
}

export type SearchKind =
  | 'post'
  | 'question'
  | 'comment'
  | 'answer'
  | 'file'
  | 'person'
  | 'space'
  | 'event'
  | 'page'
  | 'idea';

/** One findable thing, kept by triggers (migration 2026-12-02-05); never written by code. */
export interface SearchDocumentTable {
  id: string;
  kind: SearchKind;
  post_id: string | null;
  space_id: string | null;
  owner_id: string | null;
  author_id: string | null;
  created_at: Timestamp;
  title: string;
  body: string;
  tsv: string;
}

export interface EventTable {
  id: string;
  space_id: string;
  created_by: string | null;
  title: string;
  description: Generated<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: string;
  location: string | null;
  online_url: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  cancelled_at: Timestamp | null;
  yes_count: Generated<number>;
  maybe_count: Generated<number>;
  no_count: Generated<number>;
}

export interface EventAnswerTable {
  event_id: string;
  user_id: string;
  answer: 'yes' | 'maybe' | 'no';
  answered_at: Timestamp;
}

export interface CalendarFeedTable {
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
}

export interface KnowledgePageTable {
  id: string;
  space_id: string;
  parent_id: string | null;
  title: string;
  body: string;
  source_post_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
  revision: Generated<number>;
}

export interface KnowledgeRevisionTable {
  page_id: string;
  number: number;
  title: string;
  body: string;
  edited_by: string | null;
  created_at: Timestamp;
  restored_from: number | null;
}

export interface UserSkillTable {
  user_id: string;
  key: string;
  name: string;
  position: number;
  /** Set by a trigger from the name. */
  tsv: ColumnType<string, never, never>;
  created_at: Timestamp;
}

export interface SkillEndorsementTable {
  user_id: string;
  key: string;
  endorser_id: string;
  created_at: Timestamp;
}

export interface ContentRuleTable {
  id: string;
  space_id: string | null;
  term: string;
  term_key: string;
  action: 'reject' | 'hold';
  note: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
}

export type RetentionScope = 'organisation' | 'space_type' | 'space';

export interface RetentionRuleTable {
  key: string;
  scope: RetentionScope;
  space_type: SpaceType | null;
  space_id: string | null;
  /** Null: keep forever. */
  keep_days: number | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface LegalHoldTable {
  id: string;
  name: string;
  reason: string;
  user_id: string | null;
  space_id: string | null;
  placed_by: string | null;
  placed_at: Timestamp;
  released_by: string | null;
  released_at: Timestamp | null;
}

export interface RetentionRunCount {
  rule: string;
  spaceId: string | null;
  spaceName: string | null;
  posts: number;
  comments: number;
  files: number;
  held: number;
}

export interface RetentionRunTable {
  id: string;
  trigger: 'schedule' | 'manual';
  requested_by: string | null;
  status: 'running' | 'done' | 'failed';
  started_at: Timestamp;
  finished_at: Timestamp | null;
  deleted_posts: Generated<number>;
  deleted_comments: Generated<number>;
  deleted_files: Generated<number>;
  skipped_held: Generated<number>;
  details: JsonWithDefault<RetentionRunCount[]>;
}

export interface StorageDeletionTable {
  storage_key: string;
  created_at: Timestamp;
}

export interface ScheduledTaskTable {
  name: string;
  next_run_at: Timestamp;
}

export interface SsoSettingsTable {
  id: Generated<number>;
  issuer: string | null;
  client_id: string | null;
  client_secret: string | null;
  button_label: string;
  allow_create: boolean;
  required: boolean;
  /** The issuer of the last successful connection test; requiring SSO needs it to match. */
  tested_issuer: string | null;
  tested_at: Timestamp | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface UserIdentityTable {
  id: string;
  user_id: string;
  issuer: string;
  subject: string;
  email: string | null;
  created_at: Timestamp;
  last_used_at: Timestamp;
}

export interface SsoLoginTable {
  id: string;
  state_hash: string;
  browser_hash: string;
  nonce_hash: string;
  code_verifier: string;
  return_to: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface PersonalDataExportTable {
  id: string;
  user_id: string;
  status: 'pending' | 'ready' | 'failed';
  locale: Locale;
  storage_key: string | null;
  size_bytes: ColumnType<string | number | null, number | null | undefined, number | null>;
  created_at: Timestamp;
  ready_at: Timestamp | null;
  expires_at: Timestamp;
}

export type CohortKind = 'spaces' | 'people';
export type InteractionKind = 'comment' | 'answer' | 'reaction' | 'share';

export interface AnalyticsCohortTable {
  id: string;
  name: string;
  kind: CohortKind;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AnalyticsCohortMemberTable {
  cohort_id: string;
  member_id: string;
}

export interface AnalyticsAssumptionTable {
  key: string;
  /** numeric: read back as a string. */
  value: ColumnType<string, number | string, number | string>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface AnalyticsStateTable {
  name: string;
  last_event_id: ColumnType<string | number, string | number | undefined, string | number>;
  refreshed_at: Timestamp | null;
  /** The 'rollups' row: the end of the last day whose clicks are rolled up (rollups/clicks.ts). */
  clicks_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** Daily counts of one person (analytics_person_days) or of one person in one space. */
interface ActionCounts {
  posts: Generated<number>;
  questions: Generated<number>;
  comments: Generated<number>;
  answers: Generated<number>;
  reactions: Generated<number>;
  shares: Generated<number>;
  votes: Generated<number>;
  pages: Generated<number>;
  events: Generated<number>;
  actions: Generated<number>;
}

/** `day` is a date: read back as 'YYYY-MM-DD' text where queries cast it. */
export interface AnalyticsPersonDayTable extends ActionCounts {
  day: ColumnType<Date | string, string, string>;
  user_id: string;
  visits: Generated<number>;
  invitations: Generated<number>;
}

/** The whole organisation per day: active people, counts, searches. */
export interface AnalyticsDayTable extends ActionCounts {
  day: ColumnType<Date | string, string, string>;
  active: Generated<number>;
  visits: Generated<number>;
  invitations: Generated<number>;
  searches: Generated<number>;
  searches_empty: Generated<number>;
}

/** Per space and day, everyone together; `people` acted in the space that day. */
export interface AnalyticsSpaceDayTable {
  day: ColumnType<Date | string, string, string>;
  space_id: string;
  posts: Generated<number>;
  questions: Generated<number>;
  comments: Generated<number>;
  answers: Generated<number>;
  reactions: Generated<number>;
  shares: Generated<number>;
  votes: Generated<number>;
  pages: Generated<number>;
  events: Generated<number>;
  people: Generated<number>;
}

/** Per place ('*' or 'type:<space type>') and person: a bitmap of active days from first_day. */
export interface AnalyticsActorTable {
  place: string;
  user_id: string;
  first_day: ColumnType<Date | string, string, string>;
  /** bit varying, read back as a string of 0 and 1. */
  days: string;
}

/**
 * Per place ('*' or 'type:<space type>'), person and month (its first day): running totals
 * of each day of the month (element i = total of the month's first i days).
 */
export interface AnalyticsPersonMonthTable {
  place: string;
  user_id: string;
  month: ColumnType<Date | string, string, string>;
  /** Running totals of the month's days (element i = the first i days). */
  contributions: number[];
  /** Bitmaps of the month's days (bit i - 1: day i) with a creation, a response, any action. */
  created_days: number;
  responded_days: number;
  active_days: number;
}

/** Contributions per place, ISO week (its Monday) and person active there that week. */
export interface AnalyticsPersonWeekTable {
  place: string;
  week: ColumnType<Date | string, string, string>;
  user_id: string;
  /** The week's contributions: the last of contributions_days, kept apart for an index. */
  contributions: number;
  /** Running totals of the week's seven days' contributions (element i = the first i days). */
  contributions_days: number[];
  /** Bitmap of the week's days with any action (bit i - 1: day i, Monday first). */
  active_days: number;
}

/** The groups ('department:<id>', 'site:<id>', 'cohort:<id>') a person's applied events are filed under. */
export interface AnalyticsPersonGroupTable {
  user_id: string;
  groups: string[];
}

/** Clicks on ambassadors' links per closed UTC day, kit and network (rollups/clicks.ts). */
export interface AnalyticsClickDayTable {
  day: ColumnType<Date | string, string, string>;
  kit_id: string;
  network: string;
  n: number;
}

/** The same per link owner. */
export interface AnalyticsClickPersonDayTable extends AnalyticsClickDayTable {
  user_id: string;
}

/** Ambassadors' shares per UTC day, kit (the nil uuid: not a kit id) and network, everyone's. */
export interface AnalyticsShareDayTable {
  day: ColumnType<Date | string, string, string>;
  kit_id: string;
  network: string;
  n: number;
}

/** The same per ambassador. */
export interface AnalyticsSharePersonDayTable extends AnalyticsShareDayTable {
  user_id: string;
}

/** The days each person shared: bit i (1-based) is first_day + i - 1. */
export interface AnalyticsSharerTable {
  user_id: string;
  first_day: ColumnType<Date | string, string, string>;
  days: string;
}

/** Totals per group and day. */
export interface AnalyticsGroupDayTable {
  grp: string;
  day: ColumnType<Date | string, string, string>;
  posts: Generated<number>;
  comments: Generated<number>;
  reactions: Generated<number>;
  shares: Generated<number>;
  pages: Generated<number>;
  searches: Generated<number>;
  searches_empty: Generated<number>;
}

/** Posts, comments, reactions and shares per group, day and space. */
export interface AnalyticsGroupSpaceDayTable {
  grp: string;
  day: ColumnType<Date | string, string, string>;
  space_id: string;
  engaged: number;
}

/** Person-days per space type (place 'type:<space type>'). */
export interface AnalyticsPlacePersonDayTable extends ActionCounts {
  place: string;
  day: ColumnType<Date | string, string, string>;
  user_id: string;
}

/** Days per space type: totals and distinct people (`active`). */
export interface AnalyticsPlaceDayTable extends Omit<ActionCounts, 'actions'> {
  place: string;
  day: ColumnType<Date | string, string, string>;
  active: Generated<number>;
}

/** Searches per normalised terms and day, everyone together. */
export interface AnalyticsSearchTermTable {
  day: ColumnType<Date | string, string, string>;
  terms: string;
  searches: number;
  empty: number;
}

/** Per knowledge page: the days someone other than its author read it (a bitmap from first_day). */
export interface AnalyticsPageReadTable {
  page_id: string;
  space_id: string | null;
  first_day: ColumnType<Date | string, string, string>;
  last_day: ColumnType<Date | string, string, string>;
  days: string;
}

/** Event ids below the watermark that were not visible yet when it was read. */
export interface AnalyticsPendingEventTable {
  id: ColumnType<string, string | number, string | number>;
  noted_at: Timestamp;
}

/** One row per activated account: invited, activated, first contributed (a UTC day). */
export interface AnalyticsPersonTable {
  user_id: string;
  invited_at: Timestamp | null;
  activated_at: Timestamp;
  first_contribution_day: ColumnType<Date | string | null, string | null, string | null>;
}

export interface AnalyticsSpacePersonDayTable extends ActionCounts {
  day: ColumnType<Date | string, string, string>;
  space_id: string;
  user_id: string;
}

export interface AnalyticsInteractionDayTable {
  day: ColumnType<Date | string, string, string>;
  from_department_id: string | null;
  to_department_id: string | null;
  kind: InteractionKind;
  space_id: string | null;
  /** Rows per space type have a type and no space; rows over every place have neither. */
  space_type: SpaceType | null;
  n: number;
}

export interface AnalyticsQuestionTable {
  post_id: string;
  space_id: string | null;
  asker_id: string | null;
  asked_at: Timestamp;
  first_answer_at: Timestamp | null;
  accepted_at: Timestamp | null;
  /** When the latest acceptance decision (accept or withdraw) was taken. */
  decided_at: Timestamp | null;
}

/** Distinct members of a group ('department:<id>', …) active on a day. */
export interface AnalyticsGroupActiveTable {
  grp: string;
  day: ColumnType<Date | string, string, string>;
  active: number;
}

/** Pages read by others on `day` whose previous such read was on `prev_day` (NULL: the first). */
export interface AnalyticsPageReuseDayTable {
  day: ColumnType<Date | string, string, string>;
  prev_day: ColumnType<Date | string | null, string | null, string | null>;
  n: number;
}

/** analytics_questions counted per UTC day and space: asked, first answered, accepted that day. */
export interface AnalyticsQuestionDayTable {
  day: ColumnType<Date | string, string, string>;
  space_id: string | null;
  asked: number;
  answered: number;
  accepted: number;
}

export interface AnalyticsPageDayTable {
  day: ColumnType<Date | string, string, string>;
  page_id: string;
  space_id: string | null;
  created: Generated<number>;
  edits: Generated<number>;
  reads_by_others: Generated<number>;
}

export interface AnalyticsSearchDayTable {
  day: ColumnType<Date | string, string, string>;
  user_id: string;
  terms: string;
  searches: number;
  empty: number;
}

export interface Database extends CareDatabase, IdeasDatabase, AmbassadorsDatabase {
  organisation: OrganisationTable;
  departments: DepartmentTable;
  sites: SiteTable;
  users: UserTable;
  sessions: SessionTable;
  invitations: InvitationTable;
  password_resets: PasswordResetTable;
  mail_outbox: MailOutboxTable;
  jobs: JobTable;
  audit_log: AuditLogTable;
  activity_events: ActivityEventTable;
  spaces: SpaceTable;
  space_members: SpaceMemberTable;
  space_requests: SpaceRequestTable;
  posts: PostTable;
  post_revisions: PostRevisionTable;
  post_tags: PostTagTable;
  post_mentions: PostMentionTable;
  link_previews: LinkPreviewTable;
  attachments: AttachmentTable;
  polls: PollTable;
  poll_options: PollOptionTable;
  poll_votes: PollVoteTable;
  announcement_acks: AnnouncementAckTable;
  comments: CommentTable;
  answer_votes: AnswerVoteTable;
  reactions: ReactionTable;
  comment_reactions: CommentReactionTable;
  bookmarks: BookmarkTable;
  follows: FollowTable;
  tag_follows: TagFollowTable;
  notifications: NotificationTable;
  notification_mutes: NotificationMuteTable;
  search_documents: SearchDocumentTable;
  events: EventTable;
  event_answers: EventAnswerTable;
  calendar_feeds: CalendarFeedTable;
  knowledge_pages: KnowledgePageTable;
  knowledge_revisions: KnowledgeRevisionTable;
  user_skills: UserSkillTable;
  skill_endorsements: SkillEndorsementTable;
  content_rules: ContentRuleTable;
  retention_rules: RetentionRuleTable;
  legal_holds: LegalHoldTable;
  retention_runs: RetentionRunTable;
  storage_deletions: StorageDeletionTable;
  scheduled_tasks: ScheduledTaskTable;
  sso_settings: SsoSettingsTable;
  user_identities: UserIdentityTable;
  sso_logins: SsoLoginTable;
  personal_data_exports: PersonalDataExportTable;
  moderation_cases: ModerationCaseTable;
  moderation_reports: ModerationReportTable;
  moderation_events: ModerationEventTable;
  analytics_cohorts: AnalyticsCohortTable;
  analytics_cohort_members: AnalyticsCohortMemberTable;
  analytics_assumptions: AnalyticsAssumptionTable;
  analytics_state: AnalyticsStateTable;
  analytics_person_days: AnalyticsPersonDayTable;
  analytics_space_person_days: AnalyticsSpacePersonDayTable;
  analytics_space_days: AnalyticsSpaceDayTable;
  analytics_days: AnalyticsDayTable;
  analytics_people: AnalyticsPersonTable;
  analytics_interaction_days: AnalyticsInteractionDayTable;
  analytics_questions: AnalyticsQuestionTable;
  analytics_question_days: AnalyticsQuestionDayTable;
  analytics_page_reuse_days: AnalyticsPageReuseDayTable;
  analytics_page_days: AnalyticsPageDayTable;
  analytics_search_days: AnalyticsSearchDayTable;
  analytics_actors: AnalyticsActorTable;
  analytics_place_person_days: AnalyticsPlacePersonDayTable;
  analytics_place_days: AnalyticsPlaceDayTable;
  analytics_search_terms: AnalyticsSearchTermTable;
  analytics_page_reads: AnalyticsPageReadTable;
  analytics_pending_events: AnalyticsPendingEventTable;
  analytics_person_months: AnalyticsPersonMonthTable;
  analytics_person_weeks: AnalyticsPersonWeekTable;
  analytics_person_groups: AnalyticsPersonGroupTable;
  analytics_group_days: AnalyticsGroupDayTable;
  analytics_group_active: AnalyticsGroupActiveTable;
  analytics_group_space_days: AnalyticsGroupSpaceDayTable;
  analytics_click_days: AnalyticsClickDayTable;
  analytics_click_person_days: AnalyticsClickPersonDayTable;
  analytics_share_days: AnalyticsShareDayTable;
  analytics_share_person_days: AnalyticsSharePersonDayTable;
  analytics_sharers: AnalyticsSharerTable;
}

export type UserRow = Selectable<UserTable>;
/** The account without the profile it describes: what a session carries. */
export type AccountRow = Omit<
  UserRow,
  | 'phone'
  | 'about'
  | 'languages'
  | 'manager_id'
  | 'photo_key'
  | 'photo_type'
  | 'photo_updated_at'
  | 'erased_at'
  | 'analyst'
  | 'care_agent'
  | 'communication_manager'
>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type InvitationRow = Selectable<InvitationTable>;
export type MailRow = Selectable<MailOutboxTable>;
export type JobRow = Selectable<JobTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type SpaceRow = Selectable<SpaceTable>;
export type SpaceMemberRow = Selectable<SpaceMemberTable>;
export type SpaceRequestRow = Selectable<SpaceRequestTable>;
export type PostRow = Selectable<PostTable>;
export type CommentRow = Selectable<CommentTable>;
export type AttachmentRow = Selectable<AttachmentTable>;
export type LinkPreviewRow = Selectable<LinkPreviewTable>;
export type NotificationRow = Selectable<NotificationTable>;
export type ContentRuleRow = Selectable<ContentRuleTable>;
export type SsoSettingsRow = Selectable<SsoSettingsTable>;
