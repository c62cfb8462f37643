// Cursor paging: the cursor is the sort key of the last item, opaque to clients.
import { ValidationError } from './errors.ts';

export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends string | number>(
  cursor: string | undefined,
  kind: 'string' | 'number',
): T | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === kind) return value as T;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError([{ field: 'cursor', reason: 'invalid_format', message: 'Invalid cursor.' }]);
}

/** Fetch limit + 1 rows; this trims the extra one and says where the next page starts. */
export function pageOf<Row, Item>(
  rows: Row[],
  limit: number,
  key: (row: Row) => string | number,
  present: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { items: page.map(present), nextCursor: more && last ? encodeCursor(key(last)) : null };
}

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
