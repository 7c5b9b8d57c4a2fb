/**
 * Sentences of a paragraph, as offsets into its text.
 *
 * The built-in rules are `Intl.Segmenter`'s sentence mode (Unicode UAX #29, which
 * knows CJK full-width stops 。！？, the Devanagari danda, Arabic ؟ and a lowercase
 * word after a full stop), corrected where it breaks too eagerly: after
 * abbreviations (`U.S.`, `Dr.`, `e.g.`), initials (`J. Smith`) and ordinal
 * numbers (`am 3. Oktober`). Thai, Lao, Khmer and Burmese, which the segmenter
 * does not split at all, are cut into clauses at spaces by
 * {@link spaceClauseBreaks}. An SRX 2.0 rule set (see `srx.ts`) replaces the
 * built-in rules entirely, so sentence units match a team's translation memory.
 */
import { srxBreaks, type SrxRules } from './srx-rules.ts';
import { spaceClauseBreaks, spaceClauseJoins, spaceClauseLanguages } from './space-clauses.ts';

/**
 * One sentence: `[start, end)` in UTF-16 code units of the text it came from.
 * Leading and trailing white space is left out, so the text between two
 * consecutive spans (and before the first, after the last) is white space only.
 */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

/** Rules that replace the built-in ones: a parsed SRX 2.0 file. */
export type SegmentationRules = SrxRules;

/**
 * Splits `text` into sentences by the rules of `language` (BCP-47 or ISO 639-3
 * code; `und` when unknown), or by `rules` when given. Every non-space
 * character of `text` is in exactly one span; spans are in order, none empty.
 */
export function splitSentences(text: string, language: string, rules?: SegmentationRules): SentenceSpan[] {
  const breaks = rules ? srxBreaks(text, language, rules) : builtInBreaks(text, baseLanguage(language));
  return spansBetween(text, breaks);
}

/**
 * Offsets inside the sentences of {@link splitSentences} where a translation
 * may have joined two sentences of its original into one (a Thai clause that
 * runs "…Taiwan" and "and although Ukraine…" together): not sentence breaks,
 * but places a sentence aligner may cut when the other side says so.
 * Ascending; empty except for the built-in clause rules of Thai and Lao
 * (under SRX rules, the team's units are kept whole).
 */
export function sentenceJoins(text: string, language: string, rules?: SegmentationRules): number[] {
  const base = baseLanguage(language);
  return rules || !spaceClauseLanguages.has(base) ? [] : spaceClauseJoins(text, base);
}

/** The text of each span. */
export function sentenceTexts(text: string, spans: readonly SentenceSpan[]): string[] {
  return spans.map((span) => text.slice(span.start, span.end));
}

/** ISO 639-3 codes the workbench meets (franc's output) mapped to the BCP-47 subtags Intl knows. */
const iso6393ToBcp47: Readonly<Record<string, string>> = {
  eng: 'en', tha: 'th', lao: 'lo', khm: 'km', mya: 'my', jpn: 'ja', cmn: 'zh', zho: 'zh', kor: 'ko', arb: 'ar',
  ara: 'ar', heb: 'he', rus: 'ru', deu: 'de', fra: 'fr', hin: 'hi', spa: 'es', por: 'pt', ita: 'it', nld: 'nl',
  pol: 'pl', ukr: 'uk', vie: 'vi', ind: 'id', tur: 'tr', pes: 'fa', fas: 'fa', ell: 'el', ces: 'cs', swe: 'sv',
};

/** The primary language subtag in BCP-47 form (`th` for `th-TH` and for `tha`), or `und`. */
export function baseLanguage(language: string): string {
  const primary = (language.split(/[-_]/u)[0] ?? '').toLowerCase();
  if (primary.length === 0) return 'und';
  return iso6393ToBcp47[primary] ?? primary;
}

/** Offsets where a new sentence starts, ascending, each inside `(0, text.length)`. */
function builtInBreaks(text: string, language: string): number[] {
  if (spaceClauseLanguages.has(language)) return spaceClauseBreaks(text, language);
  const breaks: number[] = [];
  for (const segment of sentenceSegmenter(language).segment(text)) {
    if (segment.index === 0) continue;
    if (continuesSentence(text, segment.index, language)) continue;
    // UAX #29 counts opening brackets as "Close" punctuation, so `！「本当` breaks after the 「: move it before.
    let at = segment.index;
    while (at > (breaks.at(-1) ?? 0) && /\p{Ps}/u.test(text[at - 1] as string)) at--;
    if (at > (breaks.at(-1) ?? 0)) breaks.push(at);
  }
  return breaks;
}

const sentenceSegmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(language: string): Intl.Segmenter {
  let segmenter = sentenceSegmenters.get(language);
  if (!segmenter) {
    const supported = language !== 'und' && Intl.Segmenter.supportedLocalesOf([language]).length > 0;
    segmenter = new Intl.Segmenter(supported ? language : undefined, { granularity: 'sentence' });
    sentenceSegmenters.set(language, segmenter);
  }
  return segmenter;
}

