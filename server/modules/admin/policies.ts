import type { Actor } from '../../platform/http/request.ts';

export const adminPolicy = {
  canReadOutbox: (actor: Actor) => actor.role === 'admin',
  canReadAudit: (actor: Actor) => actor.role === 'admin',
};
