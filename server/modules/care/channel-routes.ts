// Care administration over HTTP: channels, teams, SLA targets and the agent grant. Every route
// reads the actor's care grant from the database (loadCareReader) and asks carePolicy; writes
// go to commands/ (one transaction each, audited). The widget's public routes are in
// channels/widget/routes.ts.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/request.ts';
import { route } from '../../platform/http/route.ts';
import {
  presentAgent,
  presentChannel,
  presentChannelWithSecret,
  presentSlaTarget,
  presentTeam,
} from './channel-presenters.ts';
import {
  conversationCounts,
  findAgent,
  findChannel,
  listAgents,
  listChannels,
  listSlaTargets,
  listTeams,
} from './channel-queries.ts';
import {
  createChannel,
  deleteChannel,
  rotateSecret,
  testChannel,
  updateChannel,
} from './commands/channels.ts';
import {
  createTeam,
  deleteSlaTarget,
  deleteTeam,
  setAgent,
  setSlaTarget,
  updateTeam,
} from './commands/organisation.ts';
import { requireCareAdmin, requireCareAgent } from './policies.ts';

export function registerCareChannelRoutes(app: FastifyInstance, ctx: AppContext): void {
  const configures = (actor: Actor) => requireCareAdmin(ctx.db, actor);
  const url = () => ctx.config.PUBLIC_URL;
  const channelOut = async (id: string) => {
    const row = await findChannel(ctx.db, id);
    if (!row) throw notFound('Channel');
    return presentChannel(row, (await conversationCounts(ctx.db, [id])).get(id) ?? 0, url());
  };
  const teamOut = async (id: string) => {
    const team = (await listTeams(ctx.db)).find((t) => t.id === id);
    if (!team) throw notFound('Team');
    return presentTeam(team);
  };

  route(app, ctx, api.listCareChannels, async ({ actor }) => {
    await configures(actor);
    const rows = await listChannels(ctx.db);
    const counts = await conversationCounts(
      ctx.db,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => presentChannel(r, counts.get(r.id) ?? 0, url())) };
  });

  route(app, ctx, api.getCareChannel, async ({ actor, params }) => {
    await configures(actor);
    return channelOut(params.id);
  });

  route(app, ctx, api.createCareChannel, async ({ actor, body, meta }) => {
    await configures(actor);
    const { row, secret } = await createChannel(ctx, { actor, meta }, body);
    return presentChannelWithSecret(row, 0, url(), secret);
  });

  route(app, ctx, api.updateCareChannel, async ({ actor, params, body, meta }) => {
    await configures(actor);
    await updateChannel(ctx, { actor, meta }, params.id, body);
    return channelOut(params.id);
  });

  route(app, ctx, api.deleteCareChannel, async ({ actor, params, meta }) => {
    await configures(actor);
    await deleteChannel(ctx, { actor, meta }, params.id);
  });

  route(app, ctx, api.rotateCareChannelSecret, async ({ actor, params, meta }) => {
    await configures(actor);
    const { row, secret } = await rotateSecret(ctx, { actor, meta }, params.id);
    return presentChannelWithSecret(
      row,
      (await conversationCounts(ctx.db, [row.id])).get(row.id) ?? 0,
      url(),
      secret,
    );
  });

  route(app, ctx, api.testCareChannel, async ({ actor, params, meta }) => {
    await configures(actor);
    return testChannel(ctx, { actor, meta }, params.id);
  });

  // Teams are read by agents too (to assign a conversation to one); changed by administrators.
  route(app, ctx, api.listCareTeams, async ({ actor }) => {
    await requireCareAgent(ctx.db, actor);
    return { items: (await listTeams(ctx.db)).map(presentTeam) };
  });

  route(app, ctx, api.createCareTeam, async ({ actor, body, meta }) => {
    await configures(actor);
    return teamOut(await createTeam(ctx, { actor, meta }, body));
  });

  route(app, ctx, api.updateCareTeam, async ({ actor, params, body, meta }) => {
    await configures(actor);
    await updateTeam(ctx, { actor, meta }, params.id, body);
    return teamOut(params.id);
  });

  route(app, ctx, api.deleteCareTeam, async ({ actor, params, meta }) => {
    await configures(actor);
    await deleteTeam(ctx, { actor, meta }, params.id);
  });

  route(app, ctx, api.listCareSlaTargets, async ({ actor }) => {
    await configures(actor);
    return { items: (await listSlaTargets(ctx.db)).map(presentSlaTarget) };
  });

  route(app, ctx, api.setCareSlaTarget, async ({ actor, body, meta }) => {
    await configures(actor);
    const id = await setSlaTarget(ctx, { actor, meta }, body);
    const row = (await listSlaTargets(ctx.db)).find((r) => r.id === id);
    if (!row) throw notFound('SLA target');
    return presentSlaTarget(row);
  });

  route(app, ctx, api.deleteCareSlaTarget, async ({ actor, params, meta }) => {
    await configures(actor);
    await deleteSlaTarget(ctx, { actor, meta }, params.id);
  });

  route(app, ctx, api.listCareAgentGrants, async ({ actor }) => {
    await configures(actor);
    return { items: (await listAgents(ctx.db)).map(presentAgent) };
  });

  route(app, ctx, api.setCareAgent, async ({ actor, params, body, meta }) => {
    await configures(actor);
    await setAgent(ctx, { actor, meta }, params.id, body.agent);
    const row = await findAgent(ctx.db, params.id);
    if (!row) throw notFound('User');
    return presentAgent(row);
  });
}
