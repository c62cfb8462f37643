// The connector webhook: connectors for public networks post the messages they gathered,
// signed with the channel's secret (no session, no CSRF token: the signature is the proof).
import { endpoint } from '../endpoint.ts';
import { ConnectorMessagesBody, ConnectorParams, ConnectorReceipt } from '../schemas/care-connectors.ts';

export const careConnectorApi = {
  receiveConnectorMessages: endpoint({
    method: 'POST',
    path: '/api/v1/care/connectors/:channelId/messages',
    operationId: 'receiveConnectorMessages',
    tags: ['care'],
    access: 'public',
    summary:
      'A connector posts up to 100 messages, signed: x-trame-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the channel secret>.',
    params: ConnectorParams,
    body: ConnectorMessagesBody,
    response: ConnectorReceipt,
    // A connector may post hundreds of messages a second: a large budget per channel, still
    // bounded per client IP (someone spraying channel ids is held by the second).
    rateLimit: {
      name: 'care-connector:channel',
      limit: 30_000,
      windowSeconds: 60,
      perParam: 'channelId',
      perIp: 60_000,
    },
  }),
};
