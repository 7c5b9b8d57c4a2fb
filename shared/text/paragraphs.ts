/**
 * Text to paragraphs, each a `[start, end)` range of the original text so the
 * editor can highlight by offset. Three layouts are recognised:
 * - blocks separated by blank lines;
 * - one paragraph per line (web pages pasted as text, subtitles, the corpus);
 * - hard-wrapped text (e-mail, plain-text books), whose lines are joined back.
 */

/** A paragraph's range in the text: leading and trailing white space excluded. */
export interface ParagraphRange {
  readonly start: number;
  readonly end: number;
}

interface Line {
  readonly start: number;
  readonly end: number;
  /** Length in code points, white space trimmed. */
  readonly length: number;
  readonly blank: boolean;
}

/** Wrapped text is wrapped narrower than this; a wider "wrap width" means lines are paragraphs. */
const maxWrapWidth = 100;
/** A line at least this share of the wrap width is full: the next line may continue it. */
const fullLineShare = 0.7;
/** Lines that start a paragraph of their own even right after a full line. */
const listItemStart = /^\s*(?:[•●▪◦‣∙·*\-–—]\s|\d{1,3}[.)]\s|[a-z][.)]\s|[(（][\da-z]{1,3}[)）]\s)/iu;

/**
 * Splits `text` into paragraphs, in order, none empty or white space only.
 *
 * A block of consecutive non-blank lines is one paragraph when it looks
 * hard-wrapped (its lines fill a common width of at most {@link maxWrapWidth}
 * characters); otherwise each of its lines is a paragraph.
 */
export function splitParagraphs(text: string): ParagraphRange[] {
  const lines = splitLines(text);
  const wrapWidth = estimateWrapWidth(lines);
  const paragraphs: ParagraphRange[] = [];
  let open: { start: number; end: number } | undefined;
  let previous: Line | undefined;

  for (const line of lines) {
    if (line.blank) {
      if (open) paragraphs.push(open);
      open = undefined;
      previous = undefined;
      continue;
    }
    const trimmed = trimRange(text, line.start, line.end);
    const continues =
      open !== undefined &&
      previous !== undefined &&
      wrapWidth !== undefined &&
      previous.length >= wrapWidth * fullLineShare &&
      !listItemStart.test(text.slice(line.start, line.end));
    if (continues && open) {
      open.end = trimmed.end;
    } else {
      if (open) paragraphs.push(open);
      open = { ...trimmed };
    }
    previous = line;
  }
  if (open) paragraphs.push(open);
  return paragraphs;
}

/** Splits text into lines at \n, \r\n, \r, U+2028 and U+2029; ranges exclude the line end. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const lineEnd = /\r\n|[\n\r\u2028\u2029]/g;
  let start = 0;
  for (let match = lineEnd.exec(text); ; match = lineEnd.exec(text)) {
    const end = match ? match.index : text.length;
    // Trimmed and counted in place: a whole Bible is 30,000 lines, and a copy of each cost more than the split.
    let from = start;
    let to = end;
    while (from < to && isWhiteSpace(text.charCodeAt(from))) from++;
    while (to > from && isWhiteSpace(text.charCodeAt(to - 1))) to--;
    lines.push({ start, end, length: codePointsIn(text, from, to), blank: from === to });
    if (!match) break;
    start = match.index + match[0].length;
  }
  return lines;
}

/**
 * The width text was wrapped at, if it looks wrapped: the 90th percentile of the
 * lengths of lines that are followed by another non-blank line. Undefined when
 * that width exceeds {@link maxWrapWidth} (lines are paragraphs) or there are
 * too few such lines to tell.
 */
function estimateWrapWidth(lines: readonly Line[]): number | undefined {
  const inner: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    if (!line.blank && !lines[i + 1]!.blank) inner.push(line.length);
  }
  if (inner.length < 3) return undefined;
  inner.sort((a, b) => a - b);
  const width = inner[Math.floor((inner.length - 1) * 0.9)]!;
  if (width > maxWrapWidth || width < 20) return undefined;
  // In wrapped text most inner lines are nearly full; in a list of short lines they are not.
  const full = inner.filter((length) => length >= width * fullLineShare).length;
  return full >= inner.length * 0.6 ? width : undefined;
}

function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Code points in `text` from `start` to `end`: a surrogate pair counts once, a lone surrogate once. */
function codePointsIn(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = start; index < end; index++, count++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < end) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
  }
  return count;
}

/** What String.prototype.trim removes: ECMAScript's WhiteSpace (Unicode Zs, tab, VT, FF, BOM) and line terminators. */
export function isWhiteSpace(unit: number): boolean {
  if (unit <= 0x20) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  if (unit < 0xa0) return false;
  return (
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
}

/** White space other than a single space between words: what folding changes. */
const unfolded = /[^\S ]| {2}/u;

/** The paragraph's text with its internal line breaks and runs of white space folded to one space. */
export function foldWhitespace(text: string): string {
  // Most paragraphs have nothing to fold; testing costs a scan, replacing a copy of every paragraph.
  return (unfolded.test(text) ? text.replace(/\s+/gu, ' ') : text).trim();
}

/**
 * Each paragraph's text with its white space folded: what language detection
 * and the aligner read.
 */
export function paragraphTexts(document: { readonly text: string; readonly paragraphs: readonly ParagraphRange[] }): string[] {
  return document.paragraphs.map((paragraph) => foldWhitespace(document.text.slice(paragraph.start, paragraph.end)));
}
