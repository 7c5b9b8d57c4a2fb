/**
 * Where the browser wraps a line, for Monaco's 'advanced' wrapping, with few
 * layout queries.
 *
 * Monaco lays every line of a document out in a hidden element (the browser's
 * own line breaker, which knows Thai words) and then finds each break by
 * bisection: two queries for the line's first and last characters, then about
 * log₂(length) one-character queries per break. On a 5,000-paragraph pair that
 * was some 78,000 queries, most of the time it takes to open the pair.
 *
 * Here one query over the whole line gives its visual lines (one box each, with
 * its width): a line that fits is done in one query, and each break is looked
 * for from where the widths put it, galloping out to a bracket and bisecting
 * inside it. The answer is the same: the first character whose top is on the
 * next visual line, as Monaco's bisection finds it (characters' tops only grow
 * along a line). Lines of several spans (injected text, full-width cells, more
 * than 16,384 characters) and characters without a box go to Monaco's own search.
 *
 * vite.config.ts puts this in front of Monaco's `readLineBreaks` (its
 * domLineBreaksComputer.js), which stays as the fallback.
 */

/** Monaco's `readLineBreaks`: the offsets where visual lines 2, 3… start, then the line's length; null when it does not wrap. */
export type LineBreaksReader = (
  range: Range,
  lineDomNode: HTMLElement,
  lineContent: string,
  charOffsets: readonly number[],
  spanStartOffsets: readonly number[] | undefined,
) => number[] | null;

/** One visual line of a wrapped line: its top and its width, in pixels. */
export interface VisualLine {
  readonly top: number;
  readonly width: number;
}

/** What the search asks of the layout of one line (the DOM in the page, a table in tests). */
export interface LineLayout {
  /** The visual lines, top to bottom; undefined when the line has no box. */
  lines(): readonly VisualLine[] | undefined;
  /** The top of character `index`; undefined when it has no box. */
  topOf(index: number): number | undefined;
}

/** As Monaco has it: two characters are on the same visual line when their tops differ by at most this. */
const sameLineTolerance = 0.1;

/** Boxes of consecutive fragments on one visual line, as one visual line (the list comes top to bottom). */
export function visualLines(rects: ArrayLike<{ readonly top: number; readonly width: number }>): VisualLine[] {
  const lines: { top: number; width: number }[] = [];
  for (let index = 0; index < rects.length; index++) {
    const rect = rects[index]!;
    const last = lines.at(-1);
    if (last && Math.abs(rect.top - last.top) <= sameLineTolerance) last.width += rect.width;
    else lines.push({ top: rect.top, width: rect.width });
  }
  return lines;
}

/**
 * The character indices at which visual lines 2, 3… of a line of `length`
 * characters start (empty when it fits on one), or undefined when the layout
 * cannot tell (a character without a box).
 */
export function findBreaks(layout: LineLayout, length: number): number[] | undefined {
  const lines = layout.lines();
  if (!lines || lines.length === 0) return undefined;
  if (lines.length === 1 || length <= 1) return [];
  const last = length - 1;
  const width = lines.reduce((sum, line) => sum + line.width, 0);
  const charactersPerPixel = width > 0 ? length / width : 0;
  const breaks: number[] = [];
  let start = 0;
  for (let line = 1; line < lines.length && start < last; line++) {
    const top = lines[line]!.top;
    // Monotone along the line: false up to the break, true from it on. `start` begins the line before: false.
    let failed = false;
    const below = (index: number): boolean => {
      const at = layout.topOf(index);
      if (at === undefined) failed = true;
      return at !== undefined && at >= top - sameLineTolerance;
    };
    const guess = Math.min(last, Math.max(start + 1, start + Math.round(lines[line - 1]!.width * charactersPerPixel)));
    let low: number;
    let high: number;
    // Whether `high` was asked about: the last character is taken on trust while galloping, and checked at the end.
    let highAsked = true;
    if (below(guess)) {
      // Gallop back until a character before the break.
      high = guess;
      low = start;
      for (let step = 1; high - step > start; step *= 2) {
        if (below(high - step)) high -= step;
        else {
          low = high - step;
          break;
        }
      }
    } else {
      // Gallop on until a character after it (the last character is on the last visual line).
      low = guess;
      high = last;
      highAsked = false;
      for (let step = 1; low + step < last; step *= 2) {
        if (below(low + step)) {
          high = low + step;
          highAsked = true;
          break;
        }
        low += step;
      }
    }
    while (low + 1 < high) {
      const middle = (low + high) >> 1;
      if (below(middle)) {
        high = middle;
        highAsked = true;
      } else low = middle;
    }
    // A visual line with no character starting on it (the last character is above it): the layout is not what was assumed.
    if ((!highAsked && !below(high)) || failed) return undefined;
    breaks.push(high);
    start = high;
  }
  return breaks;
}

/**
 * Monaco's `readLineBreaks`, answered by {@link findBreaks} where the line is
 * one text node, by `monacoSearch` otherwise.
 */
export function readLineBreaks(
  range: Range,
  lineDomNode: HTMLElement,
  lineContent: string,
  charOffsets: readonly number[],
  spanStartOffsets: readonly number[] | undefined,
  monacoSearch: LineBreaksReader,
): number[] | null {
  const fallback = () => monacoSearch(range, lineDomNode, lineContent, charOffsets, spanStartOffsets);
  const length = lineContent.length;
  if (length <= 1) return null;
  const span = lineDomNode.children.length === 1 ? lineDomNode.firstElementChild : null;
  const text = span?.childNodes.length === 1 ? span.firstChild : null;
  if (!text || text.nodeType !== Node.TEXT_NODE || (spanStartOffsets !== undefined && spanStartOffsets.length !== 1)) return fallback();
  const layout: LineLayout = {
    lines() {
      range.setStart(text, 0);
      range.setEnd(text, text.textContent!.length);
      return visualLines(range.getClientRects());
    },
    topOf(index) {
      range.setStart(text, charOffsets[index]!);
      range.setEnd(text, charOffsets[index + 1]!);
      // One character has one box: its bounding box is it (cheaper than the list). No box: all zeros.
      const box = range.getBoundingClientRect();
      return box.width === 0 && box.height === 0 ? undefined : box.top;
    },
  };
  const breaks = findBreaks(layout, length);
  if (!breaks) return fallback();
  if (breaks.length === 0) return null;
  breaks.push(length);
  return breaks;
}
