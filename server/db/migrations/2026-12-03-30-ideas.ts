// Ideas: campaigns (a question to the crowd, in one space, with dates and evaluation
// criteria), the ideas submitted to them, one vote and one follow per person and idea, the
// history of status changes (each with its explanation), the evaluators' internal scores and
// notes, and comments. An idea merged into another keeps its row, pointing at the survivor.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE idea_campaigns (
      id uuid PRIMARY KEY,
      space_id uuid NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '',
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      criteria jsonb NOT NULL DEFAULT '[]',
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      CHECK (closes_at > opens_at)
    );
    CREATE INDEX idea_campaigns_space ON idea_campaigns (space_id, opens_at DESC);

    CREATE TABLE ideas (
      id uuid PRIMARY KEY,
      campaign_id uuid NOT NULL REFERENCES idea_campaigns (id) ON DELETE CASCADE,
      author_id uuid REFERENCES users (id) ON DELETE SET NULL,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'under_review', 'planned', 'in_progress', 'shipped', 'declined')),
      vote_count integer NOT NULL DEFAULT 0,
      score real,
      merged_into uuid REFERENCES ideas (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      decided_at timestamptz
    );
    CREATE INDEX ideas_campaign ON ideas (campaign_id, created_at DESC);

    CREATE TABLE idea_votes (
      idea_id uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (idea_id, user_id)
    );
    CREATE TABLE idea_followers (
      idea_id uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      PRIMARY KEY (idea_id, user_id)
    );
    CREATE TABLE idea_status_changes (
      id uuid PRIMARY KEY,
      idea_id uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
      actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
      from_status text NOT NULL,
      to_status text NOT NULL,
      explanation text NOT NULL CHECK (length(explanation) BETWEEN 1 AND 2000),
      at timestamptz NOT NULL
    );
    CREATE INDEX idea_status_changes_idea ON idea_status_changes (idea_id, at);
    -- Internal: evaluators' scores per criterion and notes; never shown to guests.
    CREATE TABLE idea_evaluations (
      idea_id uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
      evaluator_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      scores jsonb NOT NULL DEFAULT '{}',
      note text NOT NULL DEFAULT '',
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (idea_id, evaluator_id)
    );
    CREATE TABLE idea_comments (
      id uuid PRIMARY KEY,
      idea_id uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
      author_id uuid REFERENCES users (id) ON DELETE SET NULL,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX idea_comments_idea ON idea_comments (idea_id, created_at);
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP TABLE idea_comments;
    DROP TABLE idea_evaluations;
    DROP TABLE idea_status_changes;
    DROP TABLE idea_followers;
    DROP TABLE idea_votes;
    DROP TABLE ideas;
    DROP TABLE idea_campaigns;
  `)
    .execute(db);
}
