// Every API endpoint, in one table. Grouped by domain; the server registers each one
// with a handler, the web client calls them by name, and /api/openapi.json lists them.
import { z } from 'zod';
// ambassadors
import { ambassadorsApi } from './api/ambassadors.ts';
import { analyticsApi } from './api/analytics.ts';
// care: channels
import { careChannelsApi } from './api/care-channels.ts';
// care: feeds
import { careConnectorApi } from './api/care-connectors.ts';
// care: inbox
import { careInboxApi } from './api/care-inbox.ts';
// care: insight
import { careInsightApi } from './api/care-insight.ts';
import { contentRulesApi } from './api/content-rules.ts';
import { eventsApi } from './api/events.ts';
import { externalApi } from './api/external.ts';
// ideas
import { ideasApi } from './api/ideas.ts';
import { knowledgeApi } from './api/knowledge.ts';
import { moderationApi } from './api/moderation.ts';
import { notificationsApi } from './api/notifications.ts';
import { peopleApi } from './api/people.ts';
import { privacyApi } from './api/privacy.ts';
import { questionsApi } from './api/questions.ts';
import { retentionApi } from './api/retention.ts';
import { searchApi } from './api/search.ts';
import { spacesApi } from './api/spaces.ts';
import { ssoApi } from './api/sso.ts';
import { streamApi } from './api/stream.ts';
import { endpoint } from './endpoint.ts';
import {
  AuditFilter,
  AuditPage,
  AuditQuery,
  AuditVerification,
  OutboxMessageDetail,
  OutboxPage,
  OutboxQuery,
} from './schemas/admin.ts';
import {
  Invitation,
  InvitationAcceptBody,
  InvitationCreateBody,
  InvitationListQuery,
  InvitationPage,
  InvitationPreview,
  InvitationTokenBody,
} from './schemas/invitations.ts';
import {
  AdminUser,
  AdminUserPage,
  AdminUserQuery,
  Directory,
  PeopleQuery,
  PersonPage,
  RoleChangeBody,
} from './schemas/people.ts';
import { Id } from './schemas/primitives.ts';
import {
  Me,
  PasswordChangeBody,
  ResetCompleteBody,
  ResetRequestBody,
  SessionInfo,
  SetupBody,
  SignInBody,
  UpdateMeBody,
} from './schemas/session.ts';

const IdParams = z.object({ id: Id });

