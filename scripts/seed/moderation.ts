// Two open reports for the Moderation page: a French classified ad posted where it does not
// belong (reported twice), and an English post taking a whole team to task (reported once).
import type { AppContext } from '../../server/context.ts';
import { createReport } from '../../server/modules/moderation/commands/report.ts';
import { createPost } from '../../server/modules/stream/commands/posts.ts';
import { HOUR } from '../../server/platform/clock.ts';
import { ADMIN_META } from './history.ts';
import type { SeededPerson } from './people.ts';
import { actorOf } from './stream.ts';

type Reason = 'spam' | 'harassment' | 'confidential' | 'inappropriate' | 'other';

const REPORTED: { hoursAgo: number; text: string; reports: [Reason, string][] }[] = [
  {
    hoursAgo: 30,
    text: 'Vends iPhone 14 Pro reconditionné, 350 € seulement ! Paiement par virement, écrivez-moi en privé, offre limitée aux dix premiers.',
    reports: [
      ['spam', 'Annonce commerciale sans rapport avec le travail.'],
      ['inappropriate', ''],
    ],
  },
  {
    hoursAgo: 8,
    text: 'Honestly, the night shift in Lyon never finishes anything. Someone should tell them to do their job for once.',
    reports: [['harassment', 'It targets a whole team in public; not the tone we want here.']],
  },
];

export async function seedModeration(
  ctx: AppContext,
  input: { people: SeededPerson[]; now: Date },
): Promise<number> {
  const space = await ctx.db
    .selectFrom('spaces')
    .select('id')
    .where('visibility', '=', 'open')
    .where('external', '=', false)
    .where('archived_at', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  if (!space) return 0;
  const inSpace = new Set(
    (
      await ctx.db.selectFrom('space_members').select('user_id').where('space_id', '=', space.id).execute()
    ).map((m) => m.user_id),
  );
  const stillActive = new Set(
    (await ctx.db.selectFrom('users').select('id').where('status', '=', 'active').execute()).map((u) => u.id),
  );
  const active = input.people.filter((p) => p.role === 'member' && stillActive.has(p.id));
  const authors = active.filter((p) => inSpace.has(p.id)).slice(0, REPORTED.length);
  const reporters = active.filter((p) => !authors.includes(p)).slice(0, 2);
  if (authors.length < REPORTED.length || reporters.length < 2) return 0;

  let at = input.now;
  const past: AppContext = { ...ctx, clock: { now: () => at } };
  for (const [i, demo] of REPORTED.entries()) {
    at = new Date(input.now.getTime() - demo.hoursAgo * HOUR);
    const postId = await createPost(past, {
      actor: actorOf(authors[i]!),
      body: { spaceId: space.id, body: demo.text, isAnnouncement: false, attachmentIds: [] },
    });
    for (const [j, [reason, details]] of demo.reports.entries()) {
      at = new Date(input.now.getTime() - (demo.hoursAgo - j - 1) * HOUR);
      await createReport(past, {
        actor: actorOf(reporters[j]!),
        body: { targetType: 'post', targetId: postId, reason, details },
        meta: ADMIN_META,
      });
    }
  }
  return REPORTED.length;
}
