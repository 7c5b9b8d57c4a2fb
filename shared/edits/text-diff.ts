/**
 * Where the text of an old version went in a new one: the runs of text both
 * versions share, as offset pairs. The rebase uses it to follow paragraphs
 * through an edit; the editor can use {@link mapOffset} to follow a caret or a
 * highlight.
 *
 * How it diffs, and why:
 * 1. The common prefix and suffix are cut off first, by plain comparison
 *    (backed off to a token boundary). A keystroke or a pasted paragraph
 *    leaves a small middle, so the common case costs one pass over the text.
 * 2. The middle is compared as tokens: words of space-separated scripts,
 *    single characters (with their marks) of scripts written without spaces
 *    (Thai, Lao, Khmer, Myanmar, Chinese, Japanese), runs of white space,
 *    single other characters. Words rather than characters because a
 *    character diff (`diffChars`) matches stray letters between unrelated
 *    sentences, which would tie a rewritten paragraph to its neighbour;
 *    characters for Thai because a Thai "word" run can be a whole clause.
 * 3. A small middle (at most {@link exactTokenLimit} tokens) goes straight to
 *    jsdiff's `diffArrays` (Myers), which is exact. Myers costs the square of
 *    the edit length: measured here, 45 ms for two unrelated 500-token texts,
 *    690 ms for 2000, so a large middle is first cut into small pieces, as
 *    git's patience diff does: lines found exactly once in both versions, in
 *    the same order (their longest increasing run), anchor the diff; then, in
 *    each stretch between anchors, tokens found once in both. Each small
 *    piece then goes to Myers.
 * 4. A large piece with no such anchors goes to Myers capped by
 *    `maxEditLength`, not `timeout`: the cap makes the result the same on
 *    every machine (a rebase must be reproducible, and the tests rely on it),
 *    where a timeout depends on how busy the machine is. Past the cap the piece
 *    counts as wholly changed and the result is flagged `approximate`, like
 *    VS Code's `hitTimeout`.
 */
import { diffArrays } from 'diff';

/** A stretch of text the two versions share: `length` code units at `oldStart` in the old text and `newStart` in the new. */
export interface EqualRun {
  readonly oldStart: number;
  readonly newStart: number;
  readonly length: number;
}

/** How two versions of a text correspond. */
export interface TextDiff {
  /** Shared runs, in order on both sides, not overlapping. Everything else was deleted or inserted. */
  readonly runs: readonly EqualRun[];
  readonly oldLength: number;
  readonly newLength: number;
  /** `exact`: one Myers diff of the changed middle; `anchored`: cut at unique lines or tokens first (see the module comment). */
  readonly method: 'exact' | 'anchored';
  /** True when some piece was too different to diff within the cap, so shared text there may have been missed. */
  readonly approximate: boolean;
}

/** Options of {@link diffTexts}. */
export interface TextDiffOptions {
  /** Most token insertions plus deletions Myers looks for in a large piece with no anchors. Default {@link defaultMaxEditLength}. */
  readonly maxEditLength?: number;
}

/** Default cap of Myers on a large piece with no anchors: about 50 ms at worst (measured; see the module comment). */
export const defaultMaxEditLength = 1000;

/** Pieces of at most this many tokens (both sides together) are diffed exactly: about 30 ms at worst. */
export const exactTokenLimit = 600;

