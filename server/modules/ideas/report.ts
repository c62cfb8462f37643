// The campaign report: ideas by status, conversion (submitted → shipped), the median time
// from submission to a decision, and contributors by department — or, for guests, by the
// organisation their e-mail address belongs to.
import { type CampaignReport, IDEA_STATUSES } from '../../../common/schemas/ideas.ts';
import type { AnyDb } from '../../db/database.ts';

const median = (values: number[]) => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export async function campaignReport(db: AnyDb, campaignId: string): Promise<CampaignReport> {
  const ideas = await db
    .selectFrom('ideas as i')
    .leftJoin('users as u', 'u.id', 'i.author_id')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select([
      'i.status',
      'i.created_at',
      'i.decided_at',
      'i.author_id',
      'u.role',
      'u.email',
      'd.name as department',
    ])
    .where('i.campaign_id', '=', campaignId)
    .where('i.merged_into', 'is', null)
    .execute();
  const byStatus: Record<string, number> = Object.fromEntries(IDEA_STATUSES.map((s) => [s, 0]));
  for (const i of ideas) byStatus[i.status] = (byStatus[i.status] ?? 0) + 1;
  const shipped = byStatus.shipped ?? 0;
  const hours = ideas
    .filter((i) => i.decided_at)
    .map((i) => (i.decided_at!.getTime() - i.created_at.getTime()) / 3_600_000);
  const groups = new Map<string, { group: string; external: boolean; people: Set<string> }>();
  for (const i of ideas) {
    if (!i.author_id) continue;
    const external = i.role === 'guest';
    const group = external ? (i.email?.split('@')[1] ?? '—') : (i.department ?? '—');
    const key = `${external}:${group}`;
    const g = groups.get(key) ?? { group, external, people: new Set<string>() };
    g.people.add(i.author_id);
    groups.set(key, g);
  }
  return {
    byStatus,
    submitted: ideas.length,
    shipped,
    conversion: ideas.length ? shipped / ideas.length : 0,
    medianHoursToDecision: median(hours),
    contributors: [...groups.values()]
      .map((g) => ({ group: g.group, external: g.external, count: g.people.size }))
      .sort((a, b) => b.count - a.count || a.group.localeCompare(b.group)),
  };
}
