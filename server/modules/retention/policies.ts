import type { Actor } from '../../platform/http/request.ts';

// Retention decides what the organisation destroys and what it must keep: administrators only.
export const retentionPolicy = {
  canManage: (actor: Actor) => actor.role === 'admin',
};
