/**
 * Sentence alignment inside paragraph links: each link's paragraphs are split
 * into sentences (`shared/text/sentences.ts`) and the sentences of its two
 * sides aligned as 1:1, n:m, 1:0 and 0:1, each with a score and a confidence.
 * Groups reach 3 sentences a side, and 6 clauses on a Thai, Lao, Khmer or
 * Burmese side, where the segmenter's units are clauses and an English
 * sentence often spans four or five of them; and in any link as many as the
 * other side's count demands (one unit against five sentences: 5:1).
 *
 * It reuses the paragraph aligner's evidence and scoring at sentence level:
 * the evidence (lengths, anchors, known names, the dictionary; evidence.ts) is
 * built over every sentence of the linked paragraphs, so an anchor's rarity is
 * document-wide; the length model (length-model.ts) starts from the linked
 * paragraphs' ratio and is refitted to the 1:1 sentence links of a first pass,
 * and each key's keep probability (a constant of its kind) to all of them.
 * A group is scored as `LinkScorer` scores one (length log-odds plus, per
 * anchor key, the reward of sharing it or the cost of missing it), written
 * out here because the scorer's tables stop at three paragraphs a side.
 * A link of a few paragraphs is searched whole, exactly; a long one (one
 * 100,000-character paragraph a side) in a band around the diagonal of its
 * running lengths, then around the first pass's path (sentence-search.ts), so
 * its work grows with its sentences, not with their product. Each link's
 * confidence is its posterior probability over all paths of the block (the
 * band's), forward–backward, as at paragraph level.
 *
 * A translator sometimes runs two sentences of the original into one Thai
 * clause, joined by "and" with no space (`…โจมตีไต้หวันและแม้ว่ายูเครน…`,
 * "…attack Taiwan. And although Ukraine…"), which no segmenter can cut without
 * cutting every "Japan and South Korea" too. So the search moves over pieces:
 * sentences, cut further at each such join (`sentenceJoins`), and a sentence
 * link may begin at a join at the prior of what it stands for: the translator
 * merging two sentences of the other side (the other side's factor for a
 * sentence beyond the first, as in a 2:1 link), with the seam at this join
 * ({@link seamAtJoinShare}); and a cut the best path takes stays only if the
 * posteriors favour it ({@link keepLikelyCuts}). Pieces of one sentence that
 * stay in the same link are one sentence again in the result, so where no cut
 * pays, the result is what it was without joins (a 2:1 link where the seam is
 * unclear).
 *
 * Sentence links are computed on demand: they are a function of the
 * paragraph link, the two texts and the segmentation rules, so computing them
 * again after an edit to a text or a link can never leave stale ones behind;
 * the whole corpus pair takes milliseconds. Only a link whose sentence pairs a
 * reviewer fixed stores them (`Link.sentences`; link-sentences.ts prefers them).
 */
import type { Link, LinkStatus, SentenceRef } from '../model/alignment.ts';
import type { Lexicon } from './lexicon.ts';
import { findAnchorChain } from './anchor-chain.ts';
import { buildEvidence, sliceEvidence, type PairEvidence } from './evidence.ts';
import { initialLengthModel, lengthLogOdds, paragraphLength, refitLengthModel, type LengthModel } from './length-model.ts';
import { defaultAlignOptions } from './options.ts';
import { baseLanguage, sentenceJoins, splitSentences, type SegmentationRules } from '../text/sentences.ts';
import { spaceClauseLanguages } from '../text/space-clauses.ts';
import type { GuidePoint } from './band.ts';
import { searchBlockGrid, type BlockSearch, type BlockStep } from './sentence-search.ts';

/** One sentence of a link: which paragraph it is in, and its `[start, end)` in that paragraph's text. */
export type { SentenceRef } from '../model/alignment.ts';

/** A link between sentences of one paragraph link; indices into its `sourceSentences` / `targetSentences`. */
export interface SentenceLink {
  readonly source: readonly number[];
  readonly target: readonly number[];
  /** Log-odds of the group as translations against unrelated text, plus its shape's log prior. */
  readonly score: number;
  /** Posterior probability of this link among all sentence alignments of its paragraph link, in [0, 1]. */
  readonly confidence: number;
  /** Set on stored pairs a reviewer confirmed or rejected (absent: `auto`, as the aligner's always are). */
  readonly status?: LinkStatus;
}

/** The sentence alignment of one paragraph link. */
export interface LinkSentences {
  /** Index of the paragraph link in the alignment's link list. */
  readonly link: number;
  readonly sourceSentences: readonly SentenceRef[];
  readonly targetSentences: readonly SentenceRef[];
  /** In document order, covering every sentence of the link once. */
  readonly links: readonly SentenceLink[];
}

