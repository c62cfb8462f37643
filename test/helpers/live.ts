// A real WebSocket client of /api/v1/live, signed in with a TestClient's cookies.
import WebSocket from 'ws';
import type { LiveMessage } from '../../common/live.ts';
import { LIVE_PATH } from '../../common/live.ts';
import type { TestClient } from './client.ts';

export interface LiveClient {
  messages: LiveMessage[];
  /** Resolves with the first message (already received or to come) that matches. */
  next(match: (m: LiveMessage) => boolean, timeoutMs?: number): Promise<LiveMessage>;
  closed: Promise<number>;
  close(): void;
}

export function openLive(client: TestClient, options: { origin?: string } = {}): Promise<LiveClient> {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const ws = new WebSocket(client.baseUrl.replace(/^http/, 'ws') + LIVE_PATH, {
    headers: { cookie, origin: options.origin ?? client.baseUrl, 'x-forwarded-for': client.ip },
  });
  const messages: LiveMessage[] = [];
  const waiters: { match: (m: LiveMessage) => boolean; resolve: (m: LiveMessage) => void }[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as LiveMessage;
    messages.push(message);
    for (const w of [...waiters]) {
      if (w.match(message)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(message);
      }
    }
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const live: LiveClient = {
    messages,
    next(match, timeoutMs = 3000) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('No matching live message in time')), timeoutMs);
        waiters.push({
          match,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
    closed,
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
    // Ready once the server said so: it listens to every channel by then.
    live.next((m) => m.type === 'ready', 5000).then(() => resolve(live), reject);
  });
}
