// Adding and removing content rules; each change is audited with the rule as it was.
import type { z } from 'zod';
import { contentRuleKey } from '../../../common/content-rules.ts';
import type { ContentRuleBody } from '../../../common/schemas/content-rules.ts';
import type { AppContext } from '../../context.ts';
import { audit, type RequestMeta } from '../../platform/audit.ts';
import { notFound, ValidationError } from '../../platform/errors.ts';
import { type Actor, actorRef } from '../../platform/http/request.ts';
import { newId } from '../../platform/ids.ts';
import { inTransaction } from '../../platform/transaction.ts';
import { listableSpaceIds } from '../spaces/visibility.ts';

type Body = z.output<typeof ContentRuleBody>;

export async function createContentRule(
  ctx: AppContext,
  input: { actor: Actor; body: Body; meta: RequestMeta },
): Promise<string> {
  const { actor, body, meta } = input;
  return inTransaction(ctx, async (tx) => {
    if (body.spaceId) {
      // A space the administrator may see exists: a secret one they are not in is not theirs to rule.
      const space = await tx.db
        .selectFrom('spaces')
        .select('id')
        .where('id', '=', body.spaceId)
        .where((eb) => eb('spaces.id', 'in', listableSpaceIds(eb as never, actor)))
        .executeTakeFirst();
      if (!space)
        throw new ValidationError([{ field: 'spaceId', reason: 'invalid', message: 'No such space.' }]);
    }
    const termKey = contentRuleKey(body.term);
    const id = newId();
    // The unique indexes settle two administrators adding the same term at once.
    const inserted = await tx.db
      .insertInto('content_rules')
      .values({
        id,
        space_id: body.spaceId,
        term: body.term.trim(),
        term_key: termKey,
        action: body.action,
        note: body.note,
        created_by: actor.id,
        created_at: tx.now,
      })
      .onConflict((oc) =>
        body.spaceId
          ? oc.columns(['space_id', 'term_key']).where('space_id', 'is not', null).doNothing()
          : oc.column('term_key').where('space_id', 'is', null).doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    if (!inserted)
      throw new ValidationError([
        { field: 'term', reason: 'duplicate', message: 'This term has a rule here already.' },
      ]);
    await audit(tx.db, {
      action: 'content_rule.created',
      actor: actorRef(actor),
      target: { type: 'content_rule', id, label: body.term.trim() },
      after: {
        term: body.term.trim(),
        action: body.action,
        note: body.note,
        spaceId: body.spaceId,
      },
      meta,
      at: tx.now,
    });
    return id;
  });
}

export async function deleteContentRule(
  ctx: AppContext,
  input: { actor: Actor; id: string; meta: RequestMeta },
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const rule = await tx.db
      .deleteFrom('content_rules')
      .where('id', '=', input.id)
      .returning(['id', 'term', 'action', 'note', 'space_id'])
      .executeTakeFirst();
    if (!rule) throw notFound('Content rule');
    await audit(tx.db, {
      action: 'content_rule.deleted',
      actor: actorRef(input.actor),
      target: { type: 'content_rule', id: rule.id, label: rule.term },
      before: { term: rule.term, action: rule.action, note: rule.note, spaceId: rule.space_id },
      meta: input.meta,
      at: tx.now,
    });
  });
}
