/**
 * Language detection with franc: per document on the whole text, per paragraph
 * restricted to the pair's languages, with a margin so that a paragraph in a
 * language other than its document's is flagged rather than forced.
 *
 * Per paragraph, the cost must stay small beside the aligner's (a whole Bible
 * is 60,000 paragraphs): franc's models are scored through trigram-scores.ts
 * (franc's results, several times faster), a paragraph whose script belongs to
 * one language (Thai, Korean, Greek…) is decided by its script, one in a
 * shared script (Latin, Cyrillic…) is weighed against a few languages of that
 * script, and a document's paragraphs already judged for the same pair are not judged again.
 */
import { franc } from 'franc';
import { data as francModels } from 'franc/data.js';
import type { LanguageTag, ParagraphLanguage } from '../model/document.ts';
import { dominantScript, hasLetters } from './script.ts';
import { francScores, francScript, type LanguageScore } from './trigram-scores.ts';

/** Paragraphs with fewer letters than this are `und` (`03:33`, `66`, `Learn more`): franc only guesses there. */
export const minimumLetters = 10;

/**
 * How close (franc's scores are relative: the best is 1) a pair language must
 * come to the best language overall to be accepted. Measured on the corpus: the
 * English paragraphs that unrestricted franc gets wrong still score English at
 * 0.68 or more, while French and German paragraphs score English at 0.59–0.65.
 */
export const acceptMargin = 0.67;

/**
 * The languages a paragraph is weighed against besides the pair's: the most
 * written languages of the world (franc-min's idea), most written first (see
 * {@link scriptRivals}). A paragraph in none of them is still told apart from
 * the pair's languages.
 */
export const commonLanguages: readonly string[] = [
  'eng', 'cmn', 'spa', 'fra', 'por', 'deu', 'ita', 'nld', 'pol', 'ron', 'hun', 'ces', 'swe', 'dan', 'tur', 'ind', 'vie',
  'tgl', 'swh', 'hau', 'yor', 'rus', 'ukr', 'bul', 'srp', 'arb', 'pes', 'urd', 'hin', 'ben', 'mar', 'tel', 'tam', 'jpn',
  'kor', 'tha', 'heb', 'ell', 'kat', 'hye', 'amh', 'khm', 'lao', 'mya',
];

/** The tag for a language franc names by ISO 639-3 code, with its BCP-47 form and the text's script. */
export function languageTag(iso6393: string, script: string): LanguageTag {
  return { iso6393, bcp47: toBcp47(iso6393), script };
}

/** `und`, for text with no detectable language. */
export const undetermined: LanguageTag = { iso6393: 'und', bcp47: 'und', script: 'Zyyy' };

/**
 * ISO 639-3 to BCP-47: `Intl.getCanonicalLocales` knows the CLDR aliases
 * (`tha` → `th`, `eng` → `en`, `cmn` → `zh`); codes it rejects stay as they are,
 * which is valid BCP-47 for languages without a two-letter code.
 */
export function toBcp47(iso6393: string): string {
  try {
    return Intl.getCanonicalLocales(iso6393)[0] ?? iso6393;
  } catch {
    return iso6393;
  }
}

/** Detects the language of a whole document with franc, and its script. */
export function detectDocumentLanguage(text: string): LanguageTag {
  const script = dominantScript(text);
  const sample = text.length > 200_000 ? sampleText(text, 200_000) : text;
  const iso6393 = franc(sample, { minLength: minimumLetters });
  return iso6393 === 'und' ? { ...undetermined, script } : languageTag(iso6393, script);
}

/** Options for {@link detectParagraphLanguage}. */
export interface ParagraphDetectionOptions {
  /** ISO 639-3 code of the paragraph's document, or `und`. */
  readonly documentLanguage: string;
  /** ISO 639-3 codes of the pair's languages; the paragraph is judged among these. Empty: any language. */
  readonly pairLanguages: readonly string[];
}

/**
 * The language of one paragraph: among the pair's languages when one of them is
 * close enough to the best of the pair's and the {@link commonLanguages} ({@link acceptMargin}); `und` with
 * reason `uncertain` otherwise, and `too-short` below {@link minimumLetters} letters.
 * `mismatch` is set when the paragraph's language is known and not its document's,
 * or when it is long enough to judge and fits none of the pair's languages.
 *
 * The rivals are the first {@link scriptRivals} common languages of the
 * paragraph's script (franc compares only languages of the same script).
 */
export function detectParagraphLanguage(text: string, options: ParagraphDetectionOptions): ParagraphLanguage {
  return judgeParagraph(text, pairCandidates(options.pairLanguages), options.documentLanguage);
}

/** The pair's languages a paragraph can be judged to be in. */
function pairCandidates(pairLanguages: readonly string[]): readonly string[] {
  return pairLanguages.filter((code) => code !== 'und');
}

