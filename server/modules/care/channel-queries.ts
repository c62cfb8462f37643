// Reads of care administration: channels with how many conversations each has, teams with
// their members, SLA targets, agents.
import type { Db } from '../../db/database.ts';
import type { CareChannelRow } from '../../db/schema-care.ts';

export async function listChannels(db: Db): Promise<CareChannelRow[]> {
  return db.selectFrom('care_channels').selectAll().orderBy('kind').orderBy('name').orderBy('id').execute();
}

export async function findChannel(db: Db, id: string): Promise<CareChannelRow | undefined> {
  return db.selectFrom('care_channels').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Conversations per channel, for the given channels. */
export async function conversationCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('care_conversations')
    .select(['channel_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('channel_id', 'in', ids)
    .groupBy('channel_id')
    .execute();
  return new Map(rows.map((r) => [r.channel_id, Number(r.n)]));
}

export async function listTeams(db: Db) {
  const teams = await db.selectFrom('care_teams').selectAll().orderBy('name').orderBy('id').execute();
  const members =
    teams.length === 0
      ? []
      : await db
          .selectFrom('care_team_members')
          .innerJoin('users', 'users.id', 'care_team_members.user_id')
          .select(['care_team_members.team_id', 'users.id', 'users.name', 'users.email'])
          .where(
            'care_team_members.team_id',
            'in',
            teams.map((t) => t.id),
          )
          .orderBy('users.name')
          .execute();
  return teams.map((team) => ({ ...team, members: members.filter((m) => m.team_id === team.id) }));
}

export async function listSlaTargets(db: Db) {
  return db
    .selectFrom('care_sla_policies')
    .selectAll()
    .orderBy('channel_id', (ob) => ob.nullsFirst())
    .orderBy('priority')
    .execute();
}

export async function listAgents(db: Db) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'care_agent'])
    .where('care_agent', '=', true)
    .where('erased_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function findAgent(db: Db, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'care_agent'])
    .where('id', '=', id)
    .executeTakeFirst();
}
