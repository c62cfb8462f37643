// What a person typed, as the words the database matches. Only letters and digits pass, so
// nothing typed can be read as tsquery syntax (&, |, !, :, quotes); the database then drops
// accents, lower-cases and stems each word (migration 2026-12-02-05).

/** More words than this add nothing but cost. */
export const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 60;
/** The last word matches as a prefix from this length on ("ré" finds too much to help). */
const MIN_PREFIX_LENGTH = 2;

export interface SearchTerms {
  /** Words matched whole (after stemming), all required. */
  words: string[];
  /** The last word, matched as the beginning of a word; null when it is too short. */
  prefix: string | null;
}

export function searchTerms(text: string): SearchTerms {
  const found = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const all = found.slice(0, MAX_WORDS).map((w) => w.slice(0, MAX_WORD_LENGTH));
  const last = all.at(-1);
  if (last !== undefined && last.length >= MIN_PREFIX_LENGTH) {
    return { words: all.slice(0, -1), prefix: last };
  }
  return { words: all, prefix: null };
}

export const isEmpty = (terms: SearchTerms) => terms.words.length === 0 && terms.prefix === null;
