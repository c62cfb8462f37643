// @-completion in a text area: which partial handle the caret is on, and the text after
// choosing a suggestion. The pattern mirrors common/rich-text.ts, so what completes is
// what the parser will read as a mention.

export interface MentionQuery {
  /** What was typed after "@" (may be empty right after typing "@"). */
  query: string;
  /** Index of the "@". */
  start: number;
  /** Index just past the typed query (the caret). */
  end: number;
}

const BEFORE_CARET = /(?:^|[^\p{L}\p{N}_.@/-])@([a-z0-9][a-z0-9._-]{0,63})?$/iu;

export function mentionAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = BEFORE_CARET.exec(before);
  if (!match) return null;
  const query = match[1] ?? '';
  // Typing on past the handle (a letter right after the caret) is not completing it.
  if (/^[a-z0-9._-]/i.test(text.slice(caret))) return null;
  return { query: query.toLowerCase(), start: caret - query.length - 1, end: caret };
}

/** Replace the partial mention with the full handle (and a space unless one follows); returns the text and caret. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  handle: string,
): { text: string; caret: number } {
  const after = text.slice(mention.end);
  const inserted = /^[\s.,;:!?)]/.test(after) ? `@${handle}` : `@${handle} `;
  return { text: text.slice(0, mention.start) + inserted + after, caret: mention.start + inserted.length };
}
