// Fixed-window counters keyed by what is being protected (an account, an IP).
// In memory for one process; in Redis when REDIS_URL is set, so every node counts together.
import type { Redis } from 'ioredis';
import type { RateBudget } from '../../common/endpoint.ts';
import type { Clock } from './clock.ts';
import { rateLimited } from './errors.ts';

export interface Rule {
  /** Stable name, part of the key: "sign-in:account". */
  name: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Every state-changing route counts against this budget, per account (per client IP when
 * signed out), on top of any tighter rule of its own (posts, sign-in…): no write route is
 * left for a script to hammer. Generous for a person clicking, small for a loop.
 */
export const WRITE_BUDGET: Rule = { name: 'write:actor', limit: 600, windowSeconds: 60 };

/**
 * The counters one write request spends: the endpoint's own budget when it declares one
 * (per value of a path parameter, plus a per-IP bound), else the general write budget.
 * Tests spend a budget through the same keys.
 */
export function writeChecks(
  budget: RateBudget | undefined,
  who: { actorId: string | null; ip: string; params: Record<string, unknown> },
): [Rule, string][] {
  const actorKey = who.actorId ?? `ip:${who.ip}`;
  if (!budget) return [[WRITE_BUDGET, actorKey]];
  const rule: Rule = { name: budget.name, limit: budget.limit, windowSeconds: budget.windowSeconds };
  if (!budget.perParam) return [[rule, actorKey]];
  const checks: [Rule, string][] = [
    [rule, `${budget.perParam}:${String(who.params[budget.perParam] ?? '')}`],
  ];
  if (budget.perIp)
    checks.push([
      { name: `${budget.name}:ip`, limit: budget.perIp, windowSeconds: budget.windowSeconds },
      `ip:${who.ip}`,
    ]);
  return checks;
}

export interface RateLimiter {
  /** Counts one hit; returns seconds to wait when the limit is exceeded, else 0. */
  hit(rule: Rule, key: string): Promise<number>;
  /** Forgets the count (e.g. after a successful sign-in). */
  reset(rule: Rule, key: string): Promise<void>;
  close(): Promise<void>;
}

export class MemoryRateLimiter implements RateLimiter {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  #lastSweep = 0;
  constructor(private readonly clock: Clock) {}

  async hit(rule: Rule, key: string): Promise<number> {
    const now = this.clock.now().getTime();
    this.#sweep(now);
    const id = `${rule.name}:${key}`;
    let w = this.#windows.get(id);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + rule.windowSeconds * 1000 };
      this.#windows.set(id, w);
    }
    w.count++;
    return w.count > rule.limit ? Math.max(1, Math.ceil((w.resetAt - now) / 1000)) : 0;
  }

  async reset(rule: Rule, key: string): Promise<void> {
    this.#windows.delete(`${rule.name}:${key}`);
  }

  async close(): Promise<void> {}

  #sweep(now: number): void {
    if (now - this.#lastSweep < 60_000) return;
    this.#lastSweep = now;
    for (const [id, w] of this.#windows) if (w.resetAt <= now) this.#windows.delete(id);
  }
}

export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'trame:rl:',
  ) {}

  async hit(rule: Rule, key: string): Promise<number> {
    const id = `${this.prefix}${rule.name}:${key}`;
    const result = await this.redis.multi().incr(id).expire(id, rule.windowSeconds, 'NX').ttl(id).exec();
    const count = Number(result?.[0]?.[1] ?? 0);
    const ttl = Number(result?.[2]?.[1] ?? rule.windowSeconds);
    return count > rule.limit ? Math.max(1, ttl) : 0;
  }

  async reset(rule: Rule, key: string): Promise<void> {
    await this.redis.del(`${this.prefix}${rule.name}:${key}`);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

/** Counts a hit against every rule; throws 429 with Retry-After if any is exceeded. */
export async function enforce(limiter: RateLimiter, checks: [Rule, string][]): Promise<void> {
  let wait = 0;
  for (const [rule, key] of checks) wait = Math.max(wait, await limiter.hit(rule, key));
  if (wait > 0) throw rateLimited(wait);
}
