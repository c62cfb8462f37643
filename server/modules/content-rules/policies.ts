// Who governs content rules: administrators, for the organisation and for every space.
import type { Actor } from '../../platform/http/request.ts';

export const contentRulesPolicy = {
  canManage: (actor: Actor) => actor.role === 'admin',
};