/** One document's paragraphs as the sentence aligner reads them. */
export interface SentenceSide {
  readonly texts: readonly string[];
  /** ISO 639-3 (`eng`, `tha`) or BCP-47 code, `und` when unknown. */
  readonly language: string;
}

/** Options of {@link alignSentences}. */
export interface SentenceAlignOptions {
  /** SRX rules replacing the built-in segmentation (see `srx.ts`). Default: the built-in rules. */
  readonly rules?: SegmentationRules;
  /** A bilingual dictionary, as for the paragraph aligner. Default: none. */
  readonly lexicon?: Lexicon;
  /** Divides scores before the forward–backward sums (as `AlignOptions.temperature`). Default 1. */
  readonly temperature?: number;
}

/** The largest group of sentences on one side of a sentence link, and of clauses on a side split into clauses. */
const largestSentenceGroup = 3;
const largestClauseGroup = 6;

/** Probability of a sentence left without a counterpart inside a linked paragraph: translators rarely drop a sentence. */
const unlinkedShare = 0.05;

/**
 * Given that a translator ran two sentences into one, how likely the seam is at
 * one of its joining conjunctions rather than where none stands (`ข้อ 2 ทุกคน…`,
 * "Article 2 Everyone…", the seam after the number): even odds, shared evenly
 * among the sentence's joins. So a cut must beat leaving the sentences merged
 * (2:1), which is what the seam's place cannot be told from.
 */
const seamAtJoinShare = 0.5;

/**
 * A unit of the search: a sentence, or a piece of one cut at a join; `joined`
 * when it starts at a join rather than at a sentence's start.
 */
interface Piece extends SentenceRef {
  readonly joined: boolean;
  /** How many joins the piece's sentence has. */
  readonly joins: number;
}

/** Both sides' `joined` flags, and the log share of the seam for joined pieces, over the pieces of every block (indices as in the evidence). */
interface Joins {
  readonly source: Uint8Array;
  readonly target: Uint8Array;
  readonly sourceSeam: Float64Array;
  readonly targetSeam: Float64Array;
}

/** Work done by {@link alignSentencesWithStats}, over both passes and every block. */
export interface SentenceAlignStats {
  /** Nodes of the blocks' grids searched (a band retried wider counts again). */
  readonly cells: number;
  /** Steps (candidate sentence links) scored. */
  readonly steps: number;
}

/**
 * Aligns the sentences inside every link of `links` with both sides non-empty.
 * Untranslated links (1:0, 0:1) have no sentence alignment and are left out.
 */
export function alignSentences(
  source: SentenceSide,
  target: SentenceSide,
  links: readonly Pick<Link, 'source' | 'target'>[],
  options: SentenceAlignOptions = {},
): LinkSentences[] {
  return alignSentencesWithStats(source, target, links, options).blocks;
}

