import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, LiveConnection, liveUrl, parseLiveMessage } from './live.ts';

class FakeSocket {
  static all: FakeSocket[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: unknown) {
    this.onmessage?.({ data });
  }
  close() {
    this.closed = true;
    this.onclose?.();
  }
}

describe('live connection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  it('backs off from one second to at most thirty, with jitter', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, () => 0.5)).toBe(8000);
    expect(backoffDelay(20, () => 0.5)).toBe(30_000);
    expect(backoffDelay(0, () => 0)).toBe(750);
    expect(backoffDelay(0, () => 1)).toBe(1250);
  });

  it('ignores what it does not understand', () => {
    expect(parseLiveMessage('not json')).toBeNull();
    expect(parseLiveMessage(JSON.stringify({ type: 'nope' }))).toBeNull();
    expect(parseLiveMessage(JSON.stringify({ type: 'post-counts', postId: 'p' }))).toEqual({
      type: 'post-counts',
      postId: 'p',
    });
  });

  it('builds ws and wss addresses', () => {
    expect(liveUrl({ protocol: 'https:', host: 'trame.example' })).toBe('wss://trame.example/api/v1/live');
    expect(liveUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/api/v1/live');
  });

  it('delivers messages, reconnects after a loss and says so once it is back', () => {
    const live = new LiveConnection(
      'ws://x/api/v1/live',
      (url) => new FakeSocket(url) as unknown as WebSocket,
    );
    const messages: string[] = [];
    let reconnected = 0;
    live.subscribe({ message: (m) => messages.push(m.type), reconnected: () => reconnected++ });
    live.start();
    const first = FakeSocket.all[0]!;
    first.send(JSON.stringify({ type: 'ready' }));
    expect(live.status).toBe('open');
    expect(reconnected).toBe(0);
    first.send(JSON.stringify({ type: 'post-counts', postId: 'p' }));
    expect(messages).toEqual(['post-counts']);

    first.onclose?.();
    expect(live.status).toBe('closed');
    vi.advanceTimersByTime(1300);
    const second = FakeSocket.all[1]!;
    second.send(JSON.stringify({ type: 'ready' }));
    expect(reconnected).toBe(1);

    live.stop();
    expect(second.closed).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(2);
  });
});
