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
  // The probability of `shape` ending at `cell`, from node (fromRow, fromColumn); 0 where the step is impossible.
  // Its score is NaN wherever the step's start is outside the band or unreached, so that is looked at first.
  const probability = (cell: number, shape: number, fromRow: number, fromColumn: number) => {
    const score = stepScores[cell * shapeCount + shape]!;
    if (Number.isNaN(score)) return 0;
    const from = nodeIndex(band, fromRow, fromColumn);
    if (from < 0) return 0;
    return Math.exp(forward[from]! + score * inverse + backward[cell]! - logTotal);
  };
  for (let row = 0; row <= band.sourceCount; row++) {
    const low = band.low[row]!;
    for (let column = low; column <= band.high[row]!; column++) {
      const cell = band.rowStart[row]! + column - low;
      if (backward[cell] === -Infinity) continue;
      if (row >= 1) unlinkedSource[row - 1]! += probability(cell, deletion, row - 1, column);
      if (column >= 1) unlinkedTarget[column - 1]! += probability(cell, insertion, row, column - 1);
      if (row >= 3 && column >= 1) unlinkedSource[row - 2]! += probability(cell, sourceSkip, row - 3, column - 1);
      if (row >= 1 && column >= 3) unlinkedTarget[column - 2]! += probability(cell, targetSkip, row - 1, column - 3);
    }
  }
  unlinkedSource.forEach((value, index) => (unlinkedSource[index] = clampProbability(value)));
  unlinkedTarget.forEach((value, index) => (unlinkedTarget[index] = clampProbability(value)));
  const steps = Float64Array.from(search.path, (step) => stepPosterior(search, step));
  return { steps, unlinkedSource, unlinkedTarget };
}

/**
 * A paragraph more likely unlinked than linked, summed over every path in the
 * band, is left unlinked even where the best path links it. The best path
 * maximises the score of the whole alignment; where it links a caption to a
 * neighbouring paragraph by a hair (a 2:1 against a 1:1 and a 1:0 that score
 * alike), the posterior sees that most paths leave it out, and so should the
 * reviewer's starting point. Half is where "more likely unlinked" begins: no
 * fitting involved.
 */
export const unlinkedPosteriorThreshold = 0.5;

/** The shape whose members, relative to its first paragraph on each side, are `source` and `target` offsets. */
function shapeWithMembers(source: readonly number[], target: readonly number[]): number {
  const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((value, index) => value === b[index]);
  return shapes.findIndex((shape) => same(shape.sourceMembers, source) && same(shape.targetMembers, target));
}

/**
 * The steps that replace `step` when the paragraphs `cutSource` and
 * `cutTarget` (absolute indices) leave its link: unlinked steps before and
 * after the link that remains, or undefined when what remains is no shape
 * the search knows (then the step stands).
 */
function splitStep(step: PathStep, cutSource: ReadonlySet<number>, cutTarget: ReadonlySet<number>): { shape: number; sourceStart: number; targetStart: number }[] | undefined {
  const shape = shapes[step.shape]!;
  const sourceKept = shape.sourceMembers.map((offset) => step.sourceStart + offset).filter((paragraph) => !cutSource.has(paragraph));
  const targetKept = shape.targetMembers.map((offset) => step.targetStart + offset).filter((paragraph) => !cutTarget.has(paragraph));
  const sourceEnd = step.sourceStart + shape.sourceSpan;
  const targetEnd = step.targetStart + shape.targetSpan;
  const unlinked = (sourceFrom: number, sourceTo: number, targetFrom: number, targetTo: number) => [
    ...Array.from({ length: sourceTo - sourceFrom }, (_, offset) => ({ shape: shapeIndex['1:0'], sourceStart: sourceFrom + offset, targetStart: targetFrom })),
    ...Array.from({ length: targetTo - targetFrom }, (_, offset) => ({ shape: shapeIndex['0:1'], sourceStart: sourceTo, targetStart: targetFrom + offset })),
  ];
  if (sourceKept.length === 0 && targetKept.length === 0) return unlinked(step.sourceStart, sourceEnd, step.targetStart, targetEnd);
  const sourceFirst = sourceKept[0]!;
  const targetFirst = targetKept[0]!;
  const kept = shapeWithMembers(
    sourceKept.map((paragraph) => paragraph - sourceFirst),
    targetKept.map((paragraph) => paragraph - targetFirst),
  );
  if (kept < 0) return undefined;
  const keptShape = shapes[kept]!;
  return [
    ...unlinked(step.sourceStart, sourceFirst, step.targetStart, targetFirst),
    { shape: kept, sourceStart: sourceFirst, targetStart: targetFirst },
    ...unlinked(sourceFirst + keptShape.sourceSpan, sourceEnd, targetFirst + keptShape.targetSpan, targetEnd),
  ];
}

/** Whether any paragraph of a step's link is more likely unlinked than {@link unlinkedPosteriorThreshold}: for nearly every step, none is. */
function anyLikelyUnlinked(step: PathStep, posteriors: Posteriors): boolean {
  const shape = shapes[step.shape]!;
  for (const offset of shape.sourceMembers) if (posteriors.unlinkedSource[step.sourceStart + offset]! > unlinkedPosteriorThreshold) return true;
  for (const offset of shape.targetMembers) if (posteriors.unlinkedTarget[step.targetStart + offset]! > unlinkedPosteriorThreshold) return true;
  return false;
}

/**
 * The best path with each paragraph whose posterior of being unlinked is above
 * {@link unlinkedPosteriorThreshold} taken out of its link (see there), and the
 * posteriors of the resulting steps. A link keeps its paragraphs when taking
 * them out would leave one side empty and the other's paragraphs not likely
 * unlinked themselves, or a shape the search does not have.
 */
export function leaveLikelyUnlinked(search: BandSearch, posteriors: Posteriors): { readonly path: PathStep[]; readonly steps: Float64Array } {
  const path: PathStep[] = [];
  const steps: number[] = [];
  const { band, stepScores } = search;
  search.path.forEach((step, index) => {
    const shape = shapes[step.shape]!;
    if (!anyLikelyUnlinked(step, posteriors)) {
      path.push(step);
      steps.push(posteriors.steps[index]!);
      return;
    }
    const likely = (members: readonly number[], start: number, unlinked: Float64Array) =>
      new Set(members.map((offset) => start + offset).filter((paragraph) => unlinked[paragraph]! > unlinkedPosteriorThreshold));
    const cutSource = likely(shape.sourceMembers, step.sourceStart, posteriors.unlinkedSource);
    const cutTarget = likely(shape.targetMembers, step.targetStart, posteriors.unlinkedTarget);
    const oneSideLeft = (cutSource.size === shape.sourceMembers.length) !== (cutTarget.size === shape.targetMembers.length);
    const replacement = shape.sourceMembers.length === 0 || shape.targetMembers.length === 0 || (cutSource.size === 0 && cutTarget.size === 0) || oneSideLeft ? undefined : splitStep(step, cutSource, cutTarget);
    const scored = replacement?.map((part) => {
      const partShape = shapes[part.shape]!;
      const to = nodeIndex(band, part.sourceStart + partShape.sourceSpan, part.targetStart + partShape.targetSpan);
      return { ...part, score: to < 0 ? Number.NaN : stepScores[to * shapeCount + part.shape]! };
    });
    if (!scored || scored.some((part) => !Number.isFinite(part.score))) {
      path.push(step);
      steps.push(posteriors.steps[index]!);
      return;
    }
    for (const part of scored) {
      path.push(part);
      steps.push(stepPosterior(search, part));
    }
  });
  return { path, steps: Float64Array.from(steps) };
}
