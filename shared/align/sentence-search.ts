/**
 * The search of one block of the sentence aligner (sentence-align.ts): the
 * best monotone path of sentence links through the block's grid of pieces
 * (source × target), and the forward and backward sums over its paths that
 * each link's posterior is read from.
 *
 * A link of a few paragraphs has a few dozen pieces a side and is searched
 * whole, exactly. A link of one 100,000-character paragraph a side (a text
 * pasted from a PDF, a chapter the paragraph aligner could only link whole)
 * has a thousand or more: its whole grid, at 16 steps a node, was 16 million
 * scored steps and 1.2 GB. So the search keeps to a band around a guide
 * (band.ts, as at paragraph level): the diagonal where the two sides' running
 * lengths agree, or the path of an earlier pass; and where its best path runs
 * near the band's edge, or where alignments through its edge keep a share
 * of the posteriors the confidences would miss, it widens the band from there
 * on and searches again from the first widened row. Memory and time grow with the band, about
 * (pieces) × (width), not with the grid; no row is widened past a cap. A band
 * that covers the grid (a small block) is the exact search.
 *
 * What a band cannot see: a best path wholly outside it (a long stretch left
 * out at a link's start, which the length diagonal spreads over the whole
 * link) whose neighbourhood the band's path never nears.
 *
 * Steps go in a fixed order (from the earliest node first) and the sums are
 * taken in it, so a block searched whole gives, to the last bit, what the
 * search over every step object did before.
 */
import { bandAround, coversGrid, widenAround, type Band, type GuidePoint } from './band.ts';

/** A block's grid: its pieces, the steps allowed and their scores. */
export interface BlockGrid {
  readonly sourceCount: number;
  readonly targetCount: number;
  /**
   * Per node position `k` on each side (`0 … count`): the most pieces of that
   * side a step ending at `k` may take. Shorter steps must be allowed too.
   */
  readonly sourceReach: Int32Array;
  readonly targetReach: Int32Array;
  /** Score of linking source pieces `[i, i + a)` with target pieces `[j, j + b)`; -Infinity where no such step exists. */
  score(i: number, j: number, a: number, b: number): number;
  /** Divides scores before the forward–backward sums. */
  readonly temperature: number;
}

/** A step of the path: `a` source and `b` target pieces from node (i, j). */
export interface BlockStep {
  readonly i: number;
  readonly j: number;
  readonly a: number;
  readonly b: number;
  readonly score: number;
}

/** How the band is laid and widened. */
export interface BlockSearchOptions {
  /** Points the band follows (piece positions, increasing on both sides). */
  readonly guide: readonly GuidePoint[];
  /** Half-width of the first band, in pieces. */
  readonly halfWidth: number;
  /** Half-width beyond which a row is not widened. */
  readonly widest: number;
}

/** The result of searching one block. */
export interface BlockSearch {
  readonly path: readonly BlockStep[];
  /** Posterior probability of a step among all paths of the band. */
  posterior(step: BlockStep): number;
  /**
   * Per side, at piece `p` (≥ 1): the summed posterior of the steps that hold
   * pieces `p - 1` and `p` in one link. Computed when asked: it costs a pass.
   */
  together(): { readonly source: Float64Array; readonly target: Float64Array };
  /** Work done: nodes searched (a widened band counts again from its first widened row), and steps scored. */
  readonly cells: number;
  readonly scored: number;
}

/**
 * Most step scores kept between the forward and the backward pass (8 bytes
 * each); a band with more steps (a side allowed hundreds of sentences a link)
 * scores them again instead.
 */
const keptScoreLimit = 1 << 22;

/**
 * Most nodes of a widened band (some 36 bytes each, and the band before it
 * is kept while the next is searched): a band is not widened past it, unless
 * the first band of a very long link is larger already.
 */
const widestBandCells = 1 << 22;

/** The nodes' values of one band's forward pass. */
interface ForwardPass {
  readonly band: Band;
  readonly best: Float64Array;
  readonly forward: Float64Array;
  /** The best path's last step into each node: its source and target pieces (-1 where none). */
  readonly choiceSource: Int32Array;
  readonly choiceTarget: Int32Array;
  /** Step scores in the order the passes visit them, and where each node's begin; absent over {@link keptScoreLimit}. */
  readonly scores?: Float64Array;
  readonly scoreStart?: Int32Array;
  scored: number;
}

