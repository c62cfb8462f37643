// What the care inbox tests need: channels and SLA targets written as an administrator's
// settings would be, agents (the care grant), and inbound messages through ingestInbound,
// the one door every channel uses.
import type { CareChannelKind, CarePriority } from '../../server/db/schema-care.ts';
import { type InboundMessage, ingestInbound } from '../../server/modules/care/ingest.ts';
import { newId } from '../../server/platform/ids.ts';
import { type BuiltUser, buildUser, signIn } from './factories.ts';
import type { TestServer } from './server.ts';

export async function careChannel(
  server: TestServer,
  kind: CareChannelKind,
  name: string = kind,
): Promise<string> {
  const id = newId();
  const now = server.clock.now();
  await server.ctx.db
    .insertInto('care_channels')
    .values({ id, kind, name, created_by: null, created_at: now, updated_at: now })
    .execute();
  return id;
}

export async function careTarget(
  server: TestServer,
  priority: CarePriority,
  minutes: { first: number; resolution: number; warn?: number },
  channelId: string | null = null,
): Promise<void> {
  await server.ctx.db
    .insertInto('care_sla_policies')
    .values({
      id: newId(),
      channel_id: channelId,
      priority,
      first_response_minutes: minutes.first,
      resolution_minutes: minutes.resolution,
      warn_minutes: minutes.warn ?? 15,
    })
    .execute();
}

export async function careTeam(server: TestServer, name: string, members: string[]): Promise<string> {
  const id = newId();
  await server.ctx.db.insertInto('care_teams').values({ id, name, created_at: server.clock.now() }).execute();
  for (const user_id of members)
    await server.ctx.db.insertInto('care_team_members').values({ team_id: id, user_id }).execute();
  return id;
}

/** A member with the care grant, signed in. */
export async function careAgent(server: TestServer, name?: string) {
  const user = await buildUser(server, name ? { name } : {});
  await server.ctx.db.updateTable('users').set({ care_agent: true }).where('id', '=', user.id).execute();
  return { user, client: await signIn(server, user) };
}

export async function signedIn(server: TestServer, overrides: Partial<BuiltUser> = {}) {
  const user = await buildUser(server, overrides);
  return { user, client: await signIn(server, user) };
}

let counter = 0;

/** A customer's email, as the SMTP listener would hand it over. */
export function inboundMail(
  server: TestServer,
  channelId: string,
  from: { address: string; name?: string },
  extra: Partial<InboundMessage> = {},
) {
  return ingestInbound(server.ctx, {
    channelId,
    externalId: `<m${++counter}.${Date.now()}@customers.example>`,
    customer: { kind: 'email', value: from.address, displayName: from.name ?? null },
    subject: 'Question',
    body: 'Bonjour',
    ...extra,
  });
}
