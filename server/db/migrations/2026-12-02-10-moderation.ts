// Moderation: reports grouped into cases with their history, content held back (hidden by a
// moderator, or pending approval when a guest posts where pre-moderation is on), and the
// organisation's and each space's pre-moderation setting.
//
// Held content stays in `posts` and `comments` (column `held`) so the one visibility rule
// decides: readable by its author only. The feed indexes become partial on `held IS NULL`
// too, so a feed page still reads only rows it may show; the author's own held posts come
// through the author index, which carries `held`. Search never indexes held content.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    ALTER TABLE posts ADD COLUMN held text CHECK (held IN ('hidden', 'pending'));
    ALTER TABLE comments ADD COLUMN held text CHECK (held IN ('hidden', 'pending'));
    ALTER TABLE organisation ADD COLUMN premoderate_guests boolean NOT NULL DEFAULT false;
    ALTER TABLE spaces ADD COLUMN premoderate_guests boolean NOT NULL DEFAULT false;

    CREATE INDEX posts_space_visible_idx ON posts (space_id, id DESC) WHERE deleted_at IS NULL AND held IS NULL;
    DROP INDEX posts_space_idx;
    CREATE INDEX posts_author_visible_idx ON posts (author_id, id DESC) INCLUDE (space_id, held) WHERE deleted_at IS NULL;
    DROP INDEX posts_author_feed_idx;
    CREATE INDEX posts_held_idx ON posts (space_id, id DESC) WHERE held IS NOT NULL AND deleted_at IS NULL;
    CREATE INDEX comments_held_idx ON comments (post_id, id) WHERE held IS NOT NULL AND deleted_at IS NULL;

    CREATE TABLE moderation_cases (
      id uuid PRIMARY KEY,
      target_type text NOT NULL CHECK (target_type IN ('post', 'comment', 'person')),
      target_id uuid NOT NULL,
      -- Where the content lives (null for profile posts and people): who may work the case.
      space_id uuid REFERENCES spaces (id) ON DELETE CASCADE,
      post_id uuid REFERENCES posts (id) ON DELETE CASCADE,
      -- The author of the content, or the person reported.
      subject_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      status text NOT NULL CHECK (status IN ('open', 'closed')),
      outcome text CHECK (outcome IN ('hidden', 'deleted', 'dismissed', 'warned', 'suspended')),
      report_count integer NOT NULL DEFAULT 0,
      opened_at timestamptz NOT NULL,
      closed_at timestamptz
    );
    -- One open case per target: a new report on it joins that case.
    CREATE UNIQUE INDEX moderation_cases_open_key ON moderation_cases (target_type, target_id) WHERE status = 'open';
    CREATE INDEX moderation_cases_queue_idx ON moderation_cases (status, id DESC);
    CREATE INDEX moderation_cases_space_idx ON moderation_cases (space_id, status, id DESC);

    CREATE TABLE moderation_reports (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES moderation_cases (id) ON DELETE CASCADE,
      reporter_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (reason IN ('spam', 'harassment', 'confidential', 'inappropriate', 'other')),
      details text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX moderation_reports_once_key ON moderation_reports (case_id, reporter_id);

    CREATE TABLE moderation_events (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES moderation_cases (id) ON DELETE CASCADE,
      action text NOT NULL CHECK (action IN ('reported', 'hidden', 'restored', 'deleted', 'dismissed', 'warned', 'suspended')),
      actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
      note text NOT NULL DEFAULT '',
      at timestamptz NOT NULL
    );
    CREATE INDEX moderation_events_case_idx ON moderation_events (case_id, id);

    -- Search: held content is indexed like deleted content (not at all); releasing it indexes it.
    CREATE OR REPLACE FUNCTION trame_search_post(p_id uuid) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE p posts%ROWTYPE;
    BEGIN
      DELETE FROM search_documents WHERE post_id = p_id;
      SELECT * INTO p FROM posts WHERE id = p_id;
      IF NOT FOUND OR p.deleted_at IS NOT NULL OR p.held IS NOT NULL THEN RETURN; END IF;
      PERFORM trame_search_put(p.id, trame_search_post_kind(p.title), p.id, p.space_id, p.author_id,
        p.author_id, p.created_at, coalesce(p.title, ''), p.body);
      INSERT INTO search_documents (id, kind, post_id, space_id, owner_id, author_id, created_at, title, body, tsv)
        SELECT c.id, trame_search_comment_kind(p.title, c.parent_id), p.id, p.space_id, p.author_id,
          c.author_id, c.created_at, '', c.body, trame_search_vector('', c.body)
        FROM comments c WHERE c.post_id = p.id AND c.deleted_at IS NULL AND c.held IS NULL;
      INSERT INTO search_documents (id, kind, post_id, space_id, owner_id, author_id, created_at, title, body, tsv)
        SELECT a.id, 'file', p.id, p.space_id, p.author_id, a.uploader_id, a.created_at, a.file_name, '',
          trame_search_vector(a.file_name, '')
        FROM attachments a WHERE a.post_id = p.id;
    END $$;

    CREATE OR REPLACE FUNCTION trame_search_posts() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        IF NEW.deleted_at IS NULL AND NEW.held IS NULL THEN
          PERFORM trame_search_put(NEW.id, trame_search_post_kind(NEW.title), NEW.id, NEW.space_id,
            NEW.author_id, NEW.author_id, NEW.created_at, coalesce(NEW.title, ''), NEW.body);
        END IF;
      ELSIF (OLD.deleted_at, OLD.space_id, OLD.author_id, OLD.held) IS NOT DISTINCT FROM (NEW.deleted_at, NEW.space_id, NEW.author_id, NEW.held)
        AND (OLD.title IS NULL) = (NEW.title IS NULL) THEN
        UPDATE search_documents SET title = coalesce(NEW.title, ''), body = NEW.body,
          tsv = trame_search_vector(coalesce(NEW.title, ''), NEW.body)
          WHERE id = NEW.id;
      ELSE
        PERFORM trame_search_post(NEW.id);
      END IF;
      RETURN NULL;
    END $$;
    DROP TRIGGER trame_search ON posts;
    CREATE TRIGGER trame_search AFTER INSERT OR UPDATE OF body, title, deleted_at, space_id, author_id, held ON posts
      FOR EACH ROW EXECUTE FUNCTION trame_search_posts();

    CREATE OR REPLACE FUNCTION trame_search_comments() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE p posts%ROWTYPE;
    BEGIN
      IF TG_OP = 'DELETE' OR NEW.deleted_at IS NOT NULL OR NEW.held IS NOT NULL THEN
        DELETE FROM search_documents WHERE id = OLD.id;
        RETURN NULL;
      END IF;
      SELECT * INTO p FROM posts WHERE id = NEW.post_id AND deleted_at IS NULL AND held IS NULL;
      IF FOUND THEN
        PERFORM trame_search_put(NEW.id, trame_search_comment_kind(p.title, NEW.parent_id), p.id,
          p.space_id, p.author_id, NEW.author_id, NEW.created_at, '', NEW.body);
      END IF;
      RETURN NULL;
    END $$;
    DROP TRIGGER trame_search ON comments;
    CREATE TRIGGER trame_search AFTER INSERT OR UPDATE OF body, deleted_at, held OR DELETE ON comments
      FOR EACH ROW EXECUTE FUNCTION trame_search_comments();

    CREATE OR REPLACE FUNCTION trame_search_attachments() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE p posts%ROWTYPE;
    BEGIN
      IF TG_OP = 'DELETE' OR NEW.post_id IS NULL THEN
        DELETE FROM search_documents WHERE id = OLD.id;
        RETURN NULL;
      END IF;
      SELECT * INTO p FROM posts WHERE id = NEW.post_id AND deleted_at IS NULL AND held IS NULL;
      IF FOUND THEN
        PERFORM trame_search_put(NEW.id, 'file', p.id, p.space_id, p.author_id, NEW.uploader_id,
          NEW.created_at, NEW.file_name, '');
      END IF;
      RETURN NULL;
    END $$;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    -- Search as 2026-12-02-05 wrote it.
    CREATE OR REPLACE FUNCTION trame_search_post(p_id uuid) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE p posts%ROWTYPE;
    BEGIN
      DELETE FROM search_documents WHERE post_id = p_id;
      SELECT * INTO p FROM posts WHERE id = p_id;
      IF NOT FOUND OR p.deleted_at IS NOT NULL THEN RETURN; END IF;
      PERFORM trame_search_put(p.id, trame_search_post_kind(p.title), p.id, p.space_id, p.author_id,
        p.author_id, p.created_at, coalesce(p.title, ''), p.body);
      INSERT INTO search_documents (id, kind, post_id, space_id, owner_id, author_id, created_at, title, body, tsv)
        SELECT c.id, trame_search_comment_kind(p.title, c.parent_id), p.id, p.space_id, p.author_id,
          c.author_id, c.created_at, '', c.body, trame_search_vector('', c.body)
        FROM comments c WHERE c.post_id = p.id AND c.deleted_at IS NULL;
      INSERT INTO search_documents (id, kind, post_id, space_id, owner_id, author_id, created_at, title, body, tsv)
        SELECT a.id, 'file', p.id, p.space_id, p.author_id, a.uploader_id, a.created_at, a.file_name, '',
          trame_search_vector(a.file_name, '')
        FROM attachments a WHERE a.post_id = p.id;
    END $$;

    CREATE OR REPLACE FUNCTION trame_search_posts() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        IF NEW.deleted_at IS NULL THEN
          PERFORM trame_search_put(NEW.id, trame_search_post_kind(NEW.title), NEW.id, NEW.space_id,
            NEW.author_id, NEW.author_id, NEW.created_at, coalesce(NEW.title, ''), NEW.body);
        END IF;
      ELSIF (OLD.deleted_at, OLD.space_id, OLD.author_id) IS NOT DISTINCT FROM (NEW.deleted_at, NEW.space_id, NEW.author_id)
        AND (OLD.title IS NULL) = (NEW.title IS NULL) THEN
        UPDATE search_documents SET title = coalesce(NEW.title, ''), body = NEW.body,
          tsv = trame_search_vector(coalesce(NEW.title, ''), NEW.body)
          WHERE id = NEW.id;
      ELSE
        PERFORM trame_search_post(NEW.id);
      END IF;
      RETURN NULL;
    END $$;
    DROP TRIGGER trame_search ON posts;
    CREATE TRIGGER trame_search AFTER INSERT OR UPDATE OF body, title, deleted_at, space_id, author_id ON posts
      FOR EACH ROW EXECUTE FUNCTION trame_search_posts();

    CREATE OR REPLACE FUNCTION trame_search_comments() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE p posts%ROWTYPE;
    BEGIN
      IF TG_OP = 'DELETE' OR NEW.deleted_at IS NOT NULL THEN
        DELETE FROM search_documents WHERE id = OLD.id;
        RETURN NULL;
      END IF;
      SELECT * INTO p FROM posts WHERE id = NEW.post_id AND deleted_at IS NULL;
      IF FOUND THEN
        PERFORM trame_search_put(NEW.id, trame_search_comment_kind(p.title, NEW.parent_id), p.id,
          p.space_id, p.author_id, NEW.author_id, NEW.created_at, '', NEW.body);
      END IF;
      RETURN NULL;
    END $$;
    DROP TRIGGER trame_search ON comments;
    CREATE TRIGGER trame_search AFTER INSERT OR UPDATE OF body, deleted_at OR DELETE ON comments
      FOR EACH ROW EXECUTE FUNCTION trame_search_comments();

    CREATE OR REPLACE FUNCTION trame_search_attachments() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE p posts%ROWTYPE;
    BEGIN
      IF TG_OP = 'DELETE' OR NEW.post_id IS NULL THEN
        DELETE FROM search_documents WHERE id = OLD.id;
        RETURN NULL;
      END IF;
      SELECT * INTO p FROM posts WHERE id = NEW.post_id AND deleted_at IS NULL;
      IF FOUND THEN
        PERFORM trame_search_put(NEW.id, 'file', p.id, p.space_id, p.author_id, NEW.uploader_id,
          NEW.created_at, NEW.file_name, '');
      END IF;
      RETURN NULL;
    END $$;
    DROP TABLE moderation_events, moderation_reports, moderation_cases;
    CREATE INDEX posts_space_idx ON posts (space_id, id DESC) WHERE deleted_at IS NULL;
    CREATE INDEX posts_author_feed_idx ON posts (author_id, id DESC) INCLUDE (space_id) WHERE deleted_at IS NULL;
    DROP INDEX posts_space_visible_idx, posts_author_visible_idx, posts_held_idx, comments_held_idx;
    ALTER TABLE posts DROP COLUMN held;
    ALTER TABLE comments DROP COLUMN held;
    ALTER TABLE organisation DROP COLUMN premoderate_guests;
    ALTER TABLE spaces DROP COLUMN premoderate_guests;
  `)
    .execute(db);
}
