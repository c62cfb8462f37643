// Search over everything a reader may see: posts, questions, comments, answers, files, people
// and spaces.
import { z } from 'zod';
import { Cursor, DateTime, Id } from './primitives.ts';
import { PersonRef, SpaceSummary } from './spaces.ts';

export const SEARCH_KINDS = [
  'post',
  'question',
  'comment',
  'answer',
  'file',
  'person',
  'space',
  'event',
  'page',
  'idea',
] as const;
/** Kinds that belong to a post and are written by someone (the visibility rule of posts applies). */
export const CONTENT_KINDS = ['post', 'question', 'comment', 'answer', 'file'] as const;
export const SearchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof SearchKind>;

export const SEARCH_SORTS = ['recent', 'relevance'] as const;

/** Relevance ranks at most this many of the most recent matches (see docs/search.md). */
export const RELEVANCE_WINDOW = 1000;
/** Counts stop at this many matches; beyond, the page says "more than". */
export const COUNT_CAP = 1000;

// `type` accepts one kind or several (?type=post&type=comment).
const Kinds = z
  .union([SearchKind, z.array(SearchKind).max(SEARCH_KINDS.length)])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .optional();

const Day = z.iso.date();

export const SearchQuery = z
  .object({
    q: z.string().trim().min(1, 'Enter something to search for.').max(200),
    type: Kinds,
    space: Id.optional(),
    author: Id.optional(),
    from: Day.optional(),
    to: Day.optional(),
    sort: z.enum(SEARCH_SORTS).default('recent'),
    cursor: Cursor,
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ['to'],
    message: 'The end date comes before the start date.',
  });
export type SearchQuery = z.input<typeof SearchQuery>;

/** A stretch of a snippet; `hit` marks the words that matched. */
export const SnippetPart = z.object({ text: z.string(), hit: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SearchResult = z.object({
  kind: SearchKind,
  /** The thing found: a post, comment, file (attachment), person or space id. */
  id: z.string(),
  /** The post a post, comment or file belongs to (where the result links to). */
  postId: z.string().nullable(),
  /** A person's or space's name, a file's name; empty for posts and comments. */
  title: z.string(),
  snippet: z.array(SnippetPart),
  /** Who wrote it (posts, comments), uploaded it (files) or who it is (people). */
  author: PersonRef.nullable(),
  space: SpaceSummary.nullable(),
  createdAt: DateTime,
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchPage = z.object({
  items: z.array(SearchResult),
  nextCursor: z.string().nullable(),
  /** Matches per kind (first page only, ignoring the type filter); null on later pages. */
  counts: z.record(SearchKind, z.number()).nullable(),
  /** True when there were more than COUNT_CAP matches: counts are then lower bounds. */
  countsCapped: z.boolean(),
});
export type SearchPage = z.infer<typeof SearchPage>;
