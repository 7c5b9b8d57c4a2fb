/**
 * The dynamic programme: over the nodes of a band, the best monotone path of
 * link shapes (Viterbi), and the forward and backward sums over all paths that
 * the confidence of each link is read from. Every step's score is computed
 * once and kept for the backward pass.
 */
import type { Band } from './band.ts';
import { shapeTable, shapes } from './shapes.ts';

/** What the search asks of a scorer: the score of shape number `shape` (of `shapes`) starting at a source and a target paragraph. */
export interface StepScorer {
  score(shape: number, sourceStart: number, targetStart: number): number;
}

/** Options of {@link searchBand}. */
export interface SearchOptions {
  /** Whether to compute the forward sums the posteriors need (default true). */
  readonly sums?: boolean;
  /**
   * A search of another band over the same pair, scorer, temperature and
   * `sums`, to keep the rows it shares from; and, when it kept its exact
   * scores, to read the steps it scored below them from, not score them again.
   */
  readonly previous?: BandSearch;
  /** Whether to keep every step's score exactly (a double), for a later pass to reuse ({@link BandSearch.exactScores}). */
  readonly exactScores?: boolean;
}

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
  /** Per node: the best path's score and its last shape (-1 where none reaches it). */
  readonly best: Float64Array;
  readonly back: Int8Array;
  /** Per node: forward and backward log sums (forward empty when the search ran without sums, backward until {@link withBackwardSums}). */
  readonly forward: Float64Array;
  readonly backward: Float64Array;
  /** Score of shape s ending at node c: `stepScores[c * shapes.length + s]`, NaN where the step is impossible. */
  readonly stepScores: Float32Array;
  /** The same as doubles, as the scorer gave them, when the search was asked to keep them. */
  readonly exactScores?: Float64Array;
  readonly temperature: number;
  /** True when the best path runs along the band's edge, so a wider band might find a better one. */
  readonly touchesEdge: boolean;
  /** Source positions (rows) where it does. */
  readonly edgeRows: readonly number[];
}

const shapeCount = shapes.length;

/**
 * Σ e^(term − max) over the first `count` terms; terms 40 nats below the top
 * add nothing a double can hold, and the top itself adds e^0 = 1 exactly.
 */
function sumExp(terms: Float64Array, count: number, max: number): number {
  let sum = 0;
  for (let index = 0; index < count; index++) {
    const gap = terms[index]! - max;
    if (gap === 0) sum += 1;
    else if (gap > -40) sum += Math.exp(gap);
  }
  return sum;
}

/** Index of node (i, j) in the band's flat arrays, or -1 outside it. */
export function nodeIndex(band: Band, source: number, target: number): number {
  if (source < 0 || source > band.sourceCount) return -1;
  if (target < band.low[source]! || target > band.high[source]!) return -1;
  return band.rowStart[source]! + target - band.low[source]!;
}

/** The first row whose range differs between two bands of the same grid (past the last row when none does). */
function firstChangedRow(previous: Band, band: Band): number {
  if (previous.sourceCount !== band.sourceCount || previous.targetCount !== band.targetCount) return 0;
  for (let row = 0; row <= band.sourceCount; row++) {
    if (previous.low[row] !== band.low[row] || previous.high[row] !== band.high[row]) return row;
  }
  return band.sourceCount + 1;
}

/**
 * Runs Viterbi over `band` with `scorer`, and with `options.sums` also the
 * forward sums the posteriors need; `temperature` softens them. The backward
 * sums are left to {@link withBackwardSums}, run once the band is final. With
 * `options.previous`, the rows before the first whose range changed are taken
 * from it: a node's values depend only on the rows above it, so widening a
 * band around a few rows recomputes from there on, not from the top.
 */
