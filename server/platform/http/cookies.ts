// Cookie names and flags in one place. Over https the names take the __Host- prefix,
// which browsers only accept with Secure, Path=/ and no Domain: a sibling subdomain
// cannot plant or overwrite them.
import type {} from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';

export function cookieNames(config: Pick<Config, 'secureCookies'>) {
  const prefix = config.secureCookies ? '__Host-' : '';
  return { session: `${prefix}trame_session`, csrf: `${prefix}trame_csrf` };
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  reply.setCookie(cookieNames(config).session, token, {
    path: '/',
    httpOnly: true,
    // Lax, not Strict: following an emailed link to Trame must keep the person signed in.
    // Cross-site writes are stopped by the CSRF token, not by this flag alone.
    sameSite: 'lax',
    secure: config.secureCookies,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(cookieNames(config).session, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  });
}

export function setCsrfCookie(reply: FastifyReply, config: Config, token: string): void {
  // Readable by our own script (it echoes it in X-CSRF-Token); Strict so it never rides along cross-site.
  reply.setCookie(cookieNames(config).csrf, token, {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure: config.secureCookies,
  });
}
