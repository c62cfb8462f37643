// Analytics roll-ups: the real commands (over HTTP) write the events the indicators need —
// whose content an action was aimed at, a visit a day, searches, pages read by others — and
// the refresh turns them into the daily tables; refreshing twice or rebuilding changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { DASHBOARDS, Dashboard } from '../../common/schemas/analytics.ts';
import type { Post } from '../../common/schemas/stream.ts';
import { buildDashboard, measuredFigures } from '../../server/modules/analytics/indicators/index.ts';
import { ROLLUP_TABLES } from '../../server/modules/analytics/rollups/apply.ts';
import { dayOf, rebuildRollups, refreshRollups } from '../../server/modules/analytics/rollups/refresh.ts';
import { activityRow } from '../../server/platform/activity.ts';
import { newId } from '../../server/platform/ids.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, type Person, person, post } from '../helpers/stream-fixtures.ts';

const TABLES = ROLLUP_TABLES.filter((t) => t !== 'analytics_pending_events');

describe('analytics roll-ups', () => {
  const t = useServer({ worker: false });
  let ann: Person; // department A: writes
  let bob: Person; // department B: responds
  let cat: Person; // department A: responds too
  let deptA: string;
  let deptB: string;
  let space: { id: string; slug: string };

  const db = () => t.server.ctx.db;
  const events = (verb: string) =>
    db().selectFrom('activity_events').selectAll().where('verb', '=', verb).orderBy('id').execute();

  /** Background events (visits, searches, page reads) are written after the response. */
  async function until<T>(read: () => Promise<T[]>, n: number): Promise<T[]> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const rows = await read();
      if (rows.length >= n || Date.now() > deadline) return rows;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async function snapshot() {
    const out: Record<string, unknown[]> = {};
    for (const table of TABLES) {
      const rows = await db().selectFrom(table).selectAll().execute();
      out[table] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  }

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    ann = await person(t.server, { name: 'Ann Writer' });
    bob = await person(t.server, { name: 'Bob Reader' });
    cat = await person(t.server, { name: 'Cat Sharer' });
    deptA = newId();
    deptB = newId();
    const now = t.server.clock.now();
    await db()
      .insertInto('departments')
      .values([
        { id: deptA, name: 'Atelier', created_at: now },
        { id: deptB, name: 'Bureau', created_at: now },
      ])
      .execute();
    await db()
      .updateTable('users')
      .set({ department_id: deptA })
      .where('id', 'in', [ann.id, cat.id])
      .execute();
    await db().updateTable('users').set({ department_id: deptB }).where('id', '=', bob.id).execute();
    space = await makeSpace(t.server, { visibility: 'open', owner: ann, members: [bob, cat] });
  });

  it('records whose content each action was aimed at, never oneself', async () => {
    const p = (await post(ann.client, space.id, 'Nouvelle lampe à l’atelier')) as Post;
    const comment = await bob.client.call(api.createComment, {
      params: { id: p.id },
      body: { body: 'Bravo' },
    });
    expect(comment.status).toBe(201);
    const own = await ann.client.call(api.createComment, { params: { id: p.id }, body: { body: 'Merci' } });
    expect(own.status).toBe(201);
    expect(
      (await cat.client.call(api.reactToPost, { params: { id: p.id }, body: { kind: 'like' } })).status,
    ).toBe(200);
    expect(
      (await bob.client.call(api.reactToComment, { params: { id: own.body.id }, body: { kind: 'support' } }))
        .status,
    ).toBe(200);
    await post(cat.client, space.id, 'À voir', { sharedPostId: p.id });

    const q = (await post(ann.client, space.id, 'Des pistes ?', { title: 'Quel luxmètre ?' })) as Post;
    const answer = await bob.client.call(api.createComment, { params: { id: q.id }, body: { body: 'Le X' } });
    expect(answer.status).toBe(201);
    expect((await cat.client.call(api.voteAnswer, { params: { id: answer.body.id } })).status).toBe(200);
    expect(
      (await ann.client.call(api.acceptAnswer, { params: { id: q.id }, body: { commentId: answer.body.id } }))
        .status,
    ).toBe(200);

    const target = async (verb: string) => (await events(verb)).map((e) => [e.actor_id, e.target_id]);
    expect(await target('comment.created')).toEqual([
      [bob.id, ann.id],
      [ann.id, null],
    ]);
    expect(await target('reaction.set')).toEqual([[cat.id, ann.id]]);
    expect(await target('comment_reaction.set')).toEqual([[bob.id, ann.id]]);
    expect(await target('post.shared')).toEqual([[cat.id, ann.id]]);
    expect(await target('question.answered')).toEqual([[bob.id, ann.id]]);
    expect(await target('answer.voted')).toEqual([[cat.id, bob.id]]);
    expect(await target('question.answer_accepted')).toEqual([[ann.id, bob.id]]);
    expect(await target('post.created')).toEqual([[ann.id, null]]);
  });

  it('records a visit a day, first-page searches and pages read by others (once a day)', async () => {
    const page = await ann.client.call(api.createPage, {
      params: { space: space.slug },
      body: { title: 'Procédure', body: 'Étape 1' },
    });
    expect(page.status).toBe(201);
    for (const reader of [bob, bob, ann]) {
      expect((await reader.client.call(api.getPage, { params: { id: page.body.id } })).status).toBe(200);
    }
    const reads = await until(() => events('knowledge.page_read'), 1);
    expect(reads.map((e) => [e.actor_id, e.object_id, e.target_id, e.space_id])).toEqual([
      [bob.id, page.body.id, ann.id, space.id],
    ]);

    expect((await bob.client.call(api.search, { query: { q: '  Luxmètre   INTROUVABLE ' } })).status).toBe(
      200,
    );
    const found = await bob.client.call(api.search, { query: { q: 'Procédure' } });
    expect(found.status).toBe(200);
    const searches = await until(() => events('search.performed'), 2);
    expect(searches.map((e) => [e.actor_id, e.data])).toEqual([
      [bob.id, { terms: 'luxmètre introuvable', results: 0 }],
      [bob.id, { terms: 'procédure', results: 1 }],
    ]);

    const visits = await until(() => events('user.visited'), 3);
    const byPerson = new Map<string, number>();
    for (const v of visits) byPerson.set(v.actor_id!, (byPerson.get(v.actor_id!) ?? 0) + 1);
    for (const who of [ann, bob, cat]) expect(byPerson.get(who.id)).toBe(1);
  });

  it('rolls the log up into days, the same after a second refresh and after a rebuild', async () => {
    const now = t.server.clock.now();
    const today = dayOf(now);
    const first = await refreshRollups(db(), now);
    expect(first.days).toBe(1);
    expect(first.events).toBeGreaterThan(10);

    const personDay = async (who: Person) =>
      db()
        .selectFrom('analytics_person_days')
        .selectAll()
        .where('user_id', '=', who.id)
        .where('day', '=', today)
        .executeTakeFirstOrThrow();
    expect(await personDay(ann)).toMatchObject({
      visits: 1,
      posts: 1,
      questions: 1,
      comments: 1,
      answers: 0,
      pages: 1,
    });
    expect(await personDay(bob)).toMatchObject({
      visits: 1,
      comments: 1,
      answers: 1,
      reactions: 1,
      posts: 0,
    });
    expect(await personDay(cat)).toMatchObject({ visits: 1, reactions: 1, shares: 1, votes: 1, posts: 0 });

    const spaceDay = await db()
      .selectFrom('analytics_space_days')
      .selectAll()
      .where('space_id', '=', space.id)
      .executeTakeFirstOrThrow();
    expect(spaceDay).toMatchObject({
      posts: 1,
      questions: 1,
      comments: 2,
      answers: 1,
      reactions: 2,
      shares: 1,
      people: 3,
    });

    const interactions = await db()
      .selectFrom('analytics_interaction_days')
      .select(['from_department_id', 'to_department_id', 'kind', 'space_id', 'space_type', 'n'])
      .execute();
    const key = (r: { from_department_id: string | null; to_department_id: string | null; kind: string }) =>
      `${r.from_department_id === deptA ? 'A' : 'B'}>${r.to_department_id === deptA ? 'A' : 'B'}:${r.kind}`;
    const totals = interactions
      .filter((r) => r.space_id === null && r.space_type === null)
      .map((r) => `${key(r)}=${r.n}`);
    expect(totals.sort()).toEqual([
      'A>A:reaction=1',
      'A>A:share=1',
      'B>A:answer=1',
      'B>A:comment=1',
      'B>A:reaction=1',
    ]);
    const inSpace = interactions.filter((r) => r.space_id === space.id).map((r) => `${key(r)}=${r.n}`);
    expect(inSpace.sort()).toEqual(totals.sort());
    const ofType = interactions.filter((r) => r.space_type !== null).map((r) => `${key(r)}=${r.n}`);
    expect(ofType.sort()).toEqual(totals.sort());

    const questions = await db().selectFrom('analytics_questions').selectAll().execute();
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatchObject({ space_id: space.id, asker_id: ann.id });
    expect(questions[0]!.first_answer_at).not.toBeNull();
    expect(questions[0]!.accepted_at).not.toBeNull();

    const pages = await db().selectFrom('analytics_page_days').selectAll().execute();
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ created: 1, reads_by_others: 1, space_id: space.id });
    const searches = await db().selectFrom('analytics_search_days').selectAll().orderBy('terms').execute();
    expect(searches.map((s) => [s.user_id, s.terms, s.searches, s.empty])).toEqual([
      [bob.id, 'luxmètre introuvable', 1, 1],
      [bob.id, 'procédure', 1, 0],
    ]);

    const once = await snapshot();
    expect((await refreshRollups(db(), now)).events).toBe(0);
    expect(await snapshot()).toEqual(once);
    const rebuilt = await rebuildRollups(db(), now);
    expect(rebuilt.days).toBeGreaterThanOrEqual(1);
    expect(await snapshot()).toEqual(once);
    const state = await db().selectFrom('analytics_state').selectAll().executeTakeFirstOrThrow();
    expect(state.refreshed_at?.getTime()).toBe(now.getTime());
  });

  it('adds an older day’s event that arrives after the watermark to that day', async () => {
    const now = t.server.clock.now();
    const old = new Date(now.getTime() - 10 * 86_400_000);
    await db()
      .insertInto('activity_events')
      .values(
        activityRow({
          actorId: bob.id,
          verb: 'post.created',
          objectType: 'post',
          objectId: newId(),
          at: old,
        }),
      )
      .execute();
    const result = await refreshRollups(db(), now);
    expect(result).toMatchObject({ days: 1, events: 1 }); // that day alone
    const row = await db()
      .selectFrom('analytics_person_days')
      .selectAll()
      .where('user_id', '=', bob.id)
      .where('day', '=', dayOf(old))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ posts: 1, actions: 1 });
    // Nothing new: nothing recomputed.
    expect(await refreshRollups(db(), now)).toMatchObject({ days: 0, events: 0 });
  });

  it('builds every dashboard from these roll-ups, in the contract’s shape', async () => {
    const today = dayOf(t.server.clock.now());
    const day = (n: number) => dayOf(new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000));
    const filters = {
      period: { from: day(-6), to: today },
      previous: { from: day(-13), to: day(-7) },
      departmentId: null,
      siteId: null,
      peopleCohortId: null,
      spaceIds: null,
      minGroup: 1,
    };
    for (const name of DASHBOARDS) {
      const all = await buildDashboard(db(), name, filters, null);
      expect(Dashboard.parse(all)).toEqual(all);
      expect(all.suppressed).toBe(false);
      const inSpace = await buildDashboard(
        db(),
        name,
        { ...filters, spaceIds: [space.id], departmentId: deptA },
        null,
      );
      expect(Dashboard.parse(inSpace)).toEqual(inSpace);
    }
    const measured = await measuredFigures(db(), filters);
    expect(measured).toMatchObject({
      posts: 1,
      comments: 2,
      questions_answered: 1,
      answers_accepted: 1,
      pages_reused: 1,
    });
  });
});
