// Roll-ups at scale: events added in small refreshes (old days, late-visible ids, acceptances
// taken back in a later batch, an earlier first answer, an older page read) end in exactly
// the rows a rebuild computes, with the question and page-reuse day tables following; a space-type
// filter read from the per-type tables gives the dashboards of the same spaces listed one
// by one; erasing a person leaves no row keyed by them and the same rows as a rebuild.
import { type Kysely, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARDS } from '../../common/schemas/analytics.ts';
import * as personWeeks from '../../server/db/migrations/2026-12-04-53-analytics-person-weeks.ts';
import * as monthDays from '../../server/db/migrations/2026-12-04-55-analytics-month-days.ts';
import type { ResolvedFilters } from '../../server/modules/analytics/filters.ts';
import { forgetPerson } from '../../server/modules/analytics/forget.ts';
import { buildDashboard } from '../../server/modules/analytics/indicators/index.ts';
import { ROLLUP_TABLES } from '../../server/modules/analytics/rollups/apply.ts';
import { dayOf, rebuildRollups, refreshRollups } from '../../server/modules/analytics/rollups/refresh.ts';
import { activityRow } from '../../server/platform/activity.ts';
import { newId } from '../../server/platform/ids.ts';
import { inTransaction } from '../../server/platform/transaction.ts';
import { useServer } from '../helpers/server.ts';

const DAY_MS = 86_400_000;
const TABLES = ROLLUP_TABLES.filter((t) => t !== 'analytics_pending_events');

/** A small deterministic random generator (Park–Miller), so the data is the same every run. */
function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 48_271) % 2_147_483_647;
    return x / 2_147_483_647;
  };
}

