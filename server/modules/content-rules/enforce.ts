// Where content rules bite: every post and comment, as it is written or edited, passes the
// organisation's rules and its space's. A refusal names the field and the words, so the
// author can change them without losing the rest of the text.
import { firstHit } from '../../../common/content-rules.ts';
import type { AnyDb } from '../../db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { rulesFor } from './queries.ts';

export interface TextField {
  /** The request field the text came from ("body", "title", "poll.options.1"). */
  field: string;
  text: string;
}

export interface Held {
  ruleId: string;
  found: string;
}

/**
 * Throws 400 `content_blocked` when a rule refuses one of the texts; returns the hold, if a
 * rule holds one. Where nothing can wait for approval (`canHold` false: an edit of something
 * already published, a profile with no moderators of its own) a holding rule refuses.
 */
export async function checkContentRules(
  db: AnyDb,
  spaceId: string | null,
  fields: TextField[],
  options: { canHold: boolean } = { canHold: false },
): Promise<Held | null> {
  const rules = await rulesFor(db, spaceId);
  if (rules.length === 0) return null;
  let held: Held | null = null;
  for (const { field, text } of fields) {
    const hit = firstHit(rules, text);
    if (!hit) continue;
    if (hit.rule.action === 'reject' || !options.canHold)
      throw new ValidationError([
        {
          field,
          reason: 'content_blocked',
          message: `“${hit.found}” is not allowed here.`,
          params: { found: hit.found },
        },
      ]);
    held ??= { ruleId: hit.rule.id, found: hit.found };
  }
  return held;
}
