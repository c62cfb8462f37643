// The demo's spaces and conversations. Spaces and memberships are inserted in bulk (the
// company-wide space holds everyone); posts, comments, reactions, votes and
// acknowledgements go through the real commands, each at its moment in the past, so
// counters, tags, mentions and notifications are exactly what the product would produce.
import { sql } from 'kysely';
import type { AppContext } from '../../server/context.ts';
import { answerEvent, createEvent } from '../../server/modules/events/commands.ts';
import { createPage, updatePage } from '../../server/modules/knowledge/commands.ts';
import { createComment } from '../../server/modules/stream/commands/comments.ts';
import { setFollowPerson, setFollowTag } from '../../server/modules/stream/commands/follows.ts';
import { votePoll } from '../../server/modules/stream/commands/polls.ts';
import { acknowledge, setPinned } from '../../server/modules/stream/commands/post-actions.ts';
import { createPost } from '../../server/modules/stream/commands/posts.ts';
import { acceptAnswer, voteAnswer } from '../../server/modules/stream/commands/questions.ts';
import { reactToPost } from '../../server/modules/stream/commands/reactions.ts';
import { DAY, HOUR } from '../../server/platform/clock.ts';
import type { Actor } from '../../server/platform/http/request.ts';
import { newId } from '../../server/platform/ids.ts';
import { ANALYTICS_DAYS } from './analytics.ts';
import { EVENTS, PAGES, POSTS, REACTION_KINDS, SPACES } from './content.ts';
import { insertBatched } from './history.ts';
import type { SeededAccount, SeededPerson } from './people.ts';
import type { Random } from './random.ts';

export const actorOf = (p: SeededPerson): Actor => ({
  id: p.id,
  name: p.name,
  email: p.email,
  role: p.role,
  locale: p.locale,
  sessionId: '',
});

/** Demo actions were not made through a browser. */
const SEED_META = { ip: null, userAgent: null };

