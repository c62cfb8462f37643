// Sessions: an opaque random token in an HttpOnly cookie; the database keeps only its
// hash. A session ends after SESSION_IDLE_MINUTES without use, SESSION_ABSOLUTE_DAYS
// after sign-in, at sign-out, or when its account is deactivated or changes password.
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import type { AccountRow, SessionRow } from '../../db/schema.ts';
import type { RequestMeta } from '../audit.ts';
import { DependentCache, perContext } from '../cache/dependent-cache.ts';
import { DAY, MINUTE } from '../clock.ts';
import { newId } from '../ids.ts';
import { hashToken, newToken } from '../tokens.ts';
import type { Tx } from '../transaction.ts';

/** last_seen_at is refreshed at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = MINUTE;

export interface NewSession {
  id: string;
  token: string;
  expiresAt: Date;
}

export async function createSession(tx: Tx, userId: string, meta: RequestMeta): Promise<NewSession> {
  const token = newToken();
  const id = newId();
  const expiresAt = new Date(tx.now.getTime() + tx.ctx.config.SESSION_ABSOLUTE_DAYS * DAY);
  await tx.db
    .insertInto('sessions')
    .values({
      id,
      user_id: userId,
      token_hash: hashToken(token),
      created_at: tx.now,
      last_seen_at: tx.now,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 400) ?? null,
    })
    .execute();
  return { id, token, expiresAt };
}

export type ResolvedSession = { session: SessionRow; user: AccountRow };

function findSession(ctx: AppContext, tokenHash: string) {
  return ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select([
      'users.email',
      'users.handle',
      'users.name',
      'users.role',
      'users.status',
      'users.locale',
      'users.password_hash',
      'users.job_title',
      'users.department_id',
      'users.site_id',
      'users.invited_by',
      'users.created_at as user_created_at',
      'users.updated_at',
      'users.last_sign_in_at',
      'users.password_changed_at',
      'users.deactivated_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

type SessionJoin = NonNullable<Awaited<ReturnType<typeof findSession>>>;

// Live sessions by token hash, so a request needs no query to know who sends it. An entry
// goes when the database reports its session ended or its account changed (role, status,
// password, name…), and at the latest when last_seen_at is due for a refresh.
const sessionCache = perContext(
  (ctx: AppContext) =>
    new DependentCache<SessionJoin>(ctx.changes, ctx.config.SESSION_CACHE_ENTRIES, () =>
      ctx.clock.now().getTime(),
    ),
);

/** The live session and active account a cookie token stands for, or null. */
export async function resolveSession(ctx: AppContext, token: string): Promise<ResolvedSession | null> {
  if (token.length < 20 || token.length > 100) return null;
  const tokenHash = hashToken(token);
  const cache = sessionCache(ctx);
  const cached = cache.get(tokenHash);
  if (cached) return resolved(cached);
  const since = cache.mark();
  const row = await findSession(ctx, tokenHash);
  if (!row) return null;
  const now = ctx.clock.now().getTime();
  const idleLimit = row.last_seen_at.getTime() + ctx.config.SESSION_IDLE_MINUTES * MINUTE;
  if (row.status !== 'active' || now >= row.expires_at.getTime() || now >= idleLimit) {
    await endSession(ctx.db, row.id);
    return null;
  }
  if (now - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now) })
      .where('id', '=', row.id)
      .execute();
    row.last_seen_at = new Date(now);
  }
  cache.put(tokenHash, since, {
    value: row,
    dependsOn: [`session:${row.id}`, `user:${row.user_id}`],
    // Back to the database when last_seen_at is due, which also rechecks every expiry.
    expiresAt: Math.min(row.last_seen_at.getTime() + TOUCH_EVERY_MS, row.expires_at.getTime()),
  });
  return resolved(row);
}

function resolved(row: SessionJoin): ResolvedSession {
  const session: SessionRow = {
    id: row.id,
    user_id: row.user_id,
    token_hash: row.token_hash,
    created_at: row.created_at,
    last_seen_at: row.last_seen_at,
    expires_at: row.expires_at,
    ip: row.ip,
    user_agent: row.user_agent,
  };
  const user: AccountRow = {
    id: row.user_id,
    email: row.email,
    handle: row.handle,
    name: row.name,
    role: row.role,
    status: row.status,
    locale: row.locale,
    password_hash: row.password_hash,
    job_title: row.job_title,
    department_id: row.department_id,
    site_id: row.site_id,
    invited_by: row.invited_by,
    created_at: row.user_created_at,
    updated_at: row.updated_at,
    last_sign_in_at: row.last_sign_in_at,
    password_changed_at: row.password_changed_at,
    deactivated_at: row.deactivated_at,
  };
  return { session, user };
}

export async function endSession(db: Db | Tx['db'], sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of an account, except (optionally) the one making the request. */
export async function endAllSessions(
  db: Db | Tx['db'],
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
