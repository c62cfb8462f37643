// Opening a campaign in a space, editing it and closing it early: its owners, or an
// administrator who may read it. Each is audited (without the text: administrators read the
// audit log, not necessarily the space) and recorded in the activity log.
import type { z } from 'zod';
import type { CampaignCreateBody, CampaignUpdateBody } from '../../../../common/schemas/ideas.ts';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { conflict, forbidden, notFound, ValidationError } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { canListSpace } from '../../spaces/visibility.ts';
import { loadSpace } from '../../stream/access.ts';
import { ideasPolicy } from '../policies.ts';
import { isOpen } from '../presenters.ts';
import { campaignFor } from './access.ts';

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

const cannotManage = () => forbidden('Only the space’s owners or an administrator may change a campaign.');

export async function updateCampaign(
  ctx: AppContext,
  input: { actor: Actor; id: string; body: z.output<typeof CampaignUpdateBody>; meta: RequestMeta },
): Promise<void> {
  const { actor, body } = input;
  await inTransaction(ctx, async (tx) => {
    const { row, place } = await campaignFor(tx.db, actor, input.id);
    if (!ideasPolicy.canManageCampaign(actor, place)) throw cannotManage();
    const opensAt = body.opensAt ? new Date(body.opensAt) : row.opens_at;
    const closesAt = body.closesAt ? new Date(body.closesAt) : row.closes_at;
    if (closesAt <= opensAt)
      throw new ValidationError([
        { field: 'closesAt', reason: 'invalid', message: 'The campaign must close after it opens.' },
      ]);
    const changed = Object.keys(body).filter((k) => body[k as keyof typeof body] !== undefined);
    if (changed.length === 0) return;
    await tx.db
      .updateTable('idea_campaigns')
      .set({
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.criteria !== undefined ? { criteria: JSON.stringify(body.criteria) } : {}),
        opens_at: opensAt,
        closes_at: closesAt,
      })
      .where('id', '=', row.id)
      .execute();
    await campaignRecords(tx, actor, row.id, row.space_id, 'idea_campaign.updated', input.meta, { changed });
  });
}

/** Closes the campaign to new ideas now; votes, comments and the pipeline go on. */
export async function closeCampaign(
  ctx: AppContext,
  input: { actor: Actor; id: string; meta: RequestMeta },
): Promise<void> {
  const { actor } = input;
  await inTransaction(ctx, async (tx) => {
    const { row, place } = await campaignFor(tx.db, actor, input.id);
    if (!ideasPolicy.canManageCampaign(actor, place)) throw cannotManage();
    if (!isOpen(row, tx.now)) throw conflict('campaign_closed', 'This campaign is not open for ideas.');
    await tx.db.updateTable('idea_campaigns').set({ closed_at: tx.now }).where('id', '=', row.id).execute();
    await campaignRecords(tx, actor, row.id, row.space_id, 'idea_campaign.closed', input.meta, {});
  });
}

async function campaignRecords(
  tx: Tx,
  actor: Actor,
  id: string,
  spaceId: string,
  action: 'idea_campaign.updated' | 'idea_campaign.closed',
  meta: RequestMeta,
  details: Record<string, unknown>,
) {
  await audit(tx.db, {
    action,
    actor: actorRef(actor),
    target: { type: 'idea_campaign', id },
    details: { spaceId, ...details },
    meta,
    at: tx.now,
  });
  await recordActivity(tx.db, {
    actorId: actor.id,
    verb: action,
    objectType: 'idea_campaign',
    objectId: id,
    spaceId,
    at: tx.now,
  });
}
