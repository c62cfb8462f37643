// The campaign and idea a command works on, as the actor may reach them; what they cannot
// see does not exist for them (404), what they see but may not do is refused (403).
import type { AnyDb } from '../../../db/database.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import type { Viewer } from '../../spaces/visibility.ts';
import { ideasPolicy } from '../policies.ts';
import { findCampaign, findIdeaRow } from '../queries.ts';

export async function campaignFor(db: AnyDb, viewer: Viewer, id: string) {
  const found = await findCampaign(db, viewer, id);
  if (!found || !ideasPolicy.canSee(viewer, found.place)) throw notFound('Campaign');
  return found;
}

export async function ideaFor(db: AnyDb, viewer: Viewer, id: string, need: 'see' | 'evaluate' = 'see') {
  const idea = await findIdeaRow(db, viewer.id, id);
  if (!idea) throw notFound('Idea');
  const found = await findCampaign(db, viewer, idea.campaign_id);
  if (!found || !ideasPolicy.canSee(viewer, found.place)) throw notFound('Idea');
  if (need === 'evaluate' && !ideasPolicy.canEvaluate(viewer, found.place))
    throw forbidden('Only the campaign’s evaluators may do this.');
  return { idea, ...found };
}

/** Whether the viewer may read the idea: the same rule as its page (the campaign's space). */
export async function canReadIdea(db: AnyDb, viewer: Viewer, id: string): Promise<boolean> {
  const idea = await db.selectFrom('ideas').select('campaign_id').where('id', '=', id).executeTakeFirst();
  if (!idea) return false;
  const found = await findCampaign(db, viewer, idea.campaign_id);
  return found !== null && ideasPolicy.canSee(viewer, found.place);
}
