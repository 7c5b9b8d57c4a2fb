/**
 * The paragraph aligner: links paragraphs of an original and its translation
 * in document order, as 1:1, n:m (up to 3 on a side, 2:2), groups skipping one
 * paragraph, and 1:0 / 0:1 for paragraphs with no counterpart (ads, captions,
 * headlines, untranslated text).
 *
 * 1. Evidence (evidence.ts): lengths; anchors (numbers, names, known names,
 *    dictionary words) shared by paragraphs of both sides; what marks a
 *    paragraph as untranslated on its own (anchors the other document lacks,
 *    another script or language).
 * 2. First length ratio (anchor-chain.ts): from the heaviest order-keeping
 *    chain of paragraph pairs sharing rare anchors.
 * 3. First path (track.ts): a beam search that follows the best path down the
 *    document. The issue suggested guiding the band by the anchor chain; that
 *    was built first and measured, and on a long document that repeats itself
 *    (numbered articles, chapters) the rare anchors are the wrong ones (a
 *    repeated text's numbers are rare only where a copy lost one) and the
 *    guide led the search astray: F1 0.09 on 1,000 paragraphs. The beam needs
 *    no anchors and is as linear.
 * 4. Re-estimation: the length ratio and spread, the shape priors and the
 *    lengths of linked and unlinked paragraphs are refitted to that path.
 * 5. Search (search.ts): an exact DP over a band around the first path,
 *    widened locally where the best path runs along its edge; work stays
 *    linear in document length (DP cells are counted in the statistics).
 * 6. Confidence (confidence.ts): each link's posterior probability, from the
 *    forward–backward sums of the same band.
 */
import { BitextError } from '../errors.ts';
import type { Link } from '../model/alignment.ts';
import { sortLinks } from '../edits/sort-links.ts';
import { findAnchorChain, type AnchorPair } from './anchor-chain.ts';
import { bandAround, coversGrid, widenAround, type GuidePoint } from './band.ts';
import { computePosteriors, leaveLikelyUnlinked, type Posteriors } from './confidence.ts';
import { buildEvidence, joinEvidence, sliceEvidence, type EvidencePlan, type PairEvidence, type SideFeatures } from './evidence.ts';
import { learnLexicon, withLearnedKeys, type SearchedParagraphs } from './learned-lexicon.ts';
import { balanceUnits, paragraphLinksFromSentences, paragraphingDiffers, sentenceUnits } from './any-width.ts';
import { applyDoubts, headingFlags, joinLogOdds, numberKeyFlags, type DoubtContext } from './link-doubts.ts';
import { initialLengthModel, refitLengthModel, type LengthModel } from './length-model.ts';
import { resolveOptions, type AlignOptions, type ResolvedAlignOptions } from './options.ts';
import { LinkScorer } from './scorer.ts';
import { searchBand, withBackwardSums, type BandSearch, type PathStep, type StepScorer } from './search.ts';
import { reusedScores } from './reused-scores.ts';
import { trackPath, type TrackState } from './track.ts';
import { defaultShapePriors, shapeIndex, shapes, skipFactor, type LinkedShapeKind } from './shapes.ts';
import { fitSideLengths, unlinkedLengthLogOdds } from './unlinked-length.ts';
import { withMarkPriors, type ParagraphMarks } from './mark-priors.ts';

export type { AlignOptions } from './options.ts';

/** One document as the aligner sees it: its paragraphs' texts and its language. */
export interface AlignSide {
  readonly texts: readonly string[];
  /** ISO 639-3 code (`eng`, `tha`), or `und` to judge the script from the text. */
  readonly language: string;
  /** Each paragraph's reader mark (page furniture…), when the document has any: a prior on leaving it unlinked (mark-priors.ts). */
  readonly marks?: ParagraphMarks;
}

/** A range of paragraphs on both sides, half-open: `[sourceStart, sourceEnd) × [targetStart, targetEnd)`. */
export interface AlignRange {
  readonly sourceStart: number;
  readonly sourceEnd: number;
  readonly targetStart: number;
  readonly targetEnd: number;
}