/** Scripts written without spaces between words: each character is its own token. */
const unspaced = String.raw`\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
const tokenPattern = new RegExp(
  String.raw`[${unspaced}]\p{M}*|(?:(?![${unspaced}])[\p{L}\p{N}\p{M}])+|\s+|[^]`,
  'gu',
);

/** Splits text into the tokens the diff compares (see the module comment). Joined, they give the text back. */
export function tokenize(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

/** Pieces of a text (tokens or lines) with their offsets: `starts[i]` is where piece `i` begins, `starts[length]` where the last ends. */
interface Pieces {
  readonly list: readonly string[];
  readonly starts: readonly number[];
}

function piecesOf(list: readonly string[], offset: number): Pieces {
  const starts = [offset];
  for (const piece of list) starts.push(starts.at(-1)! + piece.length);
  return { list, starts };
}

/** What one diff collects as it goes. */
interface Collector {
  readonly runs: EqualRun[];
  readonly cap: number;
  anchored: boolean;
  approximate: boolean;
}

/** Diffs two versions of a text. Pure and deterministic. */
export function diffTexts(oldText: string, newText: string, options: TextDiffOptions = {}): TextDiff {
  const out: Collector = { runs: [], cap: options.maxEditLength ?? defaultMaxEditLength, anchored: false, approximate: false };
  const prefix = commonPrefix(oldText, newText);
  const suffix = commonSuffix(oldText, newText, prefix);
  pushRun(out.runs, 0, 0, prefix);
  const oldEnd = oldText.length - suffix;
  const newEnd = newText.length - suffix;
  const oldMiddle = oldText.slice(prefix, oldEnd);
  const newMiddle = newText.slice(prefix, newEnd);
  const oldTokens = tokenize(oldMiddle);
  const newTokens = tokenize(newMiddle);
  if (oldTokens.length + newTokens.length <= exactTokenLimit) {
    diffTokenRange(piecesOf(oldTokens, prefix), 0, oldTokens.length, piecesOf(newTokens, prefix), 0, newTokens.length, out);
  } else {
    out.anchored = true;
    diffByLines(oldMiddle, prefix, newMiddle, prefix, out);
  }
  pushRun(out.runs, oldEnd, newEnd, suffix);
  return {
    runs: out.runs,
    oldLength: oldText.length,
    newLength: newText.length,
    method: out.anchored ? 'anchored' : 'exact',
    approximate: out.approximate,
  };
}

/** Lines of a text, each with its line end, so they tile it. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/gu) ?? [];
}

/** Anchors on lines that occur once in each version, then diffs the tokens of each stretch between them. */
function diffByLines(oldText: string, oldOffset: number, newText: string, newOffset: number, out: Collector): void {
  const oldLines = piecesOf(splitLines(oldText), oldOffset);
  const newLines = piecesOf(splitLines(newText), newOffset);
  let oldLine = 0;
  let newLine = 0;
  const stretch = (oldTo: number, newTo: number) => {
    const oldFrom = oldLines.starts[oldLine]!;
    const newFrom = newLines.starts[newLine]!;
    const oldTokens = piecesOf(tokenize(oldText.slice(oldFrom - oldOffset, oldLines.starts[oldTo]! - oldOffset)), oldFrom);
    const newTokens = piecesOf(tokenize(newText.slice(newFrom - newOffset, newLines.starts[newTo]! - newOffset)), newFrom);
    diffTokenRange(oldTokens, 0, oldTokens.list.length, newTokens, 0, newTokens.list.length, out);
  };
  for (const [i, j] of uniqueAnchors(oldLines.list, 0, oldLines.list.length, newLines.list, 0, newLines.list.length)) {
    stretch(i, j);
    pushRun(out.runs, oldLines.starts[i]!, newLines.starts[j]!, oldLines.list[i]!.length);
    oldLine = i + 1;
    newLine = j + 1;
  }
  stretch(oldLines.list.length, newLines.list.length);
}

/**
 * Diffs tokens `old[oldFrom, oldTo)` against `new[newFrom, newTo)`: equal ends
 * first, then Myers for a small piece, unique-token anchors for a large one,
 * capped Myers when there are none.
 */
function diffTokenRange(
  old: Pieces,
  oldFrom: number,
  oldTo: number,
  now: Pieces,
  newFrom: number,
  newTo: number,
  out: Collector,
): void {
  while (oldFrom < oldTo && newFrom < newTo && old.list[oldFrom] === now.list[newFrom]) {
    pushRun(out.runs, old.starts[oldFrom]!, now.starts[newFrom]!, old.list[oldFrom]!.length);
    oldFrom++;
    newFrom++;
  }
  let tail = 0;
  while (oldTo - tail > oldFrom && newTo - tail > newFrom && old.list[oldTo - tail - 1] === now.list[newTo - tail - 1]) tail++;
  const innerOldTo = oldTo - tail;
  const innerNewTo = newTo - tail;
  if (oldFrom < innerOldTo && newFrom < innerNewTo) {
    const size = innerOldTo - oldFrom + (innerNewTo - newFrom);
    const anchors = size <= exactTokenLimit ? [] : uniqueAnchors(old.list, oldFrom, innerOldTo, now.list, newFrom, innerNewTo);
    if (anchors.length > 0) {
      out.anchored = true;
      let oldAt = oldFrom;
      let newAt = newFrom;
      for (const [i, j] of anchors) {
        diffTokenRange(old, oldAt, i, now, newAt, j, out);
        pushRun(out.runs, old.starts[i]!, now.starts[j]!, old.list[i]!.length);
        oldAt = i + 1;
        newAt = j + 1;
      }
      diffTokenRange(old, oldAt, innerOldTo, now, newAt, innerNewTo, out);
    } else {
      myers(old, oldFrom, innerOldTo, now, newFrom, innerNewTo, size <= exactTokenLimit ? undefined : out.cap, out);
    }
  }
  pushRun(out.runs, old.starts[innerOldTo]!, now.starts[innerNewTo]!, old.starts[oldTo]! - old.starts[innerOldTo]!);
}

/** jsdiff's Myers diff of a token range, capped when `cap` is given; past the cap nothing is shared and the diff is approximate. */
function myers(
  old: Pieces,
  oldFrom: number,
  oldTo: number,
  now: Pieces,
  newFrom: number,
  newTo: number,
  cap: number | undefined,
  out: Collector,
): void {
  const oldList = old.list.slice(oldFrom, oldTo);
  const newList = now.list.slice(newFrom, newTo);
  const changes = cap === undefined ? diffArrays(oldList, newList) : diffArrays(oldList, newList, { maxEditLength: cap });
  if (!changes) {
    out.approximate = true;
    return;
  }
  let oldAt = oldFrom;
  let newAt = newFrom;
  for (const change of changes) {
    if (change.added) newAt += change.count;
    else if (change.removed) oldAt += change.count;
    else {
      pushRun(out.runs, old.starts[oldAt]!, now.starts[newAt]!, old.starts[oldAt + change.count]! - old.starts[oldAt]!);
      oldAt += change.count;
      newAt += change.count;
    }
  }
}

/**
 * Patience anchors: pairs `[i, j]` of pieces that occur exactly once in
 * `a[aFrom, aTo)` and once in `b[bFrom, bTo)`, equal, kept in the longest
 * chain increasing on both sides. Sorted.
 */
function uniqueAnchors(
  a: readonly string[],
  aFrom: number,
  aTo: number,
  b: readonly string[],
  bFrom: number,
  bTo: number,
): [number, number][] {
  const counts = new Map<string, { a: number; b: number; at: number; bt: number }>();
  for (let i = aFrom; i < aTo; i++) {
    const entry = counts.get(a[i]!);
    if (entry) entry.a++;
    else counts.set(a[i]!, { a: 1, b: 0, at: i, bt: -1 });
  }
  for (let j = bFrom; j < bTo; j++) {
    const entry = counts.get(b[j]!);
    if (entry) {
      entry.b++;
      entry.bt = j;
    }
  }
  const pairs: [number, number][] = [];
  for (const entry of counts.values()) if (entry.a === 1 && entry.b === 1) pairs.push([entry.at, entry.bt]);
  pairs.sort((x, y) => x[0] - y[0]);
  return longestIncreasing(pairs);
}

/** The longest run of `pairs` (sorted by their first element) whose second elements increase: O(n log n). */
function longestIncreasing(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(pairs.length);
  pairs.forEach((pair, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (pairs[tails[middle]!]![1] < pair[1]) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = index;
  });
  const chain: [number, number][] = [];
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index]!) chain.push(pairs[index]!);
  return chain.reverse();
}

/** Appends a run, joining it to the previous one when they touch on both sides. */
function pushRun(runs: EqualRun[], oldStart: number, newStart: number, length: number): void {
  if (length <= 0) return;
  const last = runs.at(-1);
  if (last && last.oldStart + last.length === oldStart && last.newStart + last.length === newStart) {
    runs[runs.length - 1] = { oldStart: last.oldStart, newStart: last.newStart, length: last.length + length };
  } else {
    runs.push({ oldStart, newStart, length });
  }
}

/** Length of the common prefix, backed off to a token boundary so no half-word counts as shared. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  while (i > 0 && !(isBoundary(a, i) && isBoundary(b, i))) i--;
  return i;
}

/**
 * Length of the common suffix that does not reach back into the first
 * `prefix` code units of either text, backed off to a token boundary ("beta"
 * and "gamma" share no "a").
 */
function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  while (i > 0 && !(isBoundary(a, a.length - i) && isBoundary(b, b.length - i))) i--;
  return i;
}

const wordCharacter = new RegExp(String.raw`^(?![${unspaced}])[\p{L}\p{N}\p{M}]$`, 'u');
const mark = /^\p{M}$/u;
const space = /^\s$/u;

/** True when {@link tokenize} could end a token at offset `at` of `text`. */
function isBoundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  const code = text.charCodeAt(at);
  if (code >= 0xdc00 && code <= 0xdfff) {
    const high = text.charCodeAt(at - 1);
    if (high >= 0xd800 && high <= 0xdbff) return false;
  }
  const before = codePointBefore(text, at);
  const after = String.fromCodePoint(text.codePointAt(at)!);
  if (mark.test(after)) return false;
  if (space.test(before) && space.test(after)) return false;
  return !(wordCharacter.test(before) && wordCharacter.test(after));
}

function codePointBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(at - 2, at);
  }
  return text[at - 1]!;
}

/** Which way an offset in deleted or replaced text goes: to the end of the text before it, or the start of the text after it. */
export type OffsetBias = 'before' | 'after';

/**
 * Where offset `offset` of the old text is in the new text. An offset inside
 * shared text moves with it. One inside deleted or replaced text goes to the
 * edge of the change that `bias` says; at a pure insertion point, `before`
 * keeps it before the inserted text (a caret stays after the text it followed)
 * and `after` puts it after. Offsets outside the old text are clamped.
 */
export function mapOffset(diff: TextDiff, offset: number, bias: OffsetBias = 'before'): number {
  const at = Math.max(0, Math.min(diff.oldLength, offset));
  const runs = diff.runs;
  // The first run that ends after `at`: it contains `at` or comes next after it.
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const run = runs[middle]!;
    if (run.oldStart + run.length <= at) low = middle + 1;
    else high = middle;
  }
  const next = runs[low];
  if (next && next.oldStart < at) return next.newStart + (at - next.oldStart);
  const previous = runs[low - 1];
  // The change `at` is in (or at the edge of): old [previousEnd, nextStart), new [previousNew, nextNew).
  const previousEnd = previous ? previous.oldStart + previous.length : 0;
  const previousNew = previous ? previous.newStart + previous.length : 0;
  const nextStart = next ? next.oldStart : diff.oldLength;
  const nextNew = next ? next.newStart : diff.newLength;
  if (at === previousEnd && at === nextStart) return bias === 'before' ? previousNew : nextNew;
  if (at === nextStart) return nextNew;
  if (at === previousEnd) return previousNew;
  return bias === 'before' ? previousNew : nextNew;
}

/**
 * Where the range `[start, end)` of the old text is in the new text: its start
 * biased forward, its end backward, so text inserted just outside the range
 * stays outside it. A range whose text was all deleted becomes empty.
 */
export function mapRange(diff: TextDiff, range: { start: number; end: number }): { start: number; end: number } {
  const start = mapOffset(diff, range.start, 'after');
  const end = mapOffset(diff, range.end, 'before');
  return end >= start ? { start, end } : { start, end: start };
}