/** {@link alignSentences}, with the work it took. */
export function alignSentencesWithStats(
  source: SentenceSide,
  target: SentenceSide,
  links: readonly Pick<Link, 'source' | 'target'>[],
  options: SentenceAlignOptions = {},
): { blocks: LinkSentences[]; stats: SentenceAlignStats } {
  const blocks = links.flatMap((link, index) =>
    link.source.length > 0 && link.target.length > 0
      ? [{ link: index, sourcePieces: piecesOf(source, link.source, options.rules), targetPieces: piecesOf(target, link.target, options.rules) }]
      : [],
  );
  if (blocks.length === 0) return { blocks: [], stats: { cells: 0, steps: 0 } };

  // One evidence over every sentence of every block, blocks side by side, so key frequencies are document-wide.
  const sourceTexts: string[] = [];
  const targetTexts: string[] = [];
  const offsets = blocks.map((block) => {
    const offset = { source: sourceTexts.length, target: targetTexts.length };
    for (const ref of block.sourcePieces) sourceTexts.push((source.texts[ref.paragraph] ?? '').slice(ref.start, ref.end));
    for (const ref of block.targetPieces) targetTexts.push((target.texts[ref.paragraph] ?? '').slice(ref.start, ref.end));
    return offset;
  });
  const evidence = buildEvidence({ texts: sourceTexts, language: source.language }, { texts: targetTexts, language: target.language }, options.lexicon);
  const sourcePieces = blocks.flatMap((block) => block.sourcePieces);
  const targetPieces = blocks.flatMap((block) => block.targetPieces);
  const seam = (piece: Piece) => (piece.joined ? Math.log(seamAtJoinShare / piece.joins) : 0);
  const joins: Joins = {
    source: Uint8Array.from(sourcePieces, (piece) => (piece.joined ? 1 : 0)),
    target: Uint8Array.from(targetPieces, (piece) => (piece.joined ? 1 : 0)),
    sourceSeam: Float64Array.from(sourcePieces, seam),
    targetSeam: Float64Array.from(targetPieces, seam),
  };
  const sentenceCount = (flags: Uint8Array) => flags.length - flags.reduce((sum, flag) => sum + flag, 0);
  const limits = { source: largestGroupFor(source.language, options.rules), target: largestGroupFor(target.language, options.rules) };
  const priors = groupLogPriors(sentenceCount(joins.source) / blocks.length, sentenceCount(joins.target) / blocks.length, limits);
  const temperature = options.temperature ?? defaultAlignOptions.temperature;
  let cells = 0;
  let steps = 0;

  const alignAll = (length: LengthModel, keep: KeepModel, guides?: readonly (readonly GuidePoint[])[]) => {
    const scorer = new GroupScorer(evidence, joins, length, keep);
    return blocks.map((block, index) => {
      const offset = offsets[index]!;
      const searched = searchBlock(scorer, priors, temperature, offset.source, block.sourcePieces.length, offset.target, block.targetPieces.length, guides?.[index]);
      cells += searched.cells;
      steps += searched.steps;
      return searched;
    });
  };
  // First pass with the paragraphs' ratio, second with the ratio and spread refitted to its 1:1 sentence links.
  const start = initialLengthModel(lengthRatio(source, target, links), sentenceLengths(evidence.target.lengths, joins.target));
  const first = alignAll(start, { sourceToTarget: evidence.keepSourceToTarget, targetToSource: evidence.keepTargetToSource });
  const pairs: [number, number][] = [];
  first.forEach((searched, index) => {
    const offset = offsets[index]!;
    for (const link of searched.links) {
      if (link.source.length === 0 || link.target.length === 0) continue;
      const sourceStart = offset.source + link.source[0]!;
      const targetStart = offset.target + link.target[0]!;
      // Whole sentences only: a piece's length says nothing of the ratio.
      if (joins.source[sourceStart] || joins.target[targetStart]) continue;
      if (sentencesIn(joins.source, sourceStart, link.source.length) !== 1 || sentencesIn(joins.target, targetStart, link.target.length) !== 1) continue;
      pairs.push([sumOf(evidence.source.lengths, sourceStart, link.source.length), sumOf(evidence.target.lengths, targetStart, link.target.length)]);
    }
  });
  // The second pass's band follows the first pass's path: the refitted model moves it little.
  const keep = refitKeep(evidence, first.flatMap((searched, index) => searched.links.map((link) => ({ link, offset: offsets[index]! }))));
  const second = alignAll(refitLengthModel(start, pairs), keep, first.map((searched) => searched.guide));
  return {
    blocks: blocks.map((block, index) => ({ link: block.link, ...joinPieces(block.sourcePieces, block.targetPieces, second[index]!.links) })),
    stats: { cells, steps },
  };
}

/** The sentences of a link's paragraphs, in order, cut at their joins. */
function piecesOf(side: SentenceSide, paragraphs: readonly number[], rules: SegmentationRules | undefined): Piece[] {
  return paragraphs.flatMap((paragraph) => {
    const text = side.texts[paragraph] ?? '';
    const joins = sentenceJoins(text, side.language, rules);
    return splitSentences(text, side.language, rules).flatMap((span) => {
      const bounds = [span.start, ...joins.filter((at) => at > span.start && at < span.end), span.end];
      return bounds.slice(1).map((bound, index) => {
        let end = bound;
        while (end > bounds[index]! && /\s/u.test(text[end - 1] as string)) end--;
        return { paragraph, start: bounds[index]!, end, joined: index > 0, joins: bounds.length - 2 };
      });
    });
  });
}

/**
 * The result in sentences: pieces of one sentence that the links keep together
 * are that sentence again; a sentence cut by a link's edge at a join is two.
 */
function joinPieces(
  sourcePieces: readonly Piece[],
  targetPieces: readonly Piece[],
  links: readonly SentenceLink[],
): { sourceSentences: SentenceRef[]; targetSentences: SentenceRef[]; links: SentenceLink[] } {
  const sides = (['source', 'target'] as const).map((side) => {
    const pieces = side === 'source' ? sourcePieces : targetPieces;
    const firstInLink = new Set(links.map((link) => link[side][0]));
    const sentences: SentenceRef[] = [];
    const sentenceOf: number[] = [];
    pieces.forEach((piece, index) => {
      const last = sentences.at(-1);
      if (last && piece.joined && !firstInLink.has(index)) sentences[sentences.length - 1] = { ...last, end: piece.end };
      else sentences.push({ paragraph: piece.paragraph, start: piece.start, end: piece.end });
      sentenceOf.push(sentences.length - 1);
    });
    return { sentences, renumber: (indices: readonly number[]) => [...new Set(indices.map((index) => sentenceOf[index]!))] };
  });
  const [source, target] = sides as [(typeof sides)[number], (typeof sides)[number]];
  return {
    sourceSentences: source.sentences,
    targetSentences: target.sentences,
    links: links.map((link) => ({ ...link, source: source.renumber(link.source), target: target.renumber(link.target) })),
  };
}

