// Customer care → ideas: the ideas an agent made from a conversation (feedback to product), so
// the conversation shows them and the idea's progress. One conversation may give several ideas.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE care_conversation_ideas (
      conversation_id uuid NOT NULL REFERENCES care_conversations(id) ON DELETE CASCADE,
      idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (conversation_id, idea_id)
    );
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE care_conversation_ideas;').execute(db);
}
