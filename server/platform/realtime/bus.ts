// The event bus between commands (publishers) and WebSocket hubs (subscribers). In one
// process it is a plain in-memory dispatcher; with REDIS_URL, a Redis pub/sub bus (redis-bus.ts)
// carries events between processes, each subscribing only to the channels its clients need.
import type { LiveEvent } from './events.ts';
import { channelOf } from './events.ts';

export type Listener = (event: LiveEvent) => void;

export interface Bus {
  publish(event: LiveEvent): Promise<void>;
  /** Listen on one channel; returns the function that stops listening. */
  subscribe(channel: string, listener: Listener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export class MemoryBus implements Bus {
  readonly #listeners = new Map<string, Set<Listener>>();

  async publish(event: LiveEvent): Promise<void> {
    const listeners = this.#listeners.get(channelOf(event));
    if (!listeners) return;
    for (const listener of [...listeners]) listener(event);
  }

  async subscribe(channel: string, listener: Listener): Promise<() => Promise<void>> {
    let set = this.#listeners.get(channel);
    if (!set) {
      set = new Set();
      this.#listeners.set(channel, set);
    }
    set.add(listener);
    return async () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(channel);
    };
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }
}
