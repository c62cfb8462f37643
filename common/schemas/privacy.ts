// Personal data: a person's downloadable archives, erasing a person, and the organisation's
// choice of what erasure does with what they wrote.
import { z } from 'zod';
import { DateTime } from './primitives.ts';

export const PersonalDataExportStatus = z.enum(['pending', 'ready', 'failed']);

export const PersonalDataExport = z.object({
  id: z.string(),
  status: PersonalDataExportStatus,
  requestedAt: DateTime,
  readyAt: DateTime.nullable(),
  /** After this the archive is deleted and can no longer be downloaded. */
  expiresAt: DateTime,
  sizeBytes: z.number().nullable(),
  /** Where to download it, once ready. */
  url: z.string().nullable(),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExport>;

export const PersonalDataExportList = z.object({ items: z.array(PersonalDataExport) });

export const ERASURE_CONTENT = ['keep', 'delete'] as const;
export const ErasureContent = z.enum(ERASURE_CONTENT);
export type ErasureContent = z.infer<typeof ErasureContent>;

export const PrivacySettings = z.object({
  /** keep: what an erased person wrote stays, signed "former employee"; delete: it goes with them. */
  erasureContent: ErasureContent,
});
export const PrivacySettingsBody = PrivacySettings;

/** The administrator types the person's email address, so nobody is erased by a slip. */
export const EraseUserBody = z.object({ confirmation: z.string().trim().toLowerCase().max(254) });

export const ErasureResult = z.object({
  id: z.string(),
  erasedAt: DateTime,
  content: ErasureContent,
  /** What was removed, counted (deleted content is 0 when it was kept). */
  removed: z.object({ posts: z.number(), comments: z.number(), pages: z.number(), files: z.number() }),
});