export const api = {
  // Session and first-run setup
  getSession: endpoint({
    method: 'GET',
    path: '/api/v1/session',
    operationId: 'getSession',
    tags: ['session'],
    access: 'public',
    summary: 'Who is signed in, and whether the organisation still needs its first-run setup.',
    response: SessionInfo,
  }),
  setup: endpoint({
    method: 'POST',
    path: '/api/v1/setup',
    operationId: 'setup',
    tags: ['session'],
    access: 'public',
    status: 201,
    summary: 'First-run setup: name the organisation and create its first administrator (signs them in).',
    body: SetupBody,
    response: Me,
  }),
  signIn: endpoint({
    method: 'POST',
    path: '/api/v1/auth/sign-in',
    operationId: 'signIn',
    tags: ['auth'],
    access: 'public',
    summary: 'Sign in with email and password; starts a new session.',
    body: SignInBody,
    response: Me,
  }),
  signOut: endpoint({
    method: 'POST',
    path: '/api/v1/auth/sign-out',
    operationId: 'signOut',
    tags: ['auth'],
    access: 'public',
    summary: 'End this session.',
    response: null,
  }),
  signOutEverywhere: endpoint({
    method: 'POST',
    path: '/api/v1/auth/sign-out-everywhere',
    operationId: 'signOutEverywhere',
    tags: ['auth'],
    access: 'signed-in',
    summary: 'End every session of the signed-in account, this one included.',
    response: null,
  }),
  changePassword: endpoint({
    method: 'POST',
    path: '/api/v1/auth/password',
    operationId: 'changePassword',
    tags: ['auth'],
    access: 'signed-in',
    summary: 'Change the password; every other session ends.',
    body: PasswordChangeBody,
    response: null,
  }),
  requestPasswordReset: endpoint({
    method: 'POST',
    path: '/api/v1/auth/password-reset/request',
    operationId: 'requestPasswordReset',
    tags: ['auth'],
    access: 'public',
    status: 202,
    summary:
      'Email a reset link if the address belongs to an active account (the answer is the same either way).',
    body: ResetRequestBody,
    response: null,
  }),
  completePasswordReset: endpoint({
    method: 'POST',
    path: '/api/v1/auth/password-reset/complete',
    operationId: 'completePasswordReset',
    tags: ['auth'],
    access: 'public',
    summary: 'Set a new password with a reset link; every session of the account ends.',
    body: ResetCompleteBody,
    response: null,
  }),

  // The signed-in person
  getMe: endpoint({
    method: 'GET',
    path: '/api/v1/me',
    operationId: 'getMe',
    tags: ['me'],
    access: 'signed-in',
    summary: 'The signed-in account.',
    response: Me,
  }),
  updateMe: endpoint({
    method: 'PATCH',
    path: '/api/v1/me',
    operationId: 'updateMe',
    tags: ['me'],
    access: 'signed-in',
    summary: 'Change own name or language.',
    body: UpdateMeBody,
    response: Me,
  }),

  // Invitations
  listInvitations: endpoint({
    method: 'GET',
    path: '/api/v1/invitations',
    operationId: 'listInvitations',
    tags: ['invitations'],
    access: 'signed-in',
    summary: 'Invitations, newest first (administrators).',
    query: InvitationListQuery,
    response: InvitationPage,
  }),
  createInvitation: endpoint({
    method: 'POST',
    path: '/api/v1/invitations',
    operationId: 'createInvitation',
    tags: ['invitations'],
    access: 'signed-in',
    status: 201,
    summary: 'Invite someone by email; the link is valid 7 days (administrators).',
    body: InvitationCreateBody,
    response: Invitation,
  }),
  resendInvitation: endpoint({
    method: 'POST',
    path: '/api/v1/invitations/:id/resend',
    operationId: 'resendInvitation',
    tags: ['invitations'],
    access: 'signed-in',
    summary: 'Send a fresh link (the old one stops working) valid 7 more days.',
    params: IdParams,
    response: Invitation,
  }),
  revokeInvitation: endpoint({
    method: 'POST',
    path: '/api/v1/invitations/:id/revoke',
    operationId: 'revokeInvitation',
    tags: ['invitations'],
    access: 'signed-in',
    summary: 'Revoke a pending invitation.',
    params: IdParams,
    response: Invitation,
  }),
  previewInvitation: endpoint({
    method: 'POST',
    path: '/api/v1/invitations/preview',
    operationId: 'previewInvitation',
    tags: ['invitations'],
    access: 'public',
    summary: 'What an invitation link is for, before accepting it.',
    body: InvitationTokenBody,
    response: InvitationPreview,
  }),
  acceptInvitation: endpoint({
    method: 'POST',
    path: '/api/v1/invitations/accept',
    operationId: 'acceptInvitation',
    tags: ['invitations'],
    access: 'public',
    status: 201,
    summary: 'Accept an invitation: create the account and sign in.',
    body: InvitationAcceptBody,
    response: Me,
  }),

  // People
  listPeople: endpoint({
    method: 'GET',
    path: '/api/v1/people',
    operationId: 'listPeople',
    tags: ['people'],
    access: 'signed-in',
    summary: 'The directory of active colleagues, by name.',
    query: PeopleQuery,
    response: PersonPage,
  }),
  getDirectory: endpoint({
    method: 'GET',
    path: '/api/v1/people/directory',
    operationId: 'getDirectory',
    tags: ['people'],
    access: 'signed-in',
    summary: 'Departments and sites, to browse the directory by.',
    response: Directory,
  }),

  // Administration of accounts
  listUsers: endpoint({
    method: 'GET',
    path: '/api/v1/users',
    operationId: 'listUsers',
    tags: ['users'],
    access: 'signed-in',
    summary: 'Every account, with role and status (administrators).',
    query: AdminUserQuery,
    response: AdminUserPage,
  }),
  changeRole: endpoint({
    method: 'POST',
    path: '/api/v1/users/:id/role',
    operationId: 'changeRole',
    tags: ['users'],
    access: 'signed-in',
    summary: 'Set an account role: administrator, member or guest (administrators).',
    params: IdParams,
    body: RoleChangeBody,
    response: AdminUser,
  }),
  deactivateUser: endpoint({
    method: 'POST',
    path: '/api/v1/users/:id/deactivate',
    operationId: 'deactivateUser',
    tags: ['users'],
    access: 'signed-in',
    summary: 'Deactivate an account; its sessions end at once (administrators).',
    params: IdParams,
    response: AdminUser,
  }),
  reactivateUser: endpoint({
    method: 'POST',
    path: '/api/v1/users/:id/reactivate',
    operationId: 'reactivateUser',
    tags: ['users'],
    access: 'signed-in',
    summary: 'Reactivate an account (administrators).',
    params: IdParams,
    response: AdminUser,
  }),

  // Administration: outbox and audit log
  listOutbox: endpoint({
    method: 'GET',
    path: '/api/v1/admin/outbox',
    operationId: 'listOutbox',
    tags: ['admin'],
    access: 'signed-in',
    summary: 'Mail Trame sent or would send, newest first (administrators).',
    query: OutboxQuery,
    response: OutboxPage,
  }),
  getOutboxMessage: endpoint({
    method: 'GET',
    path: '/api/v1/admin/outbox/:id',
    operationId: 'getOutboxMessage',
    tags: ['admin'],
    access: 'signed-in',
    summary: 'One message with its text (administrators; reading a sign-in link is audited).',
    params: IdParams,
    response: OutboxMessageDetail,
  }),
  listAudit: endpoint({
    method: 'GET',
    path: '/api/v1/admin/audit',
    operationId: 'listAudit',
    tags: ['admin'],
    access: 'signed-in',
    summary: 'The audit log, newest first, filtered (administrators).',
    query: AuditQuery,
    response: AuditPage,
  }),
  verifyAudit: endpoint({
    method: 'GET',
    path: '/api/v1/admin/audit/verify',
    operationId: 'verifyAudit',
    tags: ['admin'],
    access: 'signed-in',
    summary:
      'Walk the audit log’s hash chain and say whether any record was changed or removed (administrators).',
    response: AuditVerification,
  }),
  exportAudit: endpoint({
    method: 'GET',
    path: '/api/v1/admin/audit/export',
    operationId: 'exportAudit',
    tags: ['admin'],
    access: 'signed-in',
    summary:
      'The audit log as CSV, oldest first, filtered like the list; the export is itself audited (administrators).',
    query: AuditFilter,
    response: null,
    raw: true,
  }),

  ...spacesApi,
  ...streamApi,
  ...notificationsApi,
  ...searchApi,
  ...retentionApi,
  ...questionsApi,
  ...eventsApi,
  ...knowledgeApi,
  ...peopleApi,
  ...contentRulesApi,
  ...ssoApi,
  ...externalApi,
  ...privacyApi,
  ...moderationApi,
  ...ideasApi, // ideas
  ...analyticsApi,
  // care: inbox
  ...careInboxApi,
  // care: feeds
  ...careConnectorApi,
  // care: insight
  ...careInsightApi,
  // care: channels
  ...careChannelsApi,
  // ambassadors
  ...ambassadorsApi,
} as const;

export type Api = typeof api;
export type { AdminUser };
