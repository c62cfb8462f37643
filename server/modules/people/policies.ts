// Who may see and manage people. Guests (customers, partners) are not colleagues:
// they do not browse the organisation's directory, see others' profiles or endorse.
import type { Role, UserStatus } from '../../db/schema.ts';
import type { Actor } from '../../platform/http/request.ts';

interface Viewer {
  id: string;
  role: Role;
}

export const peoplePolicy = {
  canBrowseDirectory: (actor: Viewer) => actor.role !== 'guest',
  canManageAccounts: (actor: Actor) => actor.role === 'admin',
  /**
   * Colleagues see every profile (a guest's too: who is this customer?); a guest sees their
   * own, and the people who share an external space with them — name, photo and job title only.
   */
  canSeeProfile: (actor: Viewer, personId: string, sharesSpace = false) =>
    actor.role !== 'guest' || actor.id === personId || sharesSpace,
  seesFullProfile: (actor: Viewer, personId: string) => actor.role !== 'guest' || actor.id === personId,
  canEndorse: (actor: Viewer, person: { id: string; role: Role; status: UserStatus }) =>
    actor.role !== 'guest' && person.role !== 'guest' && person.status === 'active' && actor.id !== person.id,
};
