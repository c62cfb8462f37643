// The bus across processes: Redis pub/sub. One connection publishes; one subscribes, to
// exactly the channels this process's connections need (SUBSCRIBE on the first local
// listener, UNSUBSCRIBE after the last), so no process receives the whole organisation's
// traffic. Channel names carry a prefix, so several Trame installations (or test runs)
// can share one Redis.
import { Redis } from 'ioredis';
import type { Bus, Listener } from './bus.ts';
import { channelOf, type LiveEvent } from './events.ts';

export class RedisBus implements Bus {
  readonly #pub: Redis;
  readonly #sub: Redis;
  readonly #listeners = new Map<string, Set<Listener>>();

  constructor(
    url: string,
    private readonly prefix = 'trame:live:',
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.#pub = new Redis(url, { maxRetriesPerRequest: 2 });
    this.#sub = new Redis(url, { maxRetriesPerRequest: 2 });
    this.#pub.on('error', onError);
    this.#sub.on('error', onError);
    this.#sub.on('message', (channel: string, message: string) => {
      const listeners = this.#listeners.get(channel.slice(this.prefix.length));
      if (!listeners) return;
      let event: LiveEvent;
      try {
        event = JSON.parse(message) as LiveEvent;
      } catch (error) {
        this.onError(error);
        return;
      }
      for (const listener of [...listeners]) listener(event);
    });
  }

  async publish(event: LiveEvent): Promise<void> {
    await this.#pub.publish(this.prefix + channelOf(event), JSON.stringify(event));
  }

  async subscribe(channel: string, listener: Listener): Promise<() => Promise<void>> {
    let set = this.#listeners.get(channel);
    if (!set) {
      set = new Set();
      this.#listeners.set(channel, set);
      await this.#sub.subscribe(this.prefix + channel);
    }
    set.add(listener);
    return async () => {
      set.delete(listener);
      if (set.size === 0 && this.#listeners.get(channel) === set) {
        this.#listeners.delete(channel);
        await this.#sub.unsubscribe(this.prefix + channel);
      }
    };
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    this.#sub.disconnect();
    await this.#pub.quit().catch(() => this.#pub.disconnect());
  }
}
