// The tab's live connection, for any component that wants its messages.
import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import type { LiveConnection, LiveListener, LiveStatus } from '../api/live.ts';

export const LiveContext = createContext<LiveConnection | null>(null);

/** Listen to the live connection while mounted; the latest handlers are always used. */
export function useLive(listener: LiveListener): void {
  const live = useContext(LiveContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    if (!live) return;
    return live.subscribe({
      message: (m) => latest.current.message?.(m),
      reconnected: () => latest.current.reconnected?.(),
      status: (s) => latest.current.status?.(s),
    });
  }, [live]);
}

export function useLiveStatus(): LiveStatus {
  const live = useContext(LiveContext);
  return useSyncExternalStore(
    (notify) => live?.subscribe({ status: notify }) ?? (() => {}),
    () => live?.status ?? 'closed',
  );
}
