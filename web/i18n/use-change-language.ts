// Switching language: at once on screen, remembered on this device, and, when someone is
// signed in, saved to their account so it follows them to other devices.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../common/schemas/primitives.ts';
import type { SessionInfo } from '../../common/schemas/session.ts';
import { SESSION_KEY } from '../api/query-client.ts';
import { useUpdateMe } from '../api/session.ts';
import { storeLocale } from './locale.ts';

export function useChangeLanguage() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const updateMe = useUpdateMe();
  return {
    pending: updateMe.isPending,
    change(locale: Locale) {
      storeLocale(locale);
      void i18n.changeLanguage(locale);
      const session = queryClient.getQueryData<SessionInfo>(SESSION_KEY);
      if (session?.user && session.user.locale !== locale) {
        // Show the new language in the cache now, so the session does not switch it back.
        queryClient.setQueryData<SessionInfo>(SESSION_KEY, { ...session, user: { ...session.user, locale } });
        // If saving fails, the session tells again what the account has.
        updateMe.mutate(
          { locale },
          { onError: () => void queryClient.invalidateQueries({ queryKey: SESSION_KEY }) },
        );
      }
    },
  };
}
