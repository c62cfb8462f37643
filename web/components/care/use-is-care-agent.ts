import { useSignedIn } from '../../app/signed-in-context.ts';

/**
 * Whether to offer the customer-care pages: administrators and care agents. Only a
 * convenience — every care route checks the grant on the server.
 */
export function useIsCareAgent(): boolean {
  const { user } = useSignedIn();
  if (user.role === 'guest') return false;
  return user.role === 'admin' || user.careAgent;
}
