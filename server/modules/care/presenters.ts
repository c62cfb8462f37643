// What leaves the server about the care inbox: conversations, messages, customers, viewers,
// canned replies, saved views and the agents directory.
import {
  type CareAgentRef,
  type CareCannedReply,
  type CareConversationDetail,
  type CareConversationSummary,
  CareFilters,
  type CareMessage,
  type CareSavedView,
  type CareSla,
  type CareViewer,
} from '../../../common/schemas/care.ts';
import { displayName } from '../privacy/former-employee.ts';
import type {
  agentDirectory,
  CannedRow,
  ConversationRow,
  customerDetail,
  MessageRow,
  ViewerRow,
  ViewRow,
} from './queries.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const agentRef = (id: string | null, name: string | null): CareAgentRef | null =>
  id && name !== null ? { id, name: displayName(name) } : null;

/** The start of a message as one line of plain text. */
export function excerpt(body: string | null, max = 200): string {
  if (!body) return '';
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Where a conversation stands against its SLA targets, now. */
export function slaOf(row: ConversationRow, now: Date): CareSla {
  const times = {
    firstResponseDueAt: iso(row.first_response_due_at),
    resolutionDueAt: iso(row.resolution_due_at),
    firstResponseBreachedAt: iso(row.first_response_breached_at),
    resolutionBreachedAt: iso(row.resolution_breached_at),
    warnedAt: iso(row.sla_warned_at),
  };
  const open = row.status !== 'resolved';
  const firstLate = !row.first_response_at && row.first_response_due_at && row.first_response_due_at <= now;
  const resolutionLate = row.resolution_due_at && row.resolution_due_at <= now;
  let state: CareSla['state'];
  if (row.first_response_breached_at || row.resolution_breached_at || (open && (firstLate || resolutionLate)))
    state = 'breached';
  else if (!row.first_response_due_at && !row.resolution_due_at) state = 'none';
  else if (open && row.sla_warned_at) state = 'warning';
  else state = 'ok';
  return { state, ...times };
}

export function presentConversationSummary(row: ConversationRow, now: Date): CareConversationSummary {
  return {
    id: row.id,
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    channel: { id: row.channel_id, kind: row.channel_kind, name: row.channel_name },
    customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email },
    assignee: agentRef(row.assignee_id, row.assignee_name),
    team: row.team_id && row.team_name !== null ? { id: row.team_id, name: row.team_name } : null,
    tags: row.tags,
    messageCount: row.message_count,
    sentiment: row.sentiment,
    excerpt: excerpt(row.last_body),
    lastMessageKind: row.last_kind ?? null,
    createdAt: row.created_at.toISOString(),
    lastMessageAt: row.last_message_at.toISOString(),
    lastInboundAt: iso(row.last_inbound_at),
    firstResponseAt: iso(row.first_response_at),
    resolvedAt: iso(row.resolved_at),
    sla: slaOf(row, now),
  };
}

export function presentMessage(row: MessageRow): CareMessage {
  return {
    id: row.id,
    kind: row.kind,
    body: row.body,
    author: row.kind === 'inbound' ? null : agentRef(row.author_id, row.author_name),
    createdAt: row.created_at.toISOString(),
    sentiment: row.kind === 'inbound' ? row.sentiment : null,
    delivery:
      row.kind === 'outbound' && row.delivery_status
        ? { status: row.delivery_status, error: row.delivery_error, deliveredAt: iso(row.delivered_at) }
        : null,
  };
}

export function presentViewer(row: ViewerRow): CareViewer {
  return {
    agent: { id: row.user_id, name: displayName(row.name) },
    composing: row.composing,
    seenAt: row.seen_at.toISOString(),
  };
}

export function presentConversationDetail(
  row: ConversationRow,
  now: Date,
  parts: {
    messages: MessageRow[];
    customer: Awaited<ReturnType<typeof customerDetail>>;
    viewers: ViewerRow[];
  },
): CareConversationDetail {
  const summary = presentConversationSummary(row, now);
  return {
    ...summary,
    customer: {
      ...summary.customer,
      identities: parts.customer.identities,
      otherConversations: parts.customer.others.map((c) => ({
        id: c.id,
        subject: c.subject,
        status: c.status,
        channel: { id: c.channel_id, kind: c.kind, name: c.name },
        lastMessageAt: c.last_message_at.toISOString(),
      })),
    },
    messages: parts.messages.map(presentMessage),
    viewers: parts.viewers.map(presentViewer),
  };
}

export function presentCanned(row: CannedRow): CareCannedReply {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    createdBy: agentRef(row.created_by, row.author_name),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentView(row: ViewRow, viewerId: string): CareSavedView {
  // Stored filters were checked when saved; a filter a later version dropped is left out.
  const parsed = CareFilters.safeParse(row.filters);
  return {
    id: row.id,
    name: row.name,
    filters: parsed.success ? parsed.data : {},
    shared: row.shared,
    owner: { id: row.owner_id, name: displayName(row.owner_name) },
    mine: row.owner_id === viewerId,
  };
}

export function presentDirectory(d: Awaited<ReturnType<typeof agentDirectory>>) {
  const teamsOf = new Map<string, { id: string; name: string }[]>();
  for (const m of d.memberships) {
    const list = teamsOf.get(m.user_id) ?? [];
    list.push({ id: m.id, name: m.name });
    teamsOf.set(m.user_id, list);
  }
  return {
    items: d.agents.map((a) => ({ id: a.id, name: displayName(a.name), teams: teamsOf.get(a.id) ?? [] })),
    teams: d.teams,
    channels: d.channels,
  };
}
