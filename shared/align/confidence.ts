/**
 * How sure the aligner is of each link: its posterior probability under the
 * scoring model, summed over every path through the band (forward–backward),
 * not just the best one. A link the data barely prefers over its neighbours
 * shares its probability with them and so gets a low confidence, which is
 * where a reviewer should look.
 *
 * For a 1:0 (or 0:1) link the event is "this paragraph has no counterpart",
 * wherever the path passes it; for a link with both sides it is "exactly these
 * paragraphs are linked together".
 */
import { nodeIndex, type BandSearch, type PathStep } from './search.ts';
import { shapeIndex, shapes } from './shapes.ts';

/** Posterior probabilities read from a band search. */
export interface Posteriors {
  /** Per step of the best path, the probability of that exact step. */
  readonly steps: Float64Array;
  /** Per paragraph, the probability that it is left unlinked. */
  readonly unlinkedSource: Float64Array;
  readonly unlinkedTarget: Float64Array;
}

const shapeCount = shapes.length;

function clampProbability(value: number): number {
  return value > 1 ? 1 : value < 0 || Number.isNaN(value) ? 0 : value;
}

/** Probability of one step (a shape placed at a node) among all paths. */
export function stepPosterior(search: BandSearch, step: PathStep): number {
  const { band, forward, backward, stepScores, logTotal, temperature } = search;
  const shape = shapes[step.shape]!;
  const from = nodeIndex(band, step.sourceStart, step.targetStart);
  const to = nodeIndex(band, step.sourceStart + shape.sourceSpan, step.targetStart + shape.targetSpan);
  if (from < 0 || to < 0) return 0;
  const score = stepScores[to * shapeCount + step.shape]!;
  return clampProbability(Math.exp(forward[from]! + score / temperature + backward[to]! - logTotal));
}

/** Posteriors of the best path's steps and of every paragraph being unlinked. */
export function computePosteriors(search: BandSearch): Posteriors {
  const { band, forward, backward, stepScores, logTotal, temperature } = search;
  const unlinkedSource = new Float64Array(band.sourceCount);
  const unlinkedTarget = new Float64Array(band.targetCount);
  const deletion = shapeIndex['1:0'];
  const insertion = shapeIndex['0:1'];
  const sourceSkip = shapeIndex['2:1-skip'];
  const targetSkip = shapeIndex['1:2-skip'];
  const inverse = 1 / temperature;
  const probability = (cell: number, shape: number, from: number) => {
    const score = stepScores[cell * shapeCount + shape]!;
    if (Number.isNaN(score) || from < 0) return 0;
    return Math.exp(forward[from]! + score * inverse + backward[cell]! - logTotal);
  };
  for (let row = 0; row <= band.sourceCount; row++) {
    const low = band.low[row]!;
    for (let column = low; column <= band.high[row]!; column++) {
      const cell = band.rowStart[row]! + column - low;
      if (backward[cell] === -Infinity) continue;
      if (row >= 1) unlinkedSource[row - 1]! += probability(cell, deletion, nodeIndex(band, row - 1, column));
      if (column >= 1) unlinkedTarget[column - 1]! += probability(cell, insertion, nodeIndex(band, row, column - 1));
      if (row >= 3 && column >= 1) unlinkedSource[row - 2]! += probability(cell, sourceSkip, nodeIndex(band, row - 3, column - 1));
      if (row >= 1 && column >= 3) unlinkedTarget[column - 2]! += probability(cell, targetSkip, nodeIndex(band, row - 1, column - 3));
    }
  }
  unlinkedSource.forEach((value, index) => (unlinkedSource[index] = clampProbability(value)));
  unlinkedTarget.forEach((value, index) => (unlinkedTarget[index] = clampProbability(value)));
  const steps = Float64Array.from(search.path, (step) => stepPosterior(search, step));
  return { steps, unlinkedSource, unlinkedTarget };
}
