// What leaves the server about share kits, the reach report and the communication managers.
import type { Kit, ReachReport } from '../../../common/schemas/ambassadors.ts';
import type { departmentReach, KitRow, kitNetworks, kitTotals, reachTotals } from './queries.ts';

/** The image's address changes with the image, so the browser may keep it for a while. */
export const kitImageUrl = (k: Pick<KitRow, 'id' | 'image_updated_at'>) =>
  k.image_updated_at
    ? `/api/v1/ambassadors/kits/${k.id}/image?v=${k.image_updated_at.getTime().toString(36)}`
    : null;

export function presentKit(k: KitRow): Kit {
  return {
    id: k.id,
    slug: k.slug,
    title: k.title,
    texts: k.texts,
    targetUrl: k.target_url,
    imageUrl: kitImageUrl(k),
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

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

/** The report from its aggregates, as the database ordered them; networks go under their kit. */
export function presentReport(input: {
  totals: Rows<typeof reachTotals>;
  kits: Rows<typeof kitTotals>;
  networks: Rows<typeof kitNetworks>;
  departments: Rows<typeof departmentReach>;
  leaderboard: ReachReport['leaderboard'];
  leaderboardOn: boolean;
}): ReachReport {
  const byKit = new Map<string, ReachReport['kits'][number]['byNetwork']>();
  for (const { kit_id, network, shares, clicks } of input.networks)
    byKit.set(kit_id, [...(byKit.get(kit_id) ?? []), { network, shares, clicks }]);
  return {
    totals: input.totals,
    kits: input.kits.map((k) => ({
      ...k,
      byNetwork: byKit.get(k.id) ?? [],
    })),
    departments: input.departments,
    leaderboard: input.leaderboard,
    leaderboardOn: input.leaderboardOn,
  };
}
