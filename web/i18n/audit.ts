// How the audit log reads: a label per action, and the record's details as indented JSON.
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../common/schemas/admin.ts';
import { translateDynamic } from './messages.ts';

/** `user.role_changed` → "Role changed"; an action the catalogue does not know shows as is. */
export function auditActionLabel(t: TFunction, action: string): string {
  // Dots in action names are nesting in the catalogue: auditActions.user.role_changed.
  if (!/^[a-z0-9_]+(\.[a-z0-9_]+)*$/.test(action)) return action;
  return translateDynamic(t, `auditActions.${action}`, action);
}

export function auditDetailsText(t: TFunction, entry: AuditEntry): string {
  const parts: string[] = [];
  const section = (title: string, value: unknown) => {
    if (value === null || value === undefined) return;
    parts.push(`${title}\n${JSON.stringify(value, null, 2)}`);
  };
  section(t('admin.audit.before'), entry.before);
  section(t('admin.audit.after'), entry.after);
  section(t('admin.audit.detailsData'), entry.details);
  if (entry.target) section(t('admin.audit.target'), entry.target);
  if (entry.userAgent) parts.push(`${t('admin.audit.userAgent')}\n${entry.userAgent}`);
  return parts.length > 0 ? parts.join('\n\n') : t('admin.audit.noDetails');
}
