// Collaboration: how people of one department respond to content of another (comments,
// answers, reactions, shares aimed at someone else's post, comment or answer), and how much
// of it crosses departments. Departments are the people's current ones.
import { sql } from 'kysely';
import { WEEK } from '../../../platform/sql-weeks.ts';
import type { ResolvedFilters } from '../filters.ts';
import {
  type Built,
  DAY_TEXT,
  type DashboardModule,
  type Db,
  figure,
  inList,
  num,
  percent,
  rows,
  weeksOf,
} from './common.ts';

export const collaborationFigures = [
  { key: 'interactions', unit: 'count' },
  { key: 'cross_department_share', unit: 'percent' },
] as const;

/** The interaction rows of the filters: totals over every place, or the chosen spaces. */
function source(f: ResolvedFilters, from: string, to: string) {
  const place = f.spaceType
    ? sql`i.space_type = ${f.spaceType}`
    : f.spaceIds === null
      ? sql`i.space_id IS NULL AND i.space_type IS NULL`
      : inList(sql.ref('i.space_id'), f.spaceIds);
  const department = f.departmentId
    ? sql`(i.from_department_id = ${f.departmentId} OR i.to_department_id = ${f.departmentId})`
    : sql`true`;
  return sql`SELECT i.day, i.from_department_id, i.to_department_id, i.n FROM analytics_interaction_days i
    WHERE i.day BETWEEN ${from}::date AND ${to}::date AND ${place} AND ${department}`;
}

async function build(db: Db, f: ResolvedFilters): Promise<Built> {
  const p = f.period;
  const q = f.previous;
  // One scan: per week (split at the period's start) and pair of departments.
  const [grouped, sizes] = await Promise.all([
    rows<{ current: boolean; week: string; from_id: string | null; to_id: string | null; n: unknown }>(
      db,
      // Grouped on the raw values (a hash of dates and ids), made text only for the few
      // groups: sorting ~150,000 rows on text keys spilled to disk and took most of the time.
      sql`SELECT g.current, ${DAY_TEXT('g.w')} AS week, g.from_department_id::text AS from_id,
          g.to_department_id::text AS to_id, g.n::int AS n
        FROM (
          SELECT i.day >= ${p.from}::date AS current, ${WEEK('i.day')} AS w, i.from_department_id,
            i.to_department_id, sum(i.n) AS n
          FROM (${source(f, q.from, p.to)}) i
          GROUP BY 1, 2, 3, 4
        ) g`,
    ),
    rows<{ id: string | null; name: string | null; people: unknown }>(
      db,
      sql`SELECT u.department_id::text AS id, dep.name, count(*)::int AS people
        FROM users u LEFT JOIN departments dep ON dep.id = u.department_id
        WHERE u.status = 'active' AND u.erased_at IS NULL
        GROUP BY 1, 2`,
    ),
  ]);

  // Per week: all interactions, those between two known departments, those crossing.
  const weekly: { current: boolean; week: string; total: number; known: number; crossing: number }[] = [];
  const weekOf = new Map<string, (typeof weekly)[number]>();
  const pairs = new Map<string, number>();
  for (const c of grouped) {
    const key = `${c.current}|${c.week}`;
    let w = weekOf.get(key);
    if (!w) {
      w = { current: c.current, week: c.week, total: 0, known: 0, crossing: 0 };
      weekOf.set(key, w);
      weekly.push(w);
    }
    const n = num(c.n);
    w.total += n;
    if (c.from_id !== null && c.to_id !== null) {
      w.known += n;
      if (c.from_id !== c.to_id) w.crossing += n;
    }
    if (c.current) pairs.set(`${c.from_id}|${c.to_id}`, (pairs.get(`${c.from_id}|${c.to_id}`) ?? 0) + n);
  }
  const matrix = [...pairs.entries()].map(([k, n]) => {
    const [from, to] = k.split('|');
    return { from_id: from === 'null' ? null : from!, to_id: to === 'null' ? null : to!, n };
  });
  const sum = (current: boolean, key: 'total' | 'known' | 'crossing') =>
    weekly.filter((w) => w.current === current).reduce((s, w) => s + w[key], 0);

  // Rows and columns: departments with people or interactions; "no department" last.
  const names = new Map<string | null, string>();
  const people = new Map<string | null, number>();
  for (const s of sizes) {
    names.set(s.id, s.name ?? '');
    people.set(s.id, num(s.people));
  }
  const ids = new Set<string | null>(sizes.map((s) => s.id));
  for (const m of matrix) {
    ids.add(m.from_id);
    ids.add(m.to_id);
  }
  const missing = [...ids].filter((id) => id !== null && !names.has(id)) as string[];
  if (missing.length > 0) {
    const found = await db
      .selectFrom('departments')
      .select(['id', 'name'])
      .where('id', 'in', missing)
      .execute();
    for (const d of found) names.set(d.id, d.name);
  }
  const order = [...ids].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : (names.get(a) ?? '').localeCompare(names.get(b) ?? ''),
  );
  const headers = order.map((id) => ({
    id,
    label: id === null ? 'no_department' : (names.get(id) ?? ''),
    suppressed: (people.get(id) ?? 0) < f.minGroup,
  }));
  const cell = pairs;
  const cells = headers.map((row) =>
    headers.map((col) => (row.suppressed || col.suppressed ? null : (cell.get(`${row.id}|${col.id}`) ?? 0))),
  );

  const byWeek = new Map(weekly.filter((w) => w.current).map((w) => [w.week, w]));
  const notes = f.siteId !== null || f.peopleCohortId !== null ? ['collaboration_departments_only'] : [];
  return {
    figures: [
      figure('interactions', 'count', sum(true, 'total'), sum(false, 'total')),
      figure(
        'cross_department_share',
        'percent',
        percent(sum(true, 'crossing'), sum(true, 'known')),
        percent(sum(false, 'crossing'), sum(false, 'known')),
      ),
    ],
    charts: [
      {
        type: 'heatmap',
        key: 'department_interactions',
        unit: 'count',
        rows: headers,
        columns: headers,
        cells,
      },
      {
        type: 'line',
        key: 'cross_department_share_by_week',
        unit: 'percent',
        lines: [
          {
            key: 'cross_department_share',
            points: weeksOf(p.from, p.to).map((x) => {
              const w = byWeek.get(x);
              return { x, y: w ? percent(w.crossing, w.known) : null };
            }),
          },
        ],
      },
    ],
    notes,
  };
}

export const collaboration: DashboardModule = { figures: [...collaborationFigures], build };
