// Endpoints of single sign-on (OpenID Connect).
import { endpoint } from '../endpoint.ts';
import {
  SsoCallbackQuery,
  SsoOptions,
  SsoSettings,
  SsoSettingsBody,
  SsoStartQuery,
  SsoTestResult,
} from '../schemas/sso.ts';

export const ssoApi = {
  getSsoOptions: endpoint({
    method: 'GET',
    path: '/api/v1/auth/sso',
    operationId: 'getSsoOptions',
    tags: ['auth'],
    access: 'public',
    summary: 'Whether single sign-on is offered on the sign-in page, with its button label.',
    response: SsoOptions,
  }),
  startSso: endpoint({
    method: 'GET',
    path: '/api/v1/auth/sso/start',
    operationId: 'startSso',
    tags: ['auth'],
    access: 'public',
    summary:
      'Begin a single sign-on: redirects the browser to the identity provider (PKCE, state and nonce kept server-side for 10 minutes).',
    query: SsoStartQuery,
    response: null,
    raw: true,
  }),
  ssoCallback: endpoint({
    method: 'GET',
    path: '/api/v1/auth/sso/callback',
    operationId: 'ssoCallback',
    tags: ['auth'],
    access: 'public',
    summary:
      'Where the identity provider sends the browser back: checks the state, exchanges the code, verifies the ID token, signs in and redirects to the app (or to the sign-in page with `sso_error`).',
    query: SsoCallbackQuery,
    response: null,
    raw: true,
  }),
  getSsoSettings: endpoint({
    method: 'GET',
    path: '/api/v1/admin/sso',
    operationId: 'getSsoSettings',
    tags: ['admin'],
    access: 'signed-in',
    summary: 'Single sign-on settings; the client secret is only said to be set (administrators).',
    response: SsoSettings,
  }),
  updateSsoSettings: endpoint({
    method: 'PUT',
    path: '/api/v1/admin/sso',
    operationId: 'updateSsoSettings',
    tags: ['admin'],
    access: 'signed-in',
    summary:
      'Change the single sign-on settings; requiring SSO needs a successful connection test of this issuer first (administrators).',
    body: SsoSettingsBody,
    response: SsoSettings,
  }),
  testSsoConnection: endpoint({
    method: 'POST',
    path: '/api/v1/admin/sso/test',
    operationId: 'testSsoConnection',
    tags: ['admin'],
    access: 'signed-in',
    summary:
      "Fetch the saved issuer's discovery document and keys and say what was found or what is wrong (administrators).",
    response: SsoTestResult,
  }),
};
