// The organisation's choice of what erasing a person does with what they wrote. Changing it
// is a policy decision, so it is audited with before and after.
import type { AppContext } from '../../context.ts';
import type { ErasureContent } from '../../db/schema.ts';
import { audit, type RequestMeta } from '../../platform/audit.ts';
import { type Actor, actorRef } from '../../platform/http/request.ts';
import { inTransaction } from '../../platform/transaction.ts';

export async function erasureContent(ctx: AppContext): Promise<ErasureContent> {
  const row = await ctx.db.selectFrom('organisation').select('erasure_content').executeTakeFirst();
  return row?.erasure_content ?? 'keep';
}

export function setErasureContent(
  ctx: AppContext,
  input: { actor: Actor; value: ErasureContent; meta: RequestMeta },
) {
  return inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('organisation')
      .select('erasure_content')
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (before.erasure_content === input.value) return input.value;
    await tx.db.updateTable('organisation').set({ erasure_content: input.value }).execute();
    await audit(tx.db, {
      action: 'privacy.settings_changed',
      actor: actorRef(input.actor),
      target: { type: 'organisation', id: null },
      before: { erasureContent: before.erasure_content },
      after: { erasureContent: input.value },
      meta: input.meta,
      at: tx.now,
    });
    return input.value;
  });
}