/** What the aligner did, for the benchmark and tests. */
export interface AlignStats {
  /** Search nodes visited, summed over passes and band widenings: the measure of work. */
  readonly cells: number;
  /** Half-width of the beam (first pass) and of the band (later passes; the widest row) each pass ended with. */
  readonly bandWidths: readonly number[];
  /** Pairs in the anchor chain the first length ratio was taken from. */
  readonly anchorPairs: number;
  /** The final length model and shape priors. */
  readonly lengthModel: LengthModel;
  readonly shapeModel: ShapeModel;
}

/** Links and statistics. */
export interface AlignResult {
  readonly links: Link[];
  readonly stats: AlignStats;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Source paragraphs shorter than this (headings, numbers) have length ratios of their own. */
const shortParagraph = 50;

/**
 * First estimate of target characters per source character: from anchored
 * pairs of real paragraphs if there are a few, else from the totals.
 */
function estimateRatio(chain: readonly AnchorPair[], evidence: PairEvidence): number {
  // Both sides long: a heading anchored to a heading merged with its body says nothing about the ratio.
  const long = chain.filter((pair) => evidence.source.lengths[pair.source]! >= shortParagraph && evidence.target.lengths[pair.target]! >= shortParagraph / 2.5);
  if (long.length >= 3) {
    return median(long.map((pair) => evidence.target.lengths[pair.target]! / evidence.source.lengths[pair.source]!));
  }
  let source = 0;
  let target = 0;
  for (const length of evidence.source.lengths) source += length;
  for (const length of evidence.target.lengths) target += length;
  return source > 0 && target > 0 ? target / source : 1;
}

/** Shape probabilities: the untranslated shares, and how linked paragraphs group. */
export interface ShapeModel {
  readonly unlinkedSource: number;
  readonly unlinkedTarget: number;
  readonly linked: Readonly<Record<LinkedShapeKind, number>>;
}

const linkedKinds: readonly LinkedShapeKind[] = ['1:1', '2:1', '1:2', '2:2', '3:1', '1:3'];

/**
 * Starting shape model. When one side has many more paragraphs, at least the
 * surplus must be unlinked or merged, so the untranslated share starts there.
 */
function startShapeModel(sourceCount: number, targetCount: number, options: ResolvedAlignOptions): ShapeModel {
  const given = options.shapePriors ?? {};
  const linked = { ...defaultShapePriors.linked, ...given.linked };
  let total = 0;
  for (const kind of linkedKinds) total += linked[kind];
  for (const kind of linkedKinds) linked[kind] /= total;
  const surplusSource = Math.max(0, sourceCount - targetCount) / Math.max(sourceCount, 1);
  const surplusTarget = Math.max(0, targetCount - sourceCount) / Math.max(targetCount, 1);
  return {
    unlinkedSource: Math.max(given.unlinkedSource ?? defaultShapePriors.unlinkedSource, 0.8 * surplusSource),
    unlinkedTarget: Math.max(given.unlinkedTarget ?? defaultShapePriors.unlinkedTarget, 0.8 * surplusTarget),
    linked,
  };
}

/** Log prior of each shape, in the order of `shapes`. */
function shapeLogPriors(model: ShapeModel, allowSkips: boolean): Float64Array {
  const linkedShare = Math.max(1 - model.unlinkedSource - model.unlinkedTarget, 1e-6);
  return Float64Array.from(shapes, (shape) => {
    switch (shape.kind) {
      case '1:0':
        return Math.log(model.unlinkedSource);
      case '0:1':
        return Math.log(model.unlinkedTarget);
      case '2:1-skip':
        return allowSkips ? Math.log(linkedShare * model.linked['2:1'] * model.unlinkedSource * skipFactor) : -Infinity;
      case '1:2-skip':
        return allowSkips ? Math.log(linkedShare * model.linked['1:2'] * model.unlinkedTarget * skipFactor) : -Infinity;
      default:
        return Math.log(linkedShare * model.linked[shape.kind]);
    }
  });
}

/**
 * The shape model refitted to a path's links, with `strength` pseudo-links of
 * the starting model. The linked shapes are refitted among linked links only,
 * so a page full of clutter does not make merges look rare.
 */
function refitShapeModel(start: ShapeModel, path: readonly PathStep[], strength: number): ShapeModel {
  const linkedCounts: Record<LinkedShapeKind, number> = { '1:1': 0, '2:1': 0, '1:2': 0, '2:2': 0, '3:1': 0, '1:3': 0 };
  let deletions = 0;
  let insertions = 0;
  let links = 0;
  for (const step of path) {
    const kind = shapes[step.shape]!.kind;
    links++;
    if (kind === '1:0') deletions++;
    else if (kind === '0:1') insertions++;
    else if (kind === '2:1-skip') {
      linkedCounts['2:1']++;
      deletions++;
      links++;
    } else if (kind === '1:2-skip') {
      linkedCounts['1:2']++;
      insertions++;
      links++;
    } else linkedCounts[kind]++;
  }
  const linkedTotal = links - deletions - insertions;
  const linked = { ...start.linked };
  // With priorStrength 0 and a path of unlinked paragraphs only, there is nothing to refit the linked shapes to (0 / 0).
  if (linkedTotal + strength > 0) {
    for (const kind of linkedKinds) linked[kind] = (linkedCounts[kind] + strength * start.linked[kind]) / (linkedTotal + strength);
  }
  return {
    unlinkedSource: (deletions + strength * start.unlinkedSource) / (links + strength),
    unlinkedTarget: (insertions + strength * start.unlinkedTarget) / (links + strength),
    linked,
  };
}

/** Which paragraphs of each side a path leaves unlinked. */
function unlinkedFlags(path: readonly PathStep[], sourceCount: number, targetCount: number): { source: Uint8Array; target: Uint8Array } {
  const source = new Uint8Array(sourceCount);
  const target = new Uint8Array(targetCount);
  for (const step of path) {
    const shape = shapes[step.shape]!;
    if (shape.targetMembers.length === 0) source[step.sourceStart] = 1;
    if (shape.sourceMembers.length === 0) target[step.targetStart] = 1;
    if (shape.skippedSource !== undefined) source[step.sourceStart + shape.skippedSource] = 1;
    if (shape.skippedTarget !== undefined) target[step.targetStart + shape.skippedTarget] = 1;
  }
  return { source, target };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function toLinks(search: BandSearch, posteriors: Posteriors, logPrior: Float64Array): Link[] {
  const links: Link[] = [];
  const deletion = logPrior[shapeIndex['1:0']]!;
  const insertion = logPrior[shapeIndex['0:1']]!;
  search.path.forEach((step, index) => {
    const shape = shapes[step.shape]!;
    const source = shape.sourceMembers.map((offset) => step.sourceStart + offset);
    const target = shape.targetMembers.map((offset) => step.targetStart + offset);
    let confidence = posteriors.steps[index]!;
    if (target.length === 0) confidence = posteriors.unlinkedSource[source[0]!]!;
    if (source.length === 0) confidence = posteriors.unlinkedTarget[target[0]!]!;
    links.push({ source, target, score: round(step.score, 4), confidence: round(confidence, 4), status: 'auto' });
    if (shape.skippedSource !== undefined) {
      const skipped = step.sourceStart + shape.skippedSource;
      links.push({ source: [skipped], target: [], score: round(deletion, 4), confidence: round(posteriors.unlinkedSource[skipped]!, 4), status: 'auto' });
    }
    if (shape.skippedTarget !== undefined) {
      const skipped = step.targetStart + shape.skippedTarget;
      links.push({ source: [], target: [skipped], score: round(insertion, 4), confidence: round(posteriors.unlinkedTarget[skipped]!, 4), status: 'auto' });
    }
  });
  // The path puts a gap's 0:1 steps wherever the search took them (`∅-0 0-∅`); callers get the
  // canonical order every edit leaves, as a link's index is its identity in the review queue and exports.
  return sortLinks(links);
}

/** The models one search pass scores with. */
interface PassModels {
  readonly length: LengthModel;
  readonly shapes: ShapeModel;
  /** Per paragraph, log-odds of being unlinked: the evidence's own (orphan anchors, script) plus the learnt length term. */
  readonly unlinkedSource: Float64Array;
  readonly unlinkedTarget: Float64Array;
  /** Per paragraph, log-odds of a link joining it to an earlier paragraph of its side (link-doubts.ts); absent without the texts. */
  readonly joins?: { readonly source: Float64Array; readonly target: Float64Array };
}

/** The starting models of a pair, before any pass. */
function startModels(evidence: PairEvidence, options: ResolvedAlignOptions, ratio: number, joins?: PassModels['joins']): PassModels {
  return withSideLengths(
    { length: initialLengthModel(ratio, evidence.target.lengths), shapes: startShapeModel(evidence.source.count, evidence.target.count, options), joins },
    evidence,
    options,
  );
}

/**
 * Fits the linked and unlinked length models of both sides (to the flags of a
 * pass, or to nothing before the first) and folds them into the models: the
 * unlinked log-odds of each paragraph, and the target's linked model as the
 * length model's unrelated baseline.
 */
function withSideLengths(
  models: Pick<PassModels, 'length' | 'shapes' | 'joins'>,
  evidence: PairEvidence,
  options: ResolvedAlignOptions,
  flags?: { source: Uint8Array; target: Uint8Array },
): PassModels {
  const source = fitSideLengths(evidence.source.lengths, flags?.source);
  const target = fitSideLengths(evidence.target.lengths, flags?.target);
  const weight = options.unlinkedLengthWeight;
  const sourceOdds = unlinkedLengthLogOdds(evidence.source.lengths, source);
  const targetOdds = unlinkedLengthLogOdds(evidence.target.lengths, target);
  return {
    length: { ...models.length, targetLogMean: target.linked.mean, targetLogDeviation: target.linked.deviation },
    shapes: models.shapes,
    joins: models.joins,
    unlinkedSource: sourceOdds.map((value, index) => evidence.unlinked.source[index]! + weight * value),
    unlinkedTarget: targetOdds.map((value, index) => evidence.unlinked.target[index]! + weight * value),
  };
}

function makeScorer(evidence: PairEvidence, models: PassModels, options: ResolvedAlignOptions): LinkScorer {
  return new LinkScorer(evidence, {
    length: models.length,
    logPriors: shapeLogPriors(models.shapes, options.allowSkips),
    lengthWeight: options.lengthWeight,
    anchorWeight: options.anchorWeight,
    maximumReward: options.maximumAnchorReward,
    unlinkedSource: models.unlinkedSource,
    unlinkedTarget: models.unlinkedTarget,
    joinSource: models.joins?.source,
    joinTarget: models.joins?.target,
  });
}

/** Work done, accumulated over passes. */
interface Work {
  cells: number;
  readonly bandWidths: number[];
}

/**
 * Half-width beyond which the first pass's beam is not widened further. Each
 * widening doubles the beam over 2 × its width of rows either side, so a row
 * the path keeps touching however wide the beam (the greedy beam centred on a
 * far better node of its row) made the work quadratic: 124 million cells and
 * 2 GB before it was stopped, on the sentences of the whole Bible paragraphed
 * independently. The beam only guides the banded passes, which widen where
 * their own exact path needs it; no case of the benchmark widens past 512.
 */
const widestBeam = 1024;

/** Half-width of the first pass's beam, in band widths: the beam must find the path alone, the band only refines it. */
const beamFactor = 4;

/**
 * The first pass: a beam search (no guide needed), widened where its path hugs
 * the beam's edge. Only around those rows: on a whole Bible one touch in 30,000
 * rows used to redo the whole beam at twice, then four times the width, and the
 * beam passes were most of the aligner's work.
 */
function trackPass(evidence: PairEvidence, scorer: LinkScorer, options: ResolvedAlignOptions, work: Work, beamWidth = beamFactor * options.bandWidth): readonly PathStep[] {
  const { count: sourceCount } = evidence.source;
  const { count: targetCount } = evidence.target;
  const grid = Math.max(sourceCount, targetCount);
  // A beam wider than the grid is the whole grid; trackPath allocates for the width it is given.
  let widths = new Int32Array(sourceCount + 1).fill(Math.min(beamWidth, grid));
  // Each retry keeps the beam above the first widened row: on a whole Bible the one place it touched was a third of the way down.
  for (let previous: TrackState | undefined; ; ) {
    const tracked = trackPath(scorer, sourceCount, targetCount, widths, previous);
    work.cells += tracked.cells;
    const stuck = tracked.edgeRows.filter((row) => widths[row]! < Math.min(grid, widestBeam));
    if (stuck.length === 0) {
      work.bandWidths.push(widths.reduce((widest, width) => Math.max(widest, width), 0));
      return tracked.steps;
    }
    previous = tracked.state;
    widths = widenAround(widths, stuck).map((width) => Math.min(width, grid));
  }
}

/** A banded pass around the previous path, widened locally where its path hugs the band's edge. */
function bandPass(
  evidence: PairEvidence,
  scorer: StepScorer,
  options: ResolvedAlignOptions,
  previous: readonly PathStep[],
  sums: boolean,
  work: Work,
  halfWidth = options.bandWidth,
  exactScores = false,
): BandSearch {
  const { count: sourceCount } = evidence.source;
  const { count: targetCount } = evidence.target;
  const guide: GuidePoint[] = previous.map((step) => ({ source: step.sourceStart, target: step.targetStart }));
  // Capped at the grid, which it then covers: an Int32Array would wrap a larger width round to a negative one.
  const width = Math.min(halfWidth, Math.max(sourceCount, targetCount, 1));
  let previousSearch: BandSearch | undefined;
  for (let widths: Int32Array = new Int32Array(sourceCount + 1).fill(width); ; ) {
    const band = bandAround(guide, sourceCount, targetCount, widths);
    // A retry keeps the rows above the first that widened (the learned pass's band touched first a third of the way down a Bible).
    const search = searchBand(band, scorer, options.temperature, { sums, exactScores, ...(previousSearch ? { previous: previousSearch } : {}) });
    work.cells += band.cells;
    if (!search.touchesEdge || coversGrid(band)) {
      work.bandWidths.push(band.halfWidth);
      return sums ? withBackwardSums(search) : search;
    }
    previousSearch = search;
    widths = widenAround(widths, search.edgeRows);
  }
}

/** Models refitted to a pass's path (from the starting models, so shrinkage does not compound over passes). */
function refitModels(start: PassModels, evidence: PairEvidence, path: readonly PathStep[], options: ResolvedAlignOptions): PassModels {
  const pairs: [number, number][] = [];
  for (const step of path) {
    if (step.shape === shapeIndex['1:1']) pairs.push([evidence.source.lengths[step.sourceStart]!, evidence.target.lengths[step.targetStart]!]);
  }
  const models = { length: refitLengthModel(start.length, pairs), shapes: refitShapeModel(start.shapes, path, options.priorStrength), joins: start.joins };
  return withSideLengths(models, evidence, options, unlinkedFlags(path, evidence.source.count, evidence.target.count));
}

/** One link per paragraph, for a pair with an empty side. */
function trivialLinks(sourceCount: number, targetCount: number): Link[] {
  const links: Link[] = [];
  for (let index = 0; index < sourceCount; index++) links.push({ source: [index], target: [], score: 0, confidence: 1, status: 'auto' });
  for (let index = 0; index < targetCount; index++) links.push({ source: [], target: [index], score: 0, confidence: 1, status: 'auto' });
  return links;
}

/**
 * Half-width of the band of the pass with the learned lexicon: it refines a
 * path already found, so one paragraph either side is enough (the band still
 * widens where the path runs along its edge). Measured: as good as 4 on the
 * UDHR and Bible cases, at a fraction of the scoring, which learned keys make
 * dearer per cell.
 */
const learnedBandWidth = 1;

/** What a pass's search gives: its links, and the scorer and models it used. */
interface PassResult {
  readonly search: BandSearch;
  readonly scorer: LinkScorer;
  readonly links: Link[];
}

function finish(search: BandSearch, scorer: LinkScorer): PassResult {
  return { search, scorer, links: decodeLinks(search, scorer.scoring.logPriors) };
}

/** The links of a search with sums: its best path, less the paragraphs the posteriors say are likely unlinked (confidence.ts). */
function decodeLinks(search: BandSearch, logPriors: Float64Array): Link[] {
  const posteriors = computePosteriors(search);
  const decoded = leaveLikelyUnlinked(search, posteriors);
  return toLinks({ ...search, path: decoded.path }, { ...posteriors, steps: decoded.steps }, logPriors);
}

/**
 * Learns a lexicon from the confident 1:1 links of `links` (learned-lexicon.ts)
 * and returns the evidence with it, or undefined when nothing was learned.
 */
function learnedEvidence(evidence: PairEvidence, sides: PairSides, links: readonly Link[]): PairEvidence | undefined {
  const unsure = unsureParagraphs(links, evidence.source.count, evidence.target.count);
  if (!unsure) return undefined;
  const training = links.filter((link) => link.source.length === 1 && link.target.length === 1).map((link) => ({ source: link.source[0]!, target: link.target[0]!, confidence: link.confidence }));
  const learned = learnLexicon(sides.source.texts, sides.source.language, sides.target.texts, sides.target.language, training);
  if (learned.length === 0) return undefined;
  return withLearnedKeys(evidence, sides.source.texts, sides.source.language, sides.target.texts, sides.target.language, learned, unsure);
}

/**
 * Links below this confidence are where the learned lexicon is looked for and
 * may change the path. Measured on the whole Bible with drops and merges
 * (F1, untranslated left unlinked): 0.9 gives 0.9921 and 0.90, 0.99 gives
 * 0.9932 and 0.93, looking everywhere 0.9935 and 0.96; on the 30k synthetic
 * pair 0.99 took 4.3 CPU seconds against 4.0 for 0.9 (one run each, on a
 * loaded machine).
 */
const unsureConfidence = 0.99;
/** Links either side of an unsure link searched too: the path may move that far. */
const unsureMargin = 3;

/**
 * The paragraphs of the links within {@link unsureMargin} links of one below
 * {@link unsureConfidence}, or undefined when every link is sure: where the
 * first pass is sure, learned words would only confirm it, and finding them
 * in every paragraph of a long document costs more than the search. Whole
 * links are marked, so no linked pair has learned words on one side only.
 */
function unsureParagraphs(links: readonly Link[], sourceCount: number, targetCount: number): SearchedParagraphs | undefined {
  const source = new Uint8Array(sourceCount);
  const target = new Uint8Array(targetCount);
  let any = false;
  links.forEach((link, index) => {
    if (link.confidence >= unsureConfidence) return;
    any = true;
    for (let near = Math.max(0, index - unsureMargin); near <= Math.min(links.length - 1, index + unsureMargin); near++) {
      for (const paragraph of links[near]!.source) source[paragraph] = 1;
      for (const paragraph of links[near]!.target) target[paragraph] = 1;
    }
  });
  return any ? { source, target } : undefined;
}

/** What link-doubts.ts needs to judge links of the pair (indices as in `evidence`, the whole pair's). */
export function doubtContext(evidence: PairEvidence, sides: PairSides): DoubtContext {
  return {
    evidence,
    numberKeys: numberKeyFlags(evidence),
    sourceHeadings: headingFlags(sides.source.texts, evidence.source.lengths),
    targetHeadings: headingFlags(sides.target.texts, evidence.target.lengths),
  };
}

/** The two documents, when the aligner may read their words (to learn a lexicon from them). */
export interface PairSides {
  readonly source: AlignSide;
  readonly target: AlignSide;
}

/**
 * Aligns the paragraphs of `evidence` (indices relative to it), and returns the
 * models its last pass used and the evidence it ended with (with the learned
 * lexicon's keys when `sides` are given and options.learnLexicon is on).
 */
function alignEvidence(
  evidence: PairEvidence,
  options: ResolvedAlignOptions,
  sides?: PairSides,
  beamWidth = beamFactor * options.bandWidth,
): AlignResult & { readonly models: PassModels; readonly evidence: PairEvidence } {
  const sourceCount = evidence.source.count;
  const targetCount = evidence.target.count;
  const chain = findAnchorChain(evidence);
  const joins = sides ? { source: joinLogOdds(sides.source.texts, evidence.source.lengths), target: joinLogOdds(sides.target.texts, evidence.target.lengths) } : undefined;
  const start = startModels(evidence, options, estimateRatio(chain, evidence), joins);
  if (sourceCount === 0 || targetCount === 0) {
    return { links: trivialLinks(sourceCount, targetCount), stats: { cells: 0, bandWidths: [], anchorPairs: 0, lengthModel: start.length, shapeModel: start.shapes }, models: start, evidence };
  }
  const work: Work = { cells: 0, bandWidths: [] };
  let models = start;
  let path = trackPass(evidence, makeScorer(evidence, models, options), options, work, beamWidth);
  for (let pass = 1; ; pass++) {
    models = refitModels(start, evidence, path, options);
    const scorer = makeScorer(evidence, models, options);
    const last = pass === options.passes - 1;
    const learning = last && sides !== undefined && options.learnLexicon;
    // The learned pass reuses this pass's scores where no learned word was found: kept exactly, not as the floats of the sums.
    const search = bandPass(evidence, scorer, options, path, last, work, options.bandWidth, learning);
    if (last) {
      let result = finish(search, scorer);
      let used = evidence;
      // A pair paragraphed differently goes the sentence route, which throws this level's links away: learning a
      // lexicon here would only cost a pass whose band widens along every unlinkable group (33 of 35 s on a
      // 10,000-verse Bible paragraphed independently, its band 512 wide).
      const rerouted = options.anyWidth && paragraphingDiffers(result.links, evidence.source.lengths, evidence.target.lengths);
      const learned = learning && !rerouted ? learnedEvidence(evidence, sides, result.links) : undefined;
      if (learned) {
        // One more pass around the path, on the same models, with the learned words as anchors.
        const relearned = makeScorer(learned, models, options);
        const scores = reusedScores(search, evidence, scorer, learned, relearned);
        // With exact scores kept, a retry of this pass's band reads the steps it scored already (search.ts).
        result = finish(bandPass(learned, scores, options, search.path, true, work, learnedBandWidth, true), relearned);
        used = learned;
      }
      const stats = { cells: work.cells, bandWidths: work.bandWidths, anchorPairs: chain.length, lengthModel: models.length, shapeModel: models.shapes };
      const links = sides && options.doubtLinks ? applyDoubts(result.links, doubtContext(used, sides)) : result.links;
      return { links, models, evidence: used, stats };
    }
    path = search.path;
  }
}

/**
 * Each side's {@link SideFeatures}, made beforehand (one of them on another
 * thread) with `plan`, the {@link evidencePlan} of the same two sides.
 */
export interface PreparedSides {
  readonly plan: EvidencePlan;
  readonly features: readonly [SideFeatures, SideFeatures];
}

/** {@link alignParagraphs} with the statistics of the run. */
export function alignParagraphsDetailed(source: AlignSide, target: AlignSide, options?: AlignOptions, prepared?: PreparedSides): AlignResult {
  const resolved = resolveOptions(options);
  const evidence = prepared ? joinEvidence(source, target, prepared.plan, prepared.features, resolved.lexicon) : buildEvidence(source, target, resolved.lexicon);
  const paragraphs = alignEvidence(withMarkPriors(evidence, source.marks, target.marks), resolved, { source, target });
  if (!resolved.anyWidth || !paragraphingDiffers(paragraphs.links, paragraphs.evidence.source.lengths, paragraphs.evidence.target.lengths)) return paragraphs;
  const sentences = alignBySentences(source, target, resolved);
  const links = resolved.doubtLinks ? applyDoubts(sentences.links, doubtContext(paragraphs.evidence, { source, target })) : sentences.links;
  const stats = { ...sentences.stats, cells: paragraphs.stats.cells + sentences.stats.cells, bandWidths: [...paragraphs.stats.bandWidths, ...sentences.stats.bandWidths] };
  return { links, stats };
}

/**
 * Half-width of the sentence route's first beam, in band widths (paragraphs
 * get {@link beamFactor}). Sentences are shorter and more alike than
 * paragraphs (a stretch of Proverbs), and a beam centred on each row's best
 * node loses the diagonal among them more easily: on the whole Bible
 * paragraphed independently a beam of 8 sentences wandered off and widened
 * to its cap (F1 0.19, 28 million cells); one of 32 kept to it (F1 0.96,
 * 4 million cells, as it widened less).
 */
const sentenceBeamWidth = 16;

/**
 * Paragraph links of any width (any-width.ts): the sentences of both
 * documents aligned as units, and the paragraph links read off the sentence
 * links. The statistics are the sentence alignment's.
 */
function alignBySentences(source: AlignSide, target: AlignSide, options: ResolvedAlignOptions): AlignResult {
  const { source: sourceUnits, target: targetUnits } = balanceUnits(
    sentenceUnits(source.texts, source.language, options.segmentation),
    sentenceUnits(target.texts, target.language, options.segmentation),
  );
  const sentenceSource = { texts: sourceUnits.texts, language: source.language };
  const sentenceTarget = { texts: targetUnits.texts, language: target.language };
  const aligned = alignEvidence(
    buildEvidence(sentenceSource, sentenceTarget, options.lexicon),
    { ...options, doubtLinks: false, anyWidth: false },
    { source: sentenceSource, target: sentenceTarget },
    sentenceBeamWidth * options.bandWidth,
  );
  const links = paragraphLinksFromSentences(aligned.links, sourceUnits, targetUnits, source.texts.length, target.texts.length);
  return { links: sortLinks(links), stats: aligned.stats };
}

/**
 * Aligns two documents' paragraphs. Returns links in document order covering
 * every paragraph exactly once (1:0 and 0:1 links for the unlinked), each with
 * status `auto`, a log-odds `score` and a `confidence` in [0, 1] (its posterior
 * probability). The same input always gives the same links, `prepared`
 * or not.
 */
export function alignParagraphs(source: AlignSide, target: AlignSide, options?: AlignOptions, prepared?: PreparedSides): Link[] {
  return alignParagraphsDetailed(source, target, options, prepared).links;
}

/**
 * Re-aligns only `source[sourceStart, sourceEnd) × target[targetStart,
 * targetEnd)`, typically the stretch between two links a reviewer confirmed.
 * Returns links for that range only, with absolute paragraph indices. The
 * models (length ratio and spread, shape priors, lengths of unlinked
 * paragraphs) come from aligning the whole pair first, and anchor rarity from
 * the whole documents, so a short range is judged with what the rest of the
 * pair shows. Linear in the documents' length, like alignParagraphs.
 */
export function alignRange(source: AlignSide, target: AlignSide, range: AlignRange, options?: AlignOptions): Link[] {
  const { sourceStart, sourceEnd, targetStart, targetEnd } = range;
  const valid = (start: number, end: number, count: number) =>
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= count;
  if (!valid(sourceStart, sourceEnd, source.texts.length) || !valid(targetStart, targetEnd, target.texts.length)) {
    throw new BitextError(
      'invalid-argument',
      `range ${sourceStart}–${sourceEnd} × ${targetStart}–${targetEnd} is outside the documents (${source.texts.length} × ${target.texts.length} paragraphs)`,
    );
  }
  // The whole pair is no range: its alignment is the pair's, pass for pass (a range takes one more pass on the final models).
  if (sourceStart === 0 && targetStart === 0 && sourceEnd === source.texts.length && targetEnd === target.texts.length) {
    return alignParagraphs(source, target, options);
  }
  const resolved = resolveOptions(options);
  const evidence = withMarkPriors(buildEvidence(source, target, resolved.lexicon), source.marks, target.marks);
  const shift = (links: readonly Link[]) =>
    links.map((link) => ({ ...link, source: link.source.map((index) => index + sourceStart), target: link.target.map((index) => index + targetStart) }));
  if (sourceStart === sourceEnd || targetStart === targetEnd) return shift(trivialLinks(sourceEnd - sourceStart, targetEnd - targetStart));
  // The whole pair's models: a short range has too little in it to fit a length ratio or shape priors of its own.
  const whole = alignEvidence(evidence, resolved, { source, target });
  if (resolved.anyWidth && paragraphingDiffers(whole.links, whole.evidence.source.lengths, whole.evidence.target.lengths)) {
    // Paragraphed differently: the range's own sentences, aligned as a pair of their own.
    const part = (side: AlignSide, start: number, end: number) => ({ texts: side.texts.slice(start, end), language: side.language });
    const links = shift(alignBySentences(part(source, sourceStart, sourceEnd), part(target, targetStart, targetEnd), resolved).links);
    return resolved.doubtLinks ? applyDoubts(links, doubtContext(whole.evidence, { source, target })) : links;
  }
  const models = whole.models;
  const slice = sliceEvidence(whole.evidence, sourceStart, sourceEnd, targetStart, targetEnd);
  const sliced: PassModels = {
    ...models,
    unlinkedSource: models.unlinkedSource.slice(sourceStart, sourceEnd),
    unlinkedTarget: models.unlinkedTarget.slice(targetStart, targetEnd),
    joins: models.joins && { source: models.joins.source.slice(sourceStart, sourceEnd), target: models.joins.target.slice(targetStart, targetEnd) },
  };
  const scorer = makeScorer(slice, sliced, resolved);
  const work: Work = { cells: 0, bandWidths: [] };
  const path = trackPass(slice, scorer, resolved, work);
  const search = bandPass(slice, scorer, resolved, path, true, work);
  const links = shift(decodeLinks(search, scorer.scoring.logPriors));
  return resolved.doubtLinks ? applyDoubts(links, doubtContext(whole.evidence, { source, target })) : links;
}
