import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSignOut, useSignOutEverywhere } from '../api/session.ts';
import { errorMessage } from '../i18n/messages.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/**
 * The signed-in person's menu: a disclosure (button + panel), closed by Escape, by a click
 * elsewhere, or by choosing an item.
 */
export function ProfileMenu({ name, email, userId }: { name: string; email: string; userId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const signOut = useSignOut();
  const signOutEverywhere = useSignOutEverywhere();

  // Following a link inside the menu closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => {
    setOpen(false);
  }, [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onFocusIn = (event: FocusEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [open]);

  const leave = () => navigate('/sign-in', { replace: true });

  return (
    <div className="profile-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="profile-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="profile-menu"
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <span className="profile-menu-name">{name}</span>
        <span className="chevron" aria-hidden="true" />
      </button>
      <div id={panelId} className="profile-menu-panel" hidden={!open}>
        <p className="profile-menu-who">
          <span className="profile-menu-who-name">{name}</span>
          <span className="profile-menu-who-email">{email}</span>
        </p>
        <ul>
          <li>
            <Link to={`/people/${encodeURIComponent(userId)}`}>{t('nav.myProfile')}</Link>
          </li>
          <li>
            <Link to="/bookmarks">{t('nav.bookmarks')}</Link>
          </li>
          <li>
            <Link to="/settings">{t('nav.settings')}</Link>
          </li>
          <li>
            <button
              type="button"
              disabled={signOut.isPending}
              onClick={() => {
                setSignOutError(null);
                signOut.mutate(undefined, {
                  onSuccess: leave,
                  onError: (error) => setSignOutError(errorMessage(t, error)),
                });
              }}
            >
              {signOut.isPending ? t('profile.signingOut') : t('profile.signOut')}
            </button>
          </li>
          <li>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                signOutEverywhere.reset();
                setConfirming(true);
              }}
            >
              {t('profile.signOutEverywhere')}
            </button>
          </li>
        </ul>
        {signOutError ? (
          <p role="alert" className="field-error">
            {signOutError}
          </p>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('profile.signOutEverywhereTitle')}
        confirmLabel={t('profile.signOutEverywhereConfirm')}
        busyLabel={t('profile.signingOut')}
        danger
        busy={signOutEverywhere.isPending}
        error={signOutEverywhere.error ? errorMessage(t, signOutEverywhere.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          signOutEverywhere.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              leave();
            },
          })
        }
      >
        <p>{t('profile.signOutEverywhereText')}</p>
      </ConfirmDialog>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
