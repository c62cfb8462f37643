// The WebSocket protocol between the web app and /api/v1/live. The server authenticates
// the socket with the session cookie (and checks Origin), then sends JSON messages.
// Events carry ids only; the client fetches what it needs through the API, which applies
// the visibility rule again. After a reconnect the client catches up through the feeds'
// `newerThan` parameter and the notifications list, so nothing sent while it was away is lost.
import { z } from 'zod';

export const LIVE_PATH = '/api/v1/live';

export const LiveMessage = z.discriminatedUnion('type', [
  /** First message after the upgrade. */
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('post'),
    action: z.enum(['created', 'updated', 'deleted']),
    postId: z.string(),
    spaceId: z.string().nullable(),
    authorId: z.string(),
  }),
  z.object({
    type: z.literal('comment'),
    action: z.enum(['created', 'updated', 'deleted']),
    postId: z.string(),
    commentId: z.string(),
  }),
  /** Counts changed on a post: reactions, poll results, acknowledgements. */
  z.object({ type: z.literal('post-counts'), postId: z.string() }),
  z.object({ type: z.literal('notification'), notificationId: z.string(), unreadCount: z.number() }),
  /** The viewer joined or lost a space: refetch spaces and feeds. */
  z.object({ type: z.literal('membership'), spaceId: z.string() }),
]);
export type LiveMessage = z.infer<typeof LiveMessage>;
