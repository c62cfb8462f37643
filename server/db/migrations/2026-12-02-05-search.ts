// One search over everything: a row per findable thing (post, question, comment, answer, file,
// person, space, event, knowledge page)
// in `search_documents`, kept by triggers on the tables it comes from, so whatever writes —
// a command, a script, the demo seed, a bench fixture — a change is searchable when its
// transaction commits.
//
// Words are indexed three ways, all lower-cased and without accents: French stems, English
// stems, and the words as written (so a word still being typed matches by prefix, and names
// are not stemmed away). "Réunions" is found by "reunion", "réunion" and "réun".
//
// A row holds what the visibility rule needs and nothing it must not: the space and the
// post's author (profile posts are readable by their author). Who may read is decided when
// searching (modules/spaces/visibility.ts), never copied here, so leaving a space or a space
// turning private takes effect at the next search.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE TEXT SEARCH CONFIGURATION trame_fr (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION trame_fr
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    CREATE TEXT SEARCH CONFIGURATION trame_en (COPY = english);
    ALTER TEXT SEARCH CONFIGURATION trame_en
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
    CREATE TEXT SEARCH CONFIGURATION trame_words (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION trame_words
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

    -- A title weighs more than a body (A against B) when results are sorted by relevance.
    CREATE FUNCTION trame_search_vector(title text, body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT setweight(to_tsvector('trame_fr'::regconfig, title) || to_tsvector('trame_en'::regconfig, title)
               || to_tsvector('trame_words'::regconfig, title), 'A')
          || setweight(to_tsvector('trame_fr'::regconfig, body) || to_tsvector('trame_en'::regconfig, body)
               || to_tsvector('trame_words'::regconfig, body), 'B')
    $$;

    -- A post with a title is a question; a question's top-level comments are its answers.
    CREATE FUNCTION trame_search_post_kind(title text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN title IS NULL THEN 'post' ELSE 'question' END $$;
    CREATE FUNCTION trame_search_comment_kind(post_title text, parent uuid) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN post_title IS NOT NULL AND parent IS NULL THEN 'answer' ELSE 'comment' END
    $$;

    CREATE TABLE search_documents (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('post', 'question', 'comment', 'answer', 'file', 'person', 'space', 'event', 'page')),
      -- The post itself, or the post a comment or file belongs to.
      post_id uuid REFERENCES posts (id) ON DELETE CASCADE,
      -- The space it lives in (a space's own row names itself); null for profile posts and people.
      space_id uuid REFERENCES spaces (id) ON DELETE CASCADE,
      -- The author of the post it belongs to: a profile post is readable by its author.
      owner_id uuid REFERENCES users (id) ON DELETE CASCADE,
      -- Who wrote or uploaded it (the author filter); the person for a person's row.
      author_id uuid REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      title text NOT NULL DEFAULT '',
      body text NOT NULL DEFAULT '',
      tsv tsvector NOT NULL
    );
    CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv);
    CREATE INDEX search_documents_recent_idx ON search_documents (created_at DESC, id DESC);
    CREATE INDEX search_documents_post_idx ON search_documents (post_id);

    CREATE FUNCTION trame_search_put(d_id uuid, d_kind text, d_post uuid, d_space uuid, d_owner uuid,
      d_author uuid, d_at timestamptz, d_title text, d_body text) RETURNS void LANGUAGE sql AS $$
      INSERT INTO search_documents (id, kind, post_id, space_id, owner_id, author_id, created_at, title, body, tsv)
      VALUES (d_id, d_kind, d_post, d_space, d_owner, d_author, d_at, d_title, d_body,
        trame_search_vector(d_title, d_body))
      ON CONFLICT (id) DO UPDATE SET post_id = EXCLUDED.post_id, space_id = EXCLUDED.space_id,
        owner_id = EXCLUDED.owner_id, author_id = EXCLUDED.author_id, title = EXCLUDED.title,
        body = EXCLUDED.body, tsv = EXCLUDED.tsv
    $$;

    -- A post with its live comments and its files, from scratch (a new post has neither).
    CREATE FUNCTION trame_search_post(p_id uuid) RETURNS void LANGUAGE plpgsql AS $$
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

    CREATE FUNCTION trame_search_posts() RETURNS trigger LANGUAGE plpgsql AS $$
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
    CREATE TRIGGER trame_search AFTER INSERT OR UPDATE OF body, title, deleted_at, space_id, author_id ON posts
      FOR EACH ROW EXECUTE FUNCTION trame_search_posts();

    CREATE FUNCTION trame_search_comments() RETURNS trigger LANGUAGE plpgsql AS $$
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
    CREATE TRIGGER trame_search AFTER INSERT OR UPDATE OF body, deleted_at OR DELETE ON comments
      FOR EACH ROW EXECUTE FUNCTION trame_search_comments();

    -- A file is findable once it is attached to a post (an upload alone is nobody's yet).
    CREATE FUNCTION trame_search_attachments() RETURNS trigger LANGUAGE plpgsql AS $$
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
    CREATE TRIGGER trame_search AFTER INSERT OR UPDATE OF post_id, file_name OR DELETE ON attachments
      FOR EACH ROW EXECUTE FUNCTION trame_search_attachments();

    -- People: the directory's people (active colleagues), by name, handle, job title,
    -- department and site.
    CREATE FUNCTION trame_search_person(u_id uuid) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      u users%ROWTYPE;
      places text;
    BEGIN
      SELECT * INTO u FROM users WHERE id = u_id;
      IF NOT FOUND OR u.status <> 'active' OR u.role = 'guest' THEN
        DELETE FROM search_documents WHERE id = u_id;
        RETURN;
      END IF;
      SELECT concat_ws(' · ', u.job_title, d.name, s.name, '@' || u.handle) INTO places
        FROM (SELECT 1) one
        LEFT JOIN departments d ON d.id = u.department_id
        LEFT JOIN sites s ON s.id = u.site_id;
      PERFORM trame_search_put(u.id, 'person', NULL, NULL, NULL, u.id, u.created_at, u.name, places);
    END $$;
    CREATE FUNCTION trame_search_users() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM trame_search_person(NEW.id);
      RETURN NULL;
    END $$;
    CREATE TRIGGER trame_search AFTER INSERT OR UPDATE OF name, handle, job_title, role, status,
      department_id, site_id ON users
      FOR EACH ROW EXECUTE FUNCTION trame_search_users();
    CREATE FUNCTION trame_search_places() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE r record;
    BEGIN
      FOR r IN SELECT id FROM users WHERE department_id = NEW.id OR site_id = NEW.id LOOP
        PERFORM trame_search_person(r.id);
      END LOOP;
      RETURN NULL;
    END $$;
    CREATE TRIGGER trame_search AFTER UPDATE OF name ON departments
      FOR EACH ROW EXECUTE FUNCTION trame_search_places();
    CREATE TRIGGER trame_search AFTER UPDATE OF name ON sites
      FOR EACH ROW EXECUTE FUNCTION trame_search_places();

    CREATE FUNCTION trame_search_spaces() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM trame_search_put(NEW.id, 'space', NULL, NEW.id, NULL, NEW.created_by, NEW.created_at,
        NEW.name, NEW.description);
      RETURN NULL;
    END $$;
    CREATE TRIGGER trame_search AFTER INSERT OR UPDATE OF name, description ON spaces
      FOR EACH ROW EXECUTE FUNCTION trame_search_spaces();

    -- Events: by title, then place and description; found where their space is readable.
    CREATE FUNCTION trame_search_events() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM trame_search_put(NEW.id, 'event', NULL, NEW.space_id, NULL, NEW.created_by, NEW.created_at,
        NEW.title, concat_ws(' ', NEW.location, NEW.description));
      RETURN NULL;
    END $$;
    CREATE TRIGGER trame_search AFTER INSERT OR UPDATE OF title, description, location ON events
      FOR EACH ROW EXECUTE FUNCTION trame_search_events();

    -- Knowledge pages: by title, then text; found where their space is readable.
    CREATE FUNCTION trame_search_pages() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM trame_search_put(NEW.id, 'page', NULL, NEW.space_id, NULL, NEW.updated_by, NEW.created_at,
        NEW.title, NEW.body);
      RETURN NULL;
    END $$;
    CREATE TRIGGER trame_search AFTER INSERT OR UPDATE OF title, body ON knowledge_pages
      FOR EACH ROW EXECUTE FUNCTION trame_search_pages();

    -- Everything from scratch: after a restore, a bulk load with the triggers off (bench
    -- fixtures), or a change to how words are indexed. Returns how many rows it wrote.
    CREATE FUNCTION trame_search_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
    DECLARE n bigint;
    BEGIN
      DELETE FROM search_documents;
      -- Building the word index once at the end is many times faster than row by row.
      DROP INDEX IF EXISTS search_documents_tsv_idx;
      PERFORM trame_search_person(id) FROM users;
      INSERT INTO search_documents (id, kind, post_id, space_id, owner_id, author_id, created_at, title, body, tsv)
        SELECT id, 'space', NULL, id, NULL, created_by, created_at, name, description,
          trame_search_vector(name, description)
        FROM spaces;
      INSERT INTO search_documents (id, kind, post_id, space_id, owner_id, author_id, created_at, title, body, tsv)
        SELECT id, 'event', NULL, space_id, NULL, created_by, created_at, title,
          concat_ws(' ', location, description), trame_search_vector(title, concat_ws(' ', location, description))
        FROM events;
      INSERT INTO search_documents (id, kind, post_id, space_id, owner_id, author_id, created_at, title, body, tsv)
        SELECT id, 'page', NULL, space_id, NULL, updated_by, created_at, title, body,
          trame_search_vector(title, body)
        FROM knowledge_pages;
      INSERT INTO search_documents (id, kind, post_id, space_id, owner_id, author_id, created_at, title, body, tsv)
        SELECT id, trame_search_post_kind(title), id, space_id, author_id, author_id, created_at,
          coalesce(title, ''), body, trame_search_vector(coalesce(title, ''), body)
        FROM posts WHERE deleted_at IS NULL;
      INSERT INTO search_documents (id, kind, post_id, space_id, owner_id, author_id, created_at, title, body, tsv)
        SELECT c.id, trame_search_comment_kind(p.title, c.parent_id), p.id, p.space_id, p.author_id,
          c.author_id, c.created_at, '', c.body, trame_search_vector('', c.body)
        FROM comments c JOIN posts p ON p.id = c.post_id
        WHERE c.deleted_at IS NULL AND p.deleted_at IS NULL;
      INSERT INTO search_documents (id, kind, post_id, space_id, owner_id, author_id, created_at, title, body, tsv)
        SELECT a.id, 'file', p.id, p.space_id, p.author_id, a.uploader_id, a.created_at, a.file_name, '',
          trame_search_vector(a.file_name, '')
        FROM attachments a JOIN posts p ON p.id = a.post_id
        WHERE p.deleted_at IS NULL;
      CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv);
      SELECT count(*) INTO n FROM search_documents;
      RETURN n;
    END $$;
    SELECT trame_search_rebuild();
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP TRIGGER trame_search ON posts;
    DROP TRIGGER trame_search ON comments;
    DROP TRIGGER trame_search ON attachments;
    DROP TRIGGER trame_search ON users;
    DROP TRIGGER trame_search ON departments;
    DROP TRIGGER trame_search ON sites;
    DROP TRIGGER trame_search ON spaces;
    DROP TRIGGER trame_search ON events;
    DROP TRIGGER trame_search ON knowledge_pages;
    DROP TABLE search_documents;
    DROP FUNCTION trame_search_posts(), trame_search_comments(), trame_search_attachments(),
      trame_search_users(), trame_search_places(), trame_search_spaces(), trame_search_events(), trame_search_pages(),
      trame_search_post(uuid), trame_search_person(uuid), trame_search_rebuild(),
      trame_search_put(uuid, text, uuid, uuid, uuid, uuid, timestamptz, text, text),
      trame_search_vector(text, text), trame_search_post_kind(text), trame_search_comment_kind(text, uuid);
    DROP TEXT SEARCH CONFIGURATION trame_fr;
    DROP TEXT SEARCH CONFIGURATION trame_en;
    DROP TEXT SEARCH CONFIGURATION trame_words;
  `)
    .execute(db);
}