export async function seedStream(
  ctx: AppContext,
  input: {
    people: SeededAccount[];
    admin: SeededPerson;
    random: Random;
    now: Date;
    /** 0 to 1: how readily a person acts (analytics.ts plans it); everyone alike by default. */
    engagement?: (id: string) => number;
  },
) {
  const { random, now, admin } = input;
  // Who writes, reacts, votes and answers follows how much each person took to Trame, so
  // these conversations agree with the analytics history (people who never adopted it
  // rarely react, and write nothing).
  const engagement = input.engagement ?? (() => 0.5);
  const likely = (p: SeededPerson, share: number) =>
    random.chance(Math.min(0.95, (share * engagement(p.id)) / 0.5));
  const regulars = (people: SeededPerson[]) => {
    const keen = people.filter((p) => engagement(p.id) >= 0.3);
    return keen.length >= 3 ? keen : people;
  };
  const colleagues = input.people.filter((p) => p.status === 'active' && p.role !== 'guest');
  const founded = new Date(now.getTime() - 60 * 24 * HOUR);

  // Spaces: the administrator owns the company-wide one; a colleague owns each other.
  const members = new Map<string, SeededPerson[]>();
  const spaceIds = new Map<string, string>();
  const spaceRows = [];
  const memberRows: {
    space_id: string;
    user_id: string;
    role: 'owner' | 'moderator' | 'member';
    joined_at: Date;
  }[] = [];
  for (const space of SPACES) {
    const id = newId(founded.getTime());
    spaceIds.set(space.slug, id);
    const chosen =
      space.share >= 1
        ? colleagues
        : [admin, ...colleagues.filter((p) => p.id !== admin.id && random.chance(space.share))];
    const inSpace = chosen.length >= 3 ? chosen : colleagues.slice(0, Math.min(5, colleagues.length));
    members.set(space.slug, inSpace);
    spaceRows.push({
      id,
      slug: space.slug,
      name: space.name,
      description: space.description,
      type: space.type,
      visibility: space.visibility,
      created_by: inSpace[0]!.id,
      created_at: founded,
      updated_at: founded,
      member_count: inSpace.length,
    });
    inSpace.forEach((p, i) => {
      memberRows.push({
        space_id: id,
        user_id: p.id,
        role: i === 0 ? 'owner' : i < 3 ? 'moderator' : 'member',
        joined_at: founded,
      });
    });
  }
  await insertBatched(ctx.db, 'spaces', spaceRows);
  await insertBatched(ctx.db, 'space_members', memberRows);

  // A context whose clock stands at the moment each action happened.
  let at = founded;
  const past: AppContext = { ...ctx, clock: { now: () => at } };
  const atTime = (daysAgo: number, extraHours = 0) => {
    at = new Date(now.getTime() - daysAgo * 24 * HOUR + extraHours * HOUR);
  };

  // Following: each colleague follows a few others and a tag or two (bounded for large fixtures),
  // when they arrived, or (for people here before the analytics history starts) before it.
  const followers = colleagues.slice(0, 300);
  const before = now.getTime() - (ANALYTICS_DAYS + 1) * DAY;
  const people = new Map(input.people.map((p) => [p.id, p]));
  for (const [index, p] of followers.entries()) {
    const arrived = people.get(p.id)?.createdAt.getTime() ?? before;
    at = new Date(arrived > before ? arrived + 2 * HOUR : before - (index % 30) * DAY);
    for (let i = 0; i < 3; i++) {
      const other = random.pick(colleagues);
      const here = (people.get(other.id)?.createdAt.getTime() ?? 0) <= at.getTime();
      if (other.id !== p.id && here)
        await setFollowPerson(past, { actor: actorOf(p), personId: other.id, on: true });
    }
    if (random.chance(0.4)) {
      await setFollowTag(past, {
        actor: actorOf(p),
        tag: random.pick(['aurore', 'qualite', 'teletravail']),
        on: true,
      });
    }
  }

  // Handles come from a database trigger. Every user is one of ours: no id list, whose
  // parameters would pass the protocol's 65,535 at the largest sizes.
  const handles = new Map(
    (await ctx.db.selectFrom('users').select(['id', 'handle']).execute()).map((r) => [r.id, r.handle]),
  );

  let posts = 0;
  let comments = 0;
  let reactions = 0;
  const ordered = [...POSTS].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const demo of ordered) {
    const audience = demo.space ? members.get(demo.space)! : colleagues;
    const author = demo.byAdmin ? admin : random.pick(regulars(audience));
    const mentioned = random.pick(audience.filter((p) => p.id !== author.id).concat(admin));
    const body = demo.body.replace('{mention}', `@${handles.get(mentioned.id) ?? 'camille.martin'}`);
    atTime(demo.daysAgo);
    const postId = await createPost(past, {
      actor: actorOf(author),
      body: {
        spaceId: demo.space ? spaceIds.get(demo.space)! : null,
        ...(demo.title ? { title: demo.title } : {}),
        body,
        isAnnouncement: demo.announcement ?? false,
        attachmentIds: [],
        ...(demo.poll ? { poll: { options: demo.poll.options, multiple: demo.poll.multiple ?? false } } : {}),
      },
    });
    posts++;
    if (demo.pin) await setPinned(past, { actor: actorOf(author), postId, pinned: true });
    let hour = 1;
    const answers: { id: string; authorId: string }[] = [];
    for (const text of demo.comments ?? []) {
      atTime(demo.daysAgo, hour++);
      const commenter = random.pick(regulars(audience.filter((p) => p.id !== author.id)).concat(admin));
      answers.push({
        id: await createComment(past, { actor: actorOf(commenter), postId, body: text }),
        authorId: commenter.id,
      });
      comments++;
    }
    if (demo.title && demo.accepted !== undefined) {
      await acceptAnswer(past, {
        actor: actorOf(author),
        postId,
        commentId: answers[demo.accepted]!.id,
        meta: SEED_META,
      });
    }
    // Reactions, votes and acknowledgements from a slice of the audience.
    const reactors = audience.filter((p) => p.id !== author.id && likely(p, 0.3)).slice(0, 40);
    for (const p of reactors) {
      atTime(demo.daysAgo, hour + random.int(0, 20));
      await reactToPost(past, { actor: actorOf(p), postId, kind: random.pick(REACTION_KINDS) });
      reactions++;
      if (demo.poll) {
        const options = await ctx.db
          .selectFrom('poll_options')
          .select('id')
          .where('post_id', '=', postId)
          .orderBy('position')
          .execute();
        await votePoll(past, { actor: actorOf(p), postId, optionIds: [random.pick(options).id] });
      }
      if (demo.announcement && random.chance(0.7)) await acknowledge(past, { actor: actorOf(p), postId });
      // A question's readers vote for the answers that helped them.
      const helpful = demo.title ? answers.filter((a) => a.authorId !== p.id) : [];
      if (helpful.length > 0 && random.chance(0.6)) {
        await voteAnswer(past, { actor: actorOf(p), commentId: random.pick(helpful).id, vote: true });
      }
    }
  }
  // Events, announced a week ago, with answers from about half of each space over the days after.
  let events = 0;
  for (const demo of EVENTS) {
    const audience = members.get(demo.space)!;
    const announced = Math.max(7, 1 - demo.inDays);
    // Answers come before the event (a past one) or by yesterday (one to come).
    const answering = announced - Math.max(1, 1 - demo.inDays);
    atTime(announced);
    const day = new Date(now.getTime() + demo.inDays * 24 * HOUR);
    const starts = new Date(
      Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), demo.hourUtc),
    );
    const eventId = await createEvent(past, {
      actor: actorOf(audience[0]!),
      spaceRef: spaceIds.get(demo.space)!,
      body: {
        title: demo.title,
        description: demo.description,
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + demo.hours * HOUR).toISOString(),
        timeZone: demo.timeZone,
        location: demo.location ?? null,
        onlineUrl: demo.onlineUrl ?? null,
      },
    });
    events++;
    for (const [index, p] of audience.slice(0, 60).entries()) {
      if (!likely(p, 0.5)) continue;
      atTime(announced - (index % Math.max(1, answering)), 1 + (index % 9));
      const answer = random.pick(['yes', 'yes', 'maybe', 'no'] as const);
      await answerEvent(past, { actor: actorOf(p), id: eventId, answer });
    }
  }

  // Knowledge pages, some revised by a second member.
  const pageIds = new Map<string, string>();
  for (const demo of PAGES) {
    const audience = members.get(demo.space)!;
    atTime(20);
    const id = await createPage(past, {
      actor: actorOf(audience[0]!),
      spaceRef: spaceIds.get(demo.space)!,
      title: demo.title,
      body: demo.body,
      parentId: demo.parent ? (pageIds.get(demo.parent) ?? null) : null,
    });
    pageIds.set(demo.title, id);
    if (demo.revised) {
      atTime(10);
      await updatePage(past, {
        actor: actorOf(audience[1] ?? audience[0]!),
        id,
        body: demo.revised,
        baseRevision: 1,
      });
    }
  }

  // Notifications of the past are already read, except the last few days'.
  await sql`UPDATE notifications SET read_at = created_at + interval '2 hours'
    WHERE created_at < ${new Date(now.getTime() - 3 * 24 * HOUR)}`.execute(ctx.db);
  return { spaces: SPACES.length, posts, comments, reactions, events, pages: PAGES.length };
}
