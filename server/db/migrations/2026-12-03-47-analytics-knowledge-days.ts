// Analytics at 50 million events (issue 6, fourth pass): two day tables for the knowledge
// dashboard, which read ~360,000 questions (three times) and ~195,000 page bitmaps per load
// at bench scale.
// - analytics_question_days: questions asked, first answered and accepted per UTC day and
//   space (rollups/questions.ts).
// - analytics_page_reuse_days: pages read by others per day, with the day each was read
//   before (rollups/pages.ts): the pages read over a period are summed from it.
// Both are roll-ups of roll-ups (analytics_questions, analytics_page_reads), kept by the same
// steps of the refresh, so they are filled here from those tables: no rebuild is needed
// after upgrading.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE analytics_question_days (
      day date NOT NULL,
      -- NULL: questions asked outside any space.
      space_id uuid,
      asked integer NOT NULL DEFAULT 0,
      answered integer NOT NULL DEFAULT 0,
      accepted integer NOT NULL DEFAULT 0,
      CONSTRAINT analytics_question_days_key UNIQUE NULLS NOT DISTINCT (day, space_id)
    );
    INSERT INTO analytics_question_days (day, space_id, asked, answered, accepted)
    SELECT x.day, x.space_id, sum(x.asked), sum(x.answered), sum(x.accepted)
    FROM (
      SELECT (asked_at AT TIME ZONE 'UTC')::date AS day, space_id, 1 AS asked, 0 AS answered, 0 AS accepted
      FROM analytics_questions
      UNION ALL
      SELECT (first_answer_at AT TIME ZONE 'UTC')::date, space_id, 0, 1, 0
      FROM analytics_questions WHERE first_answer_at IS NOT NULL
      UNION ALL
      SELECT (accepted_at AT TIME ZONE 'UTC')::date, space_id, 0, 0, 1
      FROM analytics_questions WHERE accepted_at IS NOT NULL
    ) x
    GROUP BY 1, 2;

    CREATE TABLE analytics_page_reuse_days (
      day date NOT NULL,
      -- The day the page was read before, NULL for its first read.
      prev_day date,
      n integer NOT NULL,
      CONSTRAINT analytics_page_reuse_days_key UNIQUE NULLS NOT DISTINCT (day, prev_day)
    );
    INSERT INTO analytics_page_reuse_days (day, prev_day, n)
    SELECT r.day, r.prev_day, count(*)
    FROM (
      SELECT d.day, lag(d.day) OVER (PARTITION BY d.page_id ORDER BY d.day) AS prev_day
      FROM (
        SELECT pr.page_id, pr.first_day + (i - 1) AS day
        FROM analytics_page_reads pr CROSS JOIN LATERAL generate_series(1, length(pr.days)) i
        WHERE substring(pr.days FROM i FOR 1) = B'1'
      ) d
    ) r
    GROUP BY 1, 2;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE analytics_page_reuse_days; DROP TABLE analytics_question_days;').execute(db);
}
