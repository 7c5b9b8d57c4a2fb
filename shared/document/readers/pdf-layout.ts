/**
 * Paragraphs from the positioned text of PDF pages: lines from text runs on a
 * shared baseline, running headers, footers and page numbers dropped, lines
 * joined into paragraphs by their geometry. Pure: pdf.ts gets the runs from
 * pdf.js; this module only reasons about positions, so it is tested alone.
 */
import type { TextBlock } from './types.ts';

/** A run of text as pdf.js gives it: PDF coordinates, y growing upwards from the page's bottom. */
export interface TextRun {
  readonly text: string;
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly width: number;
  /** Font size (the run's height). */
  readonly height: number;
  /** pdf.js's hint that a line ends after this run. */
  readonly endOfLine: boolean;
}

/** A page: its height and its runs in content order. */
export interface PageText {
  readonly height: number;
  readonly runs: readonly TextRun[];
}

interface Line {
  text: string;
  readonly x: number;
  readonly y: number;
  right: number;
  readonly height: number;
}

/** The share of the page's height at the top and the bottom where running heads and page numbers sit. */
const marginShare = 0.1;
/** A line repeated (digits aside) at about the same height on at least this share of the pages is a running head. */
const runningShare = 0.5;
/** A gap between baselines above this multiple of the page's usual line spacing starts a paragraph. */
const paragraphGap = 1.3;
/** A line ending before this share of the widest line's right edge ends its paragraph. */
const shortLine = 0.8;
/** Scripts written without spaces between words: a line break inside them joins without a space. */
const unspaced = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The blocks (paragraphs) of the pages' text. */
export function layOutPages(pages: readonly PageText[]): TextBlock[] {
  const linesByPage = pages.map((page) => groupLines(page.runs));
  const running = runningLines(pages, linesByPage);
  const blocks: TextBlock[] = [];
  let open: { text: string; last: Line; spacing: number; right: number } | undefined;
  linesByPage.forEach((lines, pageIndex) => {
    const page = pages[pageIndex]!;
    const body = lines.filter((line) => !isFurniture(line, page.height, running));
    const spacing = usualSpacing(body);
    const right = Math.max(0, ...body.map((line) => line.right));
    body.forEach((line, index) => {
      const previous = index > 0 ? body[index - 1]! : undefined;
      const continues =
        open !== undefined &&
        open.last.right >= open.right * shortLine &&
        Math.abs(open.last.height - line.height) <= 0.15 * line.height &&
        (previous === undefined
          ? // Across a page break there is no gap to see: a paragraph goes on when its last line is full and does not end a sentence.
            !endsSentence(open.text, line.text)
          : previous.y - line.y > 0 && previous.y - line.y <= spacing * paragraphGap);
      if (open && continues) {
        open.text = joinLines(open.text, line.text);
        open.last = line;
        open.right = right;
      } else {
        if (open) blocks.push({ text: open.text });
        open = { text: line.text, last: line, spacing, right };
      }
    });
  });
  if (open) blocks.push({ text: open.text });
  return blocks;
}

/** Runs grouped into lines: a new line where pdf.js says one ends or the baseline moves. */
function groupLines(runs: readonly TextRun[]): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  let ended = true;
  for (const run of runs) {
    if (run.text === '' && !run.endOfLine) continue;
    const sameLine = current !== undefined && !ended && Math.abs(current.y - run.y) <= Math.max(current.height, run.height) * 0.4;
    if (run.text !== '') {
      if (current && sameLine) {
        const gap = run.x - current.right;
        const space = gap > run.height * 0.15 && !current.text.endsWith(' ') && !run.text.startsWith(' ') ? ' ' : '';
        current.text += space + run.text;
        current.right = Math.max(current.right, run.x + run.width);
      } else {
        current = { text: run.text, x: run.x, y: run.y, right: run.x + run.width, height: run.height };
        lines.push(current);
      }
    }
    ended = run.endOfLine;
  }
  for (const line of lines) line.text = line.text.replace(/\s+/gu, ' ').trim();
  return lines.filter((line) => line.text !== '');
}

/** Keys (text with digits folded, and height band) of lines in the margins repeated on most pages. */
function runningLines(pages: readonly PageText[], linesByPage: readonly Line[][]): Set<string> {
  const counts = new Map<string, number>();
  linesByPage.forEach((lines, index) => {
    const keys = new Set(lines.filter((line) => inMargin(line, pages[index]!.height)).map(runningKey));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const needed = Math.max(2, Math.ceil(pages.length * runningShare));
  return new Set([...counts].filter(([, count]) => count >= needed).map(([key]) => key));
}

function runningKey(line: Line): string {
  return `${Math.round(line.y / 4)}|${line.text.replace(/\d+/gu, '#')}`;
}

function inMargin(line: Line, pageHeight: number): boolean {
  return line.y > pageHeight * (1 - marginShare) || line.y < pageHeight * marginShare;
}

/**
 * A running head, running foot or page number: in the margin and repeated (digits aside) on most pages. A lone
 * number in the margin of one page is not taken for a page number: it may be text (a count, a year).
 */
function isFurniture(line: Line, pageHeight: number, running: ReadonlySet<string>): boolean {
  return inMargin(line, pageHeight) && running.has(runningKey(line));
}

/** Whether a paragraph ending in `before` looks finished when the next page starts with `after`. */
function endsSentence(before: string, after: string): boolean {
  return /[.!?…:;]["”’»)\]]*$/u.test(before) && /^["“‘«(\[]?[\p{Lu}\p{Nd}]/u.test(after);
}

/** The most common gap between consecutive baselines of a page (its line spacing), or a font size's worth. */
function usualSpacing(lines: readonly Line[]): number {
  const gaps = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const gap = Math.round(lines[i - 1]!.y - lines[i]!.y);
    if (gap > 0) gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [gap, count] of gaps) {
    if (count > bestCount || (count === bestCount && gap < best)) [best, bestCount] = [gap, count];
  }
  return best > 0 ? best : (lines[0]?.height ?? 12) * 1.2;
}

/** Two lines of one paragraph: a space between, except after a hyphen and between letters of scripts without spaces. */
function joinLines(before: string, after: string): string {
  if (before.endsWith('-') || before.endsWith('\u00ad')) return `${before.replace(/\u00ad$/u, '')}${after}`;
  const last = before.at(-1) ?? '';
  const first = after[0] ?? '';
  return unspaced.test(last) && unspaced.test(first) ? `${before}${after}` : `${before} ${after}`;
}
