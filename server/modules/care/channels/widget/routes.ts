// The web widget's public endpoints, called from the company's own site by /widget.js:
// its configuration (greeting, a visitor session, a form token), a visitor's message (into
// ingestInbound, threaded by the visitor's session) and the visitor's conversation (their
// messages and the agents' replies — never internal notes, never another session's).
// Preflight requests are answered here too; /widget.js itself is served from script.ts.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../../../common/api.ts';
import { WidgetKeyParams } from '../../../../../common/schemas/care-channels.ts';
import type { AppContext } from '../../../../context.ts';
import { ValidationError } from '../../../../platform/errors.ts';
import { route } from '../../../../platform/http/route.ts';
import { newId } from '../../../../platform/ids.ts';
import { enforce } from '../../../../platform/rate-limit.ts';
import { newToken } from '../../../../platform/tokens.ts';
import { ingestInbound } from '../../ingest.ts';
import {
  allowedWidget,
  checkFormToken,
  formToken,
  preflight,
  visitorThread,
  WIDGET_PREFLIGHT_PATH,
  widgetLimits,
} from './guard.ts';
import { registerWidgetScript } from './script.ts';

export function registerWidgetRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, api.getWidgetConfig, async ({ req, reply, params, query }) => {
    const widget = await allowedWidget(ctx, req, reply, params.publicKey);
    await enforce(ctx.limiter, [[widgetLimits.configPerIp, req.ip]]);
    const session = query.session ?? newToken();
    return {
      greetingFr: widget.settings.greetingFr,
      greetingEn: widget.settings.greetingEn,
      requireEmail: widget.settings.requireEmail,
      session,
      formToken: formToken(widget, session, ctx.clock.now()),
    };
  });

  route(app, ctx, api.postWidgetMessage, async ({ req, reply, params, body, meta }) => {
    // The generic write budget was counted by route(); then the origin, then the widget's own limits.
    const widget = await allowedWidget(ctx, req, reply, params.publicKey);
    await enforce(ctx.limiter, [
      [widgetLimits.messagesPerIp, req.ip],
      [widgetLimits.messagesPerChannel, widget.row.id],
    ]);
    if (body.website !== '')
      throw new ValidationError([
        { field: 'website', reason: 'invalid', message: 'Leave this field empty.' },
      ]);
    checkFormToken(widget, body.session, body.formToken, ctx.clock.now());
    if (widget.settings.requireEmail && body.email === '')
      throw new ValidationError([
        { field: 'email', reason: 'required', message: 'Enter your email address.' },
      ]);
    const thread = visitorThread(body.session);
    await ingestInbound(ctx, {
      channelId: widget.row.id,
      externalId: `widget:${newId()}`,
      threadId: thread,
      customer: {
        kind: 'widget',
        value: thread,
        displayName: body.name || null,
        email: body.email || null,
      },
      subject: body.message.split('\n')[0]!.slice(0, 120),
      body: body.message,
      metadata: { origin: req.headers.origin, userAgent: meta.userAgent?.slice(0, 300) ?? null },
    });
    return { received: true as const };
  });

  route(app, ctx, api.listWidgetMessages, async ({ req, reply, params, query }) => {
    const widget = await allowedWidget(ctx, req, reply, params.publicKey);
    await enforce(ctx.limiter, [[widgetLimits.readsPerIp, req.ip]]);
    const conversation = await ctx.db
      .selectFrom('care_conversations')
      .select('id')
      .where('channel_id', '=', widget.row.id)
      .where('external_thread_id', '=', visitorThread(query.session))
      .executeTakeFirst();
    if (!conversation) return { items: [] };
    const rows = await ctx.db
      .selectFrom('care_messages')
      .select(['id', 'kind', 'body', 'created_at'])
      .where('conversation_id', '=', conversation.id)
      .where((eb) =>
        eb.or([
          eb('kind', '=', 'inbound'),
          eb.and([
            eb('kind', '=', 'outbound'),
            eb.or([eb('delivery_status', 'is', null), eb('delivery_status', '!=', 'failed')]),
          ]),
        ]),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(100)
      .execute();
    return {
      items: rows.reverse().map((m) => ({
        id: m.id,
        from: m.kind === 'inbound' ? ('customer' as const) : ('agent' as const),
        body: m.body,
        at: m.created_at.toISOString(),
      })),
    };
  });

  // CORS preflight of the two widget paths (POST with a JSON body needs one).
  app.route({
    method: 'OPTIONS',
    url: WIDGET_PREFLIGHT_PATH,
    handler: async (req, reply) => {
      const params = WidgetKeyParams.safeParse(req.params);
      const what = (req.params as { what?: string }).what;
      if (!params.success || (what !== 'messages' && what !== 'config'))
        return reply.code(404).send({ error: { code: 'not_found', message: 'Not found.' } });
      return preflight(ctx, req, reply, params.data.publicKey);
    },
  });

  registerWidgetScript(app);
}
