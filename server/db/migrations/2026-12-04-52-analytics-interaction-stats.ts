// Analytics at volume (issue 6): the interaction roll-up keeps rows per space, per space type
// and for the whole organisation (space_id and space_type both NULL), and the collaboration
// matrix reads the last ones. PostgreSQL took the two NULL tests for independent and
// estimated those rows six times too many (about 800,000 over 60 days at 50M events, for
// 134,000), so it sorted them to disk to group them instead of hashing: 160 ms, not 70, once
// its queries were planned for their own parameters. Statistics over both columns together
// give it the real share. ANALYZE fills them now rather than at autovacuum's next pass.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE STATISTICS analytics_interaction_days_place (mcv) ON space_id, space_type FROM analytics_interaction_days;
    ANALYZE analytics_interaction_days;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP STATISTICS analytics_interaction_days_place;').execute(db);
}
