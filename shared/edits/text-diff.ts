/**
 * Where the text of an old version went in a new one: the runs of text both
 * versions share, as offset pairs. The rebase uses it to follow paragraphs
 * through an edit; the editor can use {@link mapOffset} to follow a caret or a
 * highlight.
 *
 * How it diffs, and why:
 * 1. The common prefix and suffix are cut off first, by plain comparison. A
 *    keystroke or a pasted paragraph leaves a small middle, so the common case
 *    costs one pass over the text.
 * 2. The middle is diffed as tokens with jsdiff's `diffArrays`: words of
 *    space-separated scripts, single characters (with their marks) of scripts
 *    written without spaces (Thai, Lao, Khmer, Myanmar, Chinese, Japanese),
 *    runs of white space, single other characters. Words rather than
 *    characters because `diffChars` matches stray letters between unrelated
 *    sentences, which would tie a rewritten paragraph to its neighbour;
 *    characters for Thai because a Thai "word" run can be a whole clause.
 * 3. The token diff is capped with `maxEditLength`, not `timeout`: the cap
 *    makes the result the same on every machine (a rebase must be
 *    reproducible, and the tests rely on it), where a timeout depends on how
 *    busy the machine is. Past the cap the texts are first matched line by line
 *    (identical lines anchor the diff) and each stretch between anchors is
 *    token-diffed on its own, again capped; a stretch still past the cap is
 *    reported as wholly changed and the result is flagged `approximate`, like
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
  /** `tokens`: one token diff of the changed middle; `lines`: the fallback through matching lines. */
  readonly method: 'tokens' | 'lines';
  /** True when some stretch was too different to diff within the cap, so shared text there was missed. */
  readonly approximate: boolean;
}

/** Options of {@link diffTexts}. */
export interface TextDiffOptions {
  /** Most token insertions plus deletions the token diff looks for before it falls back. Default {@link defaultMaxEditLength}. */
  readonly maxEditLength?: number;
}

/**
 * Default cap on the token diff. A whole rewritten article of a few thousand
 * words stays under it; the fallback takes over for larger rewrites, where the
 * diff's cost (which grows with the square of the edit length) would stall the UI.
 */
export const defaultMaxEditLength = 4000;

/** Cap on the line diff of the fallback, for the same reason. */
const maxLineEditLength = 20000;

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

/** Diffs two versions of a text. Pure and deterministic. */
export function diffTexts(oldText: string, newText: string, options: TextDiffOptions = {}): TextDiff {
  const cap = options.maxEditLength ?? defaultMaxEditLength;
  const runs: EqualRun[] = [];
  const prefix = commonPrefix(oldText, newText);
  const suffix = commonSuffix(oldText, newText, prefix);
  pushRun(runs, 0, 0, prefix);
  const oldEnd = oldText.length - suffix;
  const newEnd = newText.length - suffix;
  let method: TextDiff['method'] = 'tokens';
  let approximate = false;
  if (!diffStretch(oldText, prefix, oldEnd, newText, prefix, newEnd, cap, runs)) {
    method = 'lines';
    approximate = !diffByLines(oldText, prefix, oldEnd, newText, prefix, newEnd, cap, runs);
  }
  pushRun(runs, oldEnd, newEnd, suffix);
  return { runs, oldLength: oldText.length, newLength: newText.length, method, approximate };
}

/**
 * Token-diffs `old[oldStart, oldEnd)` against `new[newStart, newEnd)` and adds
 * the shared runs. False (and nothing added) when the diff passes the cap.
 */
function diffStretch(
  oldText: string,
  oldStart: number,
  oldEnd: number,
  newText: string,
  newStart: number,
  newEnd: number,
  cap: number,
  runs: EqualRun[],
): boolean {
  if (oldStart === oldEnd || newStart === newEnd) return true;
  const changes = diffArrays(tokenize(oldText.slice(oldStart, oldEnd)), tokenize(newText.slice(newStart, newEnd)), {
    maxEditLength: cap,
  });
  if (!changes) return false;
  let oldOffset = oldStart;
  let newOffset = newStart;
  for (const change of changes) {
    const length = change.value.reduce((sum, token) => sum + token.length, 0);
    if (change.added) newOffset += length;
    else if (change.removed) oldOffset += length;
    else {
      pushRun(runs, oldOffset, newOffset, length);
      oldOffset += length;
      newOffset += length;
    }
  }
  return true;
}

interface LineSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The fallback: identical lines anchor the diff; each stretch between anchors
 * is token-diffed on its own. False when some stretch (or the line diff
 * itself) passed its cap, so the result misses shared text.
 */
function diffByLines(
  oldText: string,
  oldStart: number,
  oldEnd: number,
  newText: string,
  newStart: number,
  newEnd: number,
  cap: number,
  runs: EqualRun[],
): boolean {
  const oldLines = splitLines(oldText, oldStart, oldEnd);
  const newLines = splitLines(newText, newStart, newEnd);
  const changes = diffArrays(
    oldLines.map((line) => line.text),
    newLines.map((line) => line.text),
    { maxEditLength: maxLineEditLength },
  );
  if (!changes) return false;
  let complete = true;
  let oldLine = 0;
  let newLine = 0;
  // The stretch of changed lines not yet diffed, as offsets.
  let pendingOld = oldStart;
  let pendingNew = newStart;
  for (const change of changes) {
    if (change.added) newLine += change.count;
    else if (change.removed) oldLine += change.count;
    else {
      const oldFrom = oldLines[oldLine]!.start;
      const newFrom = newLines[newLine]!.start;
      complete = diffStretch(oldText, pendingOld, oldFrom, newText, pendingNew, newFrom, cap, runs) && complete;
      for (let i = 0; i < change.count; i++) {
        const old = oldLines[oldLine + i]!;
        pushRun(runs, old.start, newLines[newLine + i]!.start, old.end - old.start);
      }
      oldLine += change.count;
      newLine += change.count;
      pendingOld = oldLines[oldLine - 1]!.end;
      pendingNew = newLines[newLine - 1]!.end;
    }
  }
  return diffStretch(oldText, pendingOld, oldEnd, newText, pendingNew, newEnd, cap, runs) && complete;
}

/** Lines of `text[start, end)`, each with its line end, so the spans tile the range. */
function splitLines(text: string, start: number, end: number): LineSpan[] {
  const lines: LineSpan[] = [];
  let lineStart = start;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 10 /* \n */) {
      lines.push({ text: text.slice(lineStart, i + 1), start: lineStart, end: i + 1 });
      lineStart = i + 1;
    }
  }
  if (lineStart < end) lines.push({ text: text.slice(lineStart, end), start: lineStart, end });
  return lines;
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
