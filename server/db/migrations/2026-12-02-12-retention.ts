// Retention: rules saying how long posts are kept (the organisation's default, a space
// type's, a space's — the most specific wins), legal holds that suspend deletion, the record
// of each run of the daily job, and the clock of recurring tasks (so "once a day" survives
// restarts and holds across several worker processes).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE retention_rules (
      -- 'organisation', 'type:<space type>' or 'space:<space id>': one rule per place.
      key text PRIMARY KEY,
      scope text NOT NULL CHECK (scope IN ('organisation', 'space_type', 'space')),
      space_type text CHECK (space_type IN ('project', 'team', 'event', 'community', 'pilot')),
      space_id uuid REFERENCES spaces (id) ON DELETE CASCADE,
      -- NULL: keep forever.
      keep_days integer CHECK (keep_days BETWEEN 30 AND 36500),
      updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL,
      CHECK ((scope = 'organisation' AND space_type IS NULL AND space_id IS NULL)
          OR (scope = 'space_type' AND space_type IS NOT NULL AND space_id IS NULL)
          OR (scope = 'space' AND space_type IS NULL AND space_id IS NOT NULL))
    );

    CREATE TABLE legal_holds (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      reason text NOT NULL DEFAULT '',
      user_id uuid REFERENCES users (id) ON DELETE RESTRICT,
      space_id uuid REFERENCES spaces (id) ON DELETE RESTRICT,
      placed_by uuid REFERENCES users (id) ON DELETE SET NULL,
      placed_at timestamptz NOT NULL,
      released_by uuid REFERENCES users (id) ON DELETE SET NULL,
      released_at timestamptz,
      CHECK ((user_id IS NULL) <> (space_id IS NULL))
    );
    CREATE INDEX legal_holds_active_user_idx ON legal_holds (user_id) WHERE released_at IS NULL;
    CREATE INDEX legal_holds_active_space_idx ON legal_holds (space_id) WHERE released_at IS NULL;

    CREATE TABLE retention_runs (
      id uuid PRIMARY KEY,
      trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
      requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
      status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      deleted_posts integer NOT NULL DEFAULT 0,
      deleted_comments integer NOT NULL DEFAULT 0,
      deleted_files integer NOT NULL DEFAULT 0,
      skipped_held integer NOT NULL DEFAULT 0,
      -- Counts per rule and space: [{ rule, spaceId, spaceName, posts, comments, files, held }].
      details jsonb NOT NULL DEFAULT '[]'
    );
    -- At most one run at a time, whichever process or button started it.
    CREATE UNIQUE INDEX retention_runs_one_running_idx ON retention_runs ((true)) WHERE status = 'running';
    CREATE INDEX retention_runs_recent_idx ON retention_runs (started_at DESC);

    -- Files whose rows are gone, to be removed from storage after the commit (and swept again
    -- if a process stopped in between).
    CREATE TABLE storage_deletions (
      storage_key text PRIMARY KEY,
      created_at timestamptz NOT NULL
    );

    -- Recurring tasks: the worker that moves next_run_at forward (one UPDATE, so one winner)
    -- enqueues the job.
    CREATE TABLE scheduled_tasks (
      name text PRIMARY KEY,
      next_run_at timestamptz NOT NULL
    );

    CREATE INDEX posts_created_at_idx ON posts (created_at);
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP INDEX posts_created_at_idx;
    DROP TABLE scheduled_tasks;
    DROP TABLE storage_deletions;
    DROP TABLE retention_runs;
    DROP TABLE legal_holds;
    DROP TABLE retention_rules;
  `)
    .execute(db);
}
