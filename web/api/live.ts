// The live connection to /api/v1/live. One per signed-in tab: it reconnects with growing,
// jittered delays (so a restarted server is not hit by every tab at once), and tells its
// listeners when it is back so they can catch up on what they missed through the API.
import { LIVE_PATH, LiveMessage } from '../../common/live.ts';

export type LiveStatus = 'connecting' | 'open' | 'closed';

export interface LiveListener {
  message?: (message: LiveMessage) => void;
  /** The connection is open again after having been lost: fetch what was missed. */
  reconnected?: () => void;
  status?: (status: LiveStatus) => void;
}

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/** Delay before reconnect attempt `attempt` (0-based): doubling from 1 s up to 30 s, ±25 % jitter. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** A message from the server, or null if it is not one we understand (ignored, never thrown). */
export function parseLiveMessage(data: unknown): LiveMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed = LiveMessage.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function liveUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${LIVE_PATH}`;
}

type SocketFactory = (url: string) => WebSocket;

export class LiveConnection {
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private everOpen = false;
  private stopped = true;
  private readonly listeners = new Set<LiveListener>();
  status: LiveStatus = 'closed';

  constructor(
    private readonly url: string,
    private readonly createSocket: SocketFactory = (u) => new WebSocket(u),
  ) {}

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
    }
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000);
    this.setStatus('closed');
  }

  private readonly onOnline = () => {
    // Back on the network: try now rather than at the end of a long back-off.
    if (this.status === 'closed' && !this.stopped) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.connect();
    }
  };

  private connect(): void {
    this.setStatus('connecting');
    let socket: WebSocket;
    try {
      socket = this.createSocket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onmessage = (event) => {
      const message = parseLiveMessage(event.data);
      if (!message) return;
      if (message.type === 'ready') {
        const wasLost = this.everOpen;
        this.everOpen = true;
        this.attempt = 0;
        this.setStatus('open');
        if (wasLost) for (const l of this.listeners) l.reconnected?.();
        return;
      }
      for (const l of this.listeners) l.message?.(message);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.setStatus('closed');
      this.scheduleReconnect();
    };
    socket.onerror = () => {
      // A close event always follows; reconnecting is decided there.
    };
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const delay = backoffDelay(this.attempt);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.connect();
    }, delay);
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const l of this.listeners) l.status?.(status);
  }
}
