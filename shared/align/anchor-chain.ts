/**
 * The first pass: pairs of paragraphs that share rare anchors (a name or a
 * number found in at most a couple of paragraphs of each document), reduced to
 * the heaviest chain that keeps document order. The chain guides where the
 * banded search looks, and gives a first estimate of the length ratio.
 */
import type { PairEvidence } from './evidence.ts';

/** A source paragraph and a target paragraph believed to correspond. */
export interface AnchorPair {
  readonly source: number;
  readonly target: number;
  /** Summed log-odds of the rare keys the two share. */
  readonly weight: number;
}

/** How the chain is found. */
export interface AnchorChainOptions {
  /** A key is rare when it occurs in at most this many paragraphs on each side. Default 2. */
  readonly maximumFrequency?: number;
  /** Least summed weight for a pair to enter the chain. Default 2. */
  readonly minimumWeight?: number;
}

function occurrences(keys: Int32Array, keyStart: Int32Array, count: number, keyCount: number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(keyCount + 1);
  for (const key of keys) start[key + 1]!++;
  for (let key = 0; key < keyCount; key++) start[key + 1]! += start[key]!;
  const fill = start.slice(0, keyCount);
  const items = new Int32Array(keys.length);
  for (let paragraph = 0; paragraph < count; paragraph++) {
    for (let at = keyStart[paragraph]!; at < keyStart[paragraph + 1]!; at++) items[fill[keys[at]!]!++] = paragraph;
  }
  return { start, items };
}

/**
 * The heaviest chain of anchor pairs strictly increasing on both sides
 * (O(P log P) for P candidate pairs, with a Fenwick tree of running maxima).
 */
export function findAnchorChain(evidence: PairEvidence, options: AnchorChainOptions = {}): AnchorPair[] {
  const maximumFrequency = options.maximumFrequency ?? 2;
  const minimumWeight = options.minimumWeight ?? 2;
  const { source, target, keyCount } = evidence;
  const sourceTotal = Math.max(evidence.sourceTotal, 1);
  const targetTotal = Math.max(evidence.targetTotal, 1);
  const inSource = occurrences(source.keys, source.keyStart, source.count, keyCount);
  const inTarget = occurrences(target.keys, target.keyStart, target.count, keyCount);
  const weights = new Map<number, number>();
  const width = target.count + 1;
  for (let key = 0; key < keyCount; key++) {
    const sourceHits = inSource.start[key + 1]! - inSource.start[key]!;
    const targetHits = inTarget.start[key + 1]! - inTarget.start[key]!;
    if (sourceHits === 0 || targetHits === 0 || sourceHits > maximumFrequency || targetHits > maximumFrequency) continue;
    // Frequencies are document-wide, so a slice still knows how rare a key really is.
    const weight =
      0.5 *
      (Math.log((evidence.keepSourceToTarget[key]! * targetTotal) / evidence.targetFrequency[key]!) +
        Math.log((evidence.keepTargetToSource[key]! * sourceTotal) / evidence.sourceFrequency[key]!));
    if (weight <= 0) continue;
    for (let a = inSource.start[key]!; a < inSource.start[key + 1]!; a++) {
      for (let b = inTarget.start[key]!; b < inTarget.start[key + 1]!; b++) {
        const cell = inSource.items[a]! * width + inTarget.items[b]!;
        weights.set(cell, (weights.get(cell) ?? 0) + weight);
      }
    }
  }
  const candidates: AnchorPair[] = [];
  for (const [cell, weight] of weights) {
    if (weight >= minimumWeight) candidates.push({ source: Math.floor(cell / width), target: cell % width, weight });
  }
  // Same source paragraph: larger target first, so two pairs of one paragraph never chain.
  candidates.sort((a, b) => a.source - b.source || b.target - a.target);

  const size = target.count;
  const treeBest = new Float64Array(size + 1);
  const treeIndex = new Int32Array(size + 1).fill(-1);
  const chainBest = new Float64Array(candidates.length);
  const previous = new Int32Array(candidates.length).fill(-1);
  candidates.forEach((candidate, index) => {
    // Best chain ending at a target below this one: prefix maximum over [0, target).
    let best = 0;
    let bestIndex = -1;
    for (let position = candidate.target; position > 0; position -= position & -position) {
      if (treeBest[position]! > best) {
        best = treeBest[position]!;
        bestIndex = treeIndex[position]!;
      }
    }
    chainBest[index] = best + candidate.weight;
    previous[index] = bestIndex;
    for (let position = candidate.target + 1; position <= size; position += position & -position) {
      if (chainBest[index]! > treeBest[position]!) {
        treeBest[position] = chainBest[index]!;
        treeIndex[position] = index;
      }
    }
  });
  let last = -1;
  let lastBest = 0;
  chainBest.forEach((value, index) => {
    if (value > lastBest) {
      lastBest = value;
      last = index;
    }
  });
  const chain: AnchorPair[] = [];
  for (let index = last; index >= 0; index = previous[index]!) chain.push(candidates[index]!);
  return chain.reverse();
}