/**
 * Abbreviations that are followed by a full stop and then, usually, a capital
 * letter or a number, so UAX #29 breaks after them (it is right to break after
 * `etc.` or `Inc.` at the end of a sentence, so those are not listed). Lowercase,
 * without the final stop.
 */
const abbreviations: Readonly<Record<string, readonly string[]>> = {
  '*': ['ed', 'eds', 'cf', 'vs'],
  en: ['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'gov', 'sen',
    'rep', 'rev', 'hon', 'mt', 'ft', 'e.g', 'i.e', 'approx', 'dept', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
    'aug', 'sep', 'sept', 'oct', 'nov', 'dec'],
  de: ['dr', 'prof', 'hr', 'hrn', 'fr', 'z.b', 'bzw', 'usw', 'ggf', 'evtl', 'vgl', 'd.h', 'u.a', 'inkl', 'st'],
  fr: ['m', 'mm', 'mme', 'mmes', 'mlle', 'dr', 'pr', 'me', 'st', 'ste', 'av', 'p.ex', 'cf', 'env', 'boul', 'bd'],
  es: ['sr', 'sra', 'srta', 'dr', 'dra', 'ud', 'uds', 'av', 'avda', 'p.ej'],
  ru: ['т.е', 'т.к', 'т.н', 'т.д', 'т.п', 'г', 'гг', 'д-р', 'проф', 'им', 'ул', 'д', 'с', 'ст', 'см', 'тыс', 'млн',
    'млрд', 'руб', 'ч', 'напр'],
  it: ['sig', 'sigg', 'dott', 'prof', 'avv', 'ing'],
  nl: ['dhr', 'mevr', 'dr', 'prof', 'bijv', 'o.a', 'nl'],
};

/**
 * Abbreviations that stand before a number (`No. 10`, `Fig. 3`, `S. 12`,
 * `ca. 1900`) and are ordinary words or sentence ends otherwise (`The answer
 * was no. Then…`): they keep a sentence going only when a digit follows.
 */
const numberAbbreviations: ReadonlySet<string> = new Set([
  'no', 'nos', 'nr', 'vol', 'vols', 'p', 'pp', 'fig', 'figs', 'art', 'arts', 'ch', 'sec', 'ca', 'abs', 'bd', 's', 'str',
  'jh', 'jhd', 'pág', 'núm', 'pag',
]);

const abbreviationSets = new Map<string, ReadonlySet<string>>();

function abbreviationsOf(language: string): ReadonlySet<string> {
  let set = abbreviationSets.get(language);
  if (!set) {
    set = new Set([...(abbreviations['*'] ?? []), ...(abbreviations[language] ?? [])]);
    abbreviationSets.set(language, set);
  }
  return set;
}

/** Languages whose ordinal numbers are written `3.`, so `am 3. Oktober` is one sentence. */
const ordinalDotLanguages = new Set(['de', 'da', 'no', 'nb', 'nn', 'fi', 'cs', 'sk', 'pl', 'hu', 'sl', 'hr', 'sr', 'et', 'lv', 'lt', 'is']);

/**
 * Whether the segmenter's break at `index` should be ignored: the text before it
 * ends in a full stop that belongs to an abbreviation, an initial or an ordinal.
 */
function continuesSentence(text: string, index: number, language: string): boolean {
  const before = text.slice(Math.max(0, index - 40), index).trimEnd();
  const next = text.slice(index, index + 2);
  // `"Really?" she asked.`: a question or exclamation quoted inside a sentence (UAX #29 lowercases only after `.`).
  if (/[?!][\p{Pe}\p{Pf}"'»]+$/u.test(before) && /^\p{Ll}/u.test(next)) return true;
  if (!before.endsWith('.')) return false;
  const lastWord = /(\S+)\.$/u.exec(before)?.[1];
  if (lastWord === undefined) return false;
  const word = lastWord.replace(/^[("'“‘«[]+/u, '');
  // An initial, or letters joined by stops (U.S., J.R.R., z.B.), but a capitalised word follows.
  if (/^\p{Lu}$/u.test(word) || /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(word)) return /^\p{L}/u.test(next);
  if (abbreviationsOf(language).has(word.toLowerCase())) return /^[\p{L}\p{N}]/u.test(next);
  if (numberAbbreviations.has(word.toLowerCase())) return /^\p{N}/u.test(next);
  if (ordinalDotLanguages.has(language) && /^\d{1,3}$/u.test(word)) return /^\p{L}/u.test(next);
  return false;
}

/** The spans between `breaks`, white space trimmed, empty ones dropped. */
function spansBetween(text: string, breaks: readonly number[]): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const bounds = [0, ...breaks, text.length];
  for (let i = 0; i + 1 < bounds.length; i++) {
    let start = bounds[i] as number;
    let end = bounds[i + 1] as number;
    while (start < end && /\s/u.test(text[start] as string)) start++;
    while (end > start && /\s/u.test(text[end - 1] as string)) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}
