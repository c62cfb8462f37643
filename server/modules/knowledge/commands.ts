// Writing knowledge pages. Every save writes the page and a numbered revision of the whole
// page in one transaction; an edit names the revision it started from, so two people saving
// at once cannot silently overwrite each other (the second gets 409 and keeps their text).
import type { AppContext } from '../../context.ts';
import { recordActivity } from '../../platform/activity.ts';
import { conflict, forbidden, notFound, ValidationError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/request.ts';
import { newId } from '../../platform/ids.ts';
import { inTransaction, type Tx } from '../../platform/transaction.ts';
import { readablePost, readableSpace } from '../stream/access.ts';
import { knowledgePolicy } from './policies.ts';
import { findPage, findRevision } from './queries.ts';

const invalid = (field: string, message: string) =>
  new ValidationError([{ field, reason: 'invalid', message }]);

/** The parent must be a page of the same space, and not the page itself or below it. */
async function checkParent(tx: Tx, spaceId: string, parentId: string | null, pageId: string | null) {
  if (!parentId) return;
  let current: string | null = parentId;
  for (let depth = 0; current && depth < 50; depth++) {
    if (current === pageId) throw invalid('parentId', 'A page cannot be placed under itself.');
    const row: { space_id: string; parent_id: string | null } | undefined = await tx.db
      .selectFrom('knowledge_pages')
      .select(['space_id', 'parent_id'])
      .where('id', '=', current)
      .executeTakeFirst();
    if (!row || row.space_id !== spaceId) throw invalid('parentId', 'Choose a page of the same space.');
    current = row.parent_id;
  }
}

async function writeRevision(
  tx: Tx,
  page: { id: string; title: string; body: string },
  number: number,
  actor: Actor,
  restoredFrom: number | null = null,
) {
  await tx.db
    .insertInto('knowledge_revisions')
    .values({
      page_id: page.id,
      number,
      title: page.title,
      body: page.body,
      edited_by: actor.id,
      created_at: tx.now,
      restored_from: restoredFrom,
    })
    .execute();
}

export async function createPage(
  ctx: AppContext,
  input: {
    actor: Actor;
    spaceRef: string;
    title: string;
    body: string;
    parentId?: string | null | undefined;
    sourcePostId?: string | null;
  },
): Promise<string> {
  const { actor } = input;
  return inTransaction(ctx, async (tx) => {
    const { space, membership } = await readableSpace(tx.db, actor, input.spaceRef);
    if (!knowledgePolicy.canWrite(membership, space))
      throw forbidden(
        space.archived_at ? 'This space is archived.' : 'Only members write pages in this space.',
      );
    await checkParent(tx, space.id, input.parentId ?? null, null);
    const page = {
      id: newId(),
      space_id: space.id,
      parent_id: input.parentId ?? null,
      title: input.title,
      body: input.body,
      source_post_id: input.sourcePostId ?? null,
      created_by: actor.id,
      created_at: tx.now,
      updated_by: actor.id,
      updated_at: tx.now,
    };
    await tx.db.insertInto('knowledge_pages').values(page).execute();
    await writeRevision(tx, page, 1, actor);
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: input.sourcePostId ? 'knowledge.saved_from_post' : 'knowledge.page_created',
      objectType: 'knowledge_page',
      objectId: page.id,
      spaceId: space.id,
      data: { sourcePostId: input.sourcePostId ?? null },
      at: tx.now,
    });
    return page.id;
  });
}

