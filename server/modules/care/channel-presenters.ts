// What care administration sends out. A channel's secret never leaves here except in the
// answer that created or rotated it (presentChannelWithSecret).
import type { CareChannelRow } from '../../db/schema-care.ts';
import type { listSlaTargets, listTeams } from './channel-queries.ts';

export function presentChannel(row: CareChannelRow, conversationCount: number, publicUrl: string) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    enabled: row.enabled,
    settings: row.settings,
    defaultTeamId: row.default_team_id,
    publicKey: row.kind === 'widget' ? row.public_key : null,
    webhookUrl:
      row.kind === 'connector'
        ? `${publicUrl.replace(/\/$/, '')}/api/v1/care/connectors/${row.id}/messages`
        : null,
    hasSecret: row.kind === 'connector' && Boolean(row.secret),
    conversationCount,
    lastError: row.last_error,
    polledAt: row.polled_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentChannelWithSecret(
  row: CareChannelRow,
  conversationCount: number,
  publicUrl: string,
  secret: string | null,
) {
  return { ...presentChannel(row, conversationCount, publicUrl), secret };
}

export function presentTeam(team: Awaited<ReturnType<typeof listTeams>>[number]) {
  return {
    id: team.id,
    name: team.name,
    members: team.members.map((m) => ({ id: m.id, name: m.name, email: m.email })),
    createdAt: team.created_at.toISOString(),
  };
}

export function presentSlaTarget(row: Awaited<ReturnType<typeof listSlaTargets>>[number]) {
  return {
    id: row.id,
    channelId: row.channel_id,
    priority: row.priority,
    firstResponseMinutes: row.first_response_minutes,
    resolutionMinutes: row.resolution_minutes,
    warnMinutes: row.warn_minutes,
  };
}

export function presentAgent(row: {
  id: string;
  name: string;
  email: string;
  role: string;
  care_agent: boolean;
}) {
  return { id: row.id, name: row.name, email: row.email, role: row.role, agent: row.care_agent };
}
