// The connector webhook. No session and no CSRF token (platform/http/hooks.ts exempts this
// one route): the signature over the raw body, with the channel's secret, is the proof.
// An unknown channel, a channel without a secret and a wrong signature get the same 401.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { api } from '../../../../../common/api.ts';
import type { AppContext } from '../../../../context.ts';
import type { CareChannelRow } from '../../../../db/schema-care.ts';
import { AppError } from '../../../../platform/errors.ts';
import { route } from '../../../../platform/http/route.ts';
import { receiveConnectorMessages } from './receive.ts';
import { SIGNATURE_HEADER, verify } from './signature.ts';

const signatureInvalid = () =>
  new AppError(401, 'care_signature_invalid', 'The signature of this request is missing or wrong.');

export function registerCareConnectorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const signedBy = new WeakMap<FastifyRequest, CareChannelRow>();

  route(
    app,
    ctx,
    api.receiveConnectorMessages,
    async ({ body, req }) => {
      const channel = signedBy.get(req);
      if (!channel) throw signatureInvalid();
      return receiveConnectorMessages(ctx, channel, body.messages);
    },
    {
      authenticate: async (req, params) => {
        const channel = await ctx.db
          .selectFrom('care_channels')
          .selectAll()
          .where('id', '=', params.channelId)
          .where('kind', '=', 'connector')
          .executeTakeFirst();
        const secret = channel?.secret ?? '';
        // Checked even for an unknown channel, so the answer takes as long either way.
        const ok = verify(
          secret || 'no channel',
          req.headers[SIGNATURE_HEADER],
          req.rawBody,
          ctx.clock.now(),
        );
        if (!channel || !secret || !ok) throw signatureInvalid();
        signedBy.set(req, channel);
      },
    },
  );
}
