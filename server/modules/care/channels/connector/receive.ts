// What the webhook does with a signed request: the channel's plugin maps every message first
// (one it refuses refuses the whole request, before anything is written), then each message
// goes through ingestInbound on its own. A message Trame already has is counted as a
// duplicate and changes nothing, so a connector may safely send a request again.
import type { ConnectorMessage } from '../../../../../common/schemas/care-connectors.ts';
import type { AppContext } from '../../../../context.ts';
import type { CareChannelRow } from '../../../../db/schema-care.ts';
import { AppError } from '../../../../platform/errors.ts';
import { ingestInbound } from '../../ingest.ts';
import { connectorPlugins } from './plugins/registry.ts';

export interface ConnectorReceipt {
  received: number;
  duplicates: number;
  conversations: string[];
}

export async function receiveConnectorMessages(
  ctx: AppContext,
  channel: CareChannelRow,
  messages: ConnectorMessage[],
): Promise<ConnectorReceipt> {
  if (!channel.enabled)
    throw new AppError(409, 'care_channel_disabled', 'This channel is switched off: it accepts no messages.');
  const name = (channel.settings as { connector?: unknown }).connector;
  const plugin = typeof name === 'string' ? connectorPlugins[name] : undefined;
  if (!plugin)
    throw new AppError(
      409,
      'care_connector_unknown',
      `This channel names no connector this Trame has (${String(name ?? 'none')}).`,
    );
  const received = messages.map((m) => plugin.receive(m));
  const receipt: ConnectorReceipt = { received: 0, duplicates: 0, conversations: [] };
  for (const message of received) {
    const result = await ingestInbound(ctx, {
      channelId: channel.id,
      externalId: message.externalId,
      inReplyTo: message.inReplyTo,
      threadId: message.threadId,
      customer: {
        kind: 'connector',
        value: message.customer.value,
        displayName: message.customer.displayName,
      },
      subject: message.subject,
      body: message.body,
      metadata: message.metadata,
    });
    if (result.duplicate) receipt.duplicates++;
    else receipt.received++;
    if (!receipt.conversations.includes(result.conversationId))
      receipt.conversations.push(result.conversationId);
  }
  return receipt;
}
