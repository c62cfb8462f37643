// A small organisation for the ambassadors dashboard's roll-up tests: UTC day helpers, a
// seeded random source, and the rows every such test starts from (two departments, people,
// a people cohort, published kits).
import type { Db } from '../../server/db/database.ts';

export const DAY_MS = 86_400_000;
export const MINUTE = 60_000;

export const dayOf = (at: Date) => at.toISOString().slice(0, 10);
export const startOf = (day: string) => new Date(`${day}T00:00:00Z`);
export const addDays = (day: string, n: number) => dayOf(new Date(startOf(day).getTime() + n * DAY_MS));
export const mondayOf = (at: Date) => addDays(dayOf(at), -((at.getUTCDay() + 6) % 7));

/** mulberry32: the same dataset on every run. */
export function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface AmbassadorOrg {
  /** Prefix of the people's e-mail addresses. */
  label: string;
  departments: { id: string; name: string }[];
  people: { id: string; dept: string | null }[];
  cohortId: string;
  cohort: Set<string>;
  kits: { id: string; title: string }[];
  /** The kits run from this day to 30 days after `today`. */
  first: string;
  today: string;
}

/** Departments, people, the people cohort and its members, and the kits. */
export async function seedAmbassadorOrg(db: Db, org: AmbassadorOrg): Promise<void> {
  const now = new Date();
  await db
    .insertInto('departments')
    .values(org.departments.map((d) => ({ ...d, created_at: now })))
    .execute();
  await db
    .insertInto('users')
    .values(
      org.people.map((p, i) => ({
        id: p.id,
        email: `${org.label}-${i}-${p.id.slice(-12)}@example.test`,
        name: `Person ${i}`,
        password_hash: null,
        role: 'member' as const,
        status: 'active' as const,
        locale: 'en' as const,
        department_id: p.dept,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  await db
    .insertInto('analytics_cohorts')
    .values({ id: org.cohortId, name: 'Relais', kind: 'people', created_at: now, updated_at: now })
    .execute();
  await db
    .insertInto('analytics_cohort_members')
    .values([...org.cohort].map((member_id) => ({ cohort_id: org.cohortId, member_id })))
    .execute();
  await db
    .insertInto('ambassador_kits')
    .values(
      org.kits.map((k) => ({
        id: k.id,
        slug: `kit-${k.id.slice(-12)}`,
        title: k.title,
        texts: JSON.stringify({ generic: k.title }),
        target_url: 'https://example.com/',
        editable: true,
        disclosure: true,
        department_ids: '[]',
        site_ids: '[]',
        starts_at: startOf(org.first),
        ends_at: startOf(addDays(org.today, 30)),
        status: 'published' as const,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}