/** The best path and sums of one block, in a band around `options.guide`, widened where the path or the posteriors reach its edge. */
export function searchBlockGrid(grid: BlockGrid, options: BlockSearchOptions): BlockSearch {
  const { sourceCount, targetCount } = grid;
  const cap = Math.max(1, Math.min(options.widest, Math.max(sourceCount, targetCount)));
  let widths: Int32Array = new Int32Array(sourceCount + 1).fill(Math.max(1, Math.min(options.halfWidth, cap)));
  let band = bandAround(options.guide, sourceCount, targetCount, widths);
  let cells = 0;
  let scored = 0;
  let previous: ForwardPass | undefined;
  for (;;) {
    const pass = forwardPass(grid, band, previous);
    cells += band.cells - (previous ? band.rowStart[firstChangedRow(previous.band, band)]! : 0);
    scored += pass.scored;
    const path = bestPath(grid, pass);
    const covered = coversGrid(band);
    let edgeRows = covered ? [] : edgeRowsOf(band, widths, path).filter((row) => widths[row]! < cap);
    let sums: { backward: Float64Array; total: number } | undefined;
    if (edgeRows.length === 0) {
      const { backward, rescored } = backwardPass(grid, pass);
      scored += rescored;
      sums = { backward, total: pass.forward[band.cells - 1]! };
      edgeRows = covered ? [] : likelyEdgeRows(pass, backward, sums.total).filter((row) => widths[row]! < cap);
    }
    const nextWidths = edgeRows.length > 0 ? widenOnward(widths, edgeRows, cap) : undefined;
    const next = nextWidths && bandAround(options.guide, sourceCount, targetCount, nextWidths);
    // A wider band past the limit is not searched: this one is the answer, its sums those of the paths it holds.
    if (!next || next.cells > Math.max(widestBandCells, band.cells)) {
      if (!sums) {
        const { backward, rescored } = backwardPass(grid, pass);
        scored += rescored;
        sums = { backward, total: pass.forward[band.cells - 1]! };
      }
      const { backward, total } = sums;
      const final = band;
      const cell = (i: number, j: number) => final.rowStart[i]! + j - final.low[i]!;
      const posterior = (step: BlockStep) =>
        Math.exp(pass.forward[cell(step.i, step.j)]! + step.score / grid.temperature + backward[cell(step.i + step.a, step.j + step.b)]! - total);
      return { path, posterior, together: () => togetherPass(grid, pass, backward, total), cells, scored };
    }
    previous = pass;
    widths = nextWidths!;
    band = next;
  }
}

/**
 * The widths doubled around the rows where the path ran near the band's edge
 * (band.ts), and from the first of them on to the block's end, capped: a
 * path that left the band there has drifted from its guide (the translation
 * left out or added a stretch), and it stays off the guide after, where a
 * band widened only around those rows would steer it back too early.
 */
function widenOnward(widths: Int32Array, edgeRows: readonly number[], cap: number): Int32Array {
  const widened = widenAround(widths, edgeRows);
  const first = edgeRows.reduce((least, row) => Math.min(least, row), widths.length);
  for (let row = first; row < widened.length; row++) widened[row] = Math.max(widened[row]!, 2 * widths[row]!);
  return widened.map((width) => Math.min(width, cap));
}

/** Calls `visit` for every step into node (row, column) of the band, from the earliest node (most pieces) first. */
function forEachStepInto(
  grid: BlockGrid,
  band: Band,
  row: number,
  column: number,
  visit: (from: number, i: number, j: number, a: number, b: number) => void,
): void {
  const { low, high, rowStart } = band;
  const reachTarget = grid.targetReach[column]!;
  for (let a = Math.min(grid.sourceReach[row]!, row); a >= 0; a--) {
    const fromRow = row - a;
    const fromLow = low[fromRow]!;
    // Only the part of the other row inside the band: b between column − high and column − low.
    const most = Math.min(reachTarget, column - fromLow);
    const least = Math.max(0, column - high[fromRow]!);
    for (let b = most; b >= least; b--) {
      if (a === 0 && b === 0) continue;
      visit(rowStart[fromRow]! + column - b - fromLow, fromRow, column - b, a, b);
    }
  }
}

/** The first row whose nodes differ between two bands of one grid (past the last row when none does). */
function firstChangedRow(previous: Band, band: Band): number {
  for (let row = 0; row <= band.sourceCount; row++) {
    if (previous.low[row] !== band.low[row] || previous.high[row] !== band.high[row]) return row;
  }
  return band.sourceCount + 1;
}

/** How many steps go into node (row, column) at most: the pieces each side may take, with none on both. */
function stepBound(grid: BlockGrid, row: number, column: number): number {
  return (Math.min(grid.sourceReach[row]!, row) + 1) * (Math.min(grid.targetReach[column]!, column) + 1) - 1;
}

