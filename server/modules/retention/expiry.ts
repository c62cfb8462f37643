// Which posts retention would delete now: each post follows the most specific rule (its
// space's, else its space type's, else the organisation's; profile posts the organisation's)
// and is expired when older than that rule's days. The daily job deletes from this list and
// the preview counts it, so what an administrator is shown is what the job does.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, RetentionScope, SpaceType } from '../../db/schema.ts';
import { postHeldSql } from './holds.ts';

type DbLike = Kysely<Database> | Transaction<Database>;

/** The shortest period a rule may set; also lets the query skip recent posts by index. */
export const MIN_KEEP_DAYS = 30;
export const MAX_KEEP_DAYS = 36500;

export interface RuleTarget {
  scope: RetentionScope;
  spaceType: SpaceType | null;
  spaceId: string | null;
}

export function ruleKey(target: RuleTarget): string {
  if (target.scope === 'space_type') return `type:${target.spaceType}`;
  if (target.scope === 'space') return `space:${target.spaceId}`;
  return 'organisation';
}

export interface ExpiredPost {
  id: string;
  rule_key: string;
  space_id: string | null;
  space_name: string | null;
  held: boolean;
}

export interface ExpiryOptions {
  /** Count as if this rule were saved (the preview of a rule being edited). */
  proposed?: RuleTarget & { keepDays: number | null };
  /** Only posts this rule governs. */
  onlyRule?: string;
  /** Leave out held posts (what the job may delete). */
  deletableOnly?: boolean;
  limit?: number;
}

function expiredQuery(now: Date, options: ExpiryOptions) {
  const p = options.proposed;
  const proposedKey = p ? ruleKey(p) : '';
  const earliest = new Date(now.getTime() - MIN_KEEP_DAYS * 86_400_000);
  return sql<ExpiredPost>`
    WITH rules AS (
      SELECT key, scope, space_type, space_id, keep_days FROM retention_rules WHERE key <> ${proposedKey}
      UNION ALL
      SELECT ${proposedKey}::text, ${p?.scope ?? null}::text, ${p?.spaceType ?? null}::text,
             ${p?.spaceId ?? null}::uuid, ${p?.keepDays ?? null}::integer
      WHERE ${p !== undefined}
    ),
    governed AS (
      SELECT p.id, p.author_id, p.space_id, p.created_at, s.name AS space_name,
        coalesce(rs.key, rt.key, ro.key) AS rule_key,
        CASE WHEN rs.key IS NOT NULL THEN rs.keep_days
             WHEN rt.key IS NOT NULL THEN rt.keep_days
             ELSE ro.keep_days END AS keep_days
      FROM posts p
      LEFT JOIN spaces s ON s.id = p.space_id
      LEFT JOIN rules rs ON rs.scope = 'space' AND rs.space_id = p.space_id
      LEFT JOIN rules rt ON rt.scope = 'space_type' AND rt.space_type = s.type
      LEFT JOIN rules ro ON ro.scope = 'organisation'
      WHERE p.created_at < ${earliest}
    ),
    expired AS (
      SELECT g.id, g.rule_key, g.space_id, g.space_name,
        ${postHeldSql({ id: 'g.id', authorId: 'g.author_id', spaceId: 'g.space_id' })} AS held
      FROM governed g
      WHERE g.keep_days IS NOT NULL
        AND g.created_at < ${now}::timestamptz - make_interval(days => g.keep_days)
        AND (${options.onlyRule ?? null}::text IS NULL OR g.rule_key = ${options.onlyRule ?? null}::text)
    )
    SELECT id, rule_key, space_id, space_name, held FROM expired
    WHERE NOT ${options.deletableOnly ?? false} OR NOT held
    ORDER BY id
    LIMIT ${options.limit ?? 1_000_000}`;
}

/** Expired posts (with whether a hold keeps each), by id. */
export async function expiredPosts(
  db: DbLike,
  now: Date,
  options: ExpiryOptions = {},
): Promise<ExpiredPost[]> {
  return (await expiredQuery(now, options).execute(db)).rows;
}

export interface ExpiryCount {
  rule: string;
  spaceId: string | null;
  spaceName: string | null;
  posts: number;
  held: number;
}

/** The same list, counted per rule and space. */
export async function countExpired(
  db: DbLike,
  now: Date,
  options: ExpiryOptions = {},
): Promise<ExpiryCount[]> {
  const inner = expiredQuery(now, { ...options, limit: undefined });
  const rows = await sql<{
    rule_key: string;
    space_id: string | null;
    space_name: string | null;
    posts: string;
    held: string;
  }>`
    SELECT rule_key, space_id, space_name,
      count(*) FILTER (WHERE NOT held) AS posts, count(*) FILTER (WHERE held) AS held
    FROM (${inner}) x GROUP BY rule_key, space_id, space_name ORDER BY rule_key, space_name`.execute(db);
  return rows.rows.map((r) => ({
    rule: r.rule_key,
    spaceId: r.space_id,
    spaceName: r.space_name,
    posts: Number(r.posts),
    held: Number(r.held),
  }));
}
