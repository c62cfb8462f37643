// Knowledge pages: a wiki per space. Every save is a numbered revision holding the whole
// page, so history, differences and restoring need nothing else. A page saved from a
// question or a thread keeps a link to it. Pages outlive their authors (ON DELETE SET NULL).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE knowledge_pages (
      id uuid PRIMARY KEY,
      space_id uuid NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
      parent_id uuid REFERENCES knowledge_pages (id) ON DELETE SET NULL,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      body text NOT NULL,
      source_post_id uuid REFERENCES posts (id) ON DELETE SET NULL,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL,
      revision integer NOT NULL DEFAULT 1,
      CHECK (parent_id IS NULL OR parent_id <> id)
    );
    CREATE INDEX knowledge_pages_space_idx ON knowledge_pages (space_id, title);

    CREATE TABLE knowledge_revisions (
      page_id uuid NOT NULL REFERENCES knowledge_pages (id) ON DELETE CASCADE,
      number integer NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      edited_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      -- Set when this revision brought back an older one.
      restored_from integer,
      PRIMARY KEY (page_id, number)
    );
  `)
    .execute(db);
}
