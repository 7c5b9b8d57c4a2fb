/**
 * How close an alignment is to a gold one. Scores count pairwise links: a
 * link of source {17, 19} with target {5} is the pairs (17, 5) and (19, 5), so
 * getting a merge half right earns half the credit. Untranslated paragraphs
 * (in 1:0 or 0:1 gold links) are scored apart: the share of them the
 * alignment also leaves unlinked.
 */
import type { Link } from '../model/alignment.ts';

type Linkish = Pick<Link, 'source' | 'target'>;

/** Scores of one alignment against the gold. */
export interface AlignmentScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly goldPairs: number;
  readonly predictedPairs: number;
  readonly correctPairs: number;
  /** Paragraphs (either side) the gold leaves unlinked, and how many of them the alignment leaves unlinked too. */
  readonly untranslated: number;
  readonly untranslatedUnlinked: number;
  /** `untranslatedUnlinked / untranslated` (1 when the gold has none). */
  readonly untranslatedShare: number;
  /** Links identical to a gold link, over all predicted links. */
  readonly exactLinks: number;
}

function pairs(links: readonly Linkish[]): Set<string> {
  const out = new Set<string>();
  for (const link of links) for (const source of link.source) for (const target of link.target) out.add(`${source}-${target}`);
  return out;
}

function unlinked(links: readonly Linkish[]): { source: Set<number>; target: Set<number> } {
  const source = new Set<number>();
  const target = new Set<number>();
  for (const link of links) {
    if (link.target.length === 0) for (const index of link.source) source.add(index);
    if (link.source.length === 0) for (const index of link.target) target.add(index);
  }
  return { source, target };
}

/** A link written as a string, for exact comparison (`17,19-5`). */
export function linkKey(link: Linkish): string {
  return `${link.source.join(',')}-${link.target.join(',')}`;
}

/** Scores `predicted` against `gold`. */
export function scoreAlignment(predicted: readonly Linkish[], gold: readonly Linkish[]): AlignmentScores {
  const goldPairs = pairs(gold);
  const predictedPairs = pairs(predicted);
  let correctPairs = 0;
  for (const pair of predictedPairs) if (goldPairs.has(pair)) correctPairs++;
  const precision = predictedPairs.size === 0 ? (goldPairs.size === 0 ? 1 : 0) : correctPairs / predictedPairs.size;
  const recall = goldPairs.size === 0 ? 1 : correctPairs / goldPairs.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const goldUnlinked = unlinked(gold);
  const predictedUnlinked = unlinked(predicted);
  let untranslatedUnlinked = 0;
  for (const index of goldUnlinked.source) if (predictedUnlinked.source.has(index)) untranslatedUnlinked++;
  for (const index of goldUnlinked.target) if (predictedUnlinked.target.has(index)) untranslatedUnlinked++;
  const untranslated = goldUnlinked.source.size + goldUnlinked.target.size;
  const goldLinks = new Set(gold.map(linkKey));
  const exact = predicted.filter((link) => goldLinks.has(linkKey(link))).length;
  return {
    precision,
    recall,
    f1,
    goldPairs: goldPairs.size,
    predictedPairs: predictedPairs.size,
    correctPairs,
    untranslated,
    untranslatedUnlinked,
    untranslatedShare: untranslated === 0 ? 1 : untranslatedUnlinked / untranslated,
    exactLinks: predicted.length === 0 ? 1 : exact / predicted.length,
  };
}

/** Mean confidence of the predicted links that match a gold link exactly, and of those that do not. */
export function confidenceByCorrectness(
  predicted: readonly Link[],
  gold: readonly Linkish[],
): { readonly correct: { count: number; mean: number }; readonly wrong: { count: number; mean: number } } {
  const goldLinks = new Set(gold.map(linkKey));
  const correct = { count: 0, sum: 0 };
  const wrong = { count: 0, sum: 0 };
  for (const link of predicted) {
    const bucket = goldLinks.has(linkKey(link)) ? correct : wrong;
    bucket.count++;
    bucket.sum += link.confidence;
  }
  const summary = (bucket: { count: number; sum: number }) => ({ count: bucket.count, mean: bucket.count === 0 ? Number.NaN : bucket.sum / bucket.count });
  return { correct: summary(correct), wrong: summary(wrong) };
}
