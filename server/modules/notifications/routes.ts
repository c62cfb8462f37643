import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { route } from '../../platform/http/route.ts';
import { encodeCursor } from '../../platform/pagination.ts';
import { markRead, setPreferences } from './commands.ts';
import { presentNotification, presentPreferences } from './presenters.ts';
import { listNotifications, mutedKinds, unreadCount } from './queries.ts';

export function registerNotificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, api.listNotifications, async ({ actor, query }) => {
    const [rows, unread] = await Promise.all([
      listNotifications(ctx.db, actor, query),
      unreadCount(ctx.db, actor),
    ]);
    const more = rows.length > query.limit;
    const page = more ? rows.slice(0, query.limit) : rows;
    return {
      items: page.map(presentNotification),
      nextCursor: more ? encodeCursor(page.at(-1)!.id) : null,
      unreadCount: unread,
    };
  });

  route(app, ctx, api.markNotificationsRead, async ({ actor, body }) => {
    await markRead(ctx, actor.id, 'all' in body ? 'all' : body.ids);
    return { unreadCount: await unreadCount(ctx.db, actor) };
  });

  route(app, ctx, api.getNotificationPreferences, async ({ actor }) =>
    presentPreferences(await mutedKinds(ctx.db, actor.id)),
  );

  route(app, ctx, api.updateNotificationPreferences, async ({ actor, body }) => {
    await setPreferences(ctx, actor.id, body.kinds);
    return presentPreferences(await mutedKinds(ctx.db, actor.id));
  });
}
