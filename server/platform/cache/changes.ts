// What changed in the database, as the database itself reports it: triggers send keys on
// the `trame_changes` channel at commit (see migration 2026-12-02-01), and every process
// listens. In-process caches drop what those keys make stale, whoever wrote the change.
//
// While the listening connection is down, changes may be missed: caches are then cleared
// and bypassed until it is back. A small log of recent changes lets a cache refuse to
// store a value computed while a change it depends on was committing.
export const CHANGES_CHANNEL = 'trame_changes';

/** The key that stands for "everything": sent when changes may have been missed. */
export const EVERYTHING = '*';

type Listener = (keys: readonly string[]) => void;

const LOG_SIZE = 4096;

export class ChangeFeed {
  #seq = 0;
  #live = false;
  readonly #log: { seq: number; keys: readonly string[] }[] = [];
  readonly #listeners = new Set<Listener>();
  readonly #waiting = new Map<string, () => void>();

  /** Number of changes seen; a cache notes it before it reads the database. */
  get seq(): number {
    return this.#seq;
  }

  /** Whether caches may be used: the feed is listening and has missed nothing since. */
  get live(): boolean {
    return this.#live;
  }

  onChange(listener: Listener): void {
    this.#listeners.add(listener);
  }

  /** Whether a change seen after `since` names one of `keys` (or we cannot tell). */
  changedSince(since: number, keys: ReadonlySet<string>): boolean {
    if (!this.#live) return true;
    if (since === this.#seq) return false;
    const oldest = this.#log[0];
    if (!oldest || oldest.seq > since + 1) return true;
    for (let i = this.#log.length - 1; i >= 0 && this.#log[i]!.seq > since; i--) {
      for (const key of this.#log[i]!.keys) if (key === EVERYTHING || keys.has(key)) return true;
    }
    return false;
  }

  /** The keys a transaction of this process noted (trame.changes), once it has committed. */
  committed(keys: string): void {
    this.#record(keys.split(' ').filter(Boolean));
  }

  /** A notification payload: space-separated keys, or a marker `tx:<token>` (see `expect`). */
  receive(payload: string): void {
    if (payload.startsWith('tx:')) {
      this.#waiting.get(payload.slice(3))?.();
      return;
    }
    this.#record(payload.split(' ').filter(Boolean));
  }

  /** The listening connection is up (true) or lost (false); either way, forget everything. */
  setLive(live: boolean): void {
    this.#live = live;
    this.#record([EVERYTHING]);
    if (!live) for (const resolve of this.#waiting.values()) resolve();
  }

  /**
   * Waits for the marker `tx:<token>`, sent after other writes have committed: once it has
   * arrived, their changes have reached this process's caches. Call before sending it
   * (embedded, it arrives while the sending statement runs); `cancel` if sending fails.
   */
  expect(token: string, timeoutMs = 2000): { arrived: Promise<void>; cancel(): void } {
    let done = () => {};
    const arrived = new Promise<void>((resolve) => {
      if (!this.#live) return resolve();
      // Never wait forever on a lost notification: treat it as a lost connection would be.
      const timer = setTimeout(() => {
        this.#record([EVERYTHING]);
        done();
      }, timeoutMs);
      done = () => {
        clearTimeout(timer);
        this.#waiting.delete(token);
        resolve();
      };
      this.#waiting.set(token, done);
    });
    return { arrived, cancel: () => done() };
  }

  #record(keys: readonly string[]): void {
    this.#seq++;
    this.#log.push({ seq: this.#seq, keys });
    if (this.#log.length > LOG_SIZE) this.#log.shift();
    for (const listener of this.#listeners) listener(keys);
  }
}
