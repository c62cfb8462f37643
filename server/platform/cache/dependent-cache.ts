// A bounded in-process cache whose entries name the change keys they depend on
// (changes.ts). An entry is dropped when one of its keys changes, or when it expires; a
// value computed while such a change was committing is returned but never stored.
import { type ChangeFeed, EVERYTHING } from './changes.ts';

export interface Computed<V> {
  value: V;
  /** Change keys that make the value stale. */
  dependsOn: Iterable<string>;
  /** Epoch ms after which the value is stale anyway (e.g. a poll closes). */
  expiresAt?: number;
}

interface Entry<V> {
  value: V;
  keys: Set<string>;
  expiresAt: number;
}

export class DependentCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #byKey = new Map<string, Set<string>>();

  constructor(
    private readonly changes: ChangeFeed,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {
    changes.onChange((keys) => {
      for (const key of keys) {
        if (key === EVERYTHING) this.clear();
        else for (const id of [...(this.#byKey.get(key) ?? [])]) this.delete(id);
      }
    });
  }

  get size(): number {
    return this.#entries.size;
  }

  get(id: string): V | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now() || !this.changes.live) {
      this.delete(id);
      return undefined;
    }
    // Least recently used goes first when full: a read moves the entry to the end.
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    return entry.value;
  }

  /** Note this before reading what a value is computed from, and give it to `put`. */
  mark(): number {
    return this.changes.seq;
  }

  /** Keeps a value read since `mark`, unless something it depends on changed meanwhile. */
  put(id: string, since: number, computed: Computed<V>): void {
    const keys = new Set(computed.dependsOn);
    if (this.maxEntries > 0 && !this.changes.changedSince(since, keys)) this.#store(id, computed, keys);
  }

  /** The cached value, or one computed now (and kept if nothing it depends on moved meanwhile). */
  async getOrCompute(id: string, compute: () => Promise<Computed<V>>): Promise<V> {
    const hit = this.get(id);
    if (hit !== undefined) return hit;
    const since = this.mark();
    const computed = await compute();
    this.put(id, since, computed);
    return computed.value;
  }

  delete(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#entries.delete(id);
    for (const key of entry.keys) {
      const ids = this.#byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.#byKey.delete(key);
    }
  }

  clear(): void {
    this.#entries.clear();
    this.#byKey.clear();
  }

  #store(id: string, computed: Computed<V>, keys: Set<string>): void {
    this.delete(id);
    if ((computed.expiresAt ?? Infinity) <= this.now()) return;
    while (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
    this.#entries.set(id, { value: computed.value, keys, expiresAt: computed.expiresAt ?? Infinity });
    for (const key of keys) {
      let ids = this.#byKey.get(key);
      if (!ids) {
        ids = new Set();
        this.#byKey.set(key, ids);
      }
      ids.add(id);
    }
  }
}

/** One cache per application context (each test server has its own), made on first use. */
export function perContext<C extends object, V>(
  make: (ctx: C) => DependentCache<V>,
): (ctx: C) => DependentCache<V> {
  const caches = new WeakMap<C, DependentCache<V>>();
  return (ctx) => {
    let cache = caches.get(ctx);
    if (!cache) {
      cache = make(ctx);
      caches.set(ctx, cache);
    }
    return cache;
  };
}
