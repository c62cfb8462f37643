// Questions: one row per question (analytics_questions: when it was asked, first answered,
// accepted), and those moments counted per UTC day and space (analytics_question_days), which
// the knowledge dashboard sums instead of reading every question of a period.
//
// A batch can change a question's moments in any direction (an answer found earlier, an
// acceptance withdrawn), so the day counts follow by difference: the questions the batch
// touches are counted out of the day table as they were, merged, then counted in as they are.
// A rebuild counts every question once at its end (`countAllQuestions`).

import { type RawBuilder, sql } from 'kysely';
import type { Trx } from './apply.ts';

type Sql = RawBuilder<unknown>;

const ASKED = sql`b.verb = 'question.asked' AND b.object_id IS NOT NULL`;
const ANSWERED = sql`b.verb = 'question.answered' AND b.data->>'postId' IS NOT NULL`;
const DECIDED = sql`b.verb IN ('question.answer_accepted', 'question.answer_unaccepted') AND b.object_id IS NOT NULL`;

/** The day counts of the questions `q` matching `where`: their asking, first answer and acceptance, each on its UTC day. */
function counts(where: Sql): Sql {
  const day = (column: string) => sql`(${sql.ref(`q.${column}`)} AT TIME ZONE 'UTC')::date`;
  return sql`
    SELECT x.day, x.space_id, sum(x.asked)::int AS asked, sum(x.answered)::int AS answered,
      sum(x.accepted)::int AS accepted
    FROM (
      SELECT ${day('asked_at')} AS day, q.space_id, 1 AS asked, 0 AS answered, 0 AS accepted
      FROM analytics_questions q WHERE ${where}
      UNION ALL
      SELECT ${day('first_answer_at')}, q.space_id, 0, 1, 0
      FROM analytics_questions q WHERE ${where} AND q.first_answer_at IS NOT NULL
      UNION ALL
      SELECT ${day('accepted_at')}, q.space_id, 0, 0, 1
      FROM analytics_questions q WHERE ${where} AND q.accepted_at IS NOT NULL
    ) x
    GROUP BY 1, 2`;
}

/** Adds `sign` × the rows `c` of `source` (day, space_id, asked, answered, accepted) to analytics_question_days. */
async function add(db: Trx, sign: 1 | -1, source: Sql): Promise<void> {
  await sql`
    INSERT INTO analytics_question_days AS t (day, space_id, asked, answered, accepted)
    SELECT c.day, c.space_id, ${sign} * c.asked, ${sign} * c.answered, ${sign} * c.accepted FROM ${source}
    ON CONFLICT ON CONSTRAINT analytics_question_days_key DO UPDATE
      SET asked = t.asked + excluded.asked, answered = t.answered + excluded.answered,
        accepted = t.accepted + excluded.accepted`.execute(db);
}

/** After a rebuild: every question counted once into the (emptied) day table. */
export function countAllQuestions(db: Trx): Promise<void> {
  return add(db, 1, sql`(${counts(sql`true`)}) c`);
}

/**
 * Questions of the batch: a question.asked adds the question, answers move its first answer
 * earlier, and the latest acceptance decision (accept or withdraw) wins over earlier ones,
 * whichever batch brought them. Outside a rebuild (`fresh`), the day counts follow.
 */
export async function mergeQuestions(db: Trx, fresh: boolean): Promise<void> {
  const touched = sql`q.post_id IN (SELECT t.post_id FROM analytics_batch_questions t)`;
  if (!fresh) {
    await sql`DROP TABLE IF EXISTS analytics_batch_questions`.execute(db);
    await sql`
      CREATE TEMPORARY TABLE analytics_batch_questions ON COMMIT DROP AS
      SELECT DISTINCT x.post_id FROM (
        SELECT (CASE WHEN ${ASKED} OR ${DECIDED} THEN b.object_id WHEN ${ANSWERED} THEN b.data->>'postId' END)::uuid
          AS post_id
        FROM analytics_batch b WHERE ${ASKED} OR ${ANSWERED} OR ${DECIDED}
      ) x`.execute(db);
    // Their counts as they are, taken out now and kept to find the rows left at zero.
    await sql`DROP TABLE IF EXISTS analytics_batch_question_days`.execute(db);
    await sql`CREATE TEMPORARY TABLE analytics_batch_question_days ON COMMIT DROP AS ${counts(touched)}`.execute(
      db,
    );
    await add(db, -1, sql`analytics_batch_question_days c`);
  }
  await sql`
    INSERT INTO analytics_questions AS t (post_id, space_id, asker_id, asked_at)
    SELECT DISTINCT ON (b.object_id) (CASE WHEN ${ASKED} THEN b.object_id END)::uuid, b.space_id, b.actor_id, b.at
    FROM analytics_batch b WHERE ${ASKED}
    ORDER BY b.object_id, b.at, b.id
    ON CONFLICT (post_id) DO UPDATE
      SET space_id = excluded.space_id, asker_id = excluded.asker_id, asked_at = excluded.asked_at`.execute(
    db,
  );
  await sql`
    UPDATE analytics_questions q
    SET first_answer_at = LEAST(q.first_answer_at, a.first_at)
    FROM (
      SELECT (CASE WHEN ${ANSWERED} THEN b.data->>'postId' END)::uuid AS post_id, min(b.at) AS first_at
      FROM analytics_batch b WHERE ${ANSWERED}
      GROUP BY 1
    ) a
    WHERE q.post_id = a.post_id`.execute(db);
  await sql`
    UPDATE analytics_questions q
    SET accepted_at = CASE WHEN l.verb = 'question.answer_accepted' THEN l.at END, decided_at = l.at
    FROM (
      SELECT DISTINCT ON (b.object_id) (CASE WHEN ${DECIDED} THEN b.object_id END)::uuid AS post_id, b.verb, b.at
      FROM analytics_batch b WHERE ${DECIDED}
      ORDER BY b.object_id, b.at DESC, b.id DESC
    ) l
    WHERE q.post_id = l.post_id AND (q.decided_at IS NULL OR q.decided_at <= l.at)`.execute(db);
  if (fresh) return;
  await add(db, 1, sql`(${counts(touched)}) c`);
  // A day that no longer counts anything has no row, as after a rebuild.
  await sql`
    DELETE FROM analytics_question_days t USING analytics_batch_question_days c
    WHERE t.day = c.day AND t.space_id IS NOT DISTINCT FROM c.space_id
      AND t.asked = 0 AND t.answered = 0 AND t.accepted = 0`.execute(db);
}
