// Customer care insight: the indexes its reads need — negative inbound messages by time (the
// spike alerts every 5 minutes, the sentiment trend), conversations by creation time (the
// care figures and the tag counts per week), alerts per key (raised once per window), with the baseline they were measured against.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE INDEX care_messages_inbound_created ON care_messages (created_at, channel_id)
      WHERE kind = 'inbound';
    CREATE INDEX care_conversations_created ON care_conversations (created_at);
    -- What "usual" was when an alert was raised: negative messages per hour over the 7 days before.
    ALTER TABLE care_alerts ADD COLUMN baseline_per_hour real NOT NULL DEFAULT 0;
    CREATE INDEX care_alerts_key ON care_alerts (kind, channel_id, tag, window_end DESC);
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP INDEX care_alerts_key;
    ALTER TABLE care_alerts DROP COLUMN baseline_per_hour;
    DROP INDEX care_conversations_created;
    DROP INDEX care_messages_inbound_created;
  `)
    .execute(db);
}
