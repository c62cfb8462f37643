// Row types of every table, as Kysely sees them. One interface per table; keep in
// step with the migrations in ./migrations (a migration and its type change land together).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

export type Role = 'admin' | 'member' | 'guest';
export type UserStatus = 'active' | 'deactivated';
export type Locale = 'fr' | 'en';

export interface OrganisationTable {
  id: Generated<number>;
  name: string;
  default_locale: Locale;
  created_at: Timestamp;
}

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
}

export interface Database {
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
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type InvitationRow = Selectable<InvitationTable>;
export type MailRow = Selectable<MailOutboxTable>;
export type JobRow = Selectable<JobTable>;
export type AuditRow = Selectable<AuditLogTable>;