/** Lengths of whole sentences from the lengths of their pieces. */
function sentenceLengths(lengths: ArrayLike<number>, joined: Uint8Array): number[] {
  const sentences: number[] = [];
  for (let index = 0; index < joined.length; index++) {
    if (joined[index] && sentences.length > 0) sentences[sentences.length - 1]! += lengths[index]!;
    else sentences.push(lengths[index]!);
  }
  return sentences;
}

/** How many sentences (wholly or in part) the pieces `[start, start + count)` touch. */
function sentencesIn(joined: Uint8Array, start: number, count: number): number {
  let sentences = count > 0 ? 1 : 0;
  for (let index = start + 1; index < start + count; index++) if (!joined[index]) sentences++;
  return sentences;
}

function sumOf(values: ArrayLike<number>, start: number, count: number): number {
  let sum = 0;
  for (let index = start; index < start + count; index++) sum += values[index]!;
  return sum;
}

/** Target characters per source character over the linked paragraphs. */
function lengthRatio(source: SentenceSide, target: SentenceSide, links: readonly Pick<Link, 'source' | 'target'>[]): number {
  let sourceLength = 0;
  let targetLength = 0;
  for (const link of links) {
    if (link.source.length === 0 || link.target.length === 0) continue;
    for (const paragraph of link.source) sourceLength += paragraphLength(source.texts[paragraph] ?? '');
    for (const paragraph of link.target) targetLength += paragraphLength(target.texts[paragraph] ?? '');
  }
  return sourceLength > 0 && targetLength > 0 ? targetLength / sourceLength : 1;
}

/** How many units one side of a sentence link may group: more where the built-in segmenter cuts clauses. */
function largestGroupFor(language: string, rules: SegmentationRules | undefined): number {
  return !rules && spaceClauseLanguages.has(baseLanguage(language)) ? largestClauseGroup : largestSentenceGroup;
}

/** The shape priors: the largest group of each side, and the log prior of each part of a shape. */
interface GroupPriors {
  readonly source: number;
  readonly target: number;
  /** Log prior of a 1:1 link, and the log factor for each sentence beyond the first on a side. */
  readonly linked: number;
  readonly sourceExtra: number;
  readonly targetExtra: number;
  /** Log prior of a 1:0 or 0:1 link. */
  readonly unlinked: number;
  /**
   * Log prior of a link beginning at a join inside a source (target) sentence:
   * the translator ran two target (source) sentences into that one, which is
   * as rare as a sentence beyond the first on the other side.
   */
  readonly sourceJoin: number;
  readonly targetJoin: number;
}

/**
 * The shape priors. Each sentence beyond the first on a side costs the same
 * factor, which is larger on the side that has more sentences per link (Thai
 * clauses against English sentences merge often, English sentences against
 * Thai clauses rarely).
 */
function groupLogPriors(sourcePerBlock: number, targetPerBlock: number, limits: { source: number; target: number }): GroupPriors {
  const extra = (mine: number, theirs: number) => Math.log(Math.min(0.6, Math.max(0.08, 0.08 + 0.5 * (mine / Math.max(theirs, 1e-9) - 1))));
  const sourceExtra = extra(sourcePerBlock, targetPerBlock);
  const targetExtra = extra(targetPerBlock, sourcePerBlock);
  return {
    ...limits,
    linked: Math.log(1 - 2 * unlinkedShare),
    sourceExtra,
    targetExtra,
    unlinked: Math.log(unlinkedShare),
    sourceJoin: targetExtra,
    targetJoin: sourceExtra,
  };
}

/** Log prior of a group of `a` source and `b` target sentences (-Infinity for 0:0 and for 0:2 and the like). */
function groupLogPrior(priors: GroupPriors, a: number, b: number): number {
  if (a === 0 || b === 0) return a + b === 1 ? priors.unlinked : -Infinity;
  return priors.linked + (a - 1) * priors.sourceExtra + (b - 1) * priors.targetExtra;
}

