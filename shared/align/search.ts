/**
 * The dynamic programme: over the nodes of a band, the best monotone path of
 * link shapes (Viterbi), and the forward and backward sums over all paths that
 * the confidence of each link is read from. Every step's score is computed
 * once and kept for the backward pass.
 */
import type { Band } from './band.ts';
import type { LinkScorer } from './scorer.ts';
import { shapes } from './shapes.ts';

/** One step of the best path: a shape placed at a node. */
export interface PathStep {
  readonly shape: number;
  /** First source and target paragraph the step consumes. */
  readonly sourceStart: number;
  readonly targetStart: number;
  readonly score: number;
}

/** The result of searching one band. */
export interface BandSearch {
  readonly band: Band;
  readonly path: readonly PathStep[];
  /** Log of the summed (tempered) scores of all paths: the normaliser of the posteriors. */
  readonly logTotal: number;
  /** Per node: forward and backward log sums (empty when the search ran without sums). */
  readonly forward: Float64Array;
  readonly backward: Float64Array;
  /** Score of shape s ending at node c: `stepScores[c * shapes.length + s]`, NaN where the step is impossible. */
  readonly stepScores: Float32Array;
  readonly temperature: number;
  /** True when the best path runs along the band's edge, so a wider band might find a better one. */
  readonly touchesEdge: boolean;
  /** Source positions (rows) where it does. */
  readonly edgeRows: readonly number[];
}

const shapeCount = shapes.length;

/** Index of node (i, j) in the band's flat arrays, or -1 outside it. */
export function nodeIndex(band: Band, source: number, target: number): number {
  if (source < 0 || source > band.sourceCount) return -1;
  if (target < band.low[source]! || target > band.high[source]!) return -1;
  return band.rowStart[source]! + target - band.low[source]!;
}

/**
 * Runs Viterbi over `band` with `scorer`, and with `sums` also the forward and
 * backward passes the posteriors need; `temperature` softens them.
 */
export function searchBand(band: Band, scorer: LinkScorer, temperature: number, sums = true): BandSearch {
  const cells = band.cells;
  const best = new Float64Array(cells).fill(-Infinity);
  const forward = new Float64Array(sums ? cells : 1).fill(-Infinity);
  const backward = new Float64Array(sums ? cells : 1).fill(-Infinity);
  const back = new Int8Array(cells).fill(-1);
  const stepScores = new Float32Array(cells * shapeCount).fill(Number.NaN);
  const terms = new Float64Array(shapeCount);
  const inverse = 1 / temperature;
  best[0] = 0;
  forward[0] = 0;
  for (let row = 0; row <= band.sourceCount; row++) {
    const low = band.low[row]!;
    const high = band.high[row]!;
    for (let column = low; column <= high; column++) {
      const cell = band.rowStart[row]! + column - low;
      if (cell === 0) continue;
      let top = -Infinity;
      let topShape = -1;
      let termCount = 0;
      let termMax = -Infinity;
      for (let shape = 0; shape < shapeCount; shape++) {
        const { sourceSpan, targetSpan } = shapes[shape]!;
        const fromRow = row - sourceSpan;
        const fromColumn = column - targetSpan;
        if (fromRow < 0 || fromColumn < band.low[fromRow]! || fromColumn > band.high[fromRow]!) continue;
        const from = band.rowStart[fromRow]! + fromColumn - band.low[fromRow]!;
        if (best[from] === -Infinity) continue;
        const score = scorer.score(shapes[shape]!, shape, fromRow, fromColumn);
        stepScores[cell * shapeCount + shape] = score;
        const total = best[from]! + score;
        // Strictly greater: ties go to the earlier shape (1:1 first), the same on every run.
        if (total > top) {
          top = total;
          topShape = shape;
        }
        if (!sums) continue;
        const term = forward[from]! + score * inverse;
        terms[termCount++] = term;
        if (term > termMax) termMax = term;
      }
      best[cell] = top;
      back[cell] = topShape;
      if (termCount > 0 && termMax > -Infinity) {
        let sum = 0;
        for (let index = 0; index < termCount; index++) sum += Math.exp(terms[index]! - termMax);
        forward[cell] = termMax + Math.log(sum);
      }
    }
  }
  const end = nodeIndex(band, band.sourceCount, band.targetCount);
  if (sums) backward[end] = 0;
  for (let row = sums ? band.sourceCount : -1; row >= 0; row--) {
    const low = band.low[row]!;
    const high = band.high[row]!;
    for (let column = high; column >= low; column--) {
      const cell = band.rowStart[row]! + column - low;
      if (cell === end) continue;
      let termCount = 0;
      let termMax = -Infinity;
      for (let shape = 0; shape < shapeCount; shape++) {
        const { sourceSpan, targetSpan } = shapes[shape]!;
        const toRow = row + sourceSpan;
        const toColumn = column + targetSpan;
        if (toRow > band.sourceCount || toColumn < band.low[toRow]! || toColumn > band.high[toRow]!) continue;
        const to = band.rowStart[toRow]! + toColumn - band.low[toRow]!;
        if (backward[to] === -Infinity) continue;
        const score = stepScores[to * shapeCount + shape]!;
        if (Number.isNaN(score)) continue;
        const term = backward[to]! + score * inverse;
        terms[termCount++] = term;
        if (term > termMax) termMax = term;
      }
      if (termCount > 0 && termMax > -Infinity) {
        let sum = 0;
        for (let index = 0; index < termCount; index++) sum += Math.exp(terms[index]! - termMax);
        backward[cell] = termMax + Math.log(sum);
      }
    }
  }

  const path: PathStep[] = [];
  const edgeRows: number[] = [];
  let row = band.sourceCount;
  let column = band.targetCount;
  while (row > 0 || column > 0) {
    const cell = nodeIndex(band, row, column);
    const shape = back[cell]!;
    if (shape < 0) throw new Error(`No path reaches node (${row}, ${column}): the band is broken`);
    const onEdge = (column === band.low[row] && column > 0) || (column === band.high[row] && column < band.targetCount);
    if (onEdge) edgeRows.push(row);
    const { sourceSpan, targetSpan } = shapes[shape]!;
    row -= sourceSpan;
    column -= targetSpan;
    path.push({ shape, sourceStart: row, targetStart: column, score: stepScores[cell * shapeCount + shape]! });
  }
  path.reverse();
  return { band, path, logTotal: sums ? forward[end]! : Number.NaN, forward, backward, stepScores, temperature, touchesEdge: edgeRows.length > 0, edgeRows };
}
