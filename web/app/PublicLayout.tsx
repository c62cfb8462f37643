import { Outlet } from 'react-router';
import { useSession } from '../api/session.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { SkipLink } from '../components/SkipLink.tsx';

/** The frame of the pages reached without an account: sign in, setup, links from emails. */
export function PublicLayout() {
  const { data: session } = useSession();
  return (
    <div className="app app-public">
      <SkipLink />
      <header className="header header-public">
        <div className="header-inner">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              T
            </span>
            <span className="brand-name">{session?.organisation?.name ?? 'Trame'}</span>
          </span>
          <div className="header-tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main main-narrow">
        <Outlet />
      </main>
    </div>
  );
}
