// Who does what with ideas. The campaign lives in one space, and the visibility rule of
// spaces decides who sees it and may take part (guests of an external space included).
// Campaigns are opened, edited and closed by the space's owners or an administrator; evaluators (status
// changes, scores, internal notes, merges, the report) are the space's owners and
// moderators, and administrators — never a guest.
import { canReadSpace, type Membership, type SpaceFacts, type Viewer } from '../spaces/visibility.ts';

export interface CampaignPlace {
  space: SpaceFacts;
  membership: Membership;
}

const managesCampaigns = (viewer: Viewer, place: CampaignPlace) =>
  viewer.role !== 'guest' &&
  (place.membership === 'owner' ||
    (viewer.role === 'admin' && canReadSpace(viewer, place.space, place.membership)));

export const ideasPolicy = {
  canCreateCampaign: managesCampaigns,
  canManageCampaign: managesCampaigns,
  canSee: (viewer: Viewer, place: CampaignPlace) => canReadSpace(viewer, place.space, place.membership),
  canEvaluate: (viewer: Viewer, place: CampaignPlace) =>
    viewer.role !== 'guest' &&
    canReadSpace(viewer, place.space, place.membership) &&
    (place.membership === 'owner' || place.membership === 'moderator' || viewer.role === 'admin'),
};
