// Demo retention: event spaces keep their posts two years, everything else is kept forever,
// and quality audits are under a legal hold. Written through the real commands, so the
// audit log shows who set them.
import type { AppContext } from '../../server/context.ts';
import { placeHold, setRule } from '../../server/modules/retention/commands.ts';
import type { Actor } from '../../server/platform/http/request.ts';
import type { SeededPerson } from './people.ts';

const HELD_SPACE = 'qualite-securite-atelier';

export async function seedRetention(
  ctx: AppContext,
  admin: SeededPerson,
): Promise<{ rules: number; holds: number }> {
  const actor: Actor = { ...admin, sessionId: 'seed' };
  const who = { actor, meta: { ip: null, userAgent: 'seed-demo' } };
  await setRule(ctx, who, { scope: 'organisation', spaceType: null, spaceId: null }, null);
  await setRule(ctx, who, { scope: 'space_type', spaceType: 'event', spaceId: null }, 730);
  const space = await ctx.db
    .selectFrom('spaces')
    .select('id')
    .where('slug', '=', HELD_SPACE)
    .executeTakeFirst();
  if (!space) return { rules: 2, holds: 0 };
  await placeHold(ctx, who, {
    name: 'Contrôle DREAL 2026 — Safety inspection',
    reason:
      'Conserver les remontées et audits de l’atelier jusqu’à la clôture du contrôle. Keep workshop reports and audits until the inspection closes.',
    spaceId: space.id,
  });
  return { rules: 2, holds: 1 };
}
