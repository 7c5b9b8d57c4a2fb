/**
 * The first pass's guide: a beam search that follows the best path down the
 * source side, keeping at each source position only the target positions
 * within `halfWidth` of where the best partial path stood one row before.
 * It needs no anchors and no idea of the diagonal, so it keeps up with
 * documents whose correspondence drifts (runs of clutter, a long untranslated
 * stretch) and with documents that repeat themselves, where rare-anchor
 * guides fail. Work is linear: about rows × (2·halfWidth + slope) nodes.
 *
 * The beam keeps the best path only approximately; the banded search that
 * follows re-solves exactly (and computes the posteriors) around it.
 */
import type { GuidePoint } from './band.ts';
import type { LinkScorer } from './scorer.ts';
import type { PathStep } from './search.ts';
import { shapeTable, shapes } from './shapes.ts';

/**
 * The beam as searched: per row its target range and where its nodes start,
 * and per node the best score and the shape that reached it. A retry with a
 * wider beam somewhere keeps the rows before the first widened one, which it
 * would compute again to the same values.
 */
export interface TrackState {
  readonly widths: Int32Array;
  readonly low: Int32Array;
  readonly high: Int32Array;
  readonly rowStart: Int32Array;
  readonly best: Float64Array;
  readonly back: Int8Array;
}

/** The tracked path and what it cost. */
export interface TrackResult {
  /** Nodes of the path, from (0, 0) to (sourceCount, targetCount). */
  readonly path: readonly GuidePoint[];
  /** The path as steps, for re-estimating the model from it. */
  readonly steps: readonly PathStep[];
  /** True when the path ran along the beam's edge somewhere: a wider beam might find a better one. */
  readonly touchesEdge: boolean;
  /** The source rows where it did: the next beam is widened around these only. */
  readonly edgeRows: readonly number[];
  /** Nodes computed by this call (rows kept from a previous beam are not counted again). */
  readonly cells: number;
  /** The beam, for a retry to resume from. */
  readonly state: TrackState;
}

/**
 * The beam considers only the common shapes (1:1, 1:0, 0:1, 2:1, 1:2): it
 * needs the path's course, not its details, and the banded search around it
 * tries every shape. Half the shapes, half the work.
 */
const trackedShapes = Int32Array.from(shapes.flatMap((shape, index) => (['1:1', '1:0', '0:1', '2:1', '1:2'].includes(shape.kind) ? [index] : [])));

/** The first row whose width differs between two width lists of the same length (their length when none does). */
function firstChangedRow(previous: Int32Array, next: Int32Array): number {
  for (let row = 0; row < next.length; row++) if (previous[row] !== next[row]) return row;
  return next.length;
}

/** The last row whose width differs between two width lists of the same length (-1 when none does). */
function lastChangedRow(previous: Int32Array, next: Int32Array): number {
  for (let row = next.length - 1; row >= 0; row--) if (previous[row] !== next[row]) return row;
  return -1;
}

/**
 * The amount by which every node of rows `row - 1` and `row` of a beam
 * outscores the same node of `previous`, when the two rows span the same
 * nodes there and one amount holds for all that either reached; undefined
 * otherwise.
 */
function commonOffset(previous: TrackState, low: Int32Array, high: Int32Array, rowStart: Int32Array, best: Float64Array, row: number): number | undefined {
  let offset: number | undefined;
  for (let at = row - 1; at <= row; at++) {
    if (previous.low[at] !== low[at] || previous.high[at] !== high[at]) return undefined;
    const nodes = high[at]! - low[at]! + 1;
    for (let node = 0; node < nodes; node++) {
      const now = best[rowStart[at]! + node]!;
      const before = previous.best[previous.rowStart[at]! + node]!;
      if (now === -Infinity || before === -Infinity) {
        if (now !== before) return undefined;
        continue;
      }
      offset ??= now - before;
      if (now - before !== offset) return undefined;
    }
  }
  return offset;
}

/**
 * Follows the best path through a beam of `halfWidth[row]` target positions
 * either side of the previous row's best node, so a retry can widen only where
 * it must. With `previous` (the state of a beam over the same pair with the
 * same scorer), the rows before the first whose width changed are taken from it
 * as they are: each row depends only on the rows above it. Below the last
 * widened row, once two rows in a row hold the previous beam's nodes all
 * raised by one amount (the better course found around the widened rows is
 * shared by every path further down), the rest of the beam is the previous
 * one raised by that amount, and is taken from it too: a widening a third of
 * the way down a whole Bible recomputed the two thirds below it, twice.
 */
