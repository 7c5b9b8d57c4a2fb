/**
 * Clauses of Thai, Lao, Khmer and Burmese text, where sentences are not ended by
 * a full stop and a space is the writer's clause break. Not every space is one:
 * these scripts also put spaces around numbers and Latin-script words, after the
 * repetition mark ๆ, and between the items of a list, so those spaces are kept
 * inside a clause, and fragments too short to stand alone are merged.
 */
import { wordStarts, wordSpans } from './segment.ts';

/** BCP-47 primary subtags of the languages split here. */
export const spaceClauseLanguages: ReadonlySet<string> = new Set(['th', 'lo', 'km', 'my']);

/** A clause with fewer words than this (by `Intl.Segmenter`) is joined to its neighbour. */
const minClauseWords = 5;

/** Marks that end a sentence outright: Khmer khan and bariyoosan, Burmese section marks, and the common stops. */
const sentenceEnd = /[។៕။.!?！？]$/u;

/** Repetition marks (Thai ๆ, Lao ໆ): the word before is repeated, so a space next to one is inside a phrase. */
const repetitionMark = /[ๆໆ]/u;

/** Words that continue a list or a clause when they follow a space: "and", "or", "that", "of", "which" (Thai, Lao). */
const continuingWords = /^(?:และ|หรือ|ว่า|ของ|ที่|ແລະ|ຫຼື|ວ່າ|ຂອງ)/u;

/** Words after which a list or a quotation follows: "such as", "namely", "i.e.", "that" (Thai). */
const introducingWords = /(?:เช่น|ได้แก่|อาทิ|คือ|ว่า)$/u;

/**
 * Conjunctions with which a translator runs two sentences of the original into
 * one clause, often with no space before them: "and", "but", "although"
 * (Thai, Lao). `…โจมตีไต้หวันและแม้ว่ายูเครน…` is "…attack Taiwan. And although
 * Ukraine…". Whole words only (`แม้แต่` "even", `แต่ง` "dress" are others).
 */
const joiningWords: ReadonlySet<string> = new Set(['และ', 'แต่', 'แม้', 'แม้ว่า', 'ແລະ', 'ແຕ່']);
/** Text that may hold one of {@link joiningWords}: the rest is not segmented into words again. */
const mayJoin = /และ|แต่|แม้|ແລະ|ແຕ່/u;

/**
 * Offsets inside the clauses of {@link spaceClauseBreaks} where a joining
 * conjunction starts a word, ascending: places where a translator may have run
 * two sentences together, which only the other side of a translation can
 * confirm (the sentence aligner may cut there, at a cost). Most are not
 * sentence joints (`ญี่ปุ่นและเกาหลีใต้`, "Japan and South Korea").
 */
export function spaceClauseJoins(text: string, language: string): number[] {
  if (!mayJoin.test(text)) return [];
  const breaks = new Set(spaceClauseBreaks(text, language));
  const joins: number[] = [];
  let previousEnd = -1;
  for (const word of wordSpans(text, language)) {
    if (!joiningWords.has(text.slice(word.start, word.end))) continue;
    // "And although" (`และแม้ว่า`) is one join, before its first word.
    const follows = previousEnd >= 0 && text.slice(previousEnd, word.start).trim() === '';
    previousEnd = word.end;
    if (follows) continue;
    // A join at a clause's start is that clause's break, not a cut inside it.
    if (text.slice(0, word.start).trim() === '' || breaks.has(word.start)) continue;
    joins.push(word.start);
  }
  return joins;
}

/**
 * Offsets where a clause starts, ascending, each inside `(0, text.length)`.
 * A line break always ends a clause.
 */
export function spaceClauseBreaks(text: string, language: string): number[] {
  const candidates: { offset: number; hard: boolean }[] = [];
  for (const match of text.matchAll(/\s+/gu)) {
    const offset = (match.index ?? 0) + match[0].length;
    if (match.index === 0 || offset >= text.length) continue;
    const before = text.slice(0, match.index);
    const after = text.slice(offset);
    const hard = match[0].includes('\n') || sentenceEnd.test(before);
    if (hard || isClauseBreak(before, after)) candidates.push({ offset, hard });
  }
  return mergeShortClauses(text, candidates, language);
}

function isClauseBreak(before: string, after: string): boolean {
  const last = before.at(-1) ?? '';
  const first = after[0] ?? '';
  // Numbers (in any script) and Latin-script words: Thai sets them off with spaces on both sides.
  if (/[\p{N}\p{Script=Latin}]/u.test(last) || /[\p{N}\p{Script=Latin}]/u.test(first)) return false;
  if (repetitionMark.test(last) || repetitionMark.test(first)) return false;
  // Punctuation that opens or continues (quotes, brackets, commas, dashes) does not end a clause.
  if (/[\p{Ps}\p{Pi},;:\-–—/]/u.test(last) || /[\p{Pe}\p{Pf},;:\-–—/]/u.test(first)) return false;
  if (continuingWords.test(after) || introducingWords.test(before)) return false;
  return true;
}

/** Drops soft breaks that would leave a clause shorter than {@link minClauseWords}. */
function mergeShortClauses(text: string, candidates: readonly { offset: number; hard: boolean }[], language: string): number[] {
  const breaks = [...candidates];
  // Word starts found once for the whole text: counting words per candidate clause would segment it again and again.
  const starts = wordStarts(text, language);
  const wordCount = (from: number, to: number): number => lowerBound(starts, to) - lowerBound(starts, from);
  let i = 0;
  while (i <= breaks.length) {
    const start = i === 0 ? 0 : (breaks[i - 1] as { offset: number }).offset;
    const end = i === breaks.length ? text.length : (breaks[i] as { offset: number }).offset;
    if (wordCount(start, end) >= minClauseWords) {
      i++;
      continue;
    }
    // Join a short clause to the next one; the last one joins the previous. Hard breaks stay.
    if (i < breaks.length && !(breaks[i] as { hard: boolean }).hard) breaks.splice(i, 1);
    else if (i > 0 && !(breaks[i - 1] as { hard: boolean }).hard) {
      breaks.splice(i - 1, 1);
      i--;
    } else i++;
  }
  return breaks.map((candidate) => candidate.offset);
}

/** Index of the first value in the ascending `values` that is ≥ `target`. */
function lowerBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] as number) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
