// Who may see and manage people. Guests (customers, partners) are not colleagues:
// they do not browse the organisation's directory.
import type { Actor } from '../../platform/http/request.ts';

export const peoplePolicy = {
  canBrowseDirectory: (actor: Actor) => actor.role !== 'guest',
  canManageAccounts: (actor: Actor) => actor.role === 'admin',
};
