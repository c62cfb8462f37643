// Content rules: words and simple patterns administrators refuse, or hold for review, in
// posts and comments — for the whole organisation (space_id NULL) or one space. A term is
// unique per scope by its normalised key (common/content-rules.ts).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE content_rules (
      id uuid PRIMARY KEY,
      space_id uuid REFERENCES spaces (id) ON DELETE CASCADE,
      term text NOT NULL CHECK (length(term) BETWEEN 1 AND 200),
      term_key text NOT NULL CHECK (length(term_key) BETWEEN 1 AND 100),
      action text NOT NULL CHECK (action IN ('reject', 'hold')),
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX content_rules_org_term_key ON content_rules (term_key) WHERE space_id IS NULL;
    CREATE UNIQUE INDEX content_rules_space_term_key ON content_rules (space_id, term_key) WHERE space_id IS NOT NULL;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE content_rules;').execute(db);
}
