import type { Selectable } from 'kysely';
import type { PersonalDataExport } from '../../../common/schemas/privacy.ts';
import type { PersonalDataExportTable } from '../../db/schema.ts';

export function presentExport(row: Selectable<PersonalDataExportTable>): PersonalDataExport {
  return {
    id: row.id,
    status: row.status,
    requestedAt: row.created_at.toISOString(),
    readyAt: row.ready_at?.toISOString() ?? null,
    expiresAt: row.expires_at.toISOString(),
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    url: row.status === 'ready' ? `/api/v1/me/personal-data/exports/${row.id}/download` : null,
  };
}
