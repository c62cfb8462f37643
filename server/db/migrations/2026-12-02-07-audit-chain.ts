// A tamper-evident audit log: each record carries the hash of the one before it, so a record
// changed, removed or slipped in afterwards (by someone who could turn the append-only
// triggers off) breaks the chain, and `trame_audit_verify()` says where. Records are chained
// in the order they are written (`seq`, under a lock held until the writing transaction
// ends), not by id, which concurrent writers take in another order.
//
// The hash covers every field in a form that does not depend on the session (times as
// microseconds since 1970, JSON as PostgreSQL's normalised jsonb text).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    ALTER TABLE audit_log ADD COLUMN seq bigint, ADD COLUMN prev_hash text, ADD COLUMN hash text;

    CREATE FUNCTION trame_audit_hash(r audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT encode(sha256(convert_to(concat_ws(chr(31),
        r.seq::text, coalesce(r.prev_hash, ''), (extract(epoch FROM r.at) * 1000000)::bigint::text,
        coalesce(r.actor_id::text, ''), coalesce(r.actor_label, ''), r.action,
        coalesce(r.target_type, ''), coalesce(r.target_id, ''), coalesce(r.target_label, ''),
        coalesce(r.ip, ''), coalesce(r.user_agent, ''), coalesce(r.before::text, ''),
        coalesce(r.after::text, ''), coalesce(r.details::text, '')), 'UTF8')), 'hex')
    $$;

    CREATE FUNCTION trame_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE last audit_log%ROWTYPE;
    BEGIN
      -- One writer at a time until it commits, so each record sees the one before it.
      PERFORM pg_advisory_xact_lock(hashtext('trame.audit_chain'));
      SELECT * INTO last FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
      NEW.seq := coalesce(last.seq, 0) + 1;
      NEW.prev_hash := last.hash;
      NEW.hash := trame_audit_hash(NEW);
      RETURN NEW;
    END $$;

    -- The records already written, chained in id order.
    DO $$
    DECLARE r audit_log%ROWTYPE; prev text := NULL; n bigint := 0;
    BEGIN
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
        n := n + 1;
        r.seq := n;
        r.prev_hash := prev;
        r.hash := trame_audit_hash(r);
        UPDATE audit_log SET seq = r.seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
        prev := r.hash;
      END LOOP;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
    END $$;

    CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION trame_audit_chain();
    CREATE UNIQUE INDEX audit_log_seq_key ON audit_log (seq);

    -- Walks the chain: how many records were checked, and the first that does not hold
    -- (its hash is not its content's, it does not point at the one before, or one is missing).
    CREATE FUNCTION trame_audit_verify(OUT checked bigint, OUT broken_seq bigint, OUT broken_id bigint)
    LANGUAGE plpgsql AS $$
    DECLARE r audit_log%ROWTYPE; prev text := NULL; expected bigint := 1;
    BEGIN
      checked := 0;
      FOR r IN SELECT * FROM audit_log ORDER BY seq NULLS FIRST, id LOOP
        IF r.seq IS DISTINCT FROM expected OR r.prev_hash IS DISTINCT FROM prev
          OR r.hash IS DISTINCT FROM trame_audit_hash(r) THEN
          broken_seq := coalesce(r.seq, expected);
          broken_id := r.id;
          RETURN;
        END IF;
        checked := checked + 1;
        expected := expected + 1;
        prev := r.hash;
      END LOOP;
    END $$;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP TRIGGER audit_log_chain ON audit_log;
    DROP FUNCTION trame_audit_verify(), trame_audit_chain();
    DROP INDEX audit_log_seq_key;
    ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
    ALTER TABLE audit_log DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash;
    ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
    DROP FUNCTION trame_audit_hash(audit_log);
  `)
    .execute(db);
}
