// The care inbox's routes: thin — each checks the care grant (agents and administrators;
// everyone else gets 403 and sees nothing), then runs a command or a query and presents it.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import { type CareFilters, CareFilters as FiltersSchema } from '../../../common/schemas/care.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/request.ts';
import { route } from '../../platform/http/route.ts';
import { updateConversation } from './commands/conversation.ts';
import { createView, deleteCanned, deleteView, saveCanned, updateView } from './commands/library.ts';
import { addNote, sendReply } from './commands/messages.ts';
import { requireCareAgent } from './policies.ts';
import { touchPresence } from './presence.ts';
import {
  presentCanned,
  presentConversationDetail,
  presentConversationSummary,
  presentDirectory,
  presentMessage,
  presentView,
  presentViewer,
} from './presenters.ts';
import {
  agentDirectory,
  cannedReplies,
  cannedReply,
  conversationMessages,
  customerDetail,
  findConversation,
  listConversations,
  messageRow,
  savedView,
  savedViews,
  viewersOf,
} from './queries.ts';

export function registerCareInboxRoutes(app: FastifyInstance, ctx: AppContext): void {
  const agent = (actor: Actor) => requireCareAgent(ctx.db, actor);

  const detail = async (actor: Actor, id: string) => {
    const row = await findConversation(ctx.db, id);
    if (!row) throw notFound('Conversation');
    const now = ctx.clock.now();
    const [messages, customer, viewers] = await Promise.all([
      conversationMessages(ctx.db, id),
      customerDetail(ctx.db, row.customer_id, id),
      viewersOf(ctx.db, id, actor.id, now),
    ]);
    return presentConversationDetail(row, now, { messages, customer, viewers });
  };

  route(app, ctx, api.listCareConversations, async ({ actor, query }) => {
    await agent(actor);
    const { view, limit, cursor, ...given } = query;
    let filters: CareFilters = given;
    if (view) {
      const saved = await savedView(ctx.db, actor.id, view);
      if (!saved) throw notFound('View');
      const parsed = FiltersSchema.safeParse(saved.filters);
      const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
      filters = { ...(parsed.success ? parsed.data : {}), ...defined };
    }
    const page = await listConversations(ctx.db, { filters, viewerId: actor.id, limit, cursor });
    const now = ctx.clock.now();
    return { items: page.rows.map((r) => presentConversationSummary(r, now)), nextCursor: page.nextCursor };
  });

  route(app, ctx, api.getCareConversation, async ({ actor, params }) => {
    await agent(actor);
    return detail(actor, params.id);
  });

  route(app, ctx, api.updateCareConversation, async ({ actor, params, body }) => {
    await agent(actor);
    await updateConversation(ctx, { actor, id: params.id, changes: body });
    return detail(actor, params.id);
  });

  route(app, ctx, api.addCareNote, async ({ actor, params, body }) => {
    await agent(actor);
    const id = await addNote(ctx, { actor, id: params.id, body: body.body });
    return presentMessage(await messageRow(ctx.db, id));
  });

  route(app, ctx, api.sendCareReply, async ({ actor, params, body }) => {
    await agent(actor);
    const id = await sendReply(ctx, { actor, id: params.id, body: body.body, status: body.status });
    return presentMessage(await messageRow(ctx.db, id));
  });

  route(app, ctx, api.touchCarePresence, async ({ actor, params, body }) => {
    await agent(actor);
    if (!(await findConversation(ctx.db, params.id))) throw notFound('Conversation');
    const viewers = await touchPresence(ctx, {
      userId: actor.id,
      conversationId: params.id,
      composing: body.composing,
    });
    return { viewers: viewers.map(presentViewer) };
  });

  route(app, ctx, api.listCareCannedReplies, async ({ actor }) => {
    await agent(actor);
    return { items: (await cannedReplies(ctx.db)).map(presentCanned) };
  });

  const canned = async (id: string) => {
    const row = await cannedReply(ctx.db, id);
    if (!row) throw notFound('Canned reply');
    return presentCanned(row);
  };

  route(app, ctx, api.createCareCannedReply, async ({ actor, body }) => {
    await agent(actor);
    return canned(await saveCanned(ctx, { actor, ...body }));
  });

  route(app, ctx, api.updateCareCannedReply, async ({ actor, params, body }) => {
    await agent(actor);
    return canned(await saveCanned(ctx, { actor, id: params.id, ...body }));
  });

  route(app, ctx, api.deleteCareCannedReply, async ({ actor, params }) => {
    await agent(actor);
    await deleteCanned(ctx, { actor, id: params.id });
  });

  const view = async (actor: Actor, id: string) => {
    const row = await savedView(ctx.db, actor.id, id);
    if (!row) throw notFound('View');
    return presentView(row, actor.id);
  };

  route(app, ctx, api.listCareViews, async ({ actor }) => {
    await agent(actor);
    return { items: (await savedViews(ctx.db, actor.id)).map((r) => presentView(r, actor.id)) };
  });

  route(app, ctx, api.createCareView, async ({ actor, body }) => {
    await agent(actor);
    return view(actor, await createView(ctx, { actor, ...body }));
  });

  route(app, ctx, api.updateCareView, async ({ actor, params, body }) => {
    await agent(actor);
    await updateView(ctx, { actor, id: params.id, ...body });
    return view(actor, params.id);
  });

  route(app, ctx, api.deleteCareView, async ({ actor, params }) => {
    await agent(actor);
    await deleteView(ctx, { actor, id: params.id });
  });

  route(app, ctx, api.listCareAgents, async ({ actor }) => {
    await agent(actor);
    return presentDirectory(await agentDirectory(ctx.db));
  });
}
