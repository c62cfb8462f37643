// Who does what in the ambassador programme. Communication managers are the administrators
// (a separate grant is not there yet); every employee may join and share; guests of external
// spaces are not employees and see nothing of it.
import type { Actor } from '../../platform/http/request.ts';

export const ambassadorsPolicy = {
  canManage: (actor: Actor) => actor.role === 'admin',
  canTakePart: (actor: Actor) => actor.role !== 'guest',
};
