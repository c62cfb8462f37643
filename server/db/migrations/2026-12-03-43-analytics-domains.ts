// The dashboards of care, ideas and ambassadors read their capability's tables by time: these
// indexes let them read one period's rows only. The activity log is the one place a share
// (and joining or leaving the programme) is dated, so a partial index holds just those verbs:
// the dashboard reads a few rows of it, never the log of everything else. Care needs nothing
// new (2026-12-03-22-care-insight has its time indexes).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE INDEX activity_events_ambassador ON activity_events (verb, at)
      WHERE verb IN ('ambassador.shared', 'ambassador.opted_in', 'ambassador.opted_out');
    CREATE INDEX ambassador_clicks_at ON ambassador_clicks (at, code);
    CREATE INDEX ideas_created ON ideas (created_at);
    CREATE INDEX ideas_decided ON ideas (decided_at) WHERE decided_at IS NOT NULL;
    CREATE INDEX idea_votes_created ON idea_votes (created_at);
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP INDEX idea_votes_created;
    DROP INDEX ideas_decided;
    DROP INDEX ideas_created;
    DROP INDEX ambassador_clicks_at;
    DROP INDEX activity_events_ambassador;
  `)
    .execute(db);
}
