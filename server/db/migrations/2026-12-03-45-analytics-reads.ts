// Analytics at 50 million events (issue 6, third pass): two indexes for dashboard reads.
// - analytics_person_groups by group (GIN on the array): a dashboard filtered by one
//   department, site or people cohort checks that the group's roll-ups are up to date with
//   its members by looking up who is filed under it, instead of reading every person's row.
// - the searches without result by terms, with the person: the people who searched each
//   candidate term in vain are counted from the index alone.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE INDEX analytics_person_groups_groups_idx ON analytics_person_groups USING gin (groups);
    DROP INDEX analytics_search_days_terms_idx;
    CREATE INDEX analytics_search_days_terms_idx ON analytics_search_days (terms, day) INCLUDE (user_id)
      WHERE empty > 0;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP INDEX analytics_search_days_terms_idx;
    CREATE INDEX analytics_search_days_terms_idx ON analytics_search_days (terms, day) WHERE empty > 0;
    DROP INDEX analytics_person_groups_groups_idx;
  `)
    .execute(db);
}
