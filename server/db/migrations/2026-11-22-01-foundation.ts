// Foundation: organisation, people, sessions, invitations, password resets, mail
// outbox, job queue, audit log (append-only, enforced by triggers) and activity log.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE organisation (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      name text NOT NULL,
      default_locale text NOT NULL CHECK (default_locale IN ('fr', 'en')),
      created_at timestamptz NOT NULL
    );

    CREATE TABLE departments (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE sites (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE,
      city text,
      country text,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE users (
      id uuid PRIMARY KEY,
      email text NOT NULL,
      name text NOT NULL,
      password_hash text,
      role text NOT NULL CHECK (role IN ('admin', 'member', 'guest')),
      status text NOT NULL CHECK (status IN ('active', 'deactivated')),
      locale text NOT NULL CHECK (locale IN ('fr', 'en')),
      job_title text,
      department_id uuid REFERENCES departments (id) ON DELETE SET NULL,
      site_id uuid REFERENCES sites (id) ON DELETE SET NULL,
      invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      last_sign_in_at timestamptz,
      password_changed_at timestamptz,
      deactivated_at timestamptz,
      CHECK (email = lower(email))
    );
    CREATE UNIQUE INDEX users_email_key ON users (email);
    CREATE INDEX users_name_idx ON users (lower(name), id);
    CREATE INDEX users_department_idx ON users (department_id);
    CREATE INDEX users_site_idx ON users (site_id);

    CREATE TABLE sessions (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      ip text,
      user_agent text
    );
    CREATE INDEX sessions_user_idx ON sessions (user_id);

    CREATE TABLE invitations (
      id uuid PRIMARY KEY,
      email text NOT NULL CHECK (email = lower(email)),
      role text NOT NULL CHECK (role IN ('admin', 'member', 'guest')),
      locale text NOT NULL CHECK (locale IN ('fr', 'en')),
      message text,
      token_hash text NOT NULL UNIQUE,
      invited_by uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      accepted_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
      revoked_at timestamptz
    );
    CREATE INDEX invitations_email_idx ON invitations (email);

    CREATE TABLE password_resets (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );
    CREATE INDEX password_resets_user_idx ON password_resets (user_id);

    CREATE TABLE mail_outbox (
      id uuid PRIMARY KEY,
      to_address text NOT NULL,
      kind text NOT NULL,
      locale text NOT NULL,
      subject text NOT NULL,
      text_body text NOT NULL,
      sensitive boolean NOT NULL DEFAULT false,
      status text NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'outbox_only')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      created_at timestamptz NOT NULL,
      sent_at timestamptz
    );

    CREATE TABLE jobs (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL,
      payload jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('queued', 'done', 'failed')),
      run_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL,
      locked_until timestamptz,
      last_error text,
      created_at timestamptz NOT NULL,
      finished_at timestamptz
    );
    CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status = 'queued';

    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_id uuid,
      actor_label text,
      action text NOT NULL,
      target_type text,
      target_id text,
      target_label text,
      ip text,
      user_agent text,
      before jsonb,
      after jsonb,
      details jsonb
    );
    CREATE INDEX audit_log_at_idx ON audit_log (at);
    CREATE INDEX audit_log_action_idx ON audit_log (action, id DESC);
    CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id DESC);
    CREATE INDEX audit_log_target_idx ON audit_log (target_id, id DESC);

    -- The audit log is append-only: the database itself refuses to change or remove a record.
    CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END;
    $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

    CREATE TABLE activity_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_id uuid,
      verb text NOT NULL,
      object_type text NOT NULL,
      object_id text,
      space_id uuid,
      data jsonb
    );
    CREATE INDEX activity_events_at_idx ON activity_events (at);
    CREATE INDEX activity_events_actor_idx ON activity_events (actor_id, at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE activity_events;
    DROP TABLE audit_log;
    DROP FUNCTION audit_log_is_append_only();
    DROP TABLE jobs;
    DROP TABLE mail_outbox;
    DROP TABLE password_resets;
    DROP TABLE invitations;
    DROP TABLE sessions;
    DROP TABLE users;
    DROP TABLE sites;
    DROP TABLE departments;
    DROP TABLE organisation;
  `.execute(db);
}
