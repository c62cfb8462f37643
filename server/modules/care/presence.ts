// Who has a conversation open: each agent's page sends a heartbeat every few seconds (and
// whether they are writing); the conversation shows the other agents seen in the last
// minute, so two agents do not answer the same customer at once. A heartbeat is not an
// action: it writes no activity.
import type { AppContext } from '../../context.ts';
import { viewersOf } from './queries.ts';

export async function touchPresence(
  ctx: AppContext,
  input: { userId: string; conversationId: string; composing: boolean },
) {
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('care_presence')
    .values({
      conversation_id: input.conversationId,
      user_id: input.userId,
      composing: input.composing,
      seen_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['conversation_id', 'user_id']).doUpdateSet({ composing: input.composing, seen_at: now }),
    )
    .execute();
  return viewersOf(ctx.db, input.conversationId, input.userId, now);
}
