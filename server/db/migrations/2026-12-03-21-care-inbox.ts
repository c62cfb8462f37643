// The care inbox's reads: the list pages newest activity first under each common filter
// (all conversations, one agent's, one team's, the breach list), keyset by (last_message_at,
// id); and words are found in a customer's name or address, a subject or any message
// (words as written, without accents, by prefix — the search module's `trame_words`).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE INDEX care_conversations_recent ON care_conversations (last_message_at DESC, id DESC);
    CREATE INDEX care_conversations_assignee_recent
      ON care_conversations (assignee_id, last_message_at DESC, id DESC);
    CREATE INDEX care_conversations_team_recent
      ON care_conversations (team_id, last_message_at DESC, id DESC);
    CREATE INDEX care_conversations_breached
      ON care_conversations (last_message_at DESC, id DESC)
      WHERE first_response_breached_at IS NOT NULL OR resolution_breached_at IS NOT NULL;

    CREATE INDEX care_messages_words ON care_messages USING gin (to_tsvector('trame_words'::regconfig, body));
    CREATE INDEX care_conversations_subject_words
      ON care_conversations USING gin (to_tsvector('trame_words'::regconfig, subject));
    CREATE INDEX care_customers_words
      ON care_customers USING gin (to_tsvector('trame_words'::regconfig, display_name || ' ' || coalesce(email, '')));
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP INDEX care_conversations_recent, care_conversations_assignee_recent, care_conversations_team_recent,
      care_conversations_breached, care_messages_words, care_conversations_subject_words, care_customers_words;
  `)
    .execute(db);
}
