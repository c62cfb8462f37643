// A space as other things name it (a post's, an event's, a search hit's, a notification's),
// with its external flag so every surface can show the badge.
import type { SpaceSummary } from '../../../common/schemas/spaces.ts';

export interface SpaceSummaryColumns {
  space_id: string | null;
  space_slug: string | null;
  space_name: string | null;
  space_external: boolean | null;
}

export function presentSpaceSummary(row: SpaceSummaryColumns): SpaceSummary | null {
  return row.space_id && row.space_slug && row.space_name
    ? { id: row.space_id, slug: row.space_slug, name: row.space_name, external: row.space_external === true }
    : null;
}