export function trackPath(scorer: LinkScorer, sourceCount: number, targetCount: number, halfWidth: Int32Array, previous?: TrackState): TrackResult {
  const low = new Int32Array(sourceCount + 1);
  const high = new Int32Array(sourceCount + 1);
  const rowStart = new Int32Array(sourceCount + 2);
  // Target paragraphs per source paragraph: how far up the beam must reach in one row.
  const climb = Math.ceil(targetCount / Math.max(sourceCount, 1));
  let capacity = 0;
  for (let row = 0; row <= sourceCount; row++) capacity += 2 * halfWidth[row]! + climb + 2;
  const kept = previous ? firstChangedRow(previous.widths, halfWidth) : 0;
  let cells = kept > 0 ? previous!.rowStart[kept]! : 0;
  capacity = Math.max(capacity, cells);
  let best = new Float64Array(capacity);
  let back = new Int8Array(capacity);
  let center = 0;
  if (kept > 0) {
    low.set(previous!.low.subarray(0, kept));
    high.set(previous!.high.subarray(0, kept));
    rowStart.set(previous!.rowStart.subarray(0, kept));
    best.set(previous!.best.subarray(0, cells));
    back.set(previous!.back.subarray(0, cells));
    // Where the last kept row's best node is, as the loop below finds it: the first of the highest.
    let rowBest = -Infinity;
    center = low[kept - 1]!;
    for (let column = low[kept - 1]!; column <= high[kept - 1]!; column++) {
      const value = best[rowStart[kept - 1]! + column - low[kept - 1]!]!;
      if (value > rowBest) {
        rowBest = value;
        center = column;
      }
    }
  }
  // The rows below which the widths are the previous beam's, where it may be taken up again.
  const resumable = previous ? Math.max(1, kept, lastChangedRow(previous.widths, halfWidth)) : sourceCount + 1;
  let computed = 0;
  const sourceSpans = shapeTable.sourceSpan;
  const targetSpans = shapeTable.targetSpan;
  const trackedCount = trackedShapes.length;
  for (let row = kept; row <= sourceCount; row++) {
    const width = halfWidth[row]!;
    low[row] = Math.max(0, center - width);
    high[row] = row === sourceCount ? targetCount : Math.min(targetCount, center + width + climb);
    rowStart[row] = cells;
    const nodes = high[row]! - low[row]! + 1;
    if (cells + nodes > capacity) {
      // Only the last row can be wider than planned (it runs to the end); grow once.
      capacity = Math.max(capacity * 2, cells + nodes);
      const grownBest = new Float64Array(capacity);
      grownBest.set(best);
      best = grownBest;
      const grownBack = new Int8Array(capacity);
      grownBack.set(back);
      back = grownBack;
    }
    let rowBest = -Infinity;
    let rowBestColumn = low[row]!;
    for (let column = low[row]!; column <= high[row]!; column++) {
      const cell = cells + column - low[row]!;
      if (row === 0 && column === 0) {
        best[cell] = 0;
        back[cell] = -1;
        rowBest = 0;
        rowBestColumn = 0;
        continue;
      }
      let top = -Infinity;
      let topShape = -1;
      for (let index = 0; index < trackedCount; index++) {
        const shape = trackedShapes[index]!;
        const sourceSpan = sourceSpans[shape]!;
        const targetSpan = targetSpans[shape]!;
        const fromRow = row - sourceSpan;
        const fromColumn = column - targetSpan;
        if (fromRow < 0 || fromColumn < low[fromRow]! || fromColumn > high[fromRow]!) continue;
        const from = fromRow === row ? cell - targetSpan : rowStart[fromRow]! + fromColumn - low[fromRow]!;
        const reached = best[from]!;
        if (reached === -Infinity) continue;
        const total = reached + scorer.score(shape, fromRow, fromColumn);
        if (total > top) {
          top = total;
          topShape = shape;
        }
      }
      best[cell] = top;
      back[cell] = topShape;
      if (top > rowBest) {
        rowBest = top;
        rowBestColumn = column;
      }
    }
    cells += nodes;
    computed += nodes;
    center = rowBestColumn;
    const offset = row >= resumable && row < sourceCount ? commonOffset(previous!, low, high, rowStart, best, row) : undefined;
    if (offset !== undefined) {
      const from = previous!.rowStart[row + 1]!;
      const rest = previous!.rowStart[sourceCount + 1]! - from;
      if (cells + rest > capacity) {
        capacity = cells + rest;
        const grownBest = new Float64Array(capacity);
        grownBest.set(best.subarray(0, cells));
        best = grownBest;
        const grownBack = new Int8Array(capacity);
        grownBack.set(back.subarray(0, cells));
        back = grownBack;
      }
      for (let later = row + 1; later <= sourceCount; later++) {
        low[later] = previous!.low[later]!;
        high[later] = previous!.high[later]!;
        rowStart[later] = previous!.rowStart[later]! - from + cells;
      }
      for (let node = 0; node < rest; node++) best[cells + node] = previous!.best[from + node]! + offset;
      back.set(previous!.back.subarray(from, from + rest), cells);
      cells += rest;
      break;
    }
  }
  rowStart[sourceCount + 1] = cells;

  const path: GuidePoint[] = [];
  const steps: PathStep[] = [];
  const edgeRows: number[] = [];
  let row = sourceCount;
  let column = targetCount;
  path.push({ source: row, target: column });
  while (row > 0 || column > 0) {
    const cell = rowStart[row]! + column - low[row]!;
    const shape = back[cell]!;
    if (shape < 0 || best[cell] === -Infinity) throw new Error(`The beam lost the path at node (${row}, ${column})`);
    if ((column === low[row] && column > 0) || (column === high[row] && column < targetCount)) edgeRows.push(row);
    const score = best[cell]!;
    row -= shapeTable.sourceSpan[shape]!;
    column -= shapeTable.targetSpan[shape]!;
    path.push({ source: row, target: column });
    steps.push({ shape, sourceStart: row, targetStart: column, score: score - best[rowStart[row]! + column - low[row]!]! });
  }
  path.reverse();
  steps.reverse();
  edgeRows.reverse();
  return { path, steps, touchesEdge: edgeRows.length > 0, edgeRows, cells: computed, state: { widths: halfWidth, low, high, rowStart, best, back } };
}
