// What leaves the server about share kits and the reach report.
import type { Kit, ReachReport } from '../../../common/schemas/ambassadors.ts';
import type { KitRow, reachByLink } from './queries.ts';

export function presentKit(k: KitRow): Kit {
  return {
    id: k.id,
    slug: k.slug,
    title: k.title,
    texts: k.texts,
    targetUrl: k.target_url,
    imageUrl: k.image_url,
    editable: k.editable,
    disclosure: k.disclosure,
    departmentIds: k.department_ids,
    siteIds: k.site_ids,
    startsAt: k.starts_at.toISOString(),
    endsAt: k.ends_at.toISOString(),
    status: k.status,
    publishedAt: k.published_at?.toISOString() ?? null,
    archivedAt: k.archived_at?.toISOString() ?? null,
  };
}

type LinkReach = Awaited<ReturnType<typeof reachByLink>>[number];

export function presentReport(input: {
  kits: KitRow[];
  links: LinkReach[];
  members: { user_id: string; department: string | null }[];
  leaderboard: ReachReport['leaderboard'];
  leaderboardOn: boolean;
}): ReachReport {
  const { links } = input;
  const kits = input.kits
    .map((k) => {
      const own = links.filter((l) => l.kit_id === k.id);
      const networks = new Map<string, { network: string; shares: number; clicks: number }>();
      for (const l of own) {
        const n = networks.get(l.network) ?? { network: l.network, shares: 0, clicks: 0 };
        n.shares += l.shares;
        n.clicks += l.clicks;
        networks.set(l.network, n);
      }
      return {
        id: k.id,
        title: k.title,
        status: k.status,
        shares: own.reduce((s, l) => s + l.shares, 0),
        clicks: own.reduce((s, l) => s + l.clicks, 0),
        byNetwork: [...networks.values()].sort((a, b) => b.clicks - a.clicks),
      };
    })
    .sort((a, b) => b.clicks - a.clicks || b.shares - a.shares);
  const departments = new Map<
    string | null,
    { name: string | null; people: Set<string>; shares: number; clicks: number }
  >();
  const dept = (name: string | null) => {
    const d = departments.get(name) ?? { name, people: new Set<string>(), shares: 0, clicks: 0 };
    departments.set(name, d);
    return d;
  };
  for (const m of input.members) dept(m.department).people.add(m.user_id);
  for (const l of links) {
    const d = dept(l.department);
    d.people.add(l.user_id);
    d.shares += l.shares;
    d.clicks += l.clicks;
  }
  const people = new Set([...input.members.map((m) => m.user_id), ...links.map((l) => l.user_id)]);
  return {
    totals: {
      ambassadors: people.size,
      shares: links.reduce((s, l) => s + l.shares, 0),
      clicks: links.reduce((s, l) => s + l.clicks, 0),
    },
    kits,
    departments: [...departments.values()]
      .map((d) => ({ name: d.name, ambassadors: d.people.size, shares: d.shares, clicks: d.clicks }))
      .sort((a, b) => b.ambassadors - a.ambassadors),
    leaderboard: input.leaderboard,
    leaderboardOn: input.leaderboardOn,
  };
}
