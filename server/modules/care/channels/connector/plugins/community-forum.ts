// The example connector: a community forum (a Discourse-like site with topics and posts).
// Its bridge posts the forum's new posts to the webhook; Trame posts agents' replies to the
// bridge's replyUrl as {threadId, inReplyTo, text, agent}, signed, and the bridge answers
// {"id": "<the forum's post id>"}. A ping is {"ping": true}, answered with any 2xx.
import type { ConnectorMessage } from '../../../../../../common/schemas/care-connectors.ts';
import { ConnectorRefused, postSigned } from '../outbound.ts';
import type { ConnectorPlugin, ReceivedMessage } from './plugin.ts';

const NAME = 'community-forum';

export const communityForum: ConnectorPlugin = {
  name: NAME,
  capabilities: { threads: true, edits: false, attachments: false },

  receive(message: ConnectorMessage): ReceivedMessage {
    return {
      externalId: message.id,
      threadId: message.threadId ?? null,
      inReplyTo: message.inReplyTo ? [message.inReplyTo] : [],
      customer: { value: `${NAME}:${message.author.id}`, displayName: message.author.name ?? null },
      subject: message.threadTitle ?? null,
      body: message.text,
      metadata: { connector: NAME, ...(message.url ? { url: message.url } : {}) },
    };
  },

  async reply(connector, reply) {
    const { json } = await postSigned(
      connector.ctx,
      { url: connector.replyUrl, secret: connector.secret, event: 'reply' },
      { threadId: reply.threadId, inReplyTo: reply.inReplyTo, text: reply.text, agent: reply.agent },
    );
    const id = (json as { id?: unknown } | null)?.id;
    if ((typeof id !== 'string' && typeof id !== 'number') || String(id).length > 200)
      throw new ConnectorRefused('The forum did not answer the id of the posted reply.');
    return { externalId: String(id) };
  },

  async ping(connector) {
    try {
      await postSigned(
        connector.ctx,
        { url: connector.replyUrl, secret: connector.secret, event: 'ping' },
        { ping: true },
      );
      return { ok: true, code: 'connector_ok', message: 'The forum answered the signed ping.' };
    } catch (error) {
      return { ok: false, code: 'connector_unreachable', message: (error as Error).message };
    }
  },
};
