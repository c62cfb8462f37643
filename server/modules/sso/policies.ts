import type { Actor } from '../../platform/http/request.ts';

export const ssoPolicy = {
  canManage: (actor: Actor) => actor.role === 'admin',
};
