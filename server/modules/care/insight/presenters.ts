// What leaves the server from customer-care insight.
import type {
  CareAlert,
  CareSummary,
  ConversationInsight,
  Escalation,
} from '../../../../common/schemas/care-insight.ts';
import { PRODUCT_TAG } from './commands.ts';
import type { AlertRow, conversationInsight, EscalationRow, Period, SummaryRows } from './queries.ts';

export function presentAlert(row: AlertRow): CareAlert {
  return {
    id: row.id,
    kind: row.kind,
    channel: row.channel_id && row.channel_name ? { id: row.channel_id, name: row.channel_name } : null,
    tag: row.tag,
    messageCount: row.message_count,
    baselinePerHour: Number(row.baseline_per_hour),
    windowStart: row.window_start.toISOString(),
    windowEnd: row.window_end.toISOString(),
    createdAt: row.created_at.toISOString(),
    acknowledgedAt: row.acknowledged_at ? row.acknowledged_at.toISOString() : null,
  };
}

const ref = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

/** A question the reader cannot read stays a bare status: no space, no link, no answer. */
export function presentEscalation(row: EscalationRow): Escalation {
  const shown = row.readable;
  return {
    id: row.id,
    conversationId: row.conversation_id,
    status: row.status,
    space:
      shown && row.space_id && row.space_name && row.space_slug
        ? { id: row.space_id, name: row.space_name, slug: row.space_slug }
        : null,
    expert: ref(row.expert_id, row.expert_name),
    requestedBy: ref(row.requested_by, row.asker_name),
    postId: shown ? row.post_id : null,
    draftBody: shown ? row.draft_body : null,
    answeredBy: shown ? ref(row.answerer_id, row.answerer_name) : null,
    createdAt: row.created_at.toISOString(),
    answeredAt: row.answered_at ? row.answered_at.toISOString() : null,
  };
}

const minutes = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

export function presentSummary(period: Period, rows: SummaryRows): CareSummary {
  const figuresOf = (by: 'all' | 'channel' | 'team', key: string | null) => {
    const match = (r: { by: string; channel_id: string | null; team_id: string | null }) =>
      r.by === by && (by === 'channel' ? r.channel_id === key : by === 'team' ? r.team_id === key : true);
    const c = rows.conversations.find(match);
    const m = rows.messages.find(match);
    return {
      conversations: c?.conversations ?? 0,
      inbound: m?.inbound ?? 0,
      resolved: c?.resolved ?? 0,
      firstResponseMedianMinutes: minutes(c?.frt),
      resolutionMedianMinutes: minutes(c?.rt),
      firstResponseBreaches: c?.frb ?? 0,
      resolutionBreaches: c?.rb ?? 0,
      averageSentiment:
        m?.avg === null || m?.avg === undefined ? null : Math.round(Number(m.avg) * 1000) / 1000,
      negativeMessages: m?.negative ?? 0,
    };
  };
  const keys = (by: 'channel' | 'team') => [
    ...new Set(
      [...rows.conversations, ...rows.messages]
        .filter((r) => r.by === by)
        .map((r) => (by === 'channel' ? r.channel_id : r.team_id)),
    ),
  ];
  const channelName = new Map(rows.channels.map((c) => [c.id, c.name]));
  const teamName = new Map(rows.teams.map((t) => [t.id, t.name]));
  return {
    from: period.from,
    to: period.to,
    channels: rows.channels,
    teams: rows.teams,
    figures: figuresOf('all', null),
    byChannel: keys('channel')
      .filter((id): id is string => id !== null)
      .map((id) => ({ id, name: channelName.get(id) ?? '', ...figuresOf('channel', id) })),
    byTeam: keys('team').map((id) => ({
      id,
      name: id ? (teamName.get(id) ?? null) : null,
      ...figuresOf('team', id),
    })),
    sentimentTrend: rows.trend.map((r) => ({
      week: r.week,
      channelId: r.channel_id,
      average: Math.round(Number(r.average) * 1000) / 1000,
      messages: Number(r.messages),
    })),
  };
}

export function presentConversationInsight(
  row: NonNullable<Awaited<ReturnType<typeof conversationInsight>>>,
): ConversationInsight {
  const { conversation, latest, ideas } = row;
  return {
    conversationId: conversation.id,
    subject: conversation.subject,
    sentiment: conversation.sentiment,
    latestInbound: latest
      ? {
          id: latest.id,
          body: latest.body,
          sentiment: latest.sentiment,
          edited: latest.sentiment_edited_by !== null,
        }
      : null,
    flagged: conversation.tags.includes(PRODUCT_TAG),
    tags: conversation.tags,
    ideasAvailable: true,
    ideas: ideas.map((i) => ({
      id: i.id,
      title: i.title,
      status: i.status,
      campaign: { id: i.campaign_id, title: i.campaign_title },
      createdAt: i.created_at.toISOString(),
    })),
  };
}
