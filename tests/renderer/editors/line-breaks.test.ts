/**
 * Where a wrapped line breaks (renderer/editors/line-breaks.ts), on a layout
 * given as a table: the same breaks as Monaco's bisection between characters,
 * found with fewer queries; no answer (Monaco's search takes over) where a
 * character has no box or a visual line starts no character.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findBreaks, visualLines, type LineLayout } from '../../../renderer/editors/line-breaks.ts';

/** A line laid out with characters of the given widths, broken before the given indices; 20 px a visual line. */
function layoutOf(widths: readonly number[], breaks: readonly number[]): LineLayout & { queries: number } {
  const lineOf = (index: number) => breaks.filter((at) => at <= index).length;
  const lines = Array.from({ length: breaks.length + 1 }, (_, line) => ({
    top: 100 + 20 * line,
    width: widths.reduce((sum, width, index) => sum + (lineOf(index) === line ? width : 0), 0),
  }));
  const layout = {
    queries: 0,
    lines() {
      layout.queries++;
      return lines;
    },
    topOf(index: number) {
      layout.queries++;
      return index >= 0 && index < widths.length ? 100 + 20 * lineOf(index) : undefined;
    },
  };
  return layout;
}

/** Monaco's search (domLineBreaksComputer.js `discoverBreaks`), for the reference and its query count. */
function bisection(layout: LineLayout, length: number): number[] {
  const found: number[] = [];
  const discover = (low: number, lowTop: number | undefined, high: number, highTop: number | undefined): void => {
    if (low === high) return;
    const lowAt = lowTop ?? layout.topOf(low)!;
    const highAt = highTop ?? layout.topOf(high)!;
    if (Math.abs(lowAt - highAt) <= 0.1) return;
    if (low + 1 === high) {
      found.push(high);
      return;
    }
    const middle = (low + (high - low) / 2) | 0;
    const middleAt = layout.topOf(middle)!;
    discover(low, lowAt, middle, middleAt);
    discover(middle, middleAt, high, highAt);
  };
  discover(0, undefined, length - 1, undefined);
  return found;
}

/** A line's character widths and breaks, as a browser would make them: each visual line holds at least one character. */
const wrappedLine = fc
  .array(fc.integer({ min: 3, max: 16 }), { minLength: 2, maxLength: 400 })
  .chain((widths) =>
    fc
      .uniqueArray(fc.integer({ min: 1, max: widths.length - 1 }), { maxLength: 12 })
      .map((breaks) => ({ widths, breaks: [...breaks].sort((a, b) => a - b) })),
  );

test('the breaks are those of Monaco’s bisection, for any widths and breaks', () => {
  fc.assert(
    fc.property(wrappedLine, ({ widths, breaks }) => {
      assert.deepEqual(findBreaks(layoutOf(widths, breaks), widths.length), bisection(layoutOf(widths, breaks), widths.length));
      assert.deepEqual(findBreaks(layoutOf(widths, breaks), widths.length), breaks);
    }),
  );
});

test('prose wrapped at a width takes under half of the bisection’s queries', () => {
  // 300 lines of 40–400 characters of 5–11 px, wrapped at the last space before 600 px, as a browser does.
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let ours = 0;
  let monaco = 0;
  for (let line = 0; line < 300; line++) {
    const length = 40 + Math.floor(random() * 360);
    const widths = Array.from({ length }, () => 5 + Math.floor(random() * 7));
    const spaces = new Set(Array.from({ length }, (_, index) => index).filter(() => random() < 0.18));
    const breaks: number[] = [];
    let x = 0;
    let lastSpace = -1;
    for (let index = 0; index < length; index++) {
      x += widths[index]!;
      if (x > 600 && lastSpace > (breaks.at(-1) ?? 0)) {
        breaks.push(lastSpace + 1);
        x = widths.slice(lastSpace + 1, index + 1).reduce((sum, width) => sum + width, 0);
      }
      if (spaces.has(index)) lastSpace = index;
    }
    const fast = layoutOf(widths, breaks);
    assert.deepEqual(findBreaks(fast, length), breaks);
    ours += fast.queries;
    const slow = layoutOf(widths, breaks);
    bisection(slow, length);
    monaco += slow.queries;
  }
  assert.ok(ours < monaco / 2, `${ours} queries against the bisection's ${monaco}`);
});

test('a line that fits takes one query and has no breaks', () => {
  const layout = layoutOf([8, 8, 8, 8], []);
  assert.deepEqual(findBreaks(layout, 4), []);
  assert.equal(layout.queries, 1);
});

test('no answer when a character has no box or a visual line starts no character', () => {
  const boxless: LineLayout = { lines: () => [{ top: 0, width: 50 }, { top: 20, width: 50 }], topOf: () => undefined };
  assert.equal(findBreaks(boxless, 10), undefined);
  const empty: LineLayout = { lines: () => [], topOf: () => 0 };
  assert.equal(findBreaks(empty, 10), undefined);
  // Three visual lines, but every character on the first two.
  const ghost: LineLayout = { lines: () => [{ top: 0, width: 40 }, { top: 20, width: 40 }, { top: 40, width: 0 }], topOf: (index) => (index < 5 ? 0 : 20) };
  assert.equal(findBreaks(ghost, 10), undefined);
});

test('fragments on one visual line count as one line, their widths summed', () => {
  const lines = visualLines([
    { top: 10, width: 30 },
    { top: 10.05, width: 12 },
    { top: 30, width: 40 },
  ]);
  assert.deepEqual(lines, [
    { top: 10, width: 42 },
    { top: 30, width: 40 },
  ]);
});
