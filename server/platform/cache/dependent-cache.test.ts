import { describe, expect, it } from 'vitest';
import { ChangeFeed } from './changes.ts';
import { DependentCache } from './dependent-cache.ts';

function setUp(maxEntries = 10) {
  const changes = new ChangeFeed();
  changes.setLive(true);
  let now = 1_000;
  const cache = new DependentCache<string>(changes, maxEntries, () => now);
  return { changes, cache, advance: (ms: number) => (now += ms) };
}

describe('DependentCache', () => {
  it('keeps a value until a change names one of its keys, and only that entry goes', async () => {
    const { changes, cache } = setUp();
    await cache.getOrCompute('a', async () => ({ value: 'page of A', dependsOn: ['user:a', 'space:1'] }));
    await cache.getOrCompute('b', async () => ({ value: 'page of B', dependsOn: ['user:b', 'space:2'] }));
    changes.receive('author:x space:1');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('page of B');
  });

  it('never stores a value computed while a change it depends on arrived', async () => {
    const { changes, cache } = setUp();
    const value = await cache.getOrCompute('a', async () => {
      changes.receive('post:42'); // committed while we were reading
      return { value: 'stale?', dependsOn: ['post:42'] };
    });
    expect(value).toBe('stale?'); // the caller still gets what it read…
    expect(cache.get('a')).toBeUndefined(); // …but nobody else will
    await cache.getOrCompute('a', async () => {
      changes.receive('post:7'); // unrelated
      return { value: 'fresh', dependsOn: ['post:42'] };
    });
    expect(cache.get('a')).toBe('fresh');
  });

  it('drops everything, and stores nothing, while change notifications are lost', async () => {
    const { changes, cache } = setUp();
    await cache.getOrCompute('a', async () => ({ value: 'A', dependsOn: ['user:a'] }));
    changes.setLive(false);
    expect(cache.get('a')).toBeUndefined();
    await cache.getOrCompute('a', async () => ({ value: 'A', dependsOn: ['user:a'] }));
    expect(cache.size).toBe(0);
    changes.setLive(true);
    await cache.getOrCompute('a', async () => ({ value: 'A', dependsOn: ['user:a'] }));
    expect(cache.get('a')).toBe('A');
  });

  it('lets an entry expire, and evicts the least recently used when full', async () => {
    const { cache, advance } = setUp(2);
    await cache.getOrCompute('poll', async () => ({ value: 'open poll', dependsOn: [], expiresAt: 1_500 }));
    advance(500);
    expect(cache.get('poll')).toBeUndefined();
    await cache.getOrCompute('a', async () => ({ value: 'A', dependsOn: [] }));
    await cache.getOrCompute('b', async () => ({ value: 'B', dependsOn: [] }));
    cache.get('a');
    await cache.getOrCompute('c', async () => ({ value: 'C', dependsOn: [] }));
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A', undefined, 'C']);
  });

  it('stores nothing when its size is 0', async () => {
    const { cache } = setUp(0);
    await cache.getOrCompute('a', async () => ({ value: 'A', dependsOn: [] }));
    expect(cache.size).toBe(0);
  });
});

describe('ChangeFeed', () => {
  it('lets a transaction wait for its own marker, and gives up (forgetting everything) after a timeout', async () => {
    const changes = new ChangeFeed();
    changes.setLive(true);
    const heard = changes.expect('t1');
    changes.receive('tx:t1');
    await heard.arrived;
    const seq = changes.seq;
    await changes.expect('never', 10).arrived;
    expect(changes.changedSince(seq, new Set(['anything']))).toBe(true);
  });
});
