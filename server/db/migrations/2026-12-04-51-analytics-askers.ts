// Analytics at volume (issue 6): the knowledge dashboard of one department, site or cohort
// counted its people's questions by reading every question of the two periods through the
// time indexes and keeping its askers' (some 350,000 index entries three times at the bench's
// size, to keep a seventh of them). These indexes start from the asker, so each member's
// questions of the periods are read and no one else's. Indexes only: no rebuild needed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE INDEX analytics_questions_asker_asked_idx ON analytics_questions (asker_id, asked_at) INCLUDE (space_id);
    CREATE INDEX analytics_questions_asker_answered_idx ON analytics_questions (asker_id, first_answer_at)
      INCLUDE (asked_at, space_id);
    CREATE INDEX analytics_questions_asker_accepted_idx ON analytics_questions (asker_id, accepted_at)
      INCLUDE (space_id);
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP INDEX analytics_questions_asker_accepted_idx;
    DROP INDEX analytics_questions_asker_answered_idx;
    DROP INDEX analytics_questions_asker_asked_idx;
  `)
    .execute(db);
}
