// Ideas take attachments and can be closed early. An idea's files are rows of `attachments`
// (the stream's upload, storage and type checks), linked by `idea_id` instead of `post_id` —
// never both. A campaign closed by its owners keeps its dates and records when it was closed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    ALTER TABLE attachments ADD COLUMN idea_id uuid REFERENCES ideas (id) ON DELETE CASCADE;
    ALTER TABLE attachments ADD CONSTRAINT attachments_one_owner CHECK (post_id IS NULL OR idea_id IS NULL);
    CREATE INDEX attachments_idea_idx ON attachments (idea_id) WHERE idea_id IS NOT NULL;
    ALTER TABLE idea_campaigns ADD COLUMN closed_at timestamptz;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    ALTER TABLE idea_campaigns DROP COLUMN closed_at;
    DROP INDEX attachments_idea_idx;
    ALTER TABLE attachments DROP CONSTRAINT attachments_one_owner;
    ALTER TABLE attachments DROP COLUMN idea_id;
  `)
    .execute(db);
}
