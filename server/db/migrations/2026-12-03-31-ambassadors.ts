// Ambassadors: share kits communication managers publish, the employees who opt in, one
// tracked link per kit × network × ambassador, and one row per click on /r/{code} (an insert,
// never a counter update, so a busy link takes no row lock). The organisation's switch for
// the leaderboard lives in a one-row settings table.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE ambassador_kits (
      id uuid PRIMARY KEY,
      slug text NOT NULL UNIQUE,
      title text NOT NULL,
      texts jsonb NOT NULL,
      target_url text NOT NULL,
      image_url text,
      editable boolean NOT NULL DEFAULT true,
      disclosure boolean NOT NULL DEFAULT true,
      department_ids jsonb NOT NULL DEFAULT '[]',
      site_ids jsonb NOT NULL DEFAULT '[]',
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      published_at timestamptz,
      archived_at timestamptz
    );
    CREATE TABLE ambassador_members (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      opted_in boolean NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE TABLE ambassador_links (
      code text PRIMARY KEY,
      kit_id uuid NOT NULL REFERENCES ambassador_kits(id) ON DELETE CASCADE,
      network text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      shares integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL,
      UNIQUE (kit_id, network, user_id)
    );
    CREATE TABLE ambassador_clicks (
      code text NOT NULL REFERENCES ambassador_links(code) ON DELETE CASCADE,
      at timestamptz NOT NULL
    );
    CREATE INDEX ambassador_clicks_code ON ambassador_clicks (code);
    CREATE TABLE ambassador_settings (
      id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      leaderboard boolean NOT NULL DEFAULT true
    );
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP TABLE ambassador_settings;
    DROP TABLE ambassador_clicks;
    DROP TABLE ambassador_links;
    DROP TABLE ambassador_members;
    DROP TABLE ambassador_kits;
  `)
    .execute(db);
}
