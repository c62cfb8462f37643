// Analytics at volume (issue 6): the care dashboard and /care/insight read every conversation
// opened and every inbound message received over a period and the one before (some 130,000
// conversations and 400,000 messages at the bench's size). Their time indexes now carry the
// columns those figures read, so the scans are index-only and no table row is fetched.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP INDEX care_conversations_created;
    CREATE INDEX care_conversations_created ON care_conversations (created_at)
      INCLUDE (channel_id, first_response_at, resolved_at, first_response_breached_at, resolution_breached_at);
    DROP INDEX care_messages_inbound_created;
    CREATE INDEX care_messages_inbound_created ON care_messages (created_at, channel_id) INCLUDE (sentiment)
      WHERE kind = 'inbound';
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP INDEX care_messages_inbound_created;
    CREATE INDEX care_messages_inbound_created ON care_messages (created_at, channel_id) WHERE kind = 'inbound';
    DROP INDEX care_conversations_created;
    CREATE INDEX care_conversations_created ON care_conversations (created_at);
  `)
    .execute(db);
}
