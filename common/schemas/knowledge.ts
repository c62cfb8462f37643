// Knowledge pages: a wiki per space, with every revision kept.
import { z } from 'zod';
import { DateTime, Id } from './primitives.ts';
import { PersonRef, SpaceSummary } from './spaces.ts';
import { POST_MAX } from './stream.ts';

export const PageTitle = z.string().trim().min(1, 'Give the page a title.').max(200);
export const PageBody = z.string().max(POST_MAX * 5, `At most ${POST_MAX * 5} characters.`);

export const PageCreateBody = z.object({
  title: PageTitle,
  body: PageBody,
  parentId: Id.nullable().optional(),
});
export const PageUpdateBody = z.object({
  title: PageTitle.optional(),
  body: PageBody.optional(),
  parentId: Id.nullable().optional(),
  /** The revision the edit started from: a newer one means someone else saved meanwhile (409). */
  baseRevision: z.number().int().min(1),
});

export const PageSummary = z.object({
  id: z.string(),
  title: z.string(),
  parentId: z.string().nullable(),
  updatedAt: DateTime,
});
export type PageSummary = z.infer<typeof PageSummary>;
export const PageTree = z.object({ items: z.array(PageSummary) });

export const Page = z.object({
  id: z.string(),
  space: SpaceSummary,
  parent: z.object({ id: z.string(), title: z.string() }).nullable(),
  title: z.string(),
  body: z.string(),
  /** The question or thread it was saved from, if any (its id; it may since be gone). */
  sourcePostId: z.string().nullable(),
  createdBy: PersonRef.nullable(),
  updatedBy: PersonRef.nullable(),
  createdAt: DateTime,
  updatedAt: DateTime,
  revision: z.number(),
  can: z.object({ edit: z.boolean() }),
});
export type Page = z.infer<typeof Page>;

export const Revision = z.object({
  number: z.number(),
  title: z.string(),
  editedBy: PersonRef.nullable(),
  createdAt: DateTime,
  restoredFrom: z.number().nullable(),
});
export const RevisionList = z.object({ items: z.array(Revision) });
export const DiffLine = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });
export type DiffLine = z.infer<typeof DiffLine>;
export const RevisionDiff = z.object({
  number: z.number(),
  previous: z.number().nullable(),
  title: z.object({ before: z.string().nullable(), after: z.string() }),
  lines: z.array(DiffLine),
});
export const SaveToKnowledgeBody = z.object({ parentId: Id.nullable().optional() });