export function searchBand(band: Band, scorer: StepScorer, temperature: number, options: SearchOptions = {}): BandSearch {
  const { sums = true, previous } = options;
  const cells = band.cells;
  const best = new Float64Array(cells).fill(-Infinity);
  const forward = new Float64Array(sums ? cells : 1).fill(-Infinity);
  const back = new Int8Array(cells).fill(-1);
  const stepScores = new Float32Array(cells * shapeCount).fill(Number.NaN);
  const exactScores = options.exactScores ? new Float64Array(cells * shapeCount).fill(Number.NaN) : undefined;
  const terms = new Float64Array(shapeCount);
  const inverse = 1 / temperature;
  // Locals, not property loads, in the inner loops.
  const lows = band.low;
  const highs = band.high;
  const starts = band.rowStart;
  const sourceSpans = shapeTable.sourceSpan;
  const targetSpans = shapeTable.targetSpan;
  const sourceCount = band.sourceCount;
  best[0] = 0;
  forward[0] = 0;
  const kept = previous ? firstChangedRow(previous.band, band) : 0;
  if (kept > 0) {
    const keptCells = starts[Math.min(kept, sourceCount + 1)]!;
    best.set(previous!.best.subarray(0, keptCells));
    back.set(previous!.back.subarray(0, keptCells));
    if (sums) forward.set(previous!.forward.subarray(0, keptCells));
    stepScores.set(previous!.stepScores.subarray(0, keptCells * shapeCount));
    if (exactScores) exactScores.set(previous!.exactScores!.subarray(0, keptCells * shapeCount));
  }
  // Steps the previous search scored (a widened band's retry scores again only the nodes the widening added).
  const known = previous?.exactScores;
  for (let row = kept; row <= sourceCount; row++) {
    const low = lows[row]!;
    const high = highs[row]!;
    const rowStart = starts[row]!;
    const knownLow = known ? previous!.band.low[row]! : 0;
    const knownHigh = known ? previous!.band.high[row]! : -1;
    const knownStart = known ? previous!.band.rowStart[row]! : 0;
    for (let column = low; column <= high; column++) {
      const cell = rowStart + column - low;
      if (cell === 0) continue;
      const knownCell = column >= knownLow && column <= knownHigh ? knownStart + column - knownLow : -1;
      let top = -Infinity;
      let topShape = -1;
      let termCount = 0;
      let termMax = -Infinity;
      for (let shape = 0; shape < shapeCount; shape++) {
        const fromRow = row - sourceSpans[shape]!;
        if (fromRow < 0) continue;
        const fromColumn = column - targetSpans[shape]!;
        const fromLow = lows[fromRow]!;
        if (fromColumn < fromLow || fromColumn > highs[fromRow]!) continue;
        const from = starts[fromRow]! + fromColumn - fromLow;
        if (best[from] === -Infinity) continue;
        const reused = knownCell >= 0 ? known![knownCell * shapeCount + shape]! : Number.NaN;
        const score = Number.isNaN(reused) ? scorer.score(shape, fromRow, fromColumn) : reused;
        stepScores[cell * shapeCount + shape] = score;
        if (exactScores) exactScores[cell * shapeCount + shape] = score;
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
        forward[cell] = termMax + Math.log(sumExp(terms, termCount, termMax));
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
    const sourceSpan = shapeTable.sourceSpan[shape]!;
    const targetSpan = shapeTable.targetSpan[shape]!;
    row -= sourceSpan;
    column -= targetSpan;
    path.push({ shape, sourceStart: row, targetStart: column, score: stepScores[cell * shapeCount + shape]! });
  }
  path.reverse();
  const end = nodeIndex(band, band.sourceCount, band.targetCount);
  const backward = new Float64Array(1).fill(-Infinity);
  return {
    band,
    path,
    logTotal: sums ? forward[end]! : Number.NaN,
    best,
    back,
    forward,
    backward,
    stepScores,
    ...(exactScores ? { exactScores } : {}),
    temperature,
    touchesEdge: edgeRows.length > 0,
    edgeRows,
  };
}

/** The search with its backward sums, which the posteriors need: run once, on the final band of a search with sums. */
export function withBackwardSums(search: BandSearch): BandSearch {
  const { band, stepScores } = search;
  const backward = new Float64Array(band.cells).fill(-Infinity);
  const terms = new Float64Array(shapeCount);
  const inverse = 1 / search.temperature;
  const lows = band.low;
  const highs = band.high;
  const starts = band.rowStart;
  const sourceSpans = shapeTable.sourceSpan;
  const targetSpans = shapeTable.targetSpan;
  const sourceCount = band.sourceCount;
  const end = nodeIndex(band, band.sourceCount, band.targetCount);
  backward[end] = 0;
  for (let row = sourceCount; row >= 0; row--) {
    const low = lows[row]!;
    const high = highs[row]!;
    const rowStart = starts[row]!;
    for (let column = high; column >= low; column--) {
      const cell = rowStart + column - low;
      if (cell === end) continue;
      let termCount = 0;
      let termMax = -Infinity;
      for (let shape = 0; shape < shapeCount; shape++) {
        const toRow = row + sourceSpans[shape]!;
        if (toRow > sourceCount) continue;
        const toColumn = column + targetSpans[shape]!;
        const toLow = lows[toRow]!;
        if (toColumn < toLow || toColumn > highs[toRow]!) continue;
        const to = starts[toRow]! + toColumn - toLow;
        if (backward[to] === -Infinity) continue;
        const score = stepScores[to * shapeCount + shape]!;
        if (Number.isNaN(score)) continue;
        const term = backward[to]! + score * inverse;
        terms[termCount++] = term;
        if (term > termMax) termMax = term;
      }
      if (termCount > 0 && termMax > -Infinity) {
        backward[cell] = termMax + Math.log(sumExp(terms, termCount, termMax));
      }
    }
  }

  return { ...search, backward };
}
