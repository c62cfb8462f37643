import type { Actor } from '../../platform/http/request.ts';

export const invitationPolicy = {
  canManage: (actor: Actor) => actor.role === 'admin',
};
