// The audit log as CSV (RFC 4180): one line per record, oldest first, with the chain's
// hashes so a copy kept elsewhere can be checked against the database later. A cell that
// starts like a formula is prefixed with a quote, so a spreadsheet shows it as text.
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../../db/schema.ts';

export const AUDIT_CSV_HEADER = [
  'id',
  'seq',
  'at',
  'action',
  'actor_id',
  'actor',
  'target_type',
  'target_id',
  'target',
  'ip',
  'user_agent',
  'before',
  'after',
  'details',
  'prev_hash',
  'hash',
];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function auditCsvLine(r: Selectable<AuditLogTable>): string {
  return `${[
    r.id,
    r.seq,
    r.at,
    r.action,
    r.actor_id,
    r.actor_label,
    r.target_type,
    r.target_id,
    r.target_label,
    r.ip,
    r.user_agent,
    r.before,
    r.after,
    r.details,
    r.prev_hash,
    r.hash,
  ]
    .map(cell)
    .join(',')}\r\n`;
}
