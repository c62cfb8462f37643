// The session is the root of the app: who is signed in, the organisation, whether the
// first-run setup is still needed. Everything that changes it updates this one query.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn } from '../../common/endpoint.ts';
import type { Me, SessionInfo } from '../../common/schemas/session.ts';
import { call, rememberCsrfToken } from './client.ts';
import { SESSION_KEY } from './query-client.ts';

let signedOutOnPurpose = false;

/** True after the person signed out themselves (so the sign-in page gets no `next`). */
export function wasSignedOutOnPurpose(): boolean {
  return signedOutOnPurpose;
}

export async function fetchSession(): Promise<SessionInfo> {
  const session = await call(api.getSession);
  rememberCsrfToken(session.csrfToken);
  if (session.user) signedOutOnPurpose = false;
  return session;
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
}

function useSetUser() {
  const queryClient = useQueryClient();
  return (user: Me | null) =>
    queryClient.setQueryData<SessionInfo>(SESSION_KEY, (old) => (old ? { ...old, user } : old));
}

export function useSignIn() {
  const queryClient = useQueryClient();
  const setUser = useSetUser();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.signIn>) => call(api.signIn, { body }),
    onSuccess: async (me) => {
      signedOutOnPurpose = false;
      setUser(me);
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.setup>) => call(api.setup, { body }),
    // The organisation only exists now: fetch the whole session before moving on.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  const setUser = useSetUser();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.acceptInvitation>) => call(api.acceptInvitation, { body }),
    onSuccess: async (me) => {
      signedOutOnPurpose = false;
      setUser(me);
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

/** Forget everything cached for the account that just left, keep the session query. */
function useForgetAccount() {
  const queryClient = useQueryClient();
  const setUser = useSetUser();
  return () => {
    signedOutOnPurpose = true;
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    setUser(null);
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  };
}

export function useSignOut() {
  const forget = useForgetAccount();
  return useMutation({ mutationFn: () => call(api.signOut), onSuccess: forget });
}

export function useSignOutEverywhere() {
  const forget = useForgetAccount();
  return useMutation({ mutationFn: () => call(api.signOutEverywhere), onSuccess: forget });
}

export function useUpdateMe() {
  const setUser = useSetUser();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.updateMe>) => call(api.updateMe, { body }),
    onSuccess: (me) => setUser(me),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.changePassword>) => call(api.changePassword, { body }),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.requestPasswordReset>) => call(api.requestPasswordReset, { body }),
  });
}

export function useCompletePasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.completePasswordReset>) => call(api.completePasswordReset, { body }),
    // Every session of that account ended, possibly this one.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