/** {@link detectParagraphLanguage} with the pair's candidates worked out once per document. */
function judgeParagraph(text: string, candidates: readonly string[], documentLanguage: string): ParagraphLanguage {
  if (!hasLetters(text, minimumLetters)) return tooShort;
  if (candidates.length === 0) {
    const best = francScores(text, { minLength: minimumLetters })[0]!;
    return best[0] === 'und' ? tooShort : judgement(best[0], 'detected', isMismatch(best[0], documentLanguage));
  }
  const script = francScript(text);
  // A script of one language (Thai, Korean…) decides it: franc answers so without trigrams.
  const all: LanguageScore[] = script.trigrams
    ? francScores(text, { minLength: minimumLetters, only: weighedIn(script.name, candidates), script })
    : script.count === 0 || !(candidates.includes(script.name) || commonLanguages.includes(script.name))
      ? [['und', 1]]
      : [[script.name, 1]];
  return judgeAmongPair(all, candidates, documentLanguage);
}

/**
 * How many of the {@link commonLanguages} written in a paragraph's script it is
 * weighed against besides the pair's: enough to tell a paragraph in a third
 * language (French or German in an English–Spanish pair) from the pair's, few
 * enough that scoring them costs less than finding the text's trigrams.
 */
export const scriptRivals = 8;

/** The languages weighed per list of candidates and script: one set for a whole document (trigram-scores.ts caches by set). */
const weighedSets = new WeakMap<readonly string[], Map<string, ReadonlySet<string>>>();

function weighedIn(script: string, candidates: readonly string[]): ReadonlySet<string> {
  let byScript = weighedSets.get(candidates);
  if (!byScript) {
    byScript = new Map();
    weighedSets.set(candidates, byScript);
  }
  let weighed = byScript.get(script);
  if (!weighed) {
    const rivals = commonLanguages.filter((code) => code in francModels[script]!).slice(0, scriptRivals);
    weighed = new Set([...candidates, ...rivals]);
    byScript.set(script, weighed);
  }
  return weighed;
}

const tooShort: ParagraphLanguage = { iso6393: 'und', reason: 'too-short', mismatch: false };

/** The best of the pair's languages in franc's scores, if it comes close enough to the best overall. */
function judgeAmongPair(all: readonly LanguageScore[], candidates: readonly string[], documentLanguage: string): ParagraphLanguage {
  const best = all[0];
  if (!best || best[0] === 'und') return tooShort;
  // One franc pass serves both questions: the best pair language, and how close it comes to the best overall.
  const restricted = all.find(([code]) => candidates.includes(code));
  const chosen = restricted?.[0];
  const unrestrictedScore = restricted?.[1] ?? 0;
  if (!chosen || chosen === 'und' || unrestrictedScore < acceptMargin) return uncertain;
  return judgement(chosen, 'detected', isMismatch(chosen, documentLanguage));
}

const uncertain: ParagraphLanguage = { iso6393: 'und', reason: 'uncertain', mismatch: true };

/**
 * Judgements are few (a pair's languages, detected or not, matching the
 * document or not) and read-only: one object each, rather than one a
 * paragraph, spares the collector, and a worker's answer sends each once
 * (structured cloning keeps shared objects shared).
 */
const judgements = new Map<string, ParagraphLanguage>();

function judgement(iso6393: string, reason: ParagraphLanguage['reason'], mismatch: boolean): ParagraphLanguage {
  const key = `${iso6393} ${reason} ${mismatch}`;
  let language = judgements.get(key);
  if (!language) {
    language = { iso6393, reason, mismatch };
    judgements.set(key, language);
  }
  return language;
}

/**
 * The last judgements per document language and pair (one entry per side of
 * the pair being worked on), so that re-aligning a range, or aligning again
 * after an edit, does not judge unchanged paragraphs again.
 */
const remembered = new Map<string, Map<string, ParagraphLanguage>>();
const rememberedPairs = 2;

/** Detects every paragraph of a document (see {@link detectParagraphLanguage}), each distinct text once. */
export function detectParagraphLanguages(texts: readonly string[], options: ParagraphDetectionOptions): ParagraphLanguage[] {
  const key = `${options.documentLanguage}|${[...options.pairLanguages].sort().join(',')}`;
  const known = remembered.get(key);
  const judged = new Map<string, ParagraphLanguage>();
  const candidates = pairCandidates(options.pairLanguages);
  const languages = texts.map((text) => {
    const language = judged.get(text) ?? known?.get(text) ?? judgeParagraph(text, candidates, options.documentLanguage);
    judged.set(text, language);
    return language;
  });
  // Only this document's texts are kept (the memory is the document's, not every text ever seen), as the most recent entry.
  remembered.delete(key);
  remembered.set(key, judged);
  if (remembered.size > rememberedPairs) remembered.delete(remembered.keys().next().value!);
  return languages;
}

function isMismatch(paragraph: string, document: string): boolean {
  return document !== 'und' && paragraph !== document;
}

/** Evenly spaced slices of a very long text: franc's trigram counts settle long before 200k characters. */
function sampleText(text: string, size: number): string {
  const pieces = 20;
  const piece = Math.floor(size / pieces);
  const step = Math.floor(text.length / pieces);
  let sample = '';
  for (let i = 0; i < pieces; i++) sample += text.slice(i * step, i * step + piece) + '\n';
  return sample;
}
