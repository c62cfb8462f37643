// What a refused request must leave untouched: each table's row count and a hash of its
// rows. Sessions are left out: reading with a session notes when it was last used.
import { type Kysely, sql } from 'kysely';

export async function snapshotTables(db: Kysely<any>): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows.filter((t) => t.name !== 'sessions')) {
    const row = await sql<{ n: string; h: string | null }>`
      SELECT count(*)::text AS n, md5(string_agg(t::text, ',' ORDER BY t::text)) AS h
      FROM ${sql.table(name)} t`.execute(db);
    out[name] = `${row.rows[0]!.n}:${row.rows[0]!.h}`;
  }
  return out;
}

/** The tables whose rows differ between two snapshots. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
