// Analytics: the activity log learns whose content an action was aimed at (for the
// cross-department matrix), and daily roll-up tables hold what the dashboards read, so a
// normal view never scans the raw log. Roll-ups are derived data: the refresh job recomputes
// whole days from the log (so running it twice changes nothing), and a rebuild recomputes all.
// Also: cohorts (named groups of spaces or people rolled out together), the ROI assumptions,
// the organisation's privacy settings for figures, and the "analyst" grant.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    -- The person whose post, comment or answer the action was aimed at (a comment's post
    -- author, a reaction's content author, a share's original author…): written with the event.
    ALTER TABLE activity_events ADD COLUMN target_id uuid;
    -- Events written before this column existed learn their target from the content
    -- (a person's own content is no interaction: the target stays empty then).
    UPDATE activity_events e SET target_id = p.author_id
      FROM posts p
      WHERE e.verb IN ('comment.created', 'question.answered')
        AND p.id = (CASE WHEN e.verb IN ('comment.created', 'question.answered') THEN e.data->>'postId' END)::uuid
        AND p.author_id IS DISTINCT FROM e.actor_id;
    UPDATE activity_events e SET target_id = p.author_id
      FROM posts p
      WHERE e.verb = 'reaction.set'
        AND p.id = (CASE WHEN e.verb = 'reaction.set' THEN e.object_id END)::uuid
        AND p.author_id IS DISTINCT FROM e.actor_id;
    UPDATE activity_events e SET target_id = c.author_id
      FROM comments c
      WHERE e.verb = 'comment_reaction.set'
        AND c.id = (CASE WHEN e.verb = 'comment_reaction.set' THEN e.object_id END)::uuid
        AND c.author_id IS DISTINCT FROM e.actor_id;
    UPDATE activity_events e SET target_id = original.author_id
      FROM posts p JOIN posts original ON original.id = p.shared_post_id
      WHERE e.verb = 'post.shared'
        AND p.id = (CASE WHEN e.verb = 'post.shared' THEN e.object_id END)::uuid
        AND original.author_id IS DISTINCT FROM e.actor_id;
    UPDATE activity_events e
      SET target_id = (CASE WHEN e.verb IN ('answer.voted', 'question.answer_accepted') THEN e.data->>'answerAuthorId' END)::uuid
      WHERE e.verb IN ('answer.voted', 'question.answer_accepted')
        AND e.data->>'answerAuthorId' IS NOT NULL
        AND e.data->>'answerAuthorId' IS DISTINCT FROM e.actor_id::text;

    ALTER TABLE organisation
      -- No figure is shown for a group of fewer people than this.
      ADD COLUMN analytics_min_group integer NOT NULL DEFAULT 5
        CHECK (analytics_min_group BETWEEN 1 AND 1000),
      -- Whether administrators may see one person's activity.
      ADD COLUMN analytics_individual boolean NOT NULL DEFAULT false;

    -- Granted by administrators: may read the organisation's dashboards (not individuals).
    ALTER TABLE users ADD COLUMN analyst boolean NOT NULL DEFAULT false;

    CREATE TABLE analytics_cohorts (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('spaces', 'people')),
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX analytics_cohorts_name_idx ON analytics_cohorts (lower(name));
    -- member_id is a space id or a user id, according to the cohort's kind.
    CREATE TABLE analytics_cohort_members (
      cohort_id uuid NOT NULL REFERENCES analytics_cohorts (id) ON DELETE CASCADE,
      member_id uuid NOT NULL,
      PRIMARY KEY (cohort_id, member_id)
    );

    -- ROI assumptions the administrators changed (the defaults live in code).
    CREATE TABLE analytics_assumptions (
      key text PRIMARY KEY,
      value numeric NOT NULL,
      updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL
    );

    -- How far the roll-ups have read the log, and when they were last refreshed.
    CREATE TABLE analytics_state (
      name text PRIMARY KEY,
      last_event_id bigint NOT NULL DEFAULT 0,
      refreshed_at timestamptz
    );
    INSERT INTO analytics_state (name) VALUES ('rollups');

    -- One row per person per UTC day on which they did anything (visits included).
    CREATE TABLE analytics_person_days (
      day date NOT NULL,
      user_id uuid NOT NULL,
      visits integer NOT NULL DEFAULT 0,
      posts integer NOT NULL DEFAULT 0,
      questions integer NOT NULL DEFAULT 0,
      comments integer NOT NULL DEFAULT 0,
      answers integer NOT NULL DEFAULT 0,
      reactions integer NOT NULL DEFAULT 0,
      shares integer NOT NULL DEFAULT 0,
      votes integer NOT NULL DEFAULT 0,
      pages integer NOT NULL DEFAULT 0,
      events integer NOT NULL DEFAULT 0,
      -- Invitations this person sent (invitation.sent).
      invitations integer NOT NULL DEFAULT 0,
      actions integer NOT NULL DEFAULT 0,
      PRIMARY KEY (day, user_id)
    );
    CREATE INDEX analytics_person_days_user_idx ON analytics_person_days (user_id, day);

    -- The same, per space the action happened in (actions outside spaces are not here).
    CREATE TABLE analytics_space_person_days (
      day date NOT NULL,
      space_id uuid NOT NULL,
      user_id uuid NOT NULL,
      posts integer NOT NULL DEFAULT 0,
      questions integer NOT NULL DEFAULT 0,
      comments integer NOT NULL DEFAULT 0,
      answers integer NOT NULL DEFAULT 0,
      reactions integer NOT NULL DEFAULT 0,
      shares integer NOT NULL DEFAULT 0,
      votes integer NOT NULL DEFAULT 0,
      pages integer NOT NULL DEFAULT 0,
      events integer NOT NULL DEFAULT 0,
      actions integer NOT NULL DEFAULT 0,
      PRIMARY KEY (day, space_id, user_id)
    );
    CREATE INDEX analytics_space_person_days_space_idx ON analytics_space_person_days (space_id, day);

    -- The same per space and day, all people together (what the per-space bars read when no
    -- people-side filter applies): people = how many people acted in the space that day.
    CREATE TABLE analytics_space_days (
      day date NOT NULL,
      space_id uuid NOT NULL,
      posts integer NOT NULL DEFAULT 0,
      questions integer NOT NULL DEFAULT 0,
      comments integer NOT NULL DEFAULT 0,
      answers integer NOT NULL DEFAULT 0,
      reactions integer NOT NULL DEFAULT 0,
      shares integer NOT NULL DEFAULT 0,
      people integer NOT NULL DEFAULT 0,
      PRIMARY KEY (day, space_id)
    );

    -- One row per person who activated an account: when they were invited (null for the
    -- first administrator and imported people), activated, and first contributed (UTC day).
    CREATE TABLE analytics_people (
      user_id uuid PRIMARY KEY,
      invited_at timestamptz,
      activated_at timestamptz NOT NULL,
      first_contribution_day date
    );
    CREATE INDEX analytics_people_activated_idx ON analytics_people (activated_at);
    CREATE INDEX analytics_people_first_idx ON analytics_people (first_contribution_day);

    -- Interactions across departments: people of one department (from) commenting on,
    -- answering, reacting to or sharing content of people of another (to), per day and kind.
    -- Departments are the people's at refresh time; NULL is "no department". Rows with a NULL
    -- space_id are the totals over every place; the others count one space each.
    CREATE TABLE analytics_interaction_days (
      day date NOT NULL,
      from_department_id uuid,
      to_department_id uuid,
      kind text NOT NULL CHECK (kind IN ('comment', 'answer', 'reaction', 'share')),
      space_id uuid,
      n integer NOT NULL
    );
    CREATE INDEX analytics_interaction_days_day_idx ON analytics_interaction_days (day) WHERE space_id IS NULL;
    CREATE INDEX analytics_interaction_days_space_idx ON analytics_interaction_days (space_id, day);

    -- One row per question ever asked: when it got its first answer and an accepted one.
    CREATE TABLE analytics_questions (
      post_id uuid PRIMARY KEY,
      space_id uuid,
      asker_id uuid,
      asked_at timestamptz NOT NULL,
      first_answer_at timestamptz,
      accepted_at timestamptz
    );
    CREATE INDEX analytics_questions_asked_idx ON analytics_questions (asked_at);
    CREATE INDEX analytics_questions_answered_idx ON analytics_questions (first_answer_at);
    CREATE INDEX analytics_questions_accepted_idx ON analytics_questions (accepted_at);

    -- Knowledge pages per day: created, edited, and read by someone other than their author.
    CREATE TABLE analytics_page_days (
      day date NOT NULL,
      page_id uuid NOT NULL,
      space_id uuid,
      created integer NOT NULL DEFAULT 0,
      edits integer NOT NULL DEFAULT 0,
      reads_by_others integer NOT NULL DEFAULT 0,
      PRIMARY KEY (day, page_id)
    );

    -- Searches per person per day, and those that found nothing, by normalised terms.
    CREATE TABLE analytics_search_days (
      day date NOT NULL,
      user_id uuid NOT NULL,
      terms text NOT NULL,
      searches integer NOT NULL,
      empty integer NOT NULL,
      PRIMARY KEY (day, user_id, terms)
    );
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP TABLE analytics_search_days;
    DROP TABLE analytics_page_days;
    DROP TABLE analytics_questions;
    DROP TABLE analytics_people;
    DROP TABLE analytics_space_days;
    DROP TABLE analytics_interaction_days;
    DROP TABLE analytics_space_person_days;
    DROP TABLE analytics_person_days;
    DROP TABLE analytics_state;
    DROP TABLE analytics_assumptions;
    DROP TABLE analytics_cohort_members;
    DROP TABLE analytics_cohorts;
    ALTER TABLE users DROP COLUMN analyst;
    ALTER TABLE organisation DROP COLUMN analytics_individual, DROP COLUMN analytics_min_group;
    ALTER TABLE activity_events DROP COLUMN target_id;
  `)
    .execute(db);
}
