// Opening a campaign in a space: its owners, or an administrator who may read it.
import type { z } from 'zod';
import type { CampaignCreateBody } from '../../../../common/schemas/ideas.ts';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { canListSpace } from '../../spaces/visibility.ts';
import { loadSpace } from '../../stream/access.ts';
import { ideasPolicy } from '../policies.ts';

export async function createCampaign(
  ctx: AppContext,
  input: { actor: Actor; body: z.output<typeof CampaignCreateBody>; meta: RequestMeta },
): Promise<string> {
  const { actor, body } = input;
  return inTransaction(ctx, async (tx) => {
    const access = await loadSpace(tx.db, actor, body.spaceId);
    if (!access || !canListSpace(actor, access.space, access.membership)) throw notFound('Space');
    if (!ideasPolicy.canCreateCampaign(actor, access))
      throw forbidden('Only the space’s owners or an administrator may open a campaign.');
    const id = newId();
    await tx.db
      .insertInto('idea_campaigns')
      .values({
        id,
        space_id: access.space.id,
        title: body.title,
        description: body.description,
        opens_at: body.opensAt,
        closes_at: body.closesAt,
        criteria: JSON.stringify(body.criteria),
        created_by: actor.id,
        created_at: tx.now,
      })
      .execute();
    await audit(tx.db, {
      action: 'idea_campaign.created',
      actor: actorRef(actor),
      // No title: the audit log is read by administrators, who may not read the space.
      target: { type: 'idea_campaign', id },
      details: { spaceId: access.space.id },
      meta: input.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'idea_campaign.created',
      objectType: 'idea_campaign',
      objectId: id,
      spaceId: access.space.id,
      at: tx.now,
    });
    return id;
  });
}