/** Per key, the probability that a translation keeps it, each way (as `PairEvidence.keepSourceToTarget`). */
export interface KeepModel {
  readonly sourceToTarget: Float64Array;
  readonly targetToSource: Float64Array;
}

/**
 * Weight, in sentence links, of the evidence's keep probability (a constant of
 * the key's kind, set for paragraphs) against what the first pass's links show.
 */
const keepPriorLinks = 2;

/**
 * Each key's keep probability refitted to the first pass's links, as the
 * length model is: of the links whose source group has the key, the share
 * whose target group has it too (and the other way), with the evidence's
 * probability counted as {@link keepPriorLinks} links. A translation that
 * names "Japan" wherever its original does keeps the name far more often than
 * the kind's 0.6, and a sentence that leaves it out is then unlikely to be its
 * partner; a name that one side spells in the other's script only sometimes
 * (Nato, นาโต) keeps its low probability.
 */
export function refitKeep(evidence: PairEvidence, links: readonly { link: SentenceLink; offset: { source: number; target: number } }[]): KeepModel {
  const keys = evidence.keyCount;
  const counts = { sourceHas: new Float64Array(keys), sourceKept: new Float64Array(keys), targetHas: new Float64Array(keys), targetKept: new Float64Array(keys) };
  const keysOf = (side: PairEvidence['source'], start: number, count: number) => {
    const found = new Set<number>();
    for (let index = start; index < start + count; index++) {
      for (let at = side.keyStart[index]!; at < side.keyStart[index + 1]!; at++) found.add(side.keys[at]!);
    }
    return found;
  };
  for (const { link, offset } of links) {
    if (link.source.length === 0 || link.target.length === 0) continue;
    const sourceKeys = keysOf(evidence.source, offset.source + link.source[0]!, link.source.length);
    const targetKeys = keysOf(evidence.target, offset.target + link.target[0]!, link.target.length);
    for (const key of sourceKeys) {
      counts.sourceHas[key]!++;
      if (targetKeys.has(key)) counts.sourceKept[key]!++;
    }
    for (const key of targetKeys) {
      counts.targetHas[key]!++;
      if (sourceKeys.has(key)) counts.targetKept[key]!++;
    }
  }
  const refit = (prior: Float64Array, kept: Float64Array, has: Float64Array) =>
    prior.map((keep, key) => (kept[key]! + keepPriorLinks * keep) / (has[key]! + keepPriorLinks));
  return {
    sourceToTarget: refit(evidence.keepSourceToTarget, counts.sourceKept, counts.sourceHas),
    targetToSource: refit(evidence.keepTargetToSource, counts.targetKept, counts.targetHas),
  };
}

/**
 * Evidence for a group of sentences, as `LinkScorer` weighs a group of
 * paragraphs: length log-odds, and per anchor key of either side, the reward
 * for finding it on both sides (against the chance a group of that size has
 * it) or the cost of missing it. A side left empty carries its sentence's own
 * unlinked evidence.
 */
class GroupScorer {
  private readonly seen: Int32Array;
  private epoch = 0;
  /** Running sums over the pieces of each side: lengths, and whole sentences begun (a piece not `joined`). */
  private readonly sourceLengths: Float64Array;
  private readonly targetLengths: Float64Array;
  private readonly sourceStarts: Int32Array;
  private readonly targetStarts: Int32Array;

  constructor(
    readonly evidence: PairEvidence,
    readonly joins: Joins,
    private readonly length: LengthModel,
    private readonly keep: KeepModel,
  ) {
    this.seen = new Int32Array(evidence.keyCount);
    this.sourceLengths = runningSums(evidence.source.lengths);
    this.targetLengths = runningSums(evidence.target.lengths);
    this.sourceStarts = Int32Array.from(runningSums(joins.source.map((flag) => 1 - flag)));
    this.targetStarts = Int32Array.from(runningSums(joins.target.map((flag) => 1 - flag)));
  }

  /** How many sentences (wholly or in part) source pieces `[start, start + count)` touch, as {@link sentencesIn}. */
  sourceSentences(start: number, count: number): number {
    return count > 0 ? 1 + this.sourceStarts[start + count]! - this.sourceStarts[start + 1]! : 0;
  }

  targetSentences(start: number, count: number): number {
    return count > 0 ? 1 + this.targetStarts[start + count]! - this.targetStarts[start + 1]! : 0;
  }

