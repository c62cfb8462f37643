import { Outlet } from 'react-router';
import { NotFoundPage } from '../../routes/NotFoundPage.tsx';
import { useIsCareAgent } from './use-is-care-agent.ts';

/**
 * Every care page sits under this guard: anyone but an agent or an administrator gets the
 * page-not-found page, as the server answers them. The server decides; this spares the
 * pages' code and a useless round trip.
 */
export function CareGuard() {
  return useIsCareAgent() ? <Outlet /> : <NotFoundPage />;
}
