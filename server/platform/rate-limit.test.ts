import { describe, expect, it } from 'vitest';
import { OffsetClock } from './clock.ts';
import { enforce, MemoryRateLimiter } from './rate-limit.ts';

const rule = { name: 'test', limit: 3, windowSeconds: 60 };

describe('MemoryRateLimiter', () => {
  it('allows the limit, then asks to wait until the window ends', async () => {
    const clock = new OffsetClock();
    const limiter = new MemoryRateLimiter(clock);
    for (let i = 0; i < 3; i++) expect(await limiter.hit(rule, 'k')).toBe(0);
    const wait = await limiter.hit(rule, 'k');
    expect(wait).toBeGreaterThan(55);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await limiter.hit(rule, 'other')).toBe(0);
    clock.advance(61_000);
    expect(await limiter.hit(rule, 'k')).toBe(0);
  });

  it('forgets a key on reset', async () => {
    const limiter = new MemoryRateLimiter(new OffsetClock());
    for (let i = 0; i < 4; i++) await limiter.hit(rule, 'k');
    await limiter.reset(rule, 'k');
    expect(await limiter.hit(rule, 'k')).toBe(0);
  });

  it('enforce throws a 429 carrying Retry-After', async () => {
    const limiter = new MemoryRateLimiter(new OffsetClock());
    for (let i = 0; i < 3; i++) await enforce(limiter, [[rule, 'k']]);
    await expect(enforce(limiter, [[rule, 'k']])).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
    });
  });
});
