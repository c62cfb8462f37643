import { plainExcerpt } from '../../../common/rich-text.ts';
import type { Notification, NotificationKind } from '../../../common/schemas/notifications.ts';
import { NOTIFICATION_KINDS } from '../../../common/schemas/notifications.ts';
import { presentSpaceSummary } from '../spaces/summary.ts';
import { presentPersonRef } from '../stream/presenters.ts';
import type { listNotifications } from './queries.ts';

type Row = Awaited<ReturnType<typeof listNotifications>>[number];

/** Event notifications carry the event's id and title in their data. */
function eventOf(data: unknown): { id: string; title: string } | null {
  const d = data as { eventId?: unknown; title?: unknown } | null;
  return d && typeof d.eventId === 'string' && typeof d.title === 'string'
    ? { id: d.eventId, title: d.title }
    : null;
}

/** Endorsement notifications carry the skill's name in their data. */
function skillOf(data: unknown): string | null {
  const d = data as { skill?: unknown } | null;
  return d && typeof d.skill === 'string' ? d.skill : null;
}

const OUTCOMES = ['hidden', 'deleted', 'dismissed', 'warned', 'suspended', 'approved', 'rejected'] as const;

/** Moderation notifications carry the outcome (and the note the author is told) in their data. */
function moderationOf(data: unknown): Notification['moderation'] {
  const d = data as { outcome?: unknown; note?: unknown } | null;
  const outcome = OUTCOMES.find((o) => o === d?.outcome);
  return outcome ? { outcome, note: typeof d?.note === 'string' ? d.note : '' } : null;
}

/** care: inbox — care notifications carry the conversation's id and subject in their data. */
function careOf(data: unknown): Notification['care'] {
  const d = data as { conversationId?: unknown; subject?: unknown } | null;
  return d && typeof d.conversationId === 'string' && typeof d.subject === 'string'
    ? { conversationId: d.conversationId, subject: d.subject }
    : null;
}

/** ideas — status notifications carry the idea's id, title and new status in their data. */
function ideaOf(data: unknown): Notification['idea'] {
  const d = data as { ideaId?: unknown; title?: unknown; status?: unknown } | null;
  return d && typeof d.ideaId === 'string' && typeof d.title === 'string' && typeof d.status === 'string'
    ? { ideaId: d.ideaId, title: d.title, status: d.status }
    : null;
}

export function presentNotification(row: Row): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    actor:
      row.actor_id && row.actor_name && row.actor_handle
        ? presentPersonRef({
            id: row.actor_id,
            name: row.actor_name,
            handle: row.actor_handle,
            job_title: row.actor_job_title,
          })
        : null,
    space: presentSpaceSummary(row),
    post:
      row.post_id && row.post_body !== null
        ? { id: row.post_id, excerpt: plainExcerpt(row.post_body) }
        : null,
    commentId: row.comment_id,
    event: eventOf(row.data),
    skill: skillOf(row.data),
    moderation: moderationOf(row.data),
    care: careOf(row.data), // care: inbox
    idea: ideaOf(row.data), // ideas
    createdAt: row.created_at.toISOString(),
    read: row.read_at !== null,
  };
}

export function presentPreferences(muted: Set<string>) {
  return {
    kinds: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, !muted.has(k)])) as Record<
      NotificationKind,
      boolean
    >,
  };
}
