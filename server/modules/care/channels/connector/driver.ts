// The connector channel: messages from public networks come in through the signed webhook
// (routes.ts); agents' replies go back through the plugin settings.connector names.
import { z } from 'zod';
import type { AppContext } from '../../../../context.ts';
import type { CareChannelRow } from '../../../../db/schema-care.ts';
import type { ChannelDriver, Delivery, DeliveryResult, TestResult } from '../driver.ts';
import type { ConnectorContext, ConnectorPlugin } from './plugins/plugin.ts';
import { CONNECTOR_NAMES, connectorPlugins } from './plugins/registry.ts';

export const ConnectorSettings = z.object({
  connector: z.enum(CONNECTOR_NAMES),
  replyUrl: z.url({ protocol: /^https?$/ }).max(2000),
});
export type ConnectorSettings = z.infer<typeof ConnectorSettings>;

/** The channel's plugin and what it needs to talk to its connector; null with the reason when unusable. */
export function connectorOf(
  ctx: AppContext,
  channel: CareChannelRow,
): { plugin: ConnectorPlugin; connector: ConnectorContext } | { error: string } {
  const settings = ConnectorSettings.safeParse(channel.settings);
  if (!settings.success) return { error: 'The connector settings are incomplete (connector, replyUrl).' };
  if (!channel.secret) return { error: 'The channel has no secret.' };
  const plugin = connectorPlugins[settings.data.connector];
  if (!plugin) return { error: `No connector named ${settings.data.connector}.` };
  return {
    plugin,
    connector: { ctx, channel, replyUrl: settings.data.replyUrl, secret: channel.secret },
  };
}

async function deliver(ctx: AppContext, delivery: Delivery): Promise<DeliveryResult> {
  const found = connectorOf(ctx, delivery.channel);
  if ('error' in found) throw new Error(found.error);
  const lastInbound = [...delivery.history].reverse().find((m) => m.kind === 'inbound' && m.external_id);
  const agent = delivery.message.author_id
    ? await ctx.db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', '=', delivery.message.author_id)
        .executeTakeFirst()
    : undefined;
  const sent = await found.plugin.reply(found.connector, {
    conversationId: delivery.conversation.id,
    threadId: delivery.conversation.external_thread_id,
    inReplyTo: lastInbound?.external_id ?? null,
    text: delivery.message.body,
    agent: { id: agent?.id ?? null, name: agent?.name ?? '' },
  });
  return { status: 'sent', externalId: sent.externalId, metadata: { connector: found.plugin.name } };
}

async function test(ctx: AppContext, channel: CareChannelRow): Promise<TestResult> {
  const found = connectorOf(ctx, channel);
  if ('error' in found) return { ok: false, code: 'connector_settings', message: found.error };
  if (found.plugin.ping) return found.plugin.ping(found.connector);
  return { ok: true, code: 'connector_ok', message: 'The connector settings are complete.' };
}

export const connectorDriver: ChannelDriver<typeof ConnectorSettings> = {
  kind: 'connector',
  settings: ConnectorSettings,
  deliver,
  test,
};
