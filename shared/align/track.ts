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
  readonly cells: number;
}

/**
 * The beam considers only the common shapes (1:1, 1:0, 0:1, 2:1, 1:2): it
 * needs the path's course, not its details, and the banded search around it
 * tries every shape. Half the shapes, half the work.
 */
const trackedShapes = Int32Array.from(shapes.flatMap((shape, index) => (['1:1', '1:0', '0:1', '2:1', '1:2'].includes(shape.kind) ? [index] : [])));

/**
 * Follows the best path through a beam of `halfWidth` target positions either
 * side of the previous row's best node: one width for every row, or a width per
 * source row (`halfWidth[row]`), so a retry can widen only where it must.
 */
export function trackPath(scorer: LinkScorer, sourceCount: number, targetCount: number, halfWidth: number | Int32Array): TrackResult {
  const widthAt = typeof halfWidth === 'number' ? () => halfWidth : (row: number) => halfWidth[row]!;
  const low = new Int32Array(sourceCount + 1);
  const high = new Int32Array(sourceCount + 1);
  const rowStart = new Int32Array(sourceCount + 2);
  // Target paragraphs per source paragraph: how far up the beam must reach in one row.
  const climb = Math.ceil(targetCount / Math.max(sourceCount, 1));
  let capacity = 0;
  for (let row = 0; row <= sourceCount; row++) capacity += 2 * widthAt(row) + climb + 2;
  let best = new Float64Array(capacity);
  let back = new Int8Array(capacity);
  let cells = 0;
  let center = 0;
  const sourceSpans = shapeTable.sourceSpan;
  const targetSpans = shapeTable.targetSpan;
  const trackedCount = trackedShapes.length;
  for (let row = 0; row <= sourceCount; row++) {
    const width = widthAt(row);
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
        const previous = best[from]!;
        if (previous === -Infinity) continue;
        const total = previous + scorer.score(shape, fromRow, fromColumn);
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
    center = rowBestColumn;
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
  return { path, steps, touchesEdge: edgeRows.length > 0, edgeRows, cells };
}
