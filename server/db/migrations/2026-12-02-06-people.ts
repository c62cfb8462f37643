// People and expertise: profile fields a person fills in (phone, languages, about, photo),
// the manager line the org chart follows, declared skills and colleagues' endorsements.
//
// A skill is keyed by its name without case, accents or extra spaces (common/skills.ts), so
// "Kubernetes" and "kubernetes" are one skill and its endorsements stay when it is re-spelled.
// Its words are indexed like everything else searchable (trame_search_vector), so "who knows
// about X" matches skills by French or English stem, and a person's search document now
// carries their skills and about text.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    ALTER TABLE users
      ADD COLUMN phone text,
      ADD COLUMN about text,
      ADD COLUMN languages text[] NOT NULL DEFAULT '{}',
      ADD COLUMN manager_id uuid REFERENCES users (id) ON DELETE SET NULL,
      ADD COLUMN photo_key text,
      ADD COLUMN photo_type text,
      ADD COLUMN photo_updated_at timestamptz,
      ADD CONSTRAINT users_manager_not_self CHECK (manager_id IS NULL OR manager_id <> id);
    CREATE INDEX users_manager_idx ON users (manager_id);

    CREATE TABLE user_skills (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      key text NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
      position smallint NOT NULL,
      tsv tsvector NOT NULL DEFAULT ''::tsvector,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (user_id, key)
    );
    CREATE INDEX user_skills_key_idx ON user_skills (key);
    CREATE INDEX user_skills_tsv_idx ON user_skills USING gin (tsv);

    CREATE TABLE skill_endorsements (
      user_id uuid NOT NULL,
      key text NOT NULL,
      endorser_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (user_id, key, endorser_id),
      FOREIGN KEY (user_id, key) REFERENCES user_skills (user_id, key) ON DELETE CASCADE,
      CHECK (endorser_id <> user_id)
    );
    CREATE INDEX skill_endorsements_endorser_idx ON skill_endorsements (endorser_id);

    CREATE FUNCTION trame_skill_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.tsv := trame_search_vector(NEW.name, '');
      RETURN NEW;
    END $$;
    CREATE TRIGGER trame_skill_vector BEFORE INSERT OR UPDATE OF name ON user_skills
      FOR EACH ROW EXECUTE FUNCTION trame_skill_vector();

    -- A person is found by name, then job, places, handle, skills and about text.
    CREATE OR REPLACE FUNCTION trame_search_person(u_id uuid) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      u users%ROWTYPE;
      places text;
      skills text;
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
      SELECT string_agg(name, ', ' ORDER BY position) INTO skills FROM user_skills WHERE user_id = u_id;
      PERFORM trame_search_put(u.id, 'person', NULL, NULL, NULL, u.id, u.created_at, u.name,
        concat_ws(' · ', places, skills, u.about));
    END $$;
    DROP TRIGGER trame_search ON users;
    CREATE TRIGGER trame_search AFTER INSERT OR UPDATE OF name, handle, job_title, role, status,
      department_id, site_id, about ON users
      FOR EACH ROW EXECUTE FUNCTION trame_search_users();

    CREATE FUNCTION trame_search_skills() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM trame_search_person(CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END);
      RETURN NULL;
    END $$;
    CREATE TRIGGER trame_search AFTER INSERT OR UPDATE OF name, position OR DELETE ON user_skills
      FOR EACH ROW EXECUTE FUNCTION trame_search_skills();
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DELETE FROM notifications WHERE kind = 'skill_endorsed';
    DELETE FROM notification_mutes WHERE kind = 'skill_endorsed';
    DROP TABLE skill_endorsements;
    DROP TABLE user_skills;
    DROP FUNCTION trame_search_skills(), trame_skill_vector();
    DROP TRIGGER trame_search ON users;
    CREATE TRIGGER trame_search AFTER INSERT OR UPDATE OF name, handle, job_title, role, status,
      department_id, site_id ON users
      FOR EACH ROW EXECUTE FUNCTION trame_search_users();
    -- The person document as 2026-12-02-05 wrote it: without skills and about text, which go.
    CREATE OR REPLACE FUNCTION trame_search_person(u_id uuid) RETURNS void LANGUAGE plpgsql AS $$
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
    ALTER TABLE users DROP COLUMN phone, DROP COLUMN about, DROP COLUMN languages,
      DROP COLUMN manager_id, DROP COLUMN photo_key, DROP COLUMN photo_type, DROP COLUMN photo_updated_at;
    SELECT trame_search_person(id) FROM users;
  `)
    .execute(db);
}
