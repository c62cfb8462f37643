// Legal holds: while one is active on a person or a space, nothing it covers may be deleted
// by retention — nor by personal-data erasure, which should adopt `isUnderLegalHold` and
// `postHeldSql` rather than restating the rule.
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type DbLike = Kysely<Database> | Transaction<Database>;

/**
 * SQL condition: the post whose id, author and space are these columns is held — an active
 * hold on its space, on its author, or on the author of any of its comments (deleting a
 * post deletes its comments, and a person's hold covers their comments everywhere).
 */
export function postHeldSql(columns: { id: string; authorId: string; spaceId: string }): RawBuilder<boolean> {
  const id = sql.ref(columns.id);
  const author = sql.ref(columns.authorId);
  const space = sql.ref(columns.spaceId);
  return sql<boolean>`EXISTS (
    SELECT 1 FROM legal_holds h
    WHERE h.released_at IS NULL
      AND (h.space_id = ${space} OR h.user_id = ${author}
           OR h.user_id IN (SELECT c.author_id FROM comments c WHERE c.post_id = ${id})))`;
}

/** Whether an active hold covers this person, space or post. */
export async function isUnderLegalHold(
  db: DbLike,
  target: { userId: string } | { spaceId: string } | { postId: string },
): Promise<boolean> {
  if ('postId' in target) {
    const row = await db
      .selectFrom('posts as p')
      .select(postHeldSql({ id: 'p.id', authorId: 'p.author_id', spaceId: 'p.space_id' }).as('held'))
      .where('p.id', '=', target.postId)
      .executeTakeFirst();
    return row?.held ?? false;
  }
  const row = await db
    .selectFrom('legal_holds')
    .select('id')
    .where('released_at', 'is', null)
    .where(
      'userId' in target ? 'user_id' : 'space_id',
      '=',
      'userId' in target ? target.userId : target.spaceId,
    )
    .executeTakeFirst();
  return row !== undefined;
}
