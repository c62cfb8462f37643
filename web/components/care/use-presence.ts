import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../common/api.ts';
import type { CareViewer } from '../../../common/schemas/care.ts';
import { call } from '../../api/client.ts';

/** How often this tab says it still has the conversation open (the server forgets after 60 s). */
export const HEARTBEAT_MS = 15_000;

/**
 * Tells the server this agent has the conversation open — and whether they are writing —
 * now, every HEARTBEAT_MS, and the moment they start or stop writing; returns the other
 * agents the server last said have it open.
 */
export function usePresence(conversationId: string, initial: CareViewer[]) {
  const [viewers, setViewers] = useState<CareViewer[]>(initial);
  const composing = useRef(false);
  const touch = useCallback(async () => {
    try {
      const answer = await call(api.touchCarePresence, {
        params: { id: conversationId },
        body: { composing: composing.current },
      });
      setViewers(answer.viewers);
    } catch {
      // Presence is a courtesy: a missed beat only delays the warning.
    }
  }, [conversationId]);

  useEffect(() => {
    void touch();
    const timer = setInterval(() => void touch(), HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [touch]);

  const setComposing = useCallback(
    (value: boolean) => {
      composing.current = value;
      void touch();
    },
    [touch],
  );
  return { viewers, setComposing };
}
