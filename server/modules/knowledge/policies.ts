// Who may do what with knowledge pages, once their space is readable: its members write and
// edit (a wiki: any member, not only the author); readers of the space read.
import type { Membership } from '../spaces/visibility.ts';

export const knowledgePolicy = {
  canWrite: (membership: Membership, space: { archived_at: Date | null }) =>
    membership !== null && space.archived_at === null,
};
