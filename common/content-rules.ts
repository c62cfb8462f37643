// Content rules: words, phrases and simple patterns an administrator refuses (or holds for
// review) in posts and comments. Matching ignores case, accents and invisible characters, so
// "Confidentiel", "CONFIDENTIEL" and "confidentiél" are one word.
//
// Patterns are deliberately not regular expressions: a rule runs on every post, and an
// administrator's regular expression can take seconds on a long text (catastrophic
// backtracking). The wildcards here compile to expressions that run in linear time:
//   *  at the start or end of a term: the term may be part of a longer word ("confidenti*");
//   ?  exactly one letter or digit;      #  exactly one digit ("FR76 #### ####").
export const CONTENT_RULE_TERM_MAX = 100;
export const CONTENT_RULE_ACTIONS = ['reject', 'hold'] as const;
export type ContentRuleAction = (typeof CONTENT_RULE_ACTIONS)[number];

/** One code point in the form text is compared in: no case or accents, invisible characters
 * dropped, compatibility forms (full-width letters, ligatures) folded. */
const fold = (char: string) =>
  char
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .toLowerCase();

/** The text in compared form, with where each of its characters came from in the original. */
export function normalizeForRules(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const folded = fold(char);
    for (let i = 0; i < folded.length; i++) origin.push(index);
    out += folded;
    index += char.length;
  }
  origin.push(index);
  return { text: out, origin };
}

/** The stored key of a term: normalized, spaces collapsed; two terms with one key are one rule. */
export function contentRuleKey(term: string): string {
  return normalizeForRules(term).text.replace(/\s+/g, ' ').trim();
}

export type TermProblem = 'empty' | 'too_long' | 'too_short' | 'wildcard_inside';

/** Why a term cannot be a rule, or null when it can. */
export function termProblem(term: string): TermProblem | null {
  const key = contentRuleKey(term);
  if (key === '') return 'empty';
  if (key.length > CONTENT_RULE_TERM_MAX) return 'too_long';
  if (key.slice(1, -1).includes('*')) return 'wildcard_inside';
  // A term of one character ("*", "#", "a*") would catch nearly every text.
  if (key.replace(/[\s*]/g, '').length < 2) return 'too_short';
  return null;
}

const WORD = '[\\p{L}\\p{N}]';
const escapeLiteral = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** The expression a valid term compiles to (see termProblem); flags `gu`. */
export function compileTerm(term: string): RegExp {
  let key = contentRuleKey(term);
  const openStart = key.startsWith('*');
  const openEnd = key.endsWith('*') && key.length > 1;
  key = key.slice(openStart ? 1 : 0, openEnd ? -1 : undefined);
  let body = '';
  for (const char of key) {
    if (char === '?') body += WORD;
    else if (char === '#') body += '\\p{Nd}';
    else if (char === ' ') body += '\\s+';
    else body += escapeLiteral(char);
  }
  // A term is whole words unless a star opens one of its ends.
  const before = openStart ? '' : `(?<!${WORD})`;
  const after = openEnd ? '' : `(?!${WORD})`;
  return new RegExp(`${before}${body}${after}`, 'gu');
}

export interface RuleLike {
  id: string;
  term: string;
  action: ContentRuleAction;
}

export interface RuleHit<R extends RuleLike> {
  rule: R;
  /** The words caught, as the text has them. */
  found: string;
  /** Where they start in the text. */
  index: number;
}

/** The first rule that catches the text, refusals before holds; null when none does. */
export function firstHit<R extends RuleLike>(rules: readonly R[], text: string): RuleHit<R> | null {
  if (rules.length === 0 || text === '') return null;
  const normalized = normalizeForRules(text);
  let hold: RuleHit<R> | null = null;
  for (const rule of rules) {
    if (rule.action === 'hold' && hold) continue;
    const match = compileTerm(rule.term).exec(normalized.text);
    if (!match) continue;
    const start = normalized.origin[match.index] ?? 0;
    const end = normalized.origin[match.index + match[0].length] ?? text.length;
    const hit = { rule, found: text.slice(start, end), index: start };
    if (rule.action === 'reject') return hit;
    hold = hit;
  }
  return hold;
}
