import type { SearchResult, SnippetPart } from '../../../common/schemas/search.ts';
import { presentSpaceSummary } from '../spaces/summary.ts';
import { presentPersonRef } from '../stream/presenters.ts';
import { HIT_END, HIT_START, type SearchRow } from './queries.ts';

/** A headline from the database as parts, the matched words marked; never HTML. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  let text = '';
  const flush = () => {
    if (text) parts.push({ text, hit });
    text = '';
  };
  for (const ch of headline) {
    if (ch === HIT_START || ch === HIT_END) {
      flush();
      hit = ch === HIT_START;
    } else {
      text += ch;
    }
  }
  flush();
  return parts;
}

/** French stems or English stems may be the ones that matched: show the headline with hits. */
function bestSnippet(row: SearchRow): SnippetPart[] {
  const fr = snippetParts(row.snippet_fr ?? '');
  if (fr.some((p) => p.hit)) return fr;
  const en = snippetParts(row.snippet_en ?? '');
  return en.some((p) => p.hit) ? en : fr;
}

export function presentSearchResult(row: SearchRow): SearchResult {
  return {
    kind: row.kind,
    id: row.id,
    postId: row.post_id,
    title: row.title,
    snippet: bestSnippet(row),
    author:
      row.author_id && row.author_name && row.author_handle
        ? presentPersonRef({
            id: row.author_id,
            name: row.author_name,
            handle: row.author_handle,
            job_title: row.author_job_title,
          })
        : null,
    space: row.kind !== 'person' ? presentSpaceSummary(row) : null,
    createdAt: row.created_at.toISOString(),
  };
}
