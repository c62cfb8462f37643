// A former employee: someone who left and was erased, whose posts and comments stay signed
// "Former employee" / "Ancien collaborateur" so what they knew stays findable. Erased
// through the real command, so the demo shows exactly what erasure leaves behind.
import type { AppContext } from '../../server/context.ts';
import { eraseUser } from '../../server/modules/privacy/erase.ts';
import type { SeededAccount } from './people.ts';

export async function seedFormerEmployee(
  ctx: AppContext,
  input: { accounts: SeededAccount[]; admin: SeededAccount },
): Promise<number> {
  const members = new Set(
    input.accounts.filter((a) => a.role === 'member' && a.status === 'active').map((a) => a.id),
  );
  // Erasure deletes the invitations a person sent or accepted: the leaver is a long-standing
  // colleague who did neither, so the demo's invitations stay as the summary counts them.
  const invitations = await ctx.db
    .selectFrom('invitations')
    .select(['invited_by', 'accepted_user_id'])
    .execute();
  for (const i of invitations) {
    if (i.invited_by) members.delete(i.invited_by);
    if (i.accepted_user_id) members.delete(i.accepted_user_id);
  }
  // The member who wrote the most, so their kept knowledge is easy to come across.
  const authors = await ctx.db
    .selectFrom('posts')
    .select(['author_id', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('author_id')
    .orderBy('n', 'desc')
    .execute();
  const leaver = input.accounts.find(
    (a) => a.id === authors.find((r) => members.has(r.author_id))?.author_id,
  );
  if (!leaver) return 0;
  await eraseUser(ctx, {
    actor: {
      id: input.admin.id,
      name: input.admin.name,
      email: input.admin.email,
      role: 'admin',
      locale: input.admin.locale,
      sessionId: 'seed',
    },
    userId: leaver.id,
    confirmation: leaver.email,
    meta: { ip: null, userAgent: 'seed-demo' },
  });
  return 1;
}