/**
 * Viterbi and the forward sums over a band, nodes in row-major order (every
 * step goes to a later node). A node's values depend only on the rows above
 * it, so the rows before the first that `previous` (a narrower band of the
 * same grid) lays differently are taken from it.
 */
function forwardPass(grid: BlockGrid, band: Band, previous: ForwardPass | undefined): ForwardPass {
  const cells = band.cells;
  let bound = 0;
  for (let row = 0; row <= band.sourceCount && bound <= keptScoreLimit; row++) {
    for (let column = band.low[row]!; column <= band.high[row]!; column++) bound += stepBound(grid, row, column);
  }
  const keep = bound <= keptScoreLimit;
  const pass: ForwardPass = {
    band,
    best: new Float64Array(cells).fill(-Infinity),
    forward: new Float64Array(cells).fill(-Infinity),
    choiceSource: new Int32Array(cells).fill(-1),
    choiceTarget: new Int32Array(cells).fill(-1),
    ...(keep ? { scores: new Float64Array(bound), scoreStart: new Int32Array(cells + 1) } : {}),
    scored: 0,
  };
  const { best, forward, choiceSource, choiceTarget, scores, scoreStart } = pass;
  const temperature = grid.temperature;
  let terms: Float64Array<ArrayBuffer> = new Float64Array(64);
  let termCount = 0;
  let kept = 0;
  let firstRow = 0;
  best[0] = 0;
  forward[0] = 0;
  const same = previous ? firstChangedRow(previous.band, band) : 0;
  // Kept scores are taken too, or the rows are searched again to keep them.
  if (previous && same > 0 && (!scores || previous.scores)) {
    const sameCells = band.rowStart[same]!;
    best.set(previous.best.subarray(0, sameCells));
    forward.set(previous.forward.subarray(0, sameCells));
    choiceSource.set(previous.choiceSource.subarray(0, sameCells));
    choiceTarget.set(previous.choiceTarget.subarray(0, sameCells));
    if (scores && scoreStart) {
      kept = previous.scoreStart![sameCells]!;
      scores.set(previous.scores!.subarray(0, kept));
      scoreStart.set(previous.scoreStart!.subarray(0, sameCells));
    }
    firstRow = same;
  }
  let cell = band.rowStart[firstRow]!;
  for (let row = firstRow; row <= band.sourceCount; row++) {
    for (let column = band.low[row]!; column <= band.high[row]!; column++, cell++) {
      if (scoreStart) scoreStart[cell] = kept;
      if (cell === 0) continue;
      termCount = 0;
      let top = -Infinity;
      forEachStepInto(grid, band, row, column, (from, i, j, a, b) => {
        const score = grid.score(i, j, a, b);
        pass.scored++;
        if (scores) scores[kept++] = score;
        if (score === -Infinity) return;
        const total = best[from]! + score;
        // Strictly greater: ties go to the earliest node's step, as they always have.
        if (total > top) {
          top = total;
          choiceSource[cell] = a;
          choiceTarget[cell] = b;
        }
        if (termCount === terms.length) terms = growTo(terms, 2 * termCount);
        terms[termCount++] = forward[from]! + score / temperature;
      });
      best[cell] = top;
      forward[cell] = logSumExp(terms, termCount);
    }
  }
  if (scoreStart) scoreStart[cells] = kept;
  return pass;
}

/** The backward sums over the band of `pass`, nodes from the last (each step adds into its first node), and how many steps it scored again. */
function backwardPass(grid: BlockGrid, pass: ForwardPass): { backward: Float64Array; rescored: number } {
  const { band, scores, scoreStart } = pass;
  const backward = new Float64Array(band.cells).fill(-Infinity);
  const temperature = grid.temperature;
  backward[band.cells - 1] = 0;
  let rescored = 0;
  let cell = band.cells - 1;
  for (let row = band.sourceCount; row >= 0; row--) {
    for (let column = band.high[row]!; column >= band.low[row]!; column--, cell--) {
      const here = backward[cell]!;
      let at = scoreStart ? scoreStart[cell]! : 0;
      forEachStepInto(grid, band, row, column, (from, i, j, a, b) => {
        let score: number;
        if (scores) score = scores[at++]!;
        else {
          score = grid.score(i, j, a, b);
          rescored++;
        }
        if (score === -Infinity) return;
        backward[from] = logAddExp(backward[from]!, here + score / temperature);
      });
    }
  }
  return { backward, rescored };
}

