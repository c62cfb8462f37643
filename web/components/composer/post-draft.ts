// From what the composer holds to the body of createPost, checked with the same schema as
// the server, and the server's field paths mapped back onto the composer's fields.
import type { FieldIssue } from '../../../common/errors.ts';
import { PostCreateBody } from '../../../common/schemas/stream.ts';
import { toFieldIssues } from '../../../common/validation.ts';
import type { PollDraft } from './PollEditor.tsx';

export interface Draft {
  body: string;
  spaceId: string | null;
  isAnnouncement: boolean;
  attachmentIds: string[];
  poll: PollDraft | null;
}

/** "poll.options.3" → "options", "attachmentIds.0" → "attachments": the composer's own fields. */
export function composerField(path: string): string {
  if (path.startsWith('poll.options')) return 'options';
  if (path.startsWith('poll.closesAt')) return 'closesAt';
  if (path.startsWith('attachmentIds')) return 'attachments';
  return path;
}

export function mapIssues(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ ...issue, field: composerField(issue.field) }));
}

export function toCreateBody(
  draft: Draft,
  now: Date,
): { ok: true; body: PostCreateBody } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  let poll: PostCreateBody['poll'];
  if (draft.poll) {
    const options = draft.poll.options.map((o) => o.trim()).filter(Boolean);
    let closesAt: string | undefined;
    if (draft.poll.closesAt) {
      const date = new Date(draft.poll.closesAt);
      if (Number.isNaN(date.getTime()))
        issues.push({ field: 'closesAt', reason: 'invalid_format', message: 'Invalid date.' });
      else if (date.getTime() <= now.getTime())
        issues.push({ field: 'closesAt', reason: 'in_past', message: 'In the past.' });
      else closesAt = date.toISOString();
    }
    poll = { options, multiple: draft.poll.multiple, ...(closesAt ? { closesAt } : {}) };
  }
  const candidate: PostCreateBody = {
    spaceId: draft.spaceId,
    body: draft.body,
    isAnnouncement: draft.isAnnouncement,
    attachmentIds: draft.attachmentIds,
    ...(poll ? { poll } : {}),
  };
  const parsed = PostCreateBody.safeParse(candidate);
  if (!parsed.success) issues.push(...mapIssues(toFieldIssues(parsed.error, candidate)));
  if (issues.length > 0) return { ok: false, issues: dedupe(issues) };
  return { ok: true, body: candidate };
}

function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (seen.has(issue.field)) return false;
    seen.add(issue.field);
    return true;
  });
}
