// Analytics at 50 million events (issue 6): the care dashboard's bars per channel (the
// conversations opened and the median first response of each channel, in the period and the
// one before) grouped 134,000 conversations by channel, which sorted them to disk. Each
// channel's conversations of a period are now one range of this index, carrying the columns
// those figures read (an index-only scan), aggregated on their own.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE INDEX care_conversations_channel_created ON care_conversations (channel_id, created_at)
      INCLUDE (first_response_at, resolved_at, first_response_breached_at, resolution_breached_at);
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP INDEX care_conversations_channel_created;').execute(db);
}