describe('analytics roll-ups at scale', () => {
  const t = useServer({ worker: false });
  const db = () => t.server.ctx.db;
  const now = new Date();
  const today = dayOf(now);
  const people = Array.from({ length: 12 }, () => newId());
  const projects = [newId(), newId()];
  const teams = [newId()];
  const dept = newId();
  const rand = random(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;

  /** About n events over the last `days` days: content, responses, visits, searches, page reads. */
  const questions: { id: string; asker: string; space: string; at: Date }[] = [];
  function events(n: number, days: number) {
    const rows = [];
    for (let i = 0; i < n; i++) {
      const at = new Date(now.getTime() - Math.floor(rand() * days * DAY_MS));
      const actor = pick(people);
      const space = rand() < 0.2 ? null : pick([...projects, ...teams]);
      const r = rand();
      let row: Parameters<typeof activityRow>[0];
      if (r < 0.15) row = { actorId: actor, verb: 'post.created', objectType: 'post', spaceId: space, at };
      else if (r < 0.25) {
        const q = { id: newId(), asker: actor, space: space ?? projects[0]!, at };
        questions.push(q);
        row = {
          actorId: actor,
          verb: 'question.asked',
          objectType: 'post',
          objectId: q.id,
          spaceId: q.space,
          at,
        };
      } else if (r < 0.35 && questions.length > 0) {
        // Answered and decided after it was asked (never after now).
        const q = pick(questions);
        const after = new Date(Math.min(now.getTime(), q.at.getTime() + Math.floor(rand() * 2 * DAY_MS)));
        row = {
          actorId: actor,
          verb:
            rand() < 0.7
              ? 'question.answered'
              : rand() < 0.5
                ? 'question.answer_accepted'
                : 'question.answer_unaccepted',
          objectType: 'post',
          objectId: q.id,
          spaceId: q.space,
          data: { postId: q.id },
          targetId: q.asker,
          at: after,
        };
      } else if (r < 0.55)
        row = {
          actorId: actor,
          verb: 'reaction.set',
          objectType: 'post',
          spaceId: space,
          targetId: pick(people),
          at,
        };
      else if (r < 0.65)
        row = {
          actorId: actor,
          verb: 'comment.created',
          objectType: 'comment',
          spaceId: space,
          targetId: pick(people),
          at,
        };
      else if (r < 0.75)
        row = {
          actorId: actor,
          verb: 'search.performed',
          objectType: 'search',
          data: { terms: pick(['vpn', 'badge', 'congés', 'introuvable']), results: rand() < 0.5 ? 0 : 3 },
          at,
        };
      else if (r < 0.85)
        row = {
          actorId: actor,
          verb: 'knowledge.page_read',
          objectType: 'knowledge_page',
          objectId: pick(projects.concat(teams)), // a few page ids, reused
          spaceId: space,
          at,
        };
      else row = { actorId: actor, verb: 'user.visited', objectType: 'user', objectId: actor, at };
      rows.push(activityRow(row));
    }
    return rows;
  }

  /** The last 30 days and the 30 before, everyone, threshold 1, with these filters. */
  const lastThirtyDays = (filters: Partial<ResolvedFilters>): ResolvedFilters => ({
    period: { from: dayOf(new Date(now.getTime() - 29 * DAY_MS)), to: today },
    previous: {
      from: dayOf(new Date(now.getTime() - 59 * DAY_MS)),
      to: dayOf(new Date(now.getTime() - 30 * DAY_MS)),
    },
    departmentId: null,
    siteId: null,
    peopleCohortId: null,
    spaceIds: null,
    minGroup: 1,
    ...filters,
  });

  async function insert(rows: ReturnType<typeof events>) {
    for (let i = 0; i < rows.length; i += 500)
      await db()
        .insertInto('activity_events')
        .values(rows.slice(i, i + 500))
        .execute();
  }

  async function snapshot() {
    const out: Record<string, string[]> = {};
    for (const table of TABLES) {
      const rows = await db().selectFrom(table).selectAll().execute();
      out[table] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  }

  beforeAll(async () => {
    await db().insertInto('departments').values({ id: dept, name: 'Atelier', created_at: now }).execute();
    await db()
      .insertInto('users')
      .values(
        people.map((id, i) => ({
          id,
          email: `scale-${i}-${id.slice(-8)}@example.test`,
          name: `Scale ${i}`,
          password_hash: null,
          role: 'member' as const,
          status: 'active' as const,
          locale: 'en' as const,
          department_id: i % 2 === 0 ? dept : null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await db()
      .insertInto('spaces')
      .values(
        [...projects.map((id) => [id, 'project'] as const), ...teams.map((id) => [id, 'team'] as const)].map(
          ([id, type]) => ({
            id,
            slug: `scale-${id.slice(-12)}`,
            name: `Space ${id.slice(-4)}`,
            type,
            visibility: 'open' as const,
            created_by: null,
            created_at: now,
            updated_at: now,
            archived_at: null,
          }),
        ),
      )
      .execute();
    await db()
      .insertInto('space_members')
      .values(
        [...projects, ...teams].flatMap((space) =>
          people.map((user) => ({ space_id: space, user_id: user, role: 'member' as const, joined_at: now })),
        ),
      )
      .execute();
  });

  it('refreshes batch after batch (old days, late ids, decisions taken back) into what a rebuild computes', async () => {
    await insert(events(400, 60));
    await refreshRollups(db(), now);
    await insert(events(150, 3));
    expect((await refreshRollups(db(), now)).events).toBe(150);
    // An event of 40 days ago, written now.
    await insert(
      events(20, 60)
        .filter((r) => !r.verb.startsWith('question.'))
        .map((r) => ({ ...r, at: new Date(now.getTime() - 40 * DAY_MS) })),
    );
    await refreshRollups(db(), now);

    // An id taken by a transaction that commits after a later id was read: a hole, noted…
    const seq = await sql<{ id: string }>`
      SELECT nextval(pg_get_serial_sequence('activity_events', 'id'))::text AS id`.execute(db());
    const late = seq.rows[0]!.id;
    await insert(events(5, 1));
    await refreshRollups(db(), now);
    const pending = await db().selectFrom('analytics_pending_events').select('id').execute();
    expect(pending.map((p) => String(p.id))).toEqual([late]);
    // …then the late event becomes visible and is applied once.
    const [row] = events(1, 1);
    await sql`INSERT INTO activity_events (id, at, actor_id, verb, object_type, object_id, space_id, data, target_id)
      OVERRIDING SYSTEM VALUE VALUES (${late}::bigint, ${row!.at}, ${row!.actor_id}, 'post.created', 'post', NULL,
        ${projects[0]!}, NULL, NULL)`.execute(db());
    expect((await refreshRollups(db(), now)).events).toBe(1);
    expect(await db().selectFrom('analytics_pending_events').selectAll().execute()).toEqual([]);
    expect((await refreshRollups(db(), now)).events).toBe(0);

    const incremental = await snapshot();
    expect(incremental.analytics_actors!.length).toBeGreaterThan(people.length);
    await rebuildRollups(db(), now);
    expect(await snapshot()).toEqual(incremental);
    // The rebuild leaves no marker behind: refreshes go on.
    expect((await refreshRollups(db(), now)).events).toBe(0);
  });

  it('the person-week migration fills, from the person-day tables, the rows the refreshes built', async () => {
    const weeks = () =>
      sql<{ row: string }>`SELECT concat_ws(' ', place, week, user_id, contributions,
        contributions_days::text, active_days) AS row
        FROM analytics_person_weeks ORDER BY 1`.execute(db());
    const built = (await weeks()).rows;
    expect(built.length).toBeGreaterThan(people.length);
    const raw = db() as unknown as Kysely<unknown>;
    await personWeeks.down(raw);
    await personWeeks.up(raw);
    expect((await weeks()).rows).toEqual(built);
  });

  it('the month migration turns the running totals it had into the bitmaps the refreshes build', async () => {
    const months = () =>
      sql<{ row: string }>`SELECT concat_ws(' ', place, month, user_id, contributions::text, created_days,
        responded_days, active_days) AS row FROM analytics_person_months ORDER BY 1`.execute(db());
    const built = (await months()).rows;
    expect(built.length).toBeGreaterThan(people.length);
    const raw = db() as unknown as Kysely<unknown>;
    await monthDays.down(raw);
    // The rows as the previous version kept them: four arrays of running totals, from the person-days.
    const cum = (sum: string) =>
      sql.raw(`analytics_cum_of(date_trunc('month', d.day)::date, array_agg(d.day), array_agg(${sum}))`);
    for (const [place, table] of [
      ["'*'", 'analytics_person_days'],
      ['d.place', 'analytics_place_person_days'],
    ])
      await sql`INSERT INTO analytics_person_months (place, user_id, month, contributions, created, responded, actions)
        SELECT ${sql.raw(place!)}, d.user_id, date_trunc('month', d.day)::date,
          ${cum('d.posts + d.questions + d.comments + d.answers + d.pages + d.events + d.shares')},
          ${cum('d.posts + d.questions + d.pages + d.events')},
          ${cum('d.comments + d.answers + d.reactions + d.votes + d.shares')}, ${cum('d.actions')}
        FROM ${sql.table(table!)} d GROUP BY 1, 2, 3`.execute(db());
    await monthDays.up(raw);
    expect((await months()).rows).toEqual(built);
  });

  it('moves a question to the day of an earlier first answer that arrives later, and a page to its first read in a period', async () => {
    const q = newId();
    const page = newId();
    const space = projects[0]!;
    const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const answeredOn = async (days: number) => {
      const row = await db()
        .selectFrom('analytics_question_days')
        .select(['answered', 'accepted'])
        .where('day', '=', dayOf(ago(days)))
        .where('space_id', '=', space)
        .executeTakeFirst();
      return { answered: row?.answered ?? 0, accepted: row?.accepted ?? 0 };
    };
    const reuse = async () => {
      const built = await buildDashboard(
        db(),
        'knowledge',
        {
          period: { from: dayOf(ago(6)), to: today },
          previous: { from: dayOf(ago(13)), to: dayOf(ago(7)) },
          departmentId: null,
          siteId: null,
          peopleCohortId: null,
          spaceIds: null,
          minGroup: 1,
        },
        null,
      );
      const fig = built.figures.find((f) => f.key === 'pages_reused')!;
      return [fig.value, fig.previous];
    };
    const row = (verb: string, at: Date, extra: Partial<Parameters<typeof activityRow>[0]> = {}) =>
      activityRow({
        actorId: people[5]!,
        verb,
        objectType: 'post',
        objectId: q,
        spaceId: space,
        at,
        ...extra,
      });
    const read = (at: Date) =>
      row('knowledge.page_read', at, { actorId: people[6]!, objectType: 'knowledge_page', objectId: page });
    const before = { five: await answeredOn(70), eight: await answeredOn(72) };
    const reusedBefore = await reuse();

    await insert([
      row('question.asked', ago(75)),
      row('question.answered', ago(70), { data: { postId: q } }),
      read(ago(2)),
    ]);
    await refreshRollups(db(), now);
    expect(await answeredOn(70)).toEqual({ ...before.five, answered: before.five.answered + 1 });
    // The page, read two days ago only: reused in the period, not in the one before.
    expect(await reuse()).toEqual([reusedBefore[0]! + 1, reusedBefore[1]]);

    // An earlier answer, and an acceptance, arrive in a later batch; so does an older read.
    await insert([
      row('question.answered', ago(72), { data: { postId: q } }),
      row('question.answer_accepted', ago(71)),
      read(ago(9)),
    ]);
    await refreshRollups(db(), now);
    expect(await answeredOn(70)).toEqual(before.five);
    expect(await answeredOn(72)).toEqual({ ...before.eight, answered: before.eight.answered + 1 });
    expect(await reuse()).toEqual([reusedBefore[0]! + 1, reusedBefore[1]! + 1]);

    // The acceptance taken back: the day counts it no more, and no row is left at zero.
    await insert([row('question.answer_unaccepted', ago(69))]);
    await refreshRollups(db(), now);
    expect((await answeredOn(71)).accepted).toBe(0);
    const incremental = await snapshot();
    await rebuildRollups(db(), now);
    expect(await snapshot()).toEqual(incremental);
  });

  it('re-creates its state row if it is missing', async () => {
    await db().deleteFrom('analytics_state').execute();
    await refreshRollups(db(), now);
    const state = await db().selectFrom('analytics_state').selectAll().execute();
    expect(state.map((s) => s.name)).toEqual(['rollups']);
    expect(state[0]!.refreshed_at?.getTime()).toBe(now.getTime());
  });

  it('reads a space type from its own tables, with the figures of its spaces listed one by one', async () => {
    const base = lastThirtyDays({ spaceIds: [...projects].sort() });
    for (const departmentId of [null, dept])
      for (const name of DASHBOARDS) {
        const listed = await buildDashboard(db(), name, { ...base, departmentId }, null);
        const typed = await buildDashboard(db(), name, { ...base, departmentId, spaceType: 'project' }, null);
        expect(typed, `${name}, department ${departmentId}`).toEqual(listed);
      }
    const single = { ...base, spaceIds: [teams[0]!] };
    const one = await buildDashboard(db(), 'engagement', single, null);
    const typed = await buildDashboard(db(), 'engagement', { ...single, spaceType: 'team' }, null);
    expect(typed).toEqual(one);
  });

  it('moves the history of people who change department or cohort to their new groups, as a rebuild files it', async () => {
    const cohort = newId();
    await db()
      .insertInto('analytics_cohorts')
      .values({
        id: cohort,
        name: `Pilot ${cohort.slice(-6)}`,
        kind: 'people',
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db()
      .insertInto('analytics_cohort_members')
      .values([people[1]!, people[2]!, people[3]!].map((member_id) => ({ cohort_id: cohort, member_id })))
      .execute();
    await db().updateTable('users').set({ department_id: dept }).where('id', '=', people[1]!).execute();
    await db().updateTable('users').set({ department_id: null }).where('id', '=', people[4]!).execute();
    await insert(events(60, 5));
    await refreshRollups(db(), now);
    const groups = await db().selectFrom('analytics_group_days').select('grp').distinct().execute();
    expect(groups.map((g) => g.grp).sort()).toEqual([`cohort:${cohort}`, `department:${dept}`]);
    // Interactions stay under the departments of when they were applied (docs/analytics.md).
    const { analytics_interaction_days: _, ...moved } = await snapshot();
    await rebuildRollups(db(), now);
    const { analytics_interaction_days: __, ...rebuilt } = await snapshot();
    expect(rebuilt).toEqual(moved);
  });

  it('counts someone in the department they just joined at once: before the refresh moves their history, its members answer', async () => {
    const filters = lastThirtyDays({ departmentId: dept });
    const all = () => Promise.all(DASHBOARDS.map((name) => buildDashboard(db(), name, filters, null)));
    const mover = people[7]!;
    expect(
      await db().selectFrom('analytics_person_days').select('day').where('user_id', '=', mover).execute(),
    ).not.toEqual([]);
    const alone = await all();
    await db().updateTable('users').set({ department_id: dept }).where('id', '=', mover).execute();
    const joined = await all();
    expect(joined).not.toEqual(alone);
    await refreshRollups(db(), now);
    expect(await all()).toEqual(joined);
    // Back where they were (their interactions stay filed under their department of the time).
    await db().updateTable('users').set({ department_id: null }).where('id', '=', mover).execute();
    await refreshRollups(db(), now);
    expect(await all()).toEqual(alone);
  });

  it('forgets an erased person: no row keyed by them, their words gone, the same rows as a rebuild', async () => {
    // Someone in a people cohort (since the test above): their events leave its totals too.
    const who = people[3]!;
    const before = await db().selectFrom('analytics_days').select(['day', 'posts']).orderBy('day').execute();
    await inTransaction(t.server.ctx, (tx) => forgetPerson(tx, who));
    for (const table of [
      'analytics_person_days',
      'analytics_space_person_days',
      'analytics_place_person_days',
      'analytics_actors',
      'analytics_search_days',
      'analytics_person_months',
      'analytics_person_weeks',
    ] as const) {
      const left = await db().selectFrom(table).select('user_id').where('user_id', '=', who).execute();
      expect(left, table).toEqual([]);
    }
    const named = await db().selectFrom('activity_events').select('id').where('actor_id', '=', who).execute();
    expect(named).toEqual([]);
    // Counts stay: a post is still a post.
    expect(await db().selectFrom('analytics_days').select(['day', 'posts']).orderBy('day').execute()).toEqual(
      before,
    );
    const forgotten = await snapshot();
    await rebuildRollups(db(), now);
    expect(await snapshot()).toEqual(forgotten);
  });

  it('lists a term searched in vain by enough people even below many terms searched by one person', async () => {
    const yesterday = new Date(now.getTime() - DAY_MS);
    const search = (actorId: string, terms: string) =>
      activityRow({
        actorId,
        verb: 'search.performed',
        objectType: 'search',
        data: { terms, results: 0 },
        at: yesterday,
      });
    // 130 terms searched 20 times each by one person: more than the first 100 candidates.
    const lonely = Array.from({ length: 130 }, (_, i) => `seul ${i}`);
    await insert(lonely.flatMap((terms) => Array.from({ length: 20 }, () => search(people[8]!, terms))));
    await insert(people.slice(0, 5).map((p) => search(p, 'parking visiteurs')));
    await refreshRollups(db(), now);
    const built = await buildDashboard(db(), 'knowledge', lastThirtyDays({ minGroup: 5 }), null);
    const table = built.charts.find((c) => c.key === 'no_result_terms');
    const listed = table?.type === 'table' ? table.rows : [];
    expect(listed).toContainEqual(['parking visiteurs', 5, 5]);
    expect(listed.filter((r) => String(r[0]).startsWith('seul '))).toEqual([]);
  });
});
