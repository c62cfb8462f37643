// Who may do what with personal data. A person's archive is theirs alone: not even an
// administrator downloads it. Erasure and its setting belong to administrators.
import type { Actor } from '../../platform/http/request.ts';

export const privacyPolicy = {
  canDownloadExport: (actor: Actor, exportRow: { user_id: string }) => exportRow.user_id === actor.id,
  canManageErasure: (actor: Actor) => actor.role === 'admin',
};