/** The page, editable by the actor, locked for the transaction. */
async function editable(tx: Tx, actor: Actor, id: string) {
  const row = await findPage(tx.db, actor, id);
  if (!row) throw notFound('Page');
  if (!knowledgePolicy.canWrite(row.my_role ?? null, { archived_at: row.space_archived_at }))
    throw forbidden('Only members of the space edit its pages.');
  const locked = await tx.db
    .selectFrom('knowledge_pages')
    .select(['revision', 'title', 'body', 'parent_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { row, locked };
}

export async function updatePage(
  ctx: AppContext,
  input: {
    actor: Actor;
    id: string;
    title?: string | undefined;
    body?: string | undefined;
    parentId?: string | null | undefined;
    baseRevision: number;
  },
): Promise<void> {
  const { actor } = input;
  await inTransaction(ctx, async (tx) => {
    const { row, locked } = await editable(tx, actor, input.id);
    if (locked.revision !== input.baseRevision)
      throw conflict(
        'conflict',
        'Someone saved this page while you were editing: reload it to see their changes.',
      );
    const next = {
      id: row.id,
      title: input.title ?? locked.title,
      body: input.body ?? locked.body,
      parent_id: input.parentId === undefined ? locked.parent_id : input.parentId,
    };
    if (next.parent_id !== locked.parent_id) await checkParent(tx, row.space_id, next.parent_id, row.id);
    if (next.title === locked.title && next.body === locked.body && next.parent_id === locked.parent_id)
      return;
    const number = locked.revision + 1;
    await tx.db
      .updateTable('knowledge_pages')
      .set({ ...next, revision: number, updated_by: actor.id, updated_at: tx.now })
      .where('id', '=', row.id)
      .execute();
    await writeRevision(tx, next, number, actor);
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'knowledge.page_edited',
      objectType: 'knowledge_page',
      objectId: row.id,
      spaceId: row.space_id,
      data: { revision: number },
      at: tx.now,
    });
  });
}

export async function restoreRevision(
  ctx: AppContext,
  input: { actor: Actor; id: string; number: number },
): Promise<void> {
  const { actor } = input;
  await inTransaction(ctx, async (tx) => {
    const { row, locked } = await editable(tx, actor, input.id);
    const old = await findRevision(tx.db, row.id, input.number);
    if (!old) throw notFound('Revision');
    const number = locked.revision + 1;
    await tx.db
      .updateTable('knowledge_pages')
      .set({ title: old.title, body: old.body, revision: number, updated_by: actor.id, updated_at: tx.now })
      .where('id', '=', row.id)
      .execute();
    await writeRevision(tx, { id: row.id, title: old.title, body: old.body }, number, actor, old.number);
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'knowledge.revision_restored',
      objectType: 'knowledge_page',
      objectId: row.id,
      spaceId: row.space_id,
      data: { restored: old.number, revision: number },
      at: tx.now,
    });
  });
}

/**
 * A question with its accepted answer (or, without one, every answer), or any post with its
 * comments, as a page in the post's space that links back to the post.
 */
export async function saveToKnowledge(
  ctx: AppContext,
  input: { actor: Actor; postId: string; parentId?: string | null | undefined; postUrl: string },
): Promise<string> {
  const { actor } = input;
  const { post } = await readablePost(ctx.db, actor, input.postId);
  if (!post.space_id) throw invalid('id', 'Only a post in a space can be saved to that space’s knowledge.');
  let comments = ctx.db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.body', 'u.name'])
    .where('c.post_id', '=', post.id)
    .where('c.deleted_at', 'is', null)
    // The page is read by the whole space: a hidden or waiting comment is never copied into
    // it, not even the saver's own.
    .where('c.held', 'is', null)
    .orderBy('c.id');
  if (post.accepted_comment_id) comments = comments.where('c.id', '=', post.accepted_comment_id);
  else if (post.title) comments = comments.where('c.parent_id', 'is', null);
  const rows = await comments.execute();
  const author = await ctx.db
    .selectFrom('users')
    .select('name')
    .where('id', '=', post.author_id)
    .executeTakeFirst();
  const title = post.title ?? (post.body.split('\n')[0] ?? '').slice(0, 120).trim();
  const body = [
    post.body,
    `— ${author?.name ?? ''}`,
    ...rows.map((r) => `${r.body}\n\n— ${r.name}`),
    `Source: ${input.postUrl}`,
  ].join('\n\n');
  return createPage(ctx, {
    actor,
    spaceRef: post.space_id,
    title: title || 'Page',
    body,
    parentId: input.parentId,
    sourcePostId: post.id,
  });
}
