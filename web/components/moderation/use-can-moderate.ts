import { useMySpaces } from '../../api/spaces.ts';
import { useSignedIn } from '../../app/signed-in-context.ts';

/**
 * Whether to offer the Moderation page: administrators, and the owners and moderators of a
 * space. Only a convenience — the server decides what each person may see and do there.
 */
export function useCanModerate(): boolean {
  const { user } = useSignedIn();
  const spaces = useMySpaces();
  if (user.role === 'admin') return true;
  return (spaces.data ?? []).some((space) => space.myRole === 'owner' || space.myRole === 'moderator');
}
