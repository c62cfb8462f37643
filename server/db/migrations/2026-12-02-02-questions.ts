// Questions and answers. A question is a post with a title; its answers are its top-level
// comments, which people vote for; the asker (or a moderator) accepts one. Being posts, they
// reach feeds, notifications, live updates and the visibility rule without a second path.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    ALTER TABLE posts ADD COLUMN title text CHECK (title IS NULL OR length(title) BETWEEN 1 AND 200);
    -- Live top-level comments of a question: "unanswered" is answer_count = 0, without counting.
    ALTER TABLE posts ADD COLUMN answer_count integer NOT NULL DEFAULT 0;
    ALTER TABLE posts ADD COLUMN accepted_comment_id uuid REFERENCES comments (id) ON DELETE SET NULL;
    CREATE INDEX posts_questions_idx ON posts (id DESC) WHERE title IS NOT NULL AND deleted_at IS NULL;
    -- Expert suggestions look up whether an answer was accepted (experts.ts).
    CREATE INDEX posts_accepted_idx ON posts (accepted_comment_id) WHERE accepted_comment_id IS NOT NULL;

    ALTER TABLE comments ADD COLUMN vote_count integer NOT NULL DEFAULT 0;
    CREATE TABLE answer_votes (
      comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (comment_id, user_id)
    );

  `)
    .execute(db);
}