/** Per side, the summed posterior of the steps holding each piece with the one before it (see {@link BlockSearch.together}). */
function togetherPass(grid: BlockGrid, pass: ForwardPass, backward: Float64Array, total: number): { source: Float64Array; target: Float64Array } {
  const { band, forward, scores, scoreStart } = pass;
  const together = { source: new Float64Array(grid.sourceCount), target: new Float64Array(grid.targetCount) };
  const temperature = grid.temperature;
  let cell = 0;
  for (let row = 0; row <= band.sourceCount; row++) {
    for (let column = band.low[row]!; column <= band.high[row]!; column++, cell++) {
      let at = scoreStart ? scoreStart[cell]! : 0;
      forEachStepInto(grid, band, row, column, (from, i, j, a, b) => {
        const kept = scores ? scores[at++]! : undefined;
        if (a < 2 && b < 2) return;
        const score = kept ?? grid.score(i, j, a, b);
        if (score === -Infinity) return;
        const posterior = Math.exp(forward[from]! + score / temperature + backward[cell]! - total);
        for (let piece = i + 1; piece < i + a; piece++) together.source[piece] = together.source[piece]! + posterior;
        for (let piece = j + 1; piece < j + b; piece++) together.target[piece] = together.target[piece]! + posterior;
      });
    }
  }
  return together;
}

/** The best path of a forward pass, from its first node to its last, each step with its score as the grid gives it. */
function bestPath(grid: BlockGrid, pass: ForwardPass): BlockStep[] {
  const { band, choiceSource, choiceTarget } = pass;
  const steps: BlockStep[] = [];
  let row = band.sourceCount;
  let column = band.targetCount;
  while (row > 0 || column > 0) {
    const cell = band.rowStart[row]! + column - band.low[row]!;
    const a = choiceSource[cell]!;
    const b = choiceTarget[cell]!;
    if (a < 0) throw new Error(`No path reaches node (${row}, ${column}): the band is broken`);
    row -= a;
    column -= b;
    steps.push({ i: row, j: column, a, b, score: grid.score(row, column, a, b) });
  }
  return steps.reverse();
}

/**
 * Rows where the path's nodes come within half the row's width of the band's
 * edge (not the grid's), so a wider band might find a better path. Not only
 * on the edge: a path whose best course leaves the band (a drift the guide
 * does not follow) is steered back inside by steps that jump three pieces,
 * and it runs near the edge, seldom on it.
 */
function edgeRowsOf(band: Band, widths: Int32Array, path: readonly BlockStep[]): number[] {
  const rows: number[] = [];
  for (const step of path) {
    const row = step.i + step.a;
    const column = step.j + step.b;
    const margin = Math.ceil(widths[row]! / 2);
    const low = band.low[row]!;
    const high = band.high[row]!;
    if ((low > 0 && column - low < margin) || (high < band.targetCount && high - column < margin)) rows.push(row);
  }
  return rows;
}

/**
 * Posterior probability of a path through a node on the band's edge above
 * which the band is widened there: the sums, and so the confidences, then
 * leave out only alignments less likely than this.
 */
const edgePosterior = 1e-3;

/**
 * Rows where alignments through the band's edge (not the grid's) are not
 * negligible: the band cuts off paths beyond it, whose share the posteriors
 * would give the links of the band.
 */
function likelyEdgeRows(pass: ForwardPass, backward: Float64Array, total: number): number[] {
  const { band, forward } = pass;
  const threshold = Math.log(edgePosterior);
  const rows: number[] = [];
  for (let row = 0; row <= band.sourceCount; row++) {
    const low = band.low[row]!;
    const high = band.high[row]!;
    const first = band.rowStart[row]!;
    const last = first + high - low;
    const atLow = low > 0 && forward[first]! + backward[first]! - total > threshold;
    const atHigh = high < band.targetCount && forward[last]! + backward[last]! - total > threshold;
    if (atLow || atHigh) rows.push(row);
  }
  return rows;
}

function growTo(values: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(length);
  grown.set(values);
  return grown;
}

/** log Σ e^term over the first `count` terms, summed in order (-Infinity for none). */
function logSumExp(terms: Float64Array, count: number): number {
  let max = -Infinity;
  for (let index = 0; index < count; index++) if (terms[index]! > max) max = terms[index]!;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let index = 0; index < count; index++) sum += Math.exp(terms[index]! - max);
  return max + Math.log(sum);
}

/** log(e^x + e^y), summed as {@link logSumExp} sums two terms. */
function logAddExp(x: number, y: number): number {
  const max = y > x ? y : x;
  if (max === -Infinity) return -Infinity;
  return max + Math.log(Math.exp(x - max) + Math.exp(y - max));
}