  /** Evidence of linking pieces `[source, source + a)` with `[target, target + b)` (absolute indices). */
  score(source: number, a: number, target: number, b: number): number {
    const evidence = this.evidence;
    if (b === 0) return sumOf(evidence.unlinked.source, source, a);
    if (a === 0) return sumOf(evidence.unlinked.target, target, b);
    // Lengths are whole numbers of characters, so differences of running sums are exact.
    const sourceLength = this.sourceLengths[source + a]! - this.sourceLengths[source]!;
    const targetLength = this.targetLengths[target + b]! - this.targetLengths[target]!;
    // Counted in sentences, as the length model's unrelated text is: a sentence cut in pieces is still one.
    const sourceSentences = this.sourceSentences(source, a);
    const targetSentences = this.targetSentences(target, b);
    const length = lengthLogOdds(this.length, sourceLength, targetLength, targetSentences, sourceSentences + targetSentences > 2);
    return defaultAlignOptions.lengthWeight * length + defaultAlignOptions.anchorWeight * this.anchors(source, a, target, b);
  }

  private anchors(source: number, a: number, target: number, b: number): number {
    const evidence = this.evidence;
    const inTarget = ++this.epoch;
    const counted = ++this.epoch;
    const seen = this.seen;
    const { source: sourceSide, target: targetSide } = evidence;
    for (let index = target; index < target + b; index++) {
      for (let at = targetSide.keyStart[index]!; at < targetSide.keyStart[index + 1]!; at++) seen[targetSide.keys[at]!] = inTarget;
    }
    const sourceTotal = Math.max(evidence.sourceTotal, 1);
    const targetTotal = Math.max(evidence.targetTotal, 1);
    const maximum = defaultAlignOptions.maximumAnchorReward;
    let score = 0;
    for (let index = source; index < source + a; index++) {
      for (let at = sourceSide.keyStart[index]!; at < sourceSide.keyStart[index + 1]!; at++) {
        const key = sourceSide.keys[at]!;
        if (seen[key] === counted) continue;
        const shared = seen[key] === inTarget;
        seen[key] = counted;
        const chanceInTarget = Math.min(0.99, (b * evidence.targetFrequency[key]!) / targetTotal);
        const chanceInSource = Math.min(0.99, (a * evidence.sourceFrequency[key]!) / sourceTotal);
        if (shared) {
          const value = 0.5 * (Math.log(this.keep.sourceToTarget[key]! / chanceInTarget) + Math.log(this.keep.targetToSource[key]! / chanceInSource));
          score += Math.min(Math.max(value, 0), maximum);
        } else {
          score += Math.min(0, Math.log((1 - Math.min(this.keep.sourceToTarget[key]!, 0.999)) / (1 - chanceInTarget)));
        }
      }
    }
    for (let index = target; index < target + b; index++) {
      for (let at = targetSide.keyStart[index]!; at < targetSide.keyStart[index + 1]!; at++) {
        const key = targetSide.keys[at]!;
        if (seen[key] === counted) continue;
        seen[key] = counted;
        const chanceInSource = Math.min(0.99, (a * evidence.sourceFrequency[key]!) / sourceTotal);
        score += Math.min(0, Math.log((1 - Math.min(this.keep.targetToSource[key]!, 0.999)) / (1 - chanceInSource)));
      }
    }
    return score;
  }
}

/**
 * A block of at most this many nodes (a link of up to some 60 sentences a
 * side, every paragraph link of a translation that keeps its original's
 * paragraphs) is searched whole: exact, and a few thousand steps.
 */
const wholeBlockCells = 4096;

/**
 * Half-width, in pieces, of the band of a larger block's first search, around
 * the length diagonal, and of its second, around the first's path. Measured on
 * Genesis as one paragraph a side (1,000 sentences, 651 links): the same links
 * and confidences as the whole grid with 4 and 4; 8 leaves the first search
 * room where the lengths drift from the diagonal.
 */
const firstBandWidth = 8;
const guidedBandWidth = 4;

/**
 * Half-width beyond which a block's band is not widened: it bounds the work of
 * a block to about (pieces) × 4 × this, however the path wanders.
 */
const widestBlockBand = 256;

/** A block's search: its links (piece indices inside the block), its path as a guide for the next pass, and the work. */
interface SearchedBlock {
  readonly links: SentenceLink[];
  readonly guide: GuidePoint[];
  readonly cells: number;
  readonly steps: number;
}

/**
 * The best sentence links of one block (pieces `[s0, s0 + n)` × `[t0, t0 + m)`
 * of the evidence), each with its posterior from the forward and backward
 * sums, searched in a band around `guide` (default: where the two sides'
 * running lengths agree) that covers the whole grid of a small block
 * (sentence-search.ts).
 */
