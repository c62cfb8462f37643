// Administration: accounts, invitations, the outbox and the audit log.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn, QueryIn } from '../../common/endpoint.ts';
import type { Role } from '../../common/schemas/primitives.ts';
import { call } from './client.ts';

type Filters<Q> = Omit<NonNullable<Q>, 'cursor' | 'limit'>;

export type UserFilters = Filters<QueryIn<typeof api.listUsers>>;
export type InvitationFilters = Filters<QueryIn<typeof api.listInvitations>>;
export type AuditFilters = Filters<QueryIn<typeof api.listAudit>>;

/** Walks the audit chain when asked (a button), not on every visit. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => call(api.verifyAudit) });
}

/** The CSV export's address for these filters (a plain download link). */
export function auditExportUrl(filters: AuditFilters): string {
  const params = new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const query = params.toString();
  return `${api.exportAudit.path}${query ? `?${query}` : ''}`;
}

const PAGE = 25;
const cursor = (page: { nextCursor: string | null }) => page.nextCursor ?? undefined;

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: ['users', filters],
    queryFn: ({ pageParam, signal }) =>
      call(api.listUsers, { query: { ...filters, cursor: pageParam, limit: PAGE }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: cursor,
    placeholderData: keepPreviousData,
  });
}

function useInvalidate(...keys: string[]) {
  const queryClient = useQueryClient();
  return () => Promise.all(keys.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
}

export function useChangeRole() {
  const invalidate = useInvalidate('users', 'audit', 'people');
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) =>
      call(api.changeRole, { params: { id }, body: { role } }),
    onSuccess: invalidate,
  });
}

export function useSetUserActive() {
  const invalidate = useInvalidate('users', 'audit', 'people');
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      call(active ? api.reactivateUser : api.deactivateUser, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useInvitations(filters: InvitationFilters) {
  return useInfiniteQuery({
    queryKey: ['invitations', filters],
    queryFn: ({ pageParam, signal }) =>
      call(api.listInvitations, { query: { ...filters, cursor: pageParam, limit: PAGE }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: cursor,
    placeholderData: keepPreviousData,
  });
}

export function useCreateInvitation() {
  const invalidate = useInvalidate('invitations', 'outbox', 'audit');
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.createInvitation>) => call(api.createInvitation, { body }),
    onSuccess: invalidate,
  });
}

export function useInvitationAction() {
  const invalidate = useInvalidate('invitations', 'outbox', 'audit');
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'resend' | 'revoke' }) =>
      call(action === 'resend' ? api.resendInvitation : api.revokeInvitation, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useOutbox() {
  return useInfiniteQuery({
    queryKey: ['outbox'],
    queryFn: ({ pageParam, signal }) =>
      call(api.listOutbox, { query: { cursor: pageParam, limit: PAGE }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: cursor,
    // Mail leaves in the background: look again while something is still queued.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((message) => message.status === 'queued'))
        ? 3000
        : false,
  });
}

export function useOutboxMessage(id: string) {
  return useQuery({
    queryKey: ['outbox', 'message', id],
    queryFn: ({ signal }) => call(api.getOutboxMessage, { params: { id }, signal }),
    // Reading a message with a sign-in link is audited: read it once per visit, not on every focus.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) =>
      call(api.listAudit, { query: { ...filters, cursor: pageParam, limit: PAGE }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: cursor,
    placeholderData: keepPreviousData,
  });
}
