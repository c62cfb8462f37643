import { Link } from 'react-router';
import type { PageSummary } from '../../../common/schemas/knowledge.ts';

/** Pages nested under their parents, by title. */
export function PageTreeList({
  pages,
  parentId = null,
}: {
  pages: readonly PageSummary[];
  parentId?: string | null;
}) {
  const known = new Set(pages.map((p) => p.id));
  // A page whose parent is gone is shown at the top.
  const level = pages.filter((p) =>
    parentId === null ? p.parentId === null || !known.has(p.parentId) : p.parentId === parentId,
  );
  if (level.length === 0) return null;
  return (
    <ul className="page-tree">
      {level.map((page) => (
        <li key={page.id}>
          <Link to={`/pages/${page.id}`}>{page.title}</Link>
          <PageTreeList pages={pages} parentId={page.id} />
        </li>
      ))}
    </ul>
  );
}