function searchBlock(
  scorer: GroupScorer,
  priors: GroupPriors,
  temperature: number,
  s0: number,
  n: number,
  t0: number,
  m: number,
  guided?: readonly GuidePoint[],
): SearchedBlock {
  const whole = (n + 1) * (m + 1) <= wholeBlockCells;
  const guide = guided ?? (whole ? [] : firstGuide(scorer.evidence, s0, n, t0, m));
  const { source: sourceJoins, target: targetJoins, sourceSeam, targetSeam } = scorer.joins;
  // A side may group as many sentences as the other side's count demands (SRX rules that leave a Thai paragraph
  // whole against five English sentences), so that every block has a path linking all of its sentences.
  const sourceSentences = scorer.sourceSentences(s0, n);
  const targetSentences = scorer.targetSentences(t0, m);
  const largestSource = Math.max(priors.source, Math.ceil(sourceSentences / Math.max(targetSentences, 1)));
  const largestTarget = Math.max(priors.target, Math.ceil(targetSentences / Math.max(sourceSentences, 1)));
  if (Math.max(largestSource, largestTarget) > widestDemandedGroup) return wholeBlock(scorer, priors, s0, n, t0, m);
  // A link that begins inside a sentence, at a join, costs a merge by the translator and the seam's place there.
  const stepPrior = (i: number, j: number, a: number, b: number) =>
    groupLogPrior(priors, scorer.sourceSentences(s0 + i, a), scorer.targetSentences(t0 + j, b)) +
    (a > 0 && sourceJoins[s0 + i] ? priors.sourceJoin + sourceSeam[s0 + i]! : 0) +
    (b > 0 && targetJoins[t0 + j] ? priors.targetJoin + targetSeam[t0 + j]! : 0);
  const scoreOf = (i: number, j: number, a: number, b: number) => {
    const prior = stepPrior(i, j, a, b);
    return prior === -Infinity ? prior : prior + scorer.score(s0 + i, a, t0 + j, b);
  };
  const search = searchBlockGrid(
    {
      sourceCount: n,
      targetCount: m,
      sourceReach: reach(n, (start, count) => scorer.sourceSentences(s0 + start, count) <= largestSource),
      targetReach: reach(m, (start, count) => scorer.targetSentences(t0 + start, count) <= largestTarget),
      score: scoreOf,
      temperature,
    },
    { guide, halfWidth: whole ? Math.max(n, m) : guided ? guidedBandWidth : firstBandWidth, widest: widestBlockBand },
  );
  const path = keepLikelyCuts(search, { source: sourceJoins.subarray(s0, s0 + n), target: targetJoins.subarray(t0, t0 + m) }, scoreOf);
  return {
    links: path.map((step) => ({
      source: range(step.i, step.a),
      target: range(step.j, step.b),
      score: Math.round(step.score * 1e4) / 1e4,
      confidence: Math.round(Math.min(1, search.posterior(step)) * 1e4) / 1e4,
    })),
    guide: search.path.map((step) => ({ source: step.i, target: step.j })),
    cells: search.cells,
    steps: search.scored,
  };
}

/**
 * The most sentences a side's count can demand of one link before the block
 * becomes one link. Each step into a node tries every group up to this size,
 * and scores it in time growing with it: a 100,000-character paragraph of
 * 5,000 short lines against one with no sentence end took minutes. One side
 * with seventeen times the other's sentences has no sentence pairs to tell
 * apart beyond the link itself (against one unit, the one link is the only
 * alignment that links every sentence).
 */
const widestDemandedGroup = 16;

/** A block as one link, the only alignment it is given (see {@link widestDemandedGroup}): confidence 1. */
function wholeBlock(scorer: GroupScorer, priors: GroupPriors, s0: number, n: number, t0: number, m: number): SearchedBlock {
  const prior = groupLogPrior(priors, scorer.sourceSentences(s0, n), scorer.targetSentences(t0, m));
  const score = prior + scorer.score(s0, n, t0, m);
  return { links: [{ source: range(0, n), target: range(0, m), score: Math.round(score * 1e4) / 1e4, confidence: 1 }], guide: [], cells: 0, steps: 1 };
}

/**
 * Per node position `k` (`0 … count`), the most pieces a link ending there
 * may take: the longest run `[k − a, k)` that `fits`. A run that fits still
 * fits shortened from the front, so two pointers find them all.
 */
function reach(count: number, fits: (start: number, count: number) => boolean): Int32Array {
  const most = new Int32Array(count + 1);
  let start = 0;
  for (let end = 0; end <= count; end++) {
    while (start < end && !fits(start, end - start)) start++;
    most[end] = end - start;
  }
  return most;
}

/**
 * The guide of a block's first search: through the pairs of pieces that share
 * rare anchors (a name or a number found in at most two pieces of each side;
 * anchor-chain.ts), so it follows a stretch one side left out; and between
 * them, through the points where the two sides have run through the same share
 * of their characters.
 */
