// Ideas take attachments and can be closed early. An idea's files are rows of `attachments`
// (the stream's upload, storage and type checks), linked by `idea_id` instead of `post_id` —
// never both. A campaign closed by its owners keeps its dates and records when it was closed.
// Ideas are found by search where their campaign's space is readable, like events: a trigger
// keeps one row per live idea (a merged duplicate leaves the index).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    ALTER TABLE attachments ADD COLUMN idea_id uuid REFERENCES ideas (id) ON DELETE CASCADE;
    ALTER TABLE attachments ADD CONSTRAINT attachments_one_owner CHECK (post_id IS NULL OR idea_id IS NULL);
    CREATE INDEX attachments_idea_idx ON attachments (idea_id) WHERE idea_id IS NOT NULL;
    ALTER TABLE idea_campaigns ADD COLUMN closed_at timestamptz;

    ALTER TABLE search_documents DROP CONSTRAINT search_documents_kind_check;
    ALTER TABLE search_documents ADD CONSTRAINT search_documents_kind_check CHECK (kind IN
      ('post', 'question', 'comment', 'answer', 'file', 'person', 'space', 'event', 'page', 'idea'));
    CREATE FUNCTION trame_search_ideas() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' OR NEW.merged_into IS NOT NULL THEN
        DELETE FROM search_documents WHERE id = OLD.id;
        RETURN NULL;
      END IF;
      PERFORM trame_search_put(NEW.id, 'idea', NULL, c.space_id, NULL, NEW.author_id, NEW.created_at,
        NEW.title, NEW.description)
        FROM idea_campaigns c WHERE c.id = NEW.campaign_id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER trame_search AFTER INSERT OR UPDATE OF title, description, merged_into OR DELETE ON ideas
      FOR EACH ROW EXECUTE FUNCTION trame_search_ideas();
    INSERT INTO search_documents (id, kind, post_id, space_id, owner_id, author_id, created_at, title, body, tsv)
      SELECT i.id, 'idea', NULL, c.space_id, NULL, i.author_id, i.created_at, i.title, i.description,
        trame_search_vector(i.title, i.description)
      FROM ideas i JOIN idea_campaigns c ON c.id = i.campaign_id WHERE i.merged_into IS NULL;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP TRIGGER trame_search ON ideas;
    DROP FUNCTION trame_search_ideas();
    DELETE FROM search_documents WHERE kind = 'idea';
    ALTER TABLE search_documents DROP CONSTRAINT search_documents_kind_check;
    ALTER TABLE search_documents ADD CONSTRAINT search_documents_kind_check CHECK (kind IN
      ('post', 'question', 'comment', 'answer', 'file', 'person', 'space', 'event', 'page'));
    ALTER TABLE idea_campaigns DROP COLUMN closed_at;
    DROP INDEX attachments_idea_idx;
    ALTER TABLE attachments DROP CONSTRAINT attachments_one_owner;
    ALTER TABLE attachments DROP COLUMN idea_id;
  `)
    .execute(db);
}
