// The database says what changed: triggers send the keys of what a write makes stale on
// the `trame_changes` channel (pg_notify, delivered at commit, to every listening process).
// In-process caches (server/platform/cache) drop their entries on those keys, so no write
// path — a command, another process, a script — can leave a cache stale by forgetting to.
//
// Keys: user:<id> (anything personal to that person: their row, memberships, follows,
// reactions, bookmarks, acknowledgements, votes), session:<id> (a session ended),
// post:<id> (a post or its poll changed), space:<id> and author:<id> (a new post there or
// by them), tag:<tag>, link:<md5 of url>, and `people` / `spaces` (a name, handle, job
// title, space name or visibility changed: everything showing them is stale).
import { type Kysely, sql } from 'kysely';

// [table, the key it notifies, when]
const ROW_KEYS: [string, string, string][] = [
  ['space_members', `'user:' || r.user_id`, 'INSERT OR UPDATE OR DELETE'],
  ['follows', `'user:' || r.follower_id`, 'INSERT OR DELETE'],
  ['tag_follows', `'user:' || r.user_id`, 'INSERT OR DELETE'],
  ['reactions', `'user:' || r.user_id`, 'INSERT OR UPDATE OR DELETE'],
  ['bookmarks', `'user:' || r.user_id`, 'INSERT OR UPDATE OR DELETE'],
  ['announcement_acks', `'user:' || r.user_id`, 'INSERT OR UPDATE OR DELETE'],
  ['poll_votes', `'user:' || r.user_id`, 'INSERT OR UPDATE OR DELETE'],
  ['polls', `'post:' || r.post_id`, 'UPDATE OR DELETE'],
  ['poll_options', `'post:' || r.post_id`, 'UPDATE OR DELETE'],
  ['post_tags', `'tag:' || r.tag || ' post:' || r.post_id`, 'INSERT OR DELETE'],
  ['link_previews', `'link:' || md5(r.url)`, 'INSERT OR UPDATE OR DELETE'],
  ['sessions', `'session:' || r.id || ' user:' || r.user_id`, 'DELETE'],
  [
    'posts',
    // A new post concerns its space's and its author's followers; a changed one, its readers.
    `CASE WHEN TG_OP = 'INSERT' THEN coalesce('space:' || r.space_id || ' ', '') || 'author:' || r.author_id
       ELSE 'post:' || r.id END`,
    'INSERT OR UPDATE OR DELETE',
  ],
  [
    'users',
    `'user:' || r.id || CASE WHEN TG_OP = 'DELETE' OR (OLD.name, OLD.handle, OLD.job_title)
       IS DISTINCT FROM (NEW.name, NEW.handle, NEW.job_title) THEN ' people' ELSE '' END`,
    'UPDATE OR DELETE',
  ],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every process hears the keys at commit (pg_notify); the committing one also reads them
  // from its own transaction (trame.changes) just before committing, so it applies them
  // without waiting. A bulk write names so many that it stands for "everything" (*).
  await sql
    .raw(`
    CREATE FUNCTION trame_changed(keys text) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE so_far text := coalesce(current_setting('trame.changes', true), '');
    BEGIN
      PERFORM pg_notify('trame_changes', keys);
      IF so_far = '*' THEN RETURN; END IF;
      PERFORM set_config('trame.changes',
        CASE WHEN length(so_far) > 20000 THEN '*' ELSE so_far || ' ' || keys END, true);
    END $$`)
    .execute(db);
  for (const [table, key] of ROW_KEYS) {
    await sql
      .raw(`
      CREATE FUNCTION trame_changed_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r ${table}%ROWTYPE;
      BEGIN
        IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
        PERFORM trame_changed(${key});
        RETURN NULL;
      END $$`)
      .execute(db);
  }
  for (const [table, , when] of ROW_KEYS) {
    await sql
      .raw(`CREATE TRIGGER trame_changed AFTER ${when} ON ${table}
        FOR EACH ROW EXECUTE FUNCTION trame_changed_${table}()`)
      .execute(db);
  }
  // Spaces: only what other objects show of them (member_count moves on every join).
  await sql
    .raw(`
    CREATE FUNCTION trame_changed_spaces() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' OR (OLD.name, OLD.slug, OLD.visibility, OLD.archived_at)
          IS DISTINCT FROM (NEW.name, NEW.slug, NEW.visibility, NEW.archived_at) THEN
        PERFORM trame_changed('spaces');
      END IF;
      RETURN NULL;
    END $$`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER trame_changed AFTER UPDATE OR DELETE ON spaces
      FOR EACH ROW EXECUTE FUNCTION trame_changed_spaces()`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...ROW_KEYS.map(([t]) => t), 'spaces']) {
    await sql.raw(`DROP TRIGGER trame_changed ON ${table}`).execute(db);
    await sql.raw(`DROP FUNCTION trame_changed_${table}()`).execute(db);
  }
  await sql.raw('DROP FUNCTION trame_changed(text)').execute(db);
}