function firstGuide(evidence: PairEvidence, s0: number, n: number, t0: number, m: number): GuidePoint[] {
  const chain = findAnchorChain(sliceEvidence(evidence, s0, s0 + n, t0, t0 + m));
  const vertices = [{ source: 0, target: 0 }, ...chain, { source: n, target: m }];
  const points: GuidePoint[] = [];
  for (let index = 1; index < vertices.length; index++) {
    const from = vertices[index - 1]!;
    const to = vertices[index]!;
    if (index > 1) points.push({ source: from.source, target: from.target });
    for (const point of lengthDiagonal(evidence, s0 + from.source, to.source - from.source, t0 + from.target, to.target - from.target)) {
      points.push({ source: from.source + point.source, target: from.target + point.target });
    }
  }
  return points;
}

/**
 * The points where pieces `[s0, s0 + n)` and `[t0, t0 + m)` have run through
 * the same share of their characters: a fractional target position at each
 * source piece's end.
 */
function lengthDiagonal(evidence: PairEvidence, s0: number, n: number, t0: number, m: number): GuidePoint[] {
  const sourceLengths = evidence.source.lengths;
  const targetLengths = evidence.target.lengths;
  const sourceTotal = sumOf(sourceLengths, s0, n);
  const targetTotal = sumOf(targetLengths, t0, m);
  if (sourceTotal <= 0 || targetTotal <= 0) return [];
  const points: GuidePoint[] = [];
  let sourceRun = 0;
  let targetRun = 0;
  let j = 0;
  for (let i = 0; i < n - 1; i++) {
    sourceRun += sourceLengths[s0 + i]!;
    const wanted = (sourceRun / sourceTotal) * targetTotal;
    while (j < m && targetRun + targetLengths[t0 + j]! <= wanted) targetRun += targetLengths[t0 + j++]!;
    const piece = j < m ? targetLengths[t0 + j]! : 0;
    points.push({ source: i + 1, target: j + (piece > 0 ? (wanted - targetRun) / piece : 0) });
  }
  return points;
}

/**
 * The best path less the cuts at joins that are not more likely than not: a
 * sentence the path cuts at a join (its second piece opens a link) stays whole
 * when, summed over every alignment of the block, its two pieces share a link
 * at least as often as not; the links on either side of the cut become one.
 * The best path takes a cut that beats leaving the sentence whole by a little
 * (a clause's "and" against an English sentence the translator left out,
 * whose length happens to fit); the posterior sees how many other alignments
 * keep it whole, as at paragraph level a paragraph likelier unlinked than
 * linked leaves its link (confidence.ts).
 */
function keepLikelyCuts(
  search: BlockSearch,
  joins: { readonly source: Uint8Array; readonly target: Uint8Array },
  scoreOf: (i: number, j: number, a: number, b: number) => number,
): BlockStep[] {
  const path = search.path;
  const cutAt = (step: BlockStep) => (step.a > 0 && joins.source[step.i] === 1) || (step.b > 0 && joins.target[step.j] === 1);
  if (!path.some(cutAt)) return [...path];
  // Per side, probability that pieces `at - 1` and `at` are in one link: the posteriors of the steps holding both.
  const together = search.together();
  const kept: BlockStep[] = [];
  for (const step of path) {
    let needSource = step.a > 0 && joins.source[step.i] === 1 && together.source[step.i]! >= 0.5;
    let needTarget = step.b > 0 && joins.target[step.j] === 1 && together.target[step.j]! >= 0.5;
    if (!needSource && !needTarget) {
      kept.push(step);
      continue;
    }
    // Back to the links holding the pieces before the cut; every step between them goes into the one link.
    const popped: BlockStep[] = [];
    while ((needSource || needTarget) && kept.length > 0) {
      const last = kept.pop()!;
      popped.push(last);
      if (last.a > 0) needSource = false;
      if (last.b > 0) needTarget = false;
    }
    const first = popped.at(-1) ?? step;
    const merged = { i: first.i, j: first.j, a: step.i + step.a - first.i, b: step.j + step.b - first.j, score: 0 };
    const score = scoreOf(merged.i, merged.j, merged.a, merged.b);
    if (score === -Infinity) kept.push(...popped.reverse(), step);
    else kept.push({ ...merged, score });
  }
  return kept;
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => start + index);
}

/** Running sums: `[0, v0, v0 + v1, …]`. */
function runningSums(values: ArrayLike<number>): Float64Array {
  const sums = new Float64Array(values.length + 1);
  for (let index = 0; index < values.length; index++) sums[index + 1] = sums[index]! + values[index]!;
  return sums;
}
